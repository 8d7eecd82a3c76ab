/**
 * The pre-flight check's {@link PreflightSources} on the AWS SDK: one client per service (per
 * region where a destination or key lives elsewhere), the same credentials, region and endpoint
 * rules as Apply (`endpointFor`, so `AWS_ENDPOINT_URL_<SERVICE>` works per service), and every
 * call through {@link createAwsCaller}: cancellable, logged, secrets redacted.
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { IAMClient } from '@aws-sdk/client-iam';
import { KafkaClient } from '@aws-sdk/client-kafka';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import type { PreflightSources } from '../../../shared/preflight/types';
import type { AwsContext } from '../aws/awsContext';
import type { AwsCall, CancellationLike } from '../aws/awsCall';
import { createAwsCaller } from '../aws/awsCall';
import type { AwsService } from '../aws/errors';
import type { Logger } from '../aws/logger';
import { endpointFor } from '../aws/resolveAwsContext';
import { createS3Client, createSqsClient } from '../fetch/awsClients';
import { describeKey, kafkaTopicExists, readDeliveryFailures, readFunctionRole, readKeyPolicy, readTags, simulate } from './accountReads';
import { readBucket, readQueue, readTopic } from './destinationReads';
import { toRead } from './readResult';

export interface DisposableSources extends PreflightSources {
	dispose(): void;
}

export interface PreflightSourceOptions {
	logger?: Logger;
	env?: NodeJS.ProcessEnv;
	token?: CancellationLike;
}

type Destroyable = { destroy(): void };

type ClientOf = <T extends Destroyable>(
	service: AwsService,
	region: string,
	make: (scoped: AwsContext, endpoint: string | undefined) => T,
) => { call: AwsCall; client: T };

/**
 * One caller and one client per service and region, made on first use: each caller's credentials
 * redact their secrets in what is logged, and each client gets that service's endpoint.
 */
function clientCache(context: AwsContext, options: PreflightSourceOptions, env: NodeJS.ProcessEnv): { clientOf: ClientOf; clients: Map<string, Destroyable> } {
	const clients = new Map<string, Destroyable>();
	const callers = new Map<string, AwsCall>();
	const clientOf: ClientOf = (service, region, make) => {
		const key = `${service} ${region}`;
		if (!callers.has(key)) {
			const made = createAwsCaller(context, {
				logger: options.logger,
				where: `region=${region}${context.profile ? ` profile=${context.profile}` : ''}`,
				errorContext: { service, region, profile: context.profile },
			});
			const scoped = { ...context, region, credentials: made.credentials };
			callers.set(key, made.call);
			clients.set(key, make(scoped, endpointFor(scoped, service, env)));
		}
		return { call: callers.get(key)!, client: clients.get(key) as ReturnType<typeof make> };
	};
	return { clientOf, clients };
}

export function createPreflightSources(context: AwsContext, options: PreflightSourceOptions = {}): DisposableSources {
	const env = options.env ?? process.env;
	const token = options.token;
	const { clientOf: client, clients } = clientCache(context, options, env);
	const common = (c: AwsContext, endpoint: string | undefined) => ({
		region: c.region,
		endpoint,
		credentials: c.credentials,
		maxAttempts: 3,
		retryMode: 'standard',
	});
	const here = context.region;
	return {
		functionRole: (name) => {
			const { call, client: lambda } = client('lambda', here, (c, e) => new LambdaClient(common(c, e)));
			return toRead('lambda:GetFunctionConfiguration', () => readFunctionRole(call, lambda, name, token));
		},
		mappingTags: (arn) => {
			const { call, client: lambda } = client('lambda', here, (c, e) => new LambdaClient(common(c, e)));
			return toRead('lambda:ListTags', () => readTags(call, lambda, arn, token));
		},
		queue: (arn) => {
			const { call, client: sqs } = client('sqs', arn.split(':')[3] || here, (c) => createSqsClient(c, c.region, env));
			return toRead('sqs:GetQueueAttributes', () => readQueue(call, sqs, arn, token));
		},
		topic: (arn) => {
			const { call, client: sns } = client('sns', arn.split(':')[3] || here, (c, e) => new SNSClient(common(c, e)));
			return toRead('sns:GetTopicAttributes', () => readTopic(call, sns, arn, token));
		},
		bucket: (name) => {
			const { call, client: s3 } = client('s3', here, (c) => createS3Client(c, env));
			return toRead('s3:GetBucketLocation', () => readBucket(call, s3, name, token));
		},
		kafkaTopicExists: (clusterArn, topic) => {
			const { call, client: kafka } = client('kafka', clusterArn.split(':')[3] || here, (c, e) => new KafkaClient(common(c, e)));
			return toRead('kafka-cluster:DescribeTopic', () => kafkaTopicExists(call, kafka, clusterArn, topic, token));
		},
		simulate: (request) => {
			const { call, client: iam } = client('iam', here, (c, e) => new IAMClient(common(c, e)));
			return toRead('iam:SimulatePrincipalPolicy', () => simulate(call, iam, request, token));
		},
		describeKey: (keyId, region) => {
			const { call, client: kms } = client('kms', keyId.startsWith('arn:') ? keyId.split(':')[3] || region : region, (c, e) => new KMSClient(common(c, e)));
			return toRead('kms:DescribeKey', () => describeKey(call, kms, keyId, token));
		},
		keyPolicy: (keyArn, region) => {
			const { call, client: kms } = client('kms', keyArn.split(':')[3] || region, (c, e) => new KMSClient(common(c, e)));
			return toRead('kms:GetKeyPolicy', () => readKeyPolicy(call, kms, keyArn, token));
		},
		deliveryFailures: (functionName, since, until) => {
			const { call, client: cloudWatch } = client('cloudwatch', here, (c, e) => new CloudWatchClient(common(c, e)));
			return toRead('cloudwatch:GetMetricData', () => readDeliveryFailures(call, cloudWatch, functionName, since, until, token));
		},
		dispose: () => {
			for (const made of clients.values()) {
				made.destroy();
			}
		},
	};
}
