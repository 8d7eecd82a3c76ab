/**
 * Loopback Lambda, SQS and S3 servers seeded with a small, realistic Kafka setup, for demos and
 * the end-to-end tests: `node out/test/loopback/demoServer.js [--port N] [--region R]
 * [--transition-delay-ms MS]` prints `{"lambda":…,"sqs":…,"s3":…,"env":{AWS_ENDPOINT_URL_…}}` on one
 * line and runs until SIGINT or SIGTERM. With `--port N`, Lambda listens on N, SQS on N+1, S3 on
 * N+2, and SNS, IAM, KMS, CloudWatch and MSK (the pre-flight check's) on N+3 to N+7.
 */
import type { FailedBatch } from './demoData';
import { demoArn, kafkaHeader, kafkaRecord, metadataRecord, s3Key, s3Record } from './demoData';
import type { EventSourceMappingWire } from './lambdaServer';
import { LoopbackLambda } from './lambdaServer';
import { LoopbackS3 } from './s3Server';
import { LoopbackSqs } from './sqsServer';
import { AUDIT_QUEUE_NAME, seedPreflight } from './demoPreflight';
import type { PreflightServers } from './preflightServers';
import { endpointEnv, startPreflightServers } from './preflightServers';

/** The fixed UUIDs of the demo mappings, so tests and screenshots can name them. */
export const DEMO_UUIDS = {
	/** orders-consumer ← MSK `order-events`, provisioned mode, SQS destination, LastProcessingResult OK. */
	ordersMsk: 'a3f5c2d1-7b8e-4f6a-9c0d-1e2f3a4b5c6d',
	/** orders-consumer ← MSK `order-audit`, on-demand, SQS destination encrypted with a key its role may not use. */
	ordersAudit: 'b7e1d4c2-3a5f-4e8b-8d9c-0f1e2d3c4b5a',
	/** payments-consumer ← self-managed Kafka `payment-events`, provisioned mode, S3 destination. */
	paymentsKafka: 'c2d8e6f4-1b3a-4c5d-9e7f-6a8b0c2d4e6f',
	/** orders-consumer ← SQS `orders-intake`: not Kafka, which the client must filter out. */
	ordersSqs: 'd4c6b8a0-2e4f-4a6b-8c0d-3f5e7a9b1c2d',
} as const;

/** What {@link seedDemo} created. */
export interface DemoSeed {
	functions: { orders: string; payments: string };
	mappings: Record<keyof typeof DEMO_UUIDS, EventSourceMappingWire>;
	queue: { name: string; url: string; arn: string; messageIds: string[] };
	bucket: { name: string; arn: string; keys: string[] };
}

const ORDERS_CLUSTER_NAME = 'orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';
const ORDERS_BROKERS = 'b-1.orders-prod.q7x2kd.c3.kafka.us-east-1.amazonaws.com:9098,b-2.orders-prod.q7x2kd.c3.kafka.us-east-1.amazonaws.com:9098';
const PAYMENTS_BROKERS = ['kafka-1.payments.internal:9096', 'kafka-2.payments.internal:9096'];
const QUEUE_NAME = 'orders-consumer-failures';
const BUCKET_NAME = 'payments-consumer-failures';

