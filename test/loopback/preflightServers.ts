/**
 * The loopback services only the pre-flight check calls (SNS, IAM, KMS, CloudWatch, MSK), started
 * together, and the `AWS_ENDPOINT_URL_<SERVICE>` variables that point the SDK at each of them and
 * at the Lambda, SQS and S3 servers, as the AWS CLI and SDKs read them.
 */
import { LoopbackCloudWatch } from './cloudWatchServer';
import { LoopbackIam } from './iamServer';
import { LoopbackKafka } from './kafkaServer';
import { LoopbackKms } from './kmsServer';
import type { LoopbackService } from './loopbackService';
import type { RpcLoopbackOptions } from './rpcLoopback';
import { LoopbackSns } from './snsServer';

export interface PreflightServers {
	sns: LoopbackSns;
	iam: LoopbackIam;
	kms: LoopbackKms;
	cloudWatch: LoopbackCloudWatch;
	kafka: LoopbackKafka;
	all: LoopbackService[];
	close(): Promise<void>;
}

/** Starts the five servers; with `basePort`, on that port and the four after it. */
export async function startPreflightServers(options: RpcLoopbackOptions = {}, basePort?: number): Promise<PreflightServers> {
	const port = (offset: number): number | undefined => (basePort === undefined ? undefined : basePort + offset);
	const sns = await LoopbackSns.start({ ...options, port: port(0) });
	const iam = await LoopbackIam.start({ ...options, port: port(1) });
	const kms = await LoopbackKms.start({ ...options, port: port(2) });
	const cloudWatch = await LoopbackCloudWatch.start({ ...options, port: port(3) });
	const kafka = await LoopbackKafka.start({ ...options, port: port(4) });
	const all: LoopbackService[] = [sns, iam, kms, cloudWatch, kafka];
	return { sns, iam, kms, cloudWatch, kafka, all, close: async () => void (await Promise.all(all.map((s) => s.close()))) };
}

/** The per-service endpoint variables for these servers and the Lambda, SQS and S3 ones. */
export function endpointEnv(core: { lambda: LoopbackService; sqs: LoopbackService; s3: LoopbackService }, servers: PreflightServers): Record<string, string> {
	return {
		AWS_ENDPOINT_URL_LAMBDA: core.lambda.endpoint,
		AWS_ENDPOINT_URL_SQS: core.sqs.endpoint,
		AWS_ENDPOINT_URL_S3: core.s3.endpoint,
		AWS_ENDPOINT_URL_SNS: servers.sns.endpoint,
		AWS_ENDPOINT_URL_IAM: servers.iam.endpoint,
		AWS_ENDPOINT_URL_KMS: servers.kms.endpoint,
		AWS_ENDPOINT_URL_CLOUDWATCH: servers.cloudWatch.endpoint,
		AWS_ENDPOINT_URL_KAFKA: servers.kafka.endpoint,
	};
}
