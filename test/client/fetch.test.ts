import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueueDoesNotExist } from '@aws-sdk/client-sqs';
import type { AwsContext } from '../../client/src/aws/awsContext';
import { createS3Client, createSqsClient } from '../../client/src/fetch/awsClients';
import {
	destinationOfDocument,
	destinationOfMapping,
	failurePrefix,
	parseDestination,
	parseUserDestination,
	queueUrlOf,
} from '../../client/src/fetch/destination';
import { objectItem, SEVERAL_ITEM } from '../../client/src/fetch/pickItems';
import { compactJson, prettyJson, unwrapBody } from '../../client/src/fetch/recordText';
import { getObjectText, listFailureObjects } from '../../client/src/fetch/s3Fetch';
import { deleteMessages, peekMessages } from '../../client/src/fetch/sqsFetch';
import { fixture } from '../helpers';
import { LoopbackS3 } from '../loopback/s3Server';
import { LOOPBACK_CREDENTIALS } from '../loopback/sigv4';
import { LoopbackSqs } from '../loopback/sqsServer';

const UUID = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';

function contextFor(endpoint: string): AwsContext {
	return { region: 'us-east-1', profile: undefined, endpoint, credentials: () => Promise.resolve({ ...LOOPBACK_CREDENTIALS }) };
}

function sqsSource(arn: string): Extract<ReturnType<typeof parseDestination>, { kind: 'sqs' }> {
	const source = parseDestination(arn);
	assert.equal(source.kind, 'sqs');
	return source;
}

describe('destination of the failure records', () => {
	it('reads SQS and S3 ARNs', () => {
		assert.deepEqual(parseDestination('arn:aws:sqs:eu-west-1:123456789012:orders-dlq'), {
			kind: 'sqs',
			arn: 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq',
			queueName: 'orders-dlq',
			accountId: '123456789012',
			region: 'eu-west-1',
		});
		assert.deepEqual(parseDestination('arn:aws:s3:::failure-bucket'), { kind: 's3', arn: 'arn:aws:s3:::failure-bucket', bucket: 'failure-bucket' });
		assert.equal(parseDestination('arn:aws-cn:sqs:cn-north-1:123456789012:q.fifo').kind, 'sqs');
	});

	it('explains SNS, Kafka and missing destinations', () => {
		const sns = parseDestination('arn:aws:sns:us-east-1:123456789012:failures');
		assert.equal(sns.kind, 'unfetchable');
		assert.match(
			sns.kind === 'unfetchable' ? sns.message : '',
			/^SNS keeps no messages, so the records published to failures cannot be fetched\. Subscribe an SQS queue/,
		);
		const kafka = parseDestination("kafka://failed-records's");
		assert.match(kafka.kind === 'unfetchable' ? kafka.message : '', /kcat -C -b "\$BOOTSTRAP_SERVERS" -t 'failed-records'\\''s' -e/);
		for (const missing of [undefined, '', '  ']) {
			const none = parseDestination(missing);
			assert.match(none.kind === 'unfetchable' ? none.message : '', /no on-failure destination/);
		}
		for (const bad of ['arn:aws:s3:::bucket/key', 'arn:aws:sqs:us-east-1:123:q', 'arn:aws:lambda:us-east-1:123456789012:function:f', 'not-an-arn']) {
			assert.equal(parseDestination(bad).kind, 'unfetchable', bad);
		}
	});

	it('takes the destination, UUID and auth of a mapping, or of an open document', () => {
		const mapping = {
			UUID,
			EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc-1',
			DestinationConfig: { OnFailure: { Destination: 'arn:aws:s3:::failure-bucket' } },
			SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_x' }],
		};
		assert.deepEqual(destinationOfMapping(mapping), {
			source: { kind: 's3', arn: 'arn:aws:s3:::failure-bucket', bucket: 'failure-bucket' },
			mappingUuid: UUID,
			sourceAccessTypes: ['SASL_SCRAM_512_AUTH'],
			eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc-1',
		});
		assert.equal(destinationOfDocument({ OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } })?.source.kind, 'sqs');
		assert.equal(destinationOfDocument({ UUID, DestinationConfig: { OnFailure: { Destination: 'arn:aws:s3:::b-1' } } })?.mappingUuid, UUID);
		assert.equal(destinationOfDocument({ eventSource: 'aws:kafka' }), undefined);
		assert.equal(failurePrefix(UUID), `aws/lambda/${UUID}/`);
		assert.equal(failurePrefix(undefined), 'aws/lambda/');
	});

	it('reads what a user types: queue URLs, s3:// URIs and bucket names', () => {
		const queue = parseDestination('arn:aws:sqs:eu-west-1:123456789012:orders-dlq');
		assert.deepEqual(parseUserDestination('https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq', 'sqs'), queue);
		assert.deepEqual(parseUserDestination('https://eu-west-1.queue.amazonaws.com/123456789012/orders-dlq', 'sqs'), queue);
		assert.deepEqual(
			parseUserDestination('https://queue.amazonaws.com/123456789012/orders-dlq', 'sqs'),
			parseDestination('arn:aws:sqs:us-east-1:123456789012:orders-dlq'),
		);
		assert.deepEqual(parseUserDestination('s3://failure-bucket/aws/lambda/', 's3'), parseDestination('arn:aws:s3:::failure-bucket'));
		assert.deepEqual(parseUserDestination(' failure-bucket ', 's3'), parseDestination('arn:aws:s3:::failure-bucket'));
	});

	it('reads a bare name as a queue name for SQS and as a bucket name for S3', () => {
		assert.deepEqual(parseUserDestination(' orders-consumer-failures ', 'sqs'), { kind: 'sqs-name', queueName: 'orders-consumer-failures' });
		assert.deepEqual(parseUserDestination('orders.fifo', 'sqs'), { kind: 'sqs-name', queueName: 'orders.fifo' });
		assert.deepEqual(parseUserDestination('orders-consumer-failures', 's3'), parseDestination('arn:aws:s3:::orders-consumer-failures'));
		// Typed in the SQS command, an S3 ARN is still an S3 destination (the command says so), not a name.
		assert.equal(parseUserDestination('arn:aws:s3:::failure-bucket', 'sqs').kind, 's3');
		assert.equal(parseUserDestination('my.bucket.name', 'sqs').kind, 'unfetchable');
	});
});

