/**
 * The SQS and S3 APIs of the fetch commands (client/src/fetch/sqsApi.ts, s3Api.ts) against the
 * loopback servers with the real SDK, as test/client/lambdaApi.test.ts tests the Lambda API: the
 * calls, cancellation, and failures as user-facing errors naming the service, logged first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AwsContext } from '../../client/src/aws/awsContext';
import { UserFacingException } from '../../client/src/aws/errors';
import { MemoryLogger } from '../../client/src/aws/logger';
import { failurePrefix, parseDestination } from '../../client/src/fetch/destination';
import { createS3Api } from '../../client/src/fetch/s3Api';
import type { SqsSource } from '../../client/src/fetch/sqsApi';
import { createSqsApi } from '../../client/src/fetch/sqsApi';
import { fixture } from '../helpers';
import { LoopbackS3 } from '../loopback/s3Server';
import { LOOPBACK_CREDENTIALS } from '../loopback/sigv4';
import { LoopbackSqs } from '../loopback/sqsServer';

const UUID = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';
const CANCELLED = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) };

function contextFor(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string } = LOOPBACK_CREDENTIALS): AwsContext {
	return { region: 'us-east-1', profile: undefined, endpoint, credentials: () => Promise.resolve({ ...credentials }) };
}

function sqsSource(arn: string): SqsSource {
	const source = parseDestination(arn);
	assert.equal(source.kind, 'sqs');
	return source;
}

/** The user-facing error a call rejects with. */
async function userFacingOf(promise: Promise<unknown>): Promise<UserFacingException['userFacing']> {
	const error: unknown = await promise.then(
		() => assert.fail('expected a failure'),
		(e: unknown) => e,
	);
	assert.ok(error instanceof UserFacingException, String(error));
	return error.userFacing;
}

describe('SqsApi with the real SDK', () => {
	let server: LoopbackSqs;
	before(async () => {
		server = await LoopbackSqs.start({ maxWaitMs: 200 });
	});
	after(async () => {
		await server.close();
	});

	it('finds the queue, peeks without consuming and deletes only the messages named', async () => {
		const name = 'api-queue';
		server.createQueue(name);
		const record = fixture('records/sqs-record.json');
		const ids = [0, 1, 2].map(() => server.send(name, record));
		const logger = new MemoryLogger();
		const sqs = createSqsApi(contextFor(server.endpoint), 'us-east-1', { logger, env: {}, waitTimeSeconds: 0 });
		try {
			const url = await sqs.queueUrl(sqsSource(server.queueArn(name)));
			assert.equal(url, server.queueUrl(name));
			const info = await sqs.describeQueue(url);
			assert.equal(info?.maxReceiveCount, undefined);
			const received: number[] = [];
			const peeked = await sqs.peek(url, 2, { onProgress: (n) => received.push(n) });
			assert.deepEqual(
				peeked.messages.map((m) => m.messageId),
				ids.slice(0, 2),
			);
			assert.deepEqual(received, [2]);
			assert.ok(
				server.messages(name).every((m) => m.visible),
				'every message is visible again',
			);
			assert.deepEqual(await sqs.delete(url, peeked.messages), { deleted: ids.slice(0, 2), failed: [] });
			assert.deepEqual(
				server.messages(name).map((m) => m.messageId),
				ids.slice(2),
			);
			assert.ok(
				logger.lines.some((line) => line.startsWith('[debug] GetQueueUrl region=us-east-1')),
				logger.lines.join('\n'),
			);
		} finally {
			sqs.dispose();
		}
	});

	it('reports a missing queue as the operation that failed, logged first', async () => {
		const logger = new MemoryLogger();
		const sqs = createSqsApi(contextFor(server.endpoint), 'us-east-1', { logger, env: {} });
		try {
			const error = await userFacingOf(sqs.queueUrl(sqsSource('arn:aws:sqs:us-east-1:123456789012:no-such-queue')));
			assert.equal(error.kind, 'unknown');
			assert.match(error.message, /^GetQueueUrl failed: /);
			assert.ok(
				logger.lines.some((line) => line.startsWith('[error] GetQueueUrl failed ')),
				logger.lines.join('\n'),
			);
		} finally {
			sqs.dispose();
		}
	});

	it('finds a queue by the name the user typed, in its region and the caller account', async () => {
		server.createQueue('orders-consumer-failures');
		const sqs = createSqsApi(contextFor(server.endpoint), 'us-east-1', { env: {} });
		try {
			assert.deepEqual(await sqs.queueByName('orders-consumer-failures'), {
				queueUrl: server.queueUrl('orders-consumer-failures'),
				source: sqsSource('arn:aws:sqs:us-east-1:123456789012:orders-consumer-failures'),
			});
			assert.deepEqual(server.requests.at(-1)?.body, { QueueName: 'orders-consumer-failures' });
		} finally {
			sqs.dispose();
		}
	});

	it('says which region and account a named queue was looked for in when it is missing', async () => {
		const logger = new MemoryLogger();
		const sqs = createSqsApi(contextFor(server.endpoint), 'us-east-1', { logger, env: {} });
		try {
			const error = await userFacingOf(sqs.queueByName('orders-consumer-failures-typo'));
			assert.equal(error.kind, 'not-found');
			assert.equal(error.code, 'QueueDoesNotExist');
			assert.equal(error.message, 'There is no SQS queue named "orders-consumer-failures-typo" in us-east-1 in your account.');
			assert.equal(error.nextStep, "Check the name, or enter the queue's ARN or URL: a queue of another region or account is found only that way.");
			assert.equal(server.requests.at(-1)?.errorType, 'QueueDoesNotExist');
			assert.ok(
				logger.lines.some((line) => line.startsWith('[error] GetQueueUrl failed ')),
				logger.lines.join('\n'),
			);
		} finally {
			sqs.dispose();
		}
	});

	it('reports an unknown access key without ever showing or logging the secret key', async () => {
		const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSQSAPITESTKEY';
		const logger = new MemoryLogger();
		const sqs = createSqsApi(contextFor(server.endpoint, { accessKeyId: 'AKIDUNKNOWNSQS000001', secretAccessKey }), 'us-east-1', { logger, env: {} });
		try {
			const error = await userFacingOf(sqs.queueUrl(sqsSource(server.queueArn('api-queue'))));
			assert.equal(error.kind, 'invalid-credentials');
			assert.doesNotMatch(JSON.stringify(error) + logger.lines.join('\n'), /K7MDENG/);
		} finally {
			sqs.dispose();
		}
	});

	it('turns a cancelled call into a cancellation', async () => {
		const sqs = createSqsApi(contextFor(server.endpoint), 'us-east-1', { env: {} });
		try {
			assert.equal((await userFacingOf(sqs.queueUrl(sqsSource(server.queueArn('api-queue')), CANCELLED))).kind, 'cancelled');
		} finally {
			sqs.dispose();
		}
	});
});

