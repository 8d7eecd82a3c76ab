import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { GetEventSourceMappingCommand, LambdaClient, ListEventSourceMappingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DemoServers } from './demoServer';
import { DEMO_UUIDS, startDemo } from './demoServer';
import { LOOPBACK_CREDENTIALS } from './sigv4';

// Any key works against the demo servers; this one is deliberately not the loopback key.
const credentials = { accessKeyId: 'AKIDDEMOUSER', secretAccessKey: 'demo-secret' };

interface FailureRecord {
	requestContext: { functionArn: string; condition: string; approximateInvokeCount: number };
	responseContext: unknown;
	KafkaBatchInfo: {
		eventSourceArn?: string;
		bootstrapServers: string;
		batchSize: number;
		recordsInfo: Record<string, { firstRecordOffset: string; lastRecordOffset: string }>;
	};
	payload?: unknown;
}

describe('demo seed', () => {
	let demo: DemoServers;
	let lambda: LambdaClient;
	let sqs: SQSClient;
	let s3: S3Client;

	before(async () => {
		demo = await startDemo({ transitionDelayMs: 50 });
		lambda = new LambdaClient({ region: 'us-east-1', endpoint: demo.lambda.endpoint, credentials: { ...credentials }, maxAttempts: 1 });
		sqs = new SQSClient({ region: 'us-east-1', endpoint: demo.sqs.endpoint, credentials: { ...credentials }, maxAttempts: 1 });
		s3 = new S3Client({ region: 'us-east-1', endpoint: demo.s3.endpoint, forcePathStyle: true, credentials: { ...credentials }, maxAttempts: 1 });
	});

	after(async () => {
		lambda.destroy();
		sqs.destroy();
		s3.destroy();
		await demo.close();
	});

	it('offers two functions, and three mappings on orders-consumer of which one is not Kafka', async () => {
		const functions = await lambda.send(new ListFunctionsCommand({}));
		assert.deepEqual(
			functions.Functions?.map((f) => f.FunctionName),
			['orders-consumer', 'payments-consumer'],
		);
		const orders = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'orders-consumer' }));
		assert.equal(orders.EventSourceMappings?.length, 3);
		const kafka = orders.EventSourceMappings.filter((m) => m.EventSourceArn?.includes(':kafka:') || m.SelfManagedEventSource);
		assert.deepEqual(
			kafka.map((m) => m.UUID),
			[DEMO_UUIDS.ordersMsk, DEMO_UUIDS.ordersAudit],
		);
		const msk = await lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_UUIDS.ordersMsk }));
		assert.equal(msk.LastProcessingResult, 'OK');
		assert.deepEqual(msk.ProvisionedPollerConfig, { MinimumPollers: 1, MaximumPollers: 3 });
		assert.equal(msk.DestinationConfig?.OnFailure?.Destination, demo.seed.queue.arn);
		const audit = kafka[1];
		// Its queue is encrypted with a key orders-consumer's role may not use (the pre-flight demo).
		assert.equal(audit.DestinationConfig?.OnFailure?.Destination, 'arn:aws:sqs:us-east-1:123456789012:orders-audit-failures');
		const payments = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: demo.seed.functions.payments }));
		assert.equal(payments.EventSourceMappings?.[0].SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS?.length, 2);
		assert.equal(payments.EventSourceMappings?.[0].DestinationConfig?.OnFailure?.Destination, 'arn:aws:s3:::payments-consumer-failures');
	});

	it('queues two SQS failure records that match the MSK mapping', async () => {
		const queueName = demo.seed.queue.arn.split(':').at(-1)!;
		assert.equal(demo.seed.queue.url, `${demo.sqs.endpoint}/123456789012/${queueName}`);
		const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: demo.seed.queue.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
		assert.equal(received.Messages?.length, 2);
		const mapping = demo.seed.mappings.ordersMsk;
		for (const message of received.Messages) {
			const record = JSON.parse(message.Body!) as FailureRecord;
			assert.equal(record.requestContext.functionArn, mapping.FunctionArn);
			assert.equal(record.KafkaBatchInfo.eventSourceArn, mapping.EventSourceArn);
			assert.equal(record.payload, undefined, 'SQS records carry metadata only');
			for (const [key, info] of Object.entries(record.KafkaBatchInfo.recordsInfo)) {
				assert.match(key, /^order-events-\d+$/);
				assert.ok(BigInt(info.firstRecordOffset) <= BigInt(info.lastRecordOffset));
			}
		}
		const conditions = received.Messages.map((m) => (JSON.parse(m.Body!) as FailureRecord).requestContext.condition);
		assert.deepEqual(conditions, ['RetryAttemptsExhausted', 'MaximumPayloadSizeExceeded']);
	});

	it('stores two S3 failure records under aws/lambda/<mapping UUID>/ with the whole event as payload', async () => {
		const listed = await s3.send(new ListObjectsV2Command({ Bucket: demo.seed.bucket.name, Prefix: `aws/lambda/${DEMO_UUIDS.paymentsKafka}/` }));
		assert.deepEqual(listed.Contents?.map((o) => o.Key).sort(), [...demo.seed.bucket.keys].sort());
		assert.match(demo.seed.bucket.keys[0], /^aws\/lambda\/c2d8e6f4-[0-9a-f-]+\/payment-events-0\/2025\/01\/15\/2025-01-15T14\.22\.05-[0-9a-f-]{36}$/);
		const payloadKinds: string[] = [];
		for (const key of demo.seed.bucket.keys) {
			const object = await s3.send(new GetObjectCommand({ Bucket: demo.seed.bucket.name, Key: key }));
			const record = JSON.parse(await object.Body!.transformToString()) as FailureRecord;
			assert.equal(record.requestContext.functionArn, demo.seed.functions.payments);
			assert.equal(record.KafkaBatchInfo.bootstrapServers, 'kafka-1.payments.internal:9096,kafka-2.payments.internal:9096');
			payloadKinds.push(typeof record.payload);
			const event = (typeof record.payload === 'string' ? JSON.parse(record.payload) : record.payload) as {
				eventSource: string;
				records: Record<string, unknown[]>;
			};
			assert.equal(event.eventSource, 'SelfManagedKafka');
			assert.deepEqual(Object.keys(event.records), Object.keys(record.KafkaBatchInfo.recordsInfo));
		}
		assert.deepEqual(payloadKinds, ['string', 'object']);
	});

	it('answers requests signed for any region, still checking the signature with the scope region', async () => {
		// The loopback key is one the servers know the secret of, so its signatures are verified.
		const outcomes: string[] = [];
		for (const region of ['eu-west-1', 'us-east-1']) {
			for (const secretAccessKey of [LOOPBACK_CREDENTIALS.secretAccessKey, 'not-the-secret']) {
				const keys = { accessKeyId: LOOPBACK_CREDENTIALS.accessKeyId, secretAccessKey };
				const options = { region, credentials: keys, maxAttempts: 1 };
				const clients = {
					lambda: new LambdaClient({ ...options, endpoint: demo.lambda.endpoint }),
					sqs: new SQSClient({ ...options, endpoint: demo.sqs.endpoint }),
					s3: new S3Client({ ...options, endpoint: demo.s3.endpoint, forcePathStyle: true }),
				};
				const calls = {
					lambda: () => clients.lambda.send(new GetEventSourceMappingCommand({ UUID: DEMO_UUIDS.ordersMsk })),
					sqs: () => clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: demo.seed.queue.url, VisibilityTimeout: 0 })),
					s3: () => clients.s3.send(new ListObjectsV2Command({ Bucket: demo.seed.bucket.name })),
				};
				for (const [service, call] of Object.entries(calls)) {
					const outcome = await call().then(
						() => 'ok',
						(error: Error) => error.name,
					);
					outcomes.push(`${region} ${secretAccessKey === 'not-the-secret' ? 'wrong secret' : 'right secret'} ${service}: ${outcome}`);
				}
				Object.values(clients).forEach((client) => client.destroy());
			}
		}
		assert.deepEqual(outcomes, [
			'eu-west-1 right secret lambda: ok',
			'eu-west-1 right secret sqs: ok',
			'eu-west-1 right secret s3: ok',
			'eu-west-1 wrong secret lambda: InvalidSignatureException',
			'eu-west-1 wrong secret sqs: InvalidSignatureException',
			'eu-west-1 wrong secret s3: SignatureDoesNotMatch',
			'us-east-1 right secret lambda: ok',
			'us-east-1 right secret sqs: ok',
			'us-east-1 right secret s3: ok',
			'us-east-1 wrong secret lambda: InvalidSignatureException',
			'us-east-1 wrong secret sqs: InvalidSignatureException',
			'us-east-1 wrong secret s3: SignatureDoesNotMatch',
		]);
	});

	it('runs as a command: prints the endpoints on one line and stops on SIGTERM', async () => {
		const script = path.join(__dirname, 'demoServer.js');
		const env = { ...process.env };
		// The test runner marks its children; the script would otherwise take itself for a test file.
		delete env.NODE_TEST_CONTEXT;
		const child = spawn(process.execPath, [script, '--port', '0', '--transition-delay-ms', '20'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		try {
			const line = await new Promise<string>((resolve, reject) => {
				createInterface({ input: child.stdout }).once('line', resolve);
				child.once('exit', () => reject(new Error('the demo server exited before printing its endpoints')));
			});
			const { env, ...endpoints } = JSON.parse(line) as { lambda: string; sqs: string; s3: string; env: Record<string, string> };
			assert.deepEqual(Object.keys(endpoints), ['lambda', 'sqs', 's3']);
			assert.deepEqual(Object.keys(env), [
				'AWS_ENDPOINT_URL_LAMBDA',
				'AWS_ENDPOINT_URL_SQS',
				'AWS_ENDPOINT_URL_S3',
				'AWS_ENDPOINT_URL_SNS',
				'AWS_ENDPOINT_URL_IAM',
				'AWS_ENDPOINT_URL_KMS',
				'AWS_ENDPOINT_URL_CLOUDWATCH',
				'AWS_ENDPOINT_URL_KAFKA',
			]);
			for (const url of [...Object.values(endpoints), ...Object.values(env)]) {
				assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
			}
			const client = new LambdaClient({ region: 'us-east-1', endpoint: endpoints.lambda, credentials: { ...credentials }, maxAttempts: 1 });
			const mapping = await client.send(new GetEventSourceMappingCommand({ UUID: DEMO_UUIDS.paymentsKafka }));
			client.destroy();
			assert.equal(mapping.Topics?.[0], 'payment-events');
		} finally {
			child.kill('SIGTERM');
		}
		assert.equal(await exited, 0);
	});
});