describe('S3 object pick items', () => {
	const prefix = `aws/lambda/${UUID}/`;

	it('labels an object with its key after the prefix, the whole key as description, date and size as detail', () => {
		const object = { key: `${prefix}2025/01/15/12/orders-0-1737000000000.json`, size: 2560, lastModified: '2025-01-15T12:00:07.000Z' };
		const item = objectItem(object, prefix);
		assert.deepEqual(
			{ label: item.label, description: item.description, detail: item.detail },
			{ label: '2025/01/15/12/orders-0-1737000000000.json', description: object.key, detail: '2025-01-15 12:00:07 UTC · 2.5 KB' },
		);
		assert.equal(item.object, object);
	});

	it('shows a key outside the prefix whole, without a description, and says when the time is unknown', () => {
		const item = objectItem({ key: 'elsewhere/record.json', size: 3 * 1024 * 1024 }, prefix);
		assert.deepEqual(
			{ label: item.label, description: item.description, detail: item.detail },
			{ label: 'elsewhere/record.json', description: undefined, detail: 'unknown time · 3.0 MB' },
		);
		const bytes = objectItem({ key: `${prefix}r.json`, size: 812, lastModified: '2025-01-15T23:59:59.123Z' }, prefix);
		assert.equal(bytes.detail, '2025-01-15 23:59:59 UTC · 812 B');
	});

	it('offers ticking several objects as an explicit last choice', () => {
		assert.deepEqual(SEVERAL_ITEM, { label: 'Open several objects…', detail: 'Shows the same objects with boxes to tick', several: true });
	});
});