describe('S3Api with the real SDK', () => {
	let server: LoopbackS3;
	const bucket = 'api-bucket';
	const prefix = failurePrefix(UUID);

	before(async () => {
		server = await LoopbackS3.start();
		const start = Date.parse('2026-11-21T10:00:00Z');
		for (let i = 0; i < 5; i++) {
			server.putObject(bucket, `${prefix}order-events-0/${String(i).padStart(4, '0')}`, fixture('records/s3-record-object.json'), new Date(start + i * 60_000));
		}
	});
	after(async () => {
		await server.close();
	});

	it('lists failure objects newest first across pages and reads one', async () => {
		const s3 = createS3Api(contextFor(server.endpoint), { env: {} });
		try {
			const pages: number[] = [];
			const listing = await s3.listFailureObjects(bucket, prefix, { pageSize: 2, onPage: (n) => pages.push(n) });
			assert.deepEqual(pages, [2, 4, 5]);
			assert.equal(listing.objects[0].key, `${prefix}order-events-0/0004`);
			assert.equal(await s3.getObjectText(bucket, listing.objects[0].key), fixture('records/s3-record-object.json'));
			const capped = await s3.listFailureObjects(bucket, prefix, { maxObjects: 3 });
			assert.equal(capped.truncated, true);
		} finally {
			s3.dispose();
		}
	});

	it('reports a missing object and an unknown key naming S3, without the endpoint', async () => {
		const logger = new MemoryLogger();
		const s3 = createS3Api(contextFor(server.endpoint), { logger, env: {} });
		const stranger = createS3Api(contextFor(server.endpoint, { accessKeyId: 'AKIDUNKNOWNS3000001', secretAccessKey: 'not-the-secret' }), { env: {} });
		try {
			const missing = await userFacingOf(s3.getObjectText(bucket, `${prefix}missing`));
			assert.match(missing.message, /^GetObject failed: /);
			assert.ok(
				logger.lines.some((line) => line.startsWith('[error] GetObject failed ')),
				logger.lines.join('\n'),
			);
			const unknown = await userFacingOf(stranger.listFailureObjects(bucket, prefix));
			assert.equal(unknown.kind, 'invalid-credentials');
			assert.equal(unknown.message, 'AWS does not recognise the access key of profile "default".');
			assert.equal((await userFacingOf(s3.listFailureObjects(bucket, prefix, { token: CANCELLED }))).kind, 'cancelled');
		} finally {
			s3.dispose();
			stranger.dispose();
		}
	});
});