/** Seeds the three servers with the demo functions, mappings, queued SQS records and S3 objects. */
export function seedDemo(lambda: LoopbackLambda, sqs: LoopbackSqs, s3: LoopbackS3): DemoSeed {
	const region = lambda.region;
	const orders = lambda.addFunction('orders-consumer');
	const payments = lambda.addFunction('payments-consumer', { runtime: 'java21' });
	const cluster = demoArn('kafka', region, `cluster/${ORDERS_CLUSTER_NAME}`);
	const queueArn = demoArn('sqs', region, QUEUE_NAME);
	const bucketArn = demoArn('s3', region, BUCKET_NAME);

	const mappings = {
		ordersMsk: lambda.addMapping({
			UUID: DEMO_UUIDS.ordersMsk,
			FunctionArn: orders,
			EventSourceArn: cluster,
			Topics: ['order-events'],
			StartingPosition: 'TRIM_HORIZON',
			BatchSize: 100,
			MaximumBatchingWindowInSeconds: 1,
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
			DestinationConfig: { OnFailure: { Destination: queueArn } },
			MaximumRetryAttempts: 2,
			MaximumRecordAgeInSeconds: -1,
			BisectBatchOnFunctionError: true,
			FunctionResponseTypes: ['ReportBatchItemFailures'],
			AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-consumer' },
			LastModified: new Date('2025-01-14T09:12:45.000Z'),
			LastProcessingResult: 'OK',
		}),
		ordersAudit: lambda.addMapping({
			UUID: DEMO_UUIDS.ordersAudit,
			FunctionArn: orders,
			EventSourceArn: cluster,
			Topics: ['order-audit'],
			StartingPosition: 'LATEST',
			BatchSize: 500,
			DestinationConfig: { OnFailure: { Destination: demoArn('sqs', region, AUDIT_QUEUE_NAME) } },
			LastModified: new Date('2025-01-10T16:40:03.000Z'),
		}),
		paymentsKafka: lambda.addMapping({
			UUID: DEMO_UUIDS.paymentsKafka,
			FunctionArn: payments,
			SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: PAYMENTS_BROKERS } },
			Topics: ['payment-events'],
			StartingPosition: 'LATEST',
			BatchSize: 50,
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 5 },
			DestinationConfig: { OnFailure: { Destination: bucketArn } },
			MaximumRetryAttempts: 3,
			MaximumRecordAgeInSeconds: 3600,
			SourceAccessConfigurations: [
				{ Type: 'SASL_SCRAM_512_AUTH', URI: demoArn('secretsmanager', region, 'secret:payments-kafka-credentials-Xy12Ab') },
				{ Type: 'VPC_SUBNET', URI: 'subnet:subnet-0a1b2c3d4e5f60718' },
				{ Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-0123456789abcdef0' },
			],
			SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'payments-consumer' },
			LastModified: new Date('2025-01-12T11:05:27.000Z'),
			LastProcessingResult: 'OK',
		}),
		ordersSqs: lambda.addMapping({
			UUID: DEMO_UUIDS.ordersSqs,
			FunctionArn: orders,
			EventSourceArn: demoArn('sqs', region, 'orders-intake'),
			BatchSize: 10,
			FunctionResponseTypes: ['ReportBatchItemFailures'],
			ScalingConfig: { MaximumConcurrency: 5 },
			LastModified: new Date('2024-11-02T08:30:00.000Z'),
			LastProcessingResult: 'OK',
		}),
	};

	const queueUrl = sqs.createQueue(QUEUE_NAME);
	const messageIds = ordersFailures(orders, cluster).map((batch) => sqs.send(QUEUE_NAME, JSON.stringify(metadataRecord(batch), null, 2)));

	s3.createBucket(BUCKET_NAME);
	const keys = paymentsFailures(payments).map(({ batch, objectUuid, payloadAs }) => {
		const key = s3Key(DEMO_UUIDS.paymentsKafka, batch, objectUuid);
		s3.putObject(BUCKET_NAME, key, JSON.stringify(s3Record(batch, payloadAs)), new Date(Date.parse(batch.timestamp) + 1200), 'application/json');
		return key;
	});

	return {
		functions: { orders, payments },
		mappings,
		queue: { name: QUEUE_NAME, url: queueUrl, arn: queueArn, messageIds },
		bucket: { name: BUCKET_NAME, arn: bucketArn, keys },
	};
}

function ordersFailures(functionArn: string, eventSourceArn: string): FailedBatch[] {
	const header = [kafkaHeader('content-type', 'application/json'), kafkaHeader('x-source', 'café-checkout')];
	return [
		{
			requestId: '9f3c2a71-4b8e-4d2f-a6c5-1e7b0d93f8a4',
			functionArn,
			condition: 'RetryAttemptsExhausted',
			// MaximumRetryAttempts 2: the first invocation plus two retries.
			approximateInvokeCount: 3,
			timestamp: '2025-01-15T12:00:31.250Z',
			eventSourceArn,
			bootstrapServers: ORDERS_BROKERS,
			records: [
				kafkaRecord('order-events', 0, 41, '2025-01-15T12:00:00.123Z', { orderId: 41, customerId: 1001, status: 'CREATED' }, 'customer-1001', header),
				kafkaRecord('order-events', 0, 42, '2025-01-15T12:00:00.456Z', { orderId: 42, customerId: 1002, status: 'CREATED' }, 'customer-1002'),
				kafkaRecord('order-events', 1, 17, '2025-01-15T12:00:01.789Z', { orderId: 17, customerId: 1003, status: 'CANCELLED' }, 'customer-1003'),
			],
		},
		{
			requestId: '4b7d9e12-6c3a-4f85-b1d0-8e2f5a7c9b36',
			functionArn,
			condition: 'MaximumPayloadSizeExceeded',
			approximateInvokeCount: 0,
			timestamp: '2025-01-15T12:07:12.904Z',
			eventSourceArn,
			bootstrapServers: ORDERS_BROKERS,
			records: [
				kafkaRecord('order-events', 2, 1288, '2025-01-15T12:07:10.002Z', { orderId: 1288, customerId: 2044, status: 'CREATED', lines: 412 }, 'customer-2044'),
			],
		},
	];
}