describe('record text', () => {
	it('re-indents and compacts JSON without rounding offsets', () => {
		const body = '{"KafkaBatchInfo":{"recordsInfo":{"t-0":{"firstRecordOffset":9223372036854775807,"x":"a b\\" c"}}}}';
		assert.equal(compactJson(prettyJson(body)), body);
		assert.match(prettyJson(body), /\n {8}"firstRecordOffset": 9223372036854775807,/);
		assert.equal(compactJson('not json'), undefined);
		assert.equal(prettyJson('not json'), 'not json');
	});

	it('unwraps a record delivered through an SNS subscription', () => {
		const record = fixture('records/sqs-record.json');
		const envelope = JSON.stringify({ Type: 'Notification', MessageId: 'm', TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: record });
		assert.equal(unwrapBody(envelope), record);
		assert.equal(unwrapBody(record), record);
	});
});

describe('fetching from SQS with the real SDK', () => {
	let server: LoopbackSqs;
	let context: AwsContext;
	const queue = 'orders-failures';

	before(async () => {
		server = await LoopbackSqs.start({ maxWaitMs: 200 });
		context = contextFor(server.endpoint);
	});
	after(async () => {
		await server.close();
	});

	function fill(name: string, count: number): string[] {
		const record = fixture('records/sqs-record.json');
		return Array.from({ length: count }, (_, i) => server.send(name, record.replace('"41"', `"${41 + i}"`)));
	}

	it('finds the queue URL from the ARN, naming the owner account', async () => {
		server.createQueue(queue);
		const sqs = createSqsClient(context, 'us-east-1', {});
		try {
			assert.equal(await queueUrlOf(sqs, sqsSource(server.queueArn(queue))), server.queueUrl(queue));
			const body = server.requests.at(-1)?.body as Record<string, unknown>;
			assert.deepEqual(body, { QueueName: queue, QueueOwnerAWSAccountId: '123456789012' });
			await assert.rejects(queueUrlOf(sqs, sqsSource(`arn:aws:sqs:us-east-1:210987654321:${queue}`)), QueueDoesNotExist);
		} finally {
			sqs.destroy();
		}
	});

	it('receives messages without consuming them: they are visible again at once', async () => {
		const name = 'peek-queue';
		const ids = fill(name, 5);
		const sqs = createSqsClient(context, 'us-east-1', {});
		try {
			const url = server.queueUrl(name);
			const before = server.requests.length;
			const progress: number[] = [];
			const result = await peekMessages(sqs, url, { maxMessages: 3, waitTimeSeconds: 0, onProgress: (n) => progress.push(n) });
			assert.deepEqual(
				result.messages.map((m) => m.messageId),
				ids.slice(0, 3),
			);
			assert.deepEqual(result.releaseFailures, []);
			assert.deepEqual(progress, [3]);
			assert.match(result.messages[0].body, /"firstRecordOffset": "41"/);
			assert.equal(result.messages[0].attributes['ApproximateReceiveCount'], '1');
			const stored = server.messages(name);
			assert.equal(stored.length, 5);
			assert.ok(
				stored.every((m) => m.visible),
				'every message is visible again',
			);
			const operations = server.requests.slice(before).map((r) => r.operation);
			assert.deepEqual(operations, ['ReceiveMessage', 'ChangeMessageVisibilityBatch']);
			const release = server.requests.slice(before).find((r) => r.operation === 'ChangeMessageVisibilityBatch')!.body as {
				Entries: { VisibilityTimeout: number }[];
			};
			assert.deepEqual(
				release.Entries.map((e) => e.VisibilityTimeout),
				[0, 0, 0],
			);

			// A second peek sees the same messages again; nothing was deleted.
			const again = await peekMessages(sqs, url, { maxMessages: 10, waitTimeSeconds: 0 });
			assert.equal(again.messages.length, 5);
			assert.ok(server.messages(name).every((m) => m.visible));
			assert.ok(!server.requests.some((r) => r.operation?.startsWith('DeleteMessage')));
		} finally {
			sqs.destroy();
		}
	});

	it('makes messages visible again after a cancel', async () => {
		const name = 'cancel-queue';
		fill(name, 25);
		const sqs = createSqsClient(context, 'us-east-1', {});
		try {
			const controller = new AbortController();
			const result = await peekMessages(sqs, server.queueUrl(name), {
				maxMessages: 25,
				waitTimeSeconds: 0,
				abortSignal: controller.signal,
				onProgress: () => controller.abort(),
			});
			assert.equal(result.messages.length, 10);
			assert.ok(server.messages(name).every((m) => m.visible));
		} finally {
			sqs.destroy();
		}
	});

	it('deletes only when asked, and only the messages named', async () => {
		const name = 'delete-queue';
		const ids = fill(name, 4);
		const sqs = createSqsClient(context, 'us-east-1', {});
		try {
			const url = server.queueUrl(name);
			const peeked = await peekMessages(sqs, url, { maxMessages: 2, waitTimeSeconds: 0 });
			assert.equal(server.messages(name).length, 4);
			const result = await deleteMessages(sqs, url, peeked.messages);
			assert.deepEqual(result, { deleted: ids.slice(0, 2), failed: [] });
			assert.deepEqual(
				server.messages(name).map((m) => m.messageId),
				ids.slice(2),
			);
		} finally {
			sqs.destroy();
		}
	});
});

