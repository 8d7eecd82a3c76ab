/**
 * What the demo's pre-flight services hold, so "Check Failure Destination" shows each kind of
 * answer on the sample mappings: orders-consumer's role may not send to its queue (a failing
 * role), the audit mapping's queue is encrypted with a key the role may not use (a failing key),
 * CloudWatch counts recent delivery failures for orders-consumer, and the payments mapping, whose
 * bucket the role may write to, belongs to a CloudFormation stack.
 */
import { demoArn } from './demoData';
import { ACCOUNT_ID } from './httpUtil';
import type { LoopbackLambda } from './lambdaServer';
import type { PreflightServers } from './preflightServers';
import type { LoopbackSqs } from './sqsServer';

export const AUDIT_QUEUE_NAME = 'orders-audit-failures';
export const AUDIT_KEY_ALIAS = 'alias/orders-audit-failures';
export const PAYMENTS_STACK = 'payments-prod';

/** Seeds roles, the audit queue's key, metrics and tags; the mappings come from seedDemo. */
export function seedPreflight(lambda: LoopbackLambda, sqs: LoopbackSqs, servers: PreflightServers, uuids: { ordersMsk: string; paymentsKafka: string }): void {
	const region = lambda.region;
	const account = ACCOUNT_ID;
	const cluster = lambda.getMapping(uuids.ordersMsk)?.EventSourceArn ?? '*';
	const auditQueue = demoArn('sqs', region, AUDIT_QUEUE_NAME);
	// orders-consumer's role reads its cluster and writes to the audit queue, but was never granted sqs:SendMessage on its failure queue.
	servers.iam.addRole(`arn:aws:iam::${account}:role/orders-consumer-role`, {
		'orders-consumer-kafka': [
			{
				Effect: 'Allow',
				Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeGroup', 'kafka-cluster:ReadData', 'kafka-cluster:DescribeTopic'],
				Resource: '*',
			},
		],
		'orders-audit-destination': [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: auditQueue }],
	});
	servers.iam.addRole(`arn:aws:iam::${account}:role/payments-consumer-role`, {
		'payments-destination': [
			{ Effect: 'Allow', Action: 's3:PutObject', Resource: `${demoArn('s3', region, 'payments-consumer-failures')}/*` },
			{ Effect: 'Allow', Action: 's3:ListBucket', Resource: demoArn('s3', region, 'payments-consumer-failures') },
		],
	});
	servers.kms.createKey({
		id: '5f1c9a2e-8b7d-4c3a-9e61-2d4f8a0b7c15',
		aliases: [AUDIT_KEY_ALIAS],
		policy: {
			Version: '2012-10-17',
			Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
		},
	});
	sqs.setQueueAttributes(AUDIT_QUEUE_NAME, { KmsMasterKeyId: AUDIT_KEY_ALIAS });
	servers.kafka.addTopics(cluster, ['order-events', 'order-audit']);
	const hourAgo = new Date(Date.now() - 3600_000);
	servers.cloudWatch.putDatapoint({
		namespace: 'AWS/Lambda',
		metric: 'DestinationDeliveryFailures',
		dimensions: { FunctionName: 'orders-consumer' },
		at: hourAgo,
		value: 12,
	});
	lambda.tagResource(`arn:aws:lambda:${region}:${account}:event-source-mapping:${uuids.paymentsKafka}`, { 'aws:cloudformation:stack-name': PAYMENTS_STACK });
}