function paymentsFailures(functionArn: string): Array<{ batch: FailedBatch; objectUuid: string; payloadAs: 'string' | 'object' }> {
	const bootstrapServers = PAYMENTS_BROKERS.join(',');
	return [
		{
			objectUuid: '5e2a9c41-8d7b-4f36-a0e1-c94b7d2f6a18',
			payloadAs: 'string',
			batch: {
				requestId: 'e1c4b7a2-9d3f-4a68-8b25-f07d1e3c5a96',
				functionArn,
				condition: 'RetryAttemptsExhausted',
				approximateInvokeCount: 4,
				timestamp: '2025-01-15T14:22:05.611Z',
				bootstrapServers,
				records: [
					kafkaRecord('payment-events', 0, 5120, '2025-01-15T14:21:58.010Z', { paymentId: 'pay_5120', amount: 129.9, currency: 'EUR' }, 'order-88120'),
					kafkaRecord('payment-events', 0, 5121, '2025-01-15T14:21:58.377Z', { paymentId: 'pay_5121', amount: 15, currency: 'EUR' }, 'order-88121'),
				],
			},
		},
		{
			objectUuid: '0c8f3e6d-2b1a-4d97-9e54-7a3c1b8d6f20',
			payloadAs: 'object',
			batch: {
				requestId: '7a9e2c5d-1f4b-4e83-9c60-2d8b5f1a7e34',
				functionArn,
				condition: 'RetryAttemptsExhausted',
				approximateInvokeCount: 4,
				timestamp: '2025-01-15T15:03:44.090Z',
				bootstrapServers,
				records: [kafkaRecord('payment-events', 3, 877, '2025-01-15T15:03:40.500Z', { paymentId: 'pay_0877', amount: 42, currency: 'USD' }, undefined, [])],
			},
		},
	];
}

/** The running servers. */
export interface DemoServers {
	lambda: LoopbackLambda;
	sqs: LoopbackSqs;
	s3: LoopbackS3;
	/** SNS, IAM, KMS, CloudWatch and MSK, which only the pre-flight check reads. */
	preflight: PreflightServers;
	/** `AWS_ENDPOINT_URL_<SERVICE>` for every server. */
	env: Record<string, string>;
	seed: DemoSeed;
	close(): Promise<void>;
}

/**
 * Starts and seeds the servers. Signatures are checked for structure, accepted for any region, and
 * verified for the loopback key; any other access key is accepted, so the extension can use
 * whatever credentials its profile resolves to.
 */
export async function startDemo(options: { port?: number; region?: string; transitionDelayMs?: number } = {}): Promise<DemoServers> {
	const port = options.port ?? 0;
	const common = { region: options.region ?? 'us-east-1', allowUnknownAccessKeys: true };
	const lambda = await LoopbackLambda.start({ ...common, port, transitionDelayMs: options.transitionDelayMs ?? 300 });
	const sqs = await LoopbackSqs.start({ ...common, port: port === 0 ? 0 : port + 1 });
	const s3 = await LoopbackS3.start({ ...common, port: port === 0 ? 0 : port + 2 });
	const preflight = await startPreflightServers(common, port === 0 ? undefined : port + 3);
	// One endpoint per service stands for every region: a user who picks eu-west-1 in the demo is
	// answered (with the same sample data, whose ARNs name the seeded region) rather than told the
	// signature is wrong. Per-region copies of the data would add nothing a demo needs.
	for (const server of [lambda, sqs, s3, ...preflight.all]) {
		server.acceptAnyRegion = true;
	}
	const seed = seedDemo(lambda, sqs, s3);
	seedPreflight(lambda, sqs, preflight, DEMO_UUIDS);
	return {
		lambda,
		sqs,
		s3,
		preflight,
		env: endpointEnv({ lambda, sqs, s3 }, preflight),
		seed,
		close: async () => {
			await Promise.all([lambda.close(), sqs.close(), s3.close(), preflight.close()]);
		},
	};
}

function option(args: string[], name: string): string | undefined {
	const index = args.indexOf(name);
	return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
	const numeric = (name: string): number | undefined => {
		const value = option(args, name);
		if (value === undefined) {
			return undefined;
		}
		if (!/^\d+$/.test(value)) {
			throw new Error(`${name} needs a whole number, not '${value}'.`);
		}
		return Number(value);
	};
	const demo = await startDemo({ port: numeric('--port'), region: option(args, '--region'), transitionDelayMs: numeric('--transition-delay-ms') });
	process.stdout.write(`${JSON.stringify({ lambda: demo.lambda.endpoint, sqs: demo.sqs.endpoint, s3: demo.s3.endpoint, env: demo.env })}\n`);
	const stop = (): void => {
		void demo.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

// `node --test out/test/` runs every file under out/test, this one included; starting servers
// there would never end, so only a direct run (without the test runner's marker) starts them.
if (require.main === module && process.env.NODE_TEST_CONTEXT === undefined) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
