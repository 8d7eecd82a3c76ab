/**
 * The pre-flight check end to end below the UI: the real SDK adapters against the loopback
 * services, for each row's pass, fail and could-not-check, with the exact requests sent.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { UserFacingException } from '../../client/src/aws/errors';
import { preflightOf } from '../../client/src/preflight/applyPreflight';
import type { MappingConfiguration } from '../../client/src/aws/lambdaApi';
import type { CheckId, CheckRow, PreflightReport } from '../../shared/preflight/types';
import type { PolicyStatement } from '../loopback/iamPolicies';
import { applyDocument } from '../../client/src/apply/applyFlow';
import { checkFailureDestination } from '../../client/src/preflight/checkFlow';
import { CLUSTER, FUNCTION, harness, REGION, serverChecksFor } from './harness';
import type { PreflightWorld } from './preflightWorld';
import { ROLE, startWorld } from './preflightWorld';

const QUEUE_NAME = 'orders-failures';
const QUEUE_ARN = `arn:aws:sqs:${REGION}:123456789012:${QUEUE_NAME}`;
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:123456789012:function:${FUNCTION}`;
const UUID = 'a3f5c2d1-7b8e-4f6a-9c0d-1e2f3a4b5c6d';
const NOW = new Date('2026-12-04T12:00:00.000Z');

const allow = (actions: string[], resource: string): PolicyStatement => ({ Effect: 'Allow', Action: actions, Resource: resource });
const deny = (actions: string[], resource: string): PolicyStatement => ({ Effect: 'Deny', Action: actions, Resource: resource });

function mapping(destination: string, extra: Partial<MappingConfiguration> = {}): MappingConfiguration {
	return {
		UUID,
		FunctionArn: FUNCTION_ARN,
		EventSourceArn: CLUSTER,
		Topics: ['orders'],
		ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
		DestinationConfig: { OnFailure: { Destination: destination } },
		...extra,
	};
}

function rowOf(report: PreflightReport, id: CheckId): CheckRow {
	const found = report.rows.find((r) => r.id === id);
	assert.ok(found, `row ${id}`);
	return found;
}

function verdicts(report: PreflightReport): Record<string, string> {
	return Object.fromEntries(report.rows.map((r) => [r.id, r.verdict]));
}

describe('pre-flight check against the loopback services', () => {
	let world: PreflightWorld;

	beforeEach(async () => {
		world = await startWorld();
		world.lambda.addFunction(FUNCTION);
		world.lambda.addMapping({ UUID, FunctionName: FUNCTION, EventSourceArn: CLUSTER, Topics: ['orders'], StartingPosition: 'LATEST' });
		world.sqs.createQueue(QUEUE_NAME);
		world.iam.addRole(ROLE, { 'orders-consumer-destinations': [allow(['sqs:SendMessage'], QUEUE_ARN)] });
	});

	afterEach(async () => {
		await world.closeAll();
	});

	async function check(target: MappingConfiguration, document?: unknown): Promise<PreflightReport> {
		const sources = world.sources();
		try {
			return await preflightOf(sources, target, REGION, document, NOW);
		} finally {
			sources.dispose();
		}
	}

	it('passes a reachable SQS queue the role may send to, sending exactly the reads it needs', async () => {
		const report = await check(mapping(QUEUE_ARN));
		assert.deepEqual(verdicts(report), { destination: 'pass', role: 'pass', encryption: 'pass', delivery: 'pass', drift: 'pass' });
		assert.deepEqual(
			world.sqs.requests.map((r) => [r.operation, r.body]),
			[
				['GetQueueUrl', { QueueName: QUEUE_NAME, QueueOwnerAWSAccountId: '123456789012' }],
				['GetQueueAttributes', { QueueUrl: world.sqs.queueUrl(QUEUE_NAME), AttributeNames: ['Policy', 'KmsMasterKeyId'] }],
			],
		);
		const simulate = world.iam.requestsFor('SimulatePrincipalPolicy');
		assert.equal(simulate.length, 1);
		assert.equal(simulate[0]?.params['PolicySourceArn'], ROLE);
		assert.equal(simulate[0]?.params['ActionNames.member.1'], 'sqs:SendMessage');
		assert.equal(simulate[0]?.params['ResourceArns.member.1'], QUEUE_ARN);
		assert.equal(simulate[0]?.params['ResourcePolicy'], undefined, 'the queue has no policy to send');
		assert.deepEqual(
			world.lambda.requests.map((r) => [r.operation, r.path]),
			[
				['GetFunctionConfiguration', `/2015-03-31/functions/${FUNCTION}/configuration`],
				['ListTags', `/2017-03-31/tags/arn:aws:lambda:${REGION}:123456789012:event-source-mapping:${UUID}`],
			],
		);
		const metric = world.cloudWatch.requestsFor('GetMetricData')[0]?.params as { StartTime: number; EndTime: number; MetricDataQueries: unknown[] };
		assert.equal(metric.EndTime - metric.StartTime, 86400);
		assert.deepEqual(metric.MetricDataQueries, [
			{
				Id: 'deliveryFailures',
				MetricStat: {
					Metric: { Namespace: 'AWS/Lambda', MetricName: 'DestinationDeliveryFailures', Dimensions: [{ Name: 'FunctionName', Value: FUNCTION }] },
					Period: 3600,
					Stat: 'Sum',
				},
				ReturnData: true,
			},
		]);
		assert.equal(world.kms.requests.length, 0, 'no key, no KMS call');
	});

	it('fails a queue that does not exist, and cannot judge its encryption', async () => {
		const missing = `arn:aws:sqs:${REGION}:123456789012:no-such-queue`;
		const report = await check(mapping(missing));
		const destination = rowOf(report, 'destination');
		assert.equal(destination.verdict, 'fail');
		assert.match(destination.detail, /There is no SQS queue arn:aws:sqs:us-east-1:123456789012:no-such-queue in us-east-1 of account 123456789012/);
		assert.match(destination.fix ?? '', /Create the SQS queue/);
		assert.equal(rowOf(report, 'encryption').verdict, 'unknown');
	});

	it('fails a role no policy lets send, offering the least-privilege statement', async () => {
		world.iam.addRole(ROLE, { 'orders-consumer-basic': [allow(['logs:*'], '*')] });
		const role = rowOf(await check(mapping(QUEUE_ARN)), 'role');
		assert.equal(role.verdict, 'fail');
		assert.match(role.detail, /is not allowed sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:orders-failures \(no policy grants it\)/);
		assert.equal(role.policies?.length, 1);
		assert.deepEqual(JSON.parse(role.policies?.[0]?.json ?? '{}'), {
			Version: '2012-10-17',
			Statement: [{ Sid: 'AllowOnFailureDestination', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: QUEUE_ARN }],
		});
		assert.match(role.policies?.[0]?.target ?? '', /execution role orders-consumer-role/);
	});

	it('fails an explicit deny in the role, naming the policy and offering no statement to add', async () => {
		world.iam.addRole(ROLE, { 'allow-all-sqs': [allow(['sqs:*'], '*')], 'freeze-queues': [deny(['sqs:Send*'], 'arn:aws:sqs:*:*:orders-*')] });
		const role = rowOf(await check(mapping(QUEUE_ARN)), 'role');
		assert.equal(role.verdict, 'fail');
		assert.match(role.detail, /sqs:SendMessage on .* is explicitly denied by freeze-queues/);
		assert.match(role.fix ?? '', /Remove or narrow the Deny statement/);
		assert.equal(role.policies, undefined);
	});

	it("sends the queue's policy with the simulation, so a Deny there fails the role", async () => {
		const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: ROLE }, Action: 'sqs:SendMessage', Resource: QUEUE_ARN }] };
		world.sqs.setQueueAttributes(QUEUE_NAME, { Policy: JSON.stringify(policy) });
		const role = rowOf(await check(mapping(QUEUE_ARN)), 'role');
		assert.equal(role.verdict, 'fail');
		assert.match(role.detail, /explicitly denied by ResourcePolicy/);
		assert.deepEqual(JSON.parse(String(world.iam.requestsFor('SimulatePrincipalPolicy')[0]?.params['ResourcePolicy'])), policy);
	});

	it('says "could not check", naming the action, when the checker may not simulate', async () => {
		world.iam.failAlways({
			operation: 'SimulatePrincipalPolicy',
			status: 403,
			code: 'AccessDenied',
			message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:SimulatePrincipalPolicy',
		});
		const report = await check(mapping(QUEUE_ARN));
		const role = rowOf(report, 'role');
		assert.equal(role.verdict, 'unknown');
		assert.match(role.detail, /Could not check what .* may do: your identity is not allowed iam:SimulatePrincipalPolicy\./);
		assert.equal(rowOf(report, 'destination').verdict, 'pass');
	});

	describe('customer managed KMS key on the queue', () => {
		const trustsAccount = { Sid: 'Enable IAM policies', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' };

		it('fails when the role may not use the key, offering the key-policy and role statements', async () => {
			const key = world.kms.createKey({ policy: { Version: '2012-10-17', Statement: [trustsAccount] }, aliases: ['alias/orders'] });
			world.sqs.setQueueAttributes(QUEUE_NAME, { KmsMasterKeyId: 'alias/orders' });
			const encryption = rowOf(await check(mapping(QUEUE_ARN)), 'encryption');
			assert.equal(encryption.verdict, 'fail');
			assert.match(encryption.detail, new RegExp(`encrypted with ${key}, and ${ROLE} may not kms:Decrypt, kms:GenerateDataKey`));
			assert.deepEqual(JSON.parse(encryption.policies?.[0]?.json ?? '{}'), {
				Sid: 'AllowLambdaDestinationDelivery',
				Effect: 'Allow',
				Principal: { AWS: ROLE },
				Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
				Resource: '*',
			});
			assert.deepEqual(
				world.kms.requests.map((r) => [r.operation, r.params]),
				[
					['DescribeKey', { KeyId: 'alias/orders' }],
					['GetKeyPolicy', { KeyId: key, PolicyName: 'default' }],
				],
			);
			const kmsSimulation = world.iam.requestsFor('SimulatePrincipalPolicy')[1]?.params ?? {};
			assert.deepEqual(
				[kmsSimulation['ActionNames.member.1'], kmsSimulation['ActionNames.member.2'], kmsSimulation['ResourceArns.member.1']],
				['kms:Decrypt', 'kms:GenerateDataKey', key],
			);
		});

		it('passes when the role is granted the key through IAM and the key policy lets IAM count', async () => {
			const key = world.kms.createKey({ policy: { Version: '2012-10-17', Statement: [trustsAccount] } });
			world.sqs.setQueueAttributes(QUEUE_NAME, { KmsMasterKeyId: key });
			world.iam.addRole(ROLE, { destinations: [allow(['sqs:SendMessage'], QUEUE_ARN), allow(['kms:Decrypt', 'kms:GenerateDataKey'], key)] });
			assert.equal(rowOf(await check(mapping(QUEUE_ARN)), 'encryption').verdict, 'pass');
		});

		it('fails when the key policy does not let IAM policies count, whatever the role is granted', async () => {
			const key = world.kms.createKey({
				policy: {
					Version: '2012-10-17',
					Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/admin' }, Action: 'kms:*', Resource: '*' }],
				},
			});
			world.sqs.setQueueAttributes(QUEUE_NAME, { KmsMasterKeyId: key });
			world.iam.addRole(ROLE, { destinations: [allow(['sqs:SendMessage'], QUEUE_ARN), allow(['kms:*'], '*')] });
			const encryption = rowOf(await check(mapping(QUEUE_ARN)), 'encryption');
			assert.equal(encryption.verdict, 'fail');
			assert.match(encryption.fix ?? '', /does not let IAM policies of account 123456789012 grant use of the key/);
			assert.equal(encryption.policies?.length, 1);
		});

		it('passes an AWS managed key without asking KMS', async () => {
			world.sqs.setQueueAttributes(QUEUE_NAME, { KmsMasterKeyId: 'alias/aws/sqs' });
			const encryption = rowOf(await check(mapping(QUEUE_ARN)), 'encryption');
			assert.equal(encryption.verdict, 'pass');
			assert.equal(world.kms.requests.length, 0);
		});

		it('says "could not check" when the checker may not describe the key', async () => {
			world.kms.createKey({ policy: { Statement: [trustsAccount] }, aliases: ['alias/orders'] });
			world.sqs.setQueueAttributes(QUEUE_NAME, { KmsMasterKeyId: 'alias/orders' });
			world.kms.failAlways({ operation: 'DescribeKey', status: 400, code: 'AccessDeniedException', message: 'not authorized to perform: kms:DescribeKey' });
			const encryption = rowOf(await check(mapping(QUEUE_ARN)), 'encryption');
			assert.equal(encryption.verdict, 'unknown');
			assert.match(encryption.detail, /your identity is not allowed kms:DescribeKey/);
		});
	});

	describe('SNS and S3 destinations', () => {
		it('checks an SNS topic with sns:Publish and its key', async () => {
			const key = world.kms.createKey({ policy: { Statement: [] } });
			const topic = world.sns.createTopic('orders-failures', { KmsMasterKeyId: key });
			world.iam.addRole(ROLE, { destinations: [allow(['sns:Publish'], topic)] });
			const report = await check(mapping(topic));
			assert.deepEqual(verdicts(report), { destination: 'pass', role: 'pass', encryption: 'fail', delivery: 'pass', drift: 'pass' });
			assert.deepEqual(
				world.sns.requests.map((r) => [r.operation, r.params['TopicArn']]),
				[['GetTopicAttributes', topic]],
			);
		});

		it('fails a topic that does not exist', async () => {
			const report = await check(mapping(`arn:aws:sns:${REGION}:123456789012:gone`));
			assert.equal(rowOf(report, 'destination').verdict, 'fail');
		});

		it('asks for s3:PutObject on the objects and s3:ListBucket on the bucket, and only GenerateDataKey on its key', async () => {
			const key = world.kms.createKey({
				policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] },
			});
			world.s3.setBucketSettings('payments-failures', { kmsKey: key });
			world.iam.addRole(ROLE, { destinations: [allow(['s3:PutObject'], 'arn:aws:s3:::payments-failures/*')] });
			const report = await check(mapping('arn:aws:s3:::payments-failures'));
			const role = rowOf(report, 'role');
			assert.equal(role.verdict, 'fail');
			assert.match(role.detail, /not allowed s3:ListBucket on arn:aws:s3:::payments-failures \(/);
			const simulations = world.iam.requestsFor('SimulatePrincipalPolicy').map((r) => [r.params['ActionNames.member.1'], r.params['ResourceArns.member.1']]);
			assert.deepEqual(simulations, [
				['s3:PutObject', 'arn:aws:s3:::payments-failures/*'],
				['s3:ListBucket', 'arn:aws:s3:::payments-failures'],
				['kms:GenerateDataKey', key],
			]);
			assert.deepEqual(
				world.s3.requests.map((r) => r.operation),
				['GetBucketLocation', 'GetBucketPolicy', 'GetBucketEncryption'],
			);
		});

		it('fails a bucket that does not exist', async () => {
			const destination = rowOf(await check(mapping('arn:aws:s3:::no-such-bucket')), 'destination');
			assert.equal(destination.verdict, 'fail');
			assert.match(destination.detail, /There is no S3 bucket arn:aws:s3:::no-such-bucket/);
		});
	});

	describe('kafka:// destinations', () => {
		it('fails on-demand mode and a source topic before asking anything', async () => {
			const onDemand = await check(mapping('kafka://orders-dlq', { ProvisionedPollerConfig: undefined }));
			assert.match(rowOf(onDemand, 'destination').detail, /needs the mapping in provisioned mode/);
			const loop = await check(mapping('kafka://orders'));
			assert.match(rowOf(loop, 'destination').detail, /is a source topic of this mapping/);
			assert.equal(world.kafka.requests.length, 0);
		});

		it('asks MSK whether the topic exists, and IAM for the kafka-cluster actions', async () => {
			const missing = await check(mapping('kafka://orders-dlq'));
			assert.equal(rowOf(missing, 'destination').verdict, 'fail');
			assert.deepEqual(world.kafka.requests[0]?.params, { ClusterArn: CLUSTER, TopicName: 'orders-dlq' });
			world.kafka.addTopics(CLUSTER, ['orders-dlq']);
			const topicArn = 'arn:aws:kafka:us-east-1:123456789012:topic/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3/orders-dlq';
			world.iam.addRole(ROLE, {
				msk: [allow(['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], CLUSTER), allow(['kafka-cluster:WriteData'], topicArn)],
			});
			const report = await check(mapping('kafka://orders-dlq'));
			assert.equal(rowOf(report, 'destination').verdict, 'pass');
			const role = rowOf(report, 'role');
			assert.equal(role.verdict, 'fail');
			assert.match(role.detail, /not allowed kafka-cluster:DescribeTopic on arn:aws:kafka:us-east-1:123456789012:topic\/orders-prod\/.*\/orders-dlq/);
			assert.equal(rowOf(report, 'encryption').verdict, 'n/a');
		});

		it('cannot see a self-managed cluster, and leaves its ACLs to the user', async () => {
			const report = await check(
				mapping('kafka://payments-dlq', { EventSourceArn: undefined, SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['k:9092'] } } }),
			);
			assert.equal(rowOf(report, 'destination').verdict, 'unknown');
			assert.equal(rowOf(report, 'role').verdict, 'n/a');
		});
	});

	describe('what the checker itself may not read is "could not check", naming the action', () => {
		it('the function configuration (the role) and the mapping tags', async () => {
			world.lambda.injectFault({ operation: 'GetFunctionConfiguration', kind: 'access-denied' });
			world.lambda.injectFault({ operation: 'ListTags', kind: 'access-denied' });
			const report = await check(mapping(QUEUE_ARN));
			assert.match(
				rowOf(report, 'role').detail,
				/^Could not check the function's execution role: your identity is not allowed lambda:GetFunctionConfiguration\.$/,
			);
			assert.equal(rowOf(report, 'encryption').verdict, 'pass', 'no key: the role is not needed to answer');
			assert.deepEqual(
				[rowOf(report, 'drift').verdict, rowOf(report, 'drift').detail],
				['unknown', "Could not check the mapping's tags: your identity is not allowed lambda:ListTags."],
			);
			assert.equal(world.iam.requests.length, 0, 'no role, nothing to simulate');
		});

		it('the topic', async () => {
			const topic = world.sns.createTopic('orders-failures');
			world.sns.failAlways({
				operation: 'GetTopicAttributes',
				status: 403,
				code: 'AuthorizationError',
				message: 'User is not authorized to perform: SNS:GetTopicAttributes',
			});
			const destination = rowOf(await check(mapping(topic)), 'destination');
			assert.deepEqual(
				[destination.verdict, destination.detail],
				['unknown', 'Could not check the SNS topic: your identity is not allowed sns:GetTopicAttributes.'],
			);
		});

		it('the key policy: the simulation goes on with IAM policies alone, and says so', async () => {
			const key = world.kms.createKey({ policy: { Statement: [] } });
			world.sqs.setQueueAttributes(QUEUE_NAME, { KmsMasterKeyId: key });
			world.iam.addRole(ROLE, { destinations: [allow(['sqs:SendMessage'], QUEUE_ARN), allow(['kms:Decrypt', 'kms:GenerateDataKey'], key)] });
			world.kms.failAlways({ operation: 'GetKeyPolicy', status: 400, code: 'AccessDeniedException', message: 'not authorized to perform: kms:GetKeyPolicy' });
			const encryption = rowOf(await check(mapping(QUEUE_ARN)), 'encryption');
			assert.equal(encryption.verdict, 'pass');
			assert.match(encryption.detail, /The key policy could not be read \(kms:GetKeyPolicy\), so only IAM policies were evaluated\.$/);
		});
	});

	it('fails a destination that is no queue, topic, bucket or topic of the cluster', async () => {
		const report = await check(mapping(`arn:aws:lambda:${REGION}:123456789012:function:other`));
		assert.deepEqual(verdicts(report), { destination: 'fail', role: 'n/a', encryption: 'n/a', delivery: 'pass', drift: 'pass' });
	});

	it('fails a mapping without a destination, with nothing else to ask of it', async () => {
		const report = await check(mapping(''));
		assert.deepEqual(verdicts(report), { destination: 'fail', role: 'n/a', encryption: 'n/a', delivery: 'pass', drift: 'pass' });
		assert.equal(world.iam.requests.length, 0);
	});

	it('reports delivery failures of the last day, and says when the metric cannot be read', async () => {
		const at = new Date(NOW.getTime() - 3600_000);
		world.cloudWatch.putDatapoint({ namespace: 'AWS/Lambda', metric: 'DestinationDeliveryFailures', dimensions: { FunctionName: FUNCTION }, at, value: 7 });
		world.cloudWatch.putDatapoint({
			namespace: 'AWS/Lambda',
			metric: 'DestinationDeliveryFailures',
			dimensions: { FunctionName: FUNCTION },
			at: new Date(NOW.getTime() - 2 * 86400_000),
			value: 100,
		});
		const delivery = rowOf(await check(mapping(QUEUE_ARN)), 'delivery');
		assert.equal(delivery.verdict, 'fail');
		assert.match(delivery.detail, /reports 7 DestinationDeliveryFailures/);
		world.cloudWatch.failAlways({
			operation: 'GetMetricData',
			status: 403,
			code: 'AccessDenied',
			queryCode: 'AccessDenied',
			message: 'not authorized to perform: cloudwatch:GetMetricData',
		});
		const unreadable = rowOf(await check(mapping(QUEUE_ARN)), 'delivery');
		assert.equal(unreadable.verdict, 'unknown');
		assert.match(unreadable.detail, /not allowed cloudwatch:GetMetricData/);
	});

	it('flags a mapping a CloudFormation stack owns, naming the stack', async () => {
		world.lambda.tagResource(`arn:aws:lambda:${REGION}:123456789012:event-source-mapping:${UUID}`, { 'aws:cloudformation:stack-name': 'orders-prod' });
		const drift = rowOf(await check(mapping(QUEUE_ARN)), 'drift');
		assert.equal(drift.verdict, 'warn');
		assert.match(drift.detail, /belongs to CloudFormation stack orders-prod/);
	});

	it('checks the destination of the document to be applied, not the current one', async () => {
		const report = await check(mapping('arn:aws:sqs:us-east-1:123456789012:old'), { OnFailure: { Destination: QUEUE_ARN } });
		assert.equal(report.destination, QUEUE_ARN);
		assert.equal(report.fromDocument, true);
		assert.equal(rowOf(report, 'destination').verdict, 'pass');
	});

	it('signs every request with SigV4 for the right service, and IAM refuses an expired key before any row is written', async () => {
		const topic = world.sns.createTopic('t');
		world.kms.createKey({ policy: { Statement: [] }, aliases: ['alias/t'] });
		world.sns.createTopic('t', { KmsMasterKeyId: 'alias/t' });
		await check(mapping(topic));
		await check(mapping('kafka://orders-dlq'));
		const scopes = (headers: string[]): string[] => [
			...new Set(headers.map((h) => /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(h)?.slice(1).join(' ') ?? '?')),
		];
		assert.deepEqual(scopes(world.sns.authorizationHeaders), ['us-east-1 sns']);
		assert.deepEqual(scopes(world.iam.authorizationHeaders), ['us-east-1 iam']);
		assert.deepEqual(scopes(world.kms.authorizationHeaders), ['us-east-1 kms']);
		assert.deepEqual(scopes(world.cloudWatch.authorizationHeaders), ['us-east-1 monitoring']);
		assert.deepEqual(scopes(world.kafka.authorizationHeaders), ['us-east-1 kafka']);
		world.iam.expireCredentials('AKIDAPPLYTESTS000001');
		await assert.rejects(
			check(mapping(QUEUE_ARN)),
			(error: unknown) => error instanceof UserFacingException && error.userFacing.kind === 'expired-credentials',
		);
	});

	it('cannot run at all with expired credentials: that is no row, it throws', async () => {
		for (const server of [world.lambda, world.sqs, world.iam, world.cloudWatch]) {
			server.expireCredentials('AKIDAPPLYTESTS000001');
		}
		await assert.rejects(
			check(mapping(QUEUE_ARN)),
			(error: unknown) => error instanceof UserFacingException && error.userFacing.kind === 'expired-credentials',
		);
	});
});

describe('pre-flight inside Apply', () => {
	let world: PreflightWorld;

	beforeEach(async () => {
		world = await startWorld();
		world.lambda.addMapping({ UUID, FunctionName: FUNCTION, EventSourceArn: CLUSTER, Topics: ['orders'], StartingPosition: 'LATEST' });
		world.sqs.createQueue(QUEUE_NAME);
		world.iam.addRole(ROLE, { basic: [allow(['logs:*'], '*')] });
	});

	afterEach(async () => {
		await world.closeAll();
	});

	it('shows the failures of the destination about to be applied in the same confirmation', async () => {
		const text = JSON.stringify({ UUID, DestinationConfig: { OnFailure: { Destination: QUEUE_ARN } } }, null, 2);
		const { deps, ui } = harness(world.lambda, { confirm: false });
		const sources = world.sources();
		try {
			const outcome = await applyDocument({ ...deps, preflight: sources }, { text, server: serverChecksFor(text) }, 'apply');
			assert.equal(outcome.status, 'cancelled');
		} finally {
			sources.dispose();
		}
		const review = ui.reviews[0];
		assert.ok(review, 'the confirmation was shown');
		const preflight = review.warnings.filter((w) => w.startsWith('Pre-flight'));
		assert.equal(preflight.length, 1);
		assert.match(
			preflight[0] ?? '',
			/^Pre-flight, the execution role may deliver to it: .* is not allowed sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:orders-failures .* Fix: Grant the execution role sqs:SendMessage/,
		);
		assert.ok(ui.progressUpdates.some((u) => u.message === 'Checking the failure path…'));
		assert.deepEqual(world.lambda.requestsFor('UpdateEventSourceMapping'), [], 'nothing was sent');
	});

	it('notes that every check passed when they do', async () => {
		world.iam.addRole(ROLE, { destinations: [allow(['sqs:SendMessage'], QUEUE_ARN)] });
		const text = JSON.stringify({ UUID, DestinationConfig: { OnFailure: { Destination: QUEUE_ARN } } });
		const { deps, ui } = harness(world.lambda, { confirm: false });
		const sources = world.sources();
		try {
			await applyDocument({ ...deps, preflight: sources }, { text, server: serverChecksFor(text) }, 'apply');
		} finally {
			sources.dispose();
		}
		assert.ok(ui.reviews[0]?.notes.includes('Pre-flight: every check of the failure path passed.'));
		assert.equal(ui.reviews[0]?.warnings.filter((w) => w.startsWith('Pre-flight')).length, 0);
	});
});

describe('the Check Failure Destination flow', () => {
	let world: PreflightWorld;

	beforeEach(async () => {
		world = await startWorld();
		world.lambda.addMapping({
			UUID,
			FunctionName: FUNCTION,
			EventSourceArn: CLUSTER,
			Topics: ['orders'],
			StartingPosition: 'LATEST',
			DestinationConfig: { OnFailure: { Destination: QUEUE_ARN } },
		});
		world.lambda.addMapping({
			UUID: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
			FunctionName: FUNCTION,
			EventSourceArn: `arn:aws:sqs:${REGION}:123456789012:intake`,
		});
		world.sqs.createQueue(QUEUE_NAME);
		world.iam.addRole(ROLE, { destinations: [allow(['sqs:SendMessage'], QUEUE_ARN)] });
	});

	afterEach(async () => {
		await world.closeAll();
	});

	it('picks the function and its Kafka mapping, then checks it read-only', async () => {
		const { deps, ui } = harness(world.lambda);
		const sources = world.sources();
		try {
			const outcome = await checkFailureDestination({ ...deps, sources, now: () => NOW });
			assert.equal(outcome.status, 'checked');
			assert.deepEqual(
				ui.mappingItems[0]?.map((item) => item.uuid),
				[UUID],
				'only Kafka mappings are offered',
			);
			assert.ok(ui.progressUpdates.some((u) => u.message === `Checking the failure path of ${UUID}…`));
		} finally {
			sources.dispose();
		}
		const writes = world.lambda.requests.filter((r) => r.method !== 'GET');
		assert.deepEqual(writes, [], 'nothing but reads reached Lambda');
	});

	it('refuses a mapping that does not read Kafka, named by UUID', async () => {
		const { deps } = harness(world.lambda);
		const sources = world.sources();
		try {
			const outcome = await checkFailureDestination({ ...deps, sources }, { uuid: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a' });
			assert.deepEqual(outcome, {
				status: 'refused',
				message: `Event source mapping 0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a does not read from Kafka (arn:aws:sqs:${REGION}:123456789012:intake).`,
			});
		} finally {
			sources.dispose();
		}
	});
});
