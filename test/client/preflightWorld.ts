/**
 * What the pre-flight tests share: every loopback service the check reads (Lambda, SQS, S3, SNS,
 * IAM, KMS, CloudWatch, MSK) with the test key registered, the real SDK adapters pointed at them
 * through `AWS_ENDPOINT_URL_<SERVICE>`, and a mapping to check.
 */
import type { AwsContext } from '../../client/src/aws/awsContext';
import { MemoryLogger } from '../../client/src/aws/logger';
import type { DisposableSources } from '../../client/src/preflight/awsPreflightSources';
import { createPreflightSources } from '../../client/src/preflight/awsPreflightSources';
import { LoopbackLambda } from '../loopback/lambdaServer';
import type { PreflightServers } from '../loopback/preflightServers';
import { endpointEnv, startPreflightServers } from '../loopback/preflightServers';
import { LoopbackS3 } from '../loopback/s3Server';
import { LoopbackSqs } from '../loopback/sqsServer';
import { REGION, TEST_KEY } from './harness';

export const ROLE = 'arn:aws:iam::123456789012:role/orders-consumer-role';

export interface PreflightWorld extends PreflightServers {
	lambda: LoopbackLambda;
	sqs: LoopbackSqs;
	s3: LoopbackS3;
	env: Record<string, string>;
	context: AwsContext;
	sources(logger?: MemoryLogger): DisposableSources;
	closeAll(): Promise<void>;
}

export async function startWorld(): Promise<PreflightWorld> {
	const common = { region: REGION };
	const lambda = await LoopbackLambda.start({ ...common, transitionDelayMs: 20 });
	const sqs = await LoopbackSqs.start(common);
	const s3 = await LoopbackS3.start(common);
	const servers = await startPreflightServers(common);
	for (const server of [lambda, sqs, s3, ...servers.all]) {
		server.addCredentials(TEST_KEY.accessKeyId, TEST_KEY.secretAccessKey);
	}
	const env = endpointEnv({ lambda, sqs, s3 }, servers);
	const context: AwsContext = { region: REGION, profile: undefined, endpoint: undefined, credentials: () => Promise.resolve({ ...TEST_KEY }) };
	return {
		...servers,
		lambda,
		sqs,
		s3,
		env,
		context,
		sources: (logger = new MemoryLogger()) => createPreflightSources(context, { logger, env }),
		closeAll: async () => {
			await Promise.all([lambda.close(), sqs.close(), s3.close(), servers.close()]);
		},
	};
}