describe('fetching from S3 with the real SDK', () => {
	let server: LoopbackS3;
	let context: AwsContext;
	const bucket = 'failure-bucket';
	const prefix = failurePrefix(UUID);

	before(async () => {
		server = await LoopbackS3.start();
		context = contextFor(server.endpoint);
		const start = Date.parse('2026-11-21T10:00:00Z');
		for (let i = 0; i < 25; i++) {
			const when = new Date(start + ((i * 7) % 25) * 60_000);
			const stamp = when.toISOString().slice(0, 19).replace(/:/g, '.');
			server.putObject(bucket, `${prefix}order-events-0/2026/11/21/${stamp}-${String(i).padStart(4, '0')}`, fixture('records/s3-record-object.json'), when);
		}
		server.putObject(bucket, 'aws/lambda/00000000-0000-0000-0000-000000000000/x', '{}', new Date(start + 3_600_000));
	});
	after(async () => {
		await server.close();
	});

	it("lists a mapping's failure objects across pages, newest first", async () => {
		const s3 = createS3Client(context, {});
		try {
			const pages: number[] = [];
			const listing = await listFailureObjects(s3, bucket, prefix, { pageSize: 10, onPage: (n) => pages.push(n) });
			assert.equal(listing.pages, 3);
			assert.deepEqual(pages, [10, 20, 25]);
			assert.equal(listing.truncated, false);
			assert.equal(listing.objects.length, 25);
			assert.ok(listing.objects.every((o) => o.key.startsWith(prefix)));
			const times = listing.objects.map((o) => o.lastModified!);
			assert.deepEqual(times, [...times].sort().reverse());
			assert.equal(times[0], '2026-11-21T10:24:00.000Z');
			const lists = server.requests.filter((r) => r.operation === 'ListObjectsV2');
			assert.ok(lists.every((r) => r.query['prefix'] === prefix && r.bucket === bucket));
		} finally {
			s3.destroy();
		}
	});

	it('stops at a maximum and says the listing is truncated', async () => {
		const s3 = createS3Client(context, {});
		try {
			const listing = await listFailureObjects(s3, bucket, prefix, { pageSize: 10, maxObjects: 12 });
			assert.equal(listing.objects.length, 12);
			assert.equal(listing.truncated, true);
		} finally {
			s3.destroy();
		}
	});

	it('reads the chosen objects', async () => {
		const s3 = createS3Client(context, {});
		try {
			const [newest] = (await listFailureObjects(s3, bucket, prefix)).objects;
			assert.equal(await getObjectText(s3, bucket, newest.key), fixture('records/s3-record-object.json'));
			await assert.rejects(getObjectText(s3, bucket, newest.key, { maxBytes: 100 }), /more than the 100 bytes the editor opens/);
		} finally {
			s3.destroy();
		}
	});
});
