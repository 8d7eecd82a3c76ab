import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ChangeMessageVisibilityBatchCommand,
	ChangeMessageVisibilityCommand,
	DeleteMessageBatchCommand,
	DeleteMessageCommand,
	GetQueueUrlCommand,
	MessageNotInflight,
	QueueDoesNotExist,
	ReceiptHandleIsInvalid,
	ReceiveMessageCommand,
	SendMessageCommand,
	SQSClient,
	SQSServiceException,
	TooManyEntriesInBatchRequest,
} from '@aws-sdk/client-sqs';
import type { SQSClientConfig } from '@aws-sdk/client-sqs';
import { LOOPBACK_CREDENTIALS } from './sigv4';
import { LoopbackSqs } from './sqsServer';

async function failure(call: Promise<unknown>): Promise<SQSServiceException> {
	try {
		await call;
	} catch (error) {
		assert.ok(error instanceof SQSServiceException, `expected an SQSServiceException, got ${String(error)}`);
		return error;
	}
	assert.fail('expected the call to fail');
}

describe('LoopbackSqs through the real SDK', () => {
	let server: LoopbackSqs;
	let client: SQSClient;
	const clients: SQSClient[] = [];

	function sqs(config: Partial<SQSClientConfig> = {}): SQSClient {
		const created = new SQSClient({ region: 'us-east-1', endpoint: server.endpoint, credentials: { ...LOOPBACK_CREDENTIALS }, maxAttempts: 1, ...config });
		clients.push(created);
		return created;
	}

	before(async () => {
		server = await LoopbackSqs.start({ maxWaitMs: 300 });
		client = sqs();
	});

	after(async () => {
		for (const created of clients) {
			created.destroy();
		}
		await server.close();
	});

	it('resolves a queue URL, and refuses an unknown queue with QueueDoesNotExist', async () => {
		const url = server.createQueue('failures');
		assert.equal(url, `${server.endpoint}/123456789012/failures`);
		const result = await client.send(new GetQueueUrlCommand({ QueueName: 'failures' }));
		assert.equal(result.QueueUrl, url);
		const request = server.requests.at(-1)!;
		assert.equal(request.method, 'POST');
		assert.equal(request.path, '/');
		assert.equal(request.headers['x-amz-target'], 'AmazonSQS.GetQueueUrl');
		assert.equal(request.headers['content-type'], 'application/x-amz-json-1.0');

		const error = await failure(client.send(new GetQueueUrlCommand({ QueueName: 'missing' })));
		assert.ok(error instanceof QueueDoesNotExist);
		assert.equal(error.message, 'The specified queue does not exist.');
		assert.equal(error.$metadata.httpStatusCode, 400);
	});

	it('receives with the MD5 the SDK verifies, hides in-flight messages, and shows them again after visibility 0', async () => {
		const url = server.createQueue('peek');
		const body = JSON.stringify({ note: 'unicode is hashed as UTF-8: café ✓ 🚀' });
		const messageId = server.send('peek', body);

		const first = await client.send(
			new ReceiveMessageCommand({
				QueueUrl: url,
				MaxNumberOfMessages: 10,
				VisibilityTimeout: 30,
				MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
			}),
		);
		assert.equal(first.Messages?.length, 1);
		const [message] = first.Messages;
		assert.equal(message.MessageId, messageId);
		assert.equal(message.Body, body);
		assert.match(message.MD5OfBody ?? '', /^[0-9a-f]{32}$/);
		assert.equal(message.Attributes?.ApproximateReceiveCount, '1');
		assert.ok(Math.abs(Number(message.Attributes?.SentTimestamp) - Date.now()) < 5000);
		assert.equal(server.messages('peek')[0].visible, false);

		const hidden = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
		assert.equal(hidden.Messages, undefined);

		await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }));
		assert.equal(server.messages('peek')[0].visible, true);

		const again = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['All'] }));
		assert.equal(again.Messages?.[0].MessageId, messageId);
		assert.notEqual(again.Messages?.[0].ReceiptHandle, message.ReceiptHandle);
		assert.equal(again.Messages?.[0].Attributes?.ApproximateReceiveCount, '2');
		assert.equal(server.messages('peek').length, 1, 'peeking does not delete');

		await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: again.Messages[0].ReceiptHandle }));
		assert.deepEqual(server.messages('peek'), []);
	});

	it('lets the SDK reject a wrong MD5OfBody', async () => {
		const url = server.createQueue('tampered');
		server.send('tampered', 'payload');
		server.corruptMd5OfBody = true;
		try {
			await assert.rejects(client.send(new ReceiveMessageCommand({ QueueUrl: url })), /Invalid MD5 checksum on messages/);
		} finally {
			server.corruptMd5OfBody = false;
		}
	});

	it('sends through the SDK with the MD5 of body and attributes it checks', async () => {
		const url = server.createQueue('sent');
		const sent = await client.send(
			new SendMessageCommand({
				QueueUrl: url,
				MessageBody: '{"version":"1.0"}',
				MessageAttributes: { SellerName: { DataType: 'String', StringValue: 'Example Store' } },
			}),
		);
		assert.match(sent.MessageId ?? '', /^[0-9a-f-]{36}$/);
		// The digest AWS's documentation example gives for this attribute.
		assert.equal(sent.MD5OfMessageAttributes, 'cd28f3b68aeee4b2eac9c66f2f694b58');
		const received = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }));
		assert.equal(received.Messages?.[0].MessageAttributes?.SellerName.StringValue, 'Example Store');
		assert.equal(received.Messages?.[0].MD5OfMessageAttributes, sent.MD5OfMessageAttributes);
	});

	it('round-trips binary message attributes and selects them by name prefix', async () => {
		const url = server.createQueue('binary');
		await client.send(
			new SendMessageCommand({
				QueueUrl: url,
				MessageBody: 'with attributes',
				MessageAttributes: {
					'trace.blob': { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
					other: { DataType: 'Number', StringValue: '7' },
				},
			}),
		);
		const received = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['trace.*'] }));
		const attributes = received.Messages?.[0].MessageAttributes ?? {};
		assert.deepEqual(Object.keys(attributes), ['trace.blob']);
		assert.deepEqual([...(attributes['trace.blob'].BinaryValue ?? [])], [1, 2, 3]);
	});

	it('changes visibility and deletes in batches, reporting failed entries', async () => {
		const url = server.createQueue('batch');
		for (const n of [1, 2, 3]) {
			server.send('batch', `record ${n}`);
		}
		const received = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
		assert.equal(received.Messages?.length, 3);
		const handles = received.Messages.map((m) => m.ReceiptHandle!);

		const changed = await client.send(
			new ChangeMessageVisibilityBatchCommand({
				QueueUrl: url,
				Entries: [
					{ Id: 'a', ReceiptHandle: handles[0], VisibilityTimeout: 0 },
					{ Id: 'b', ReceiptHandle: 'not-a-handle', VisibilityTimeout: 0 },
				],
			}),
		);
		assert.deepEqual(
			changed.Successful?.map((e) => e.Id),
			['a'],
		);
		assert.equal(changed.Failed?.[0].Id, 'b');
		assert.equal(changed.Failed?.[0].Code, 'ReceiptHandleIsInvalid');
		assert.equal(changed.Failed?.[0].SenderFault, true);
		assert.deepEqual(
			server.messages('batch').map((m) => m.visible),
			[true, false, false],
		);

		const deleted = await client.send(
			new DeleteMessageBatchCommand({
				QueueUrl: url,
				Entries: handles.slice(1).map((handle, i) => ({ Id: `d${i}`, ReceiptHandle: handle })),
			}),
		);
		assert.equal(deleted.Successful?.length, 2);
		assert.deepEqual(deleted.Failed, []);
		assert.deepEqual(
			server.messages('batch').map((m) => m.body),
			['record 1'],
		);

		const tooMany = await failure(
			client.send(
				new DeleteMessageBatchCommand({
					QueueUrl: url,
					Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, ReceiptHandle: handles[0] })),
				}),
			),
		);
		assert.ok(tooMany instanceof TooManyEntriesInBatchRequest);
		assert.equal(tooMany.message, 'Maximum number of entries per request are 10. You have sent 11.');
	});

	it('refuses bad handles, visible messages and out-of-range parameters', async () => {
		const url = server.createQueue('errors');
		server.send('errors', 'visible');
		const invalid = await failure(client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: 'garbage', VisibilityTimeout: 0 })));
		assert.ok(invalid instanceof ReceiptHandleIsInvalid);
		assert.equal(invalid.message, 'The input receipt handle "garbage" is not a valid receipt handle.');

		const [message] = (await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages!;
		await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }));
		const notInFlight = await failure(
			client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 })),
		);
		assert.ok(notInFlight instanceof MessageNotInflight);

		const tooMany = await failure(client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })));
		assert.equal(tooMany.name, 'InvalidParameterValue');
		assert.equal(tooMany.message, 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.');
		assert.equal(server.requests.at(-1)?.errorType, 'InvalidParameterValueException');
	});

	it('holds a long poll until a message arrives, and returns empty at the cap', async () => {
		const url = server.createQueue('long-poll');
		const started = Date.now();
		const empty = await client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
		assert.equal(empty.Messages, undefined);
		assert.ok(Date.now() - started >= 250, 'waited for the capped long poll');

		const pending = client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
		setTimeout(() => server.send('long-poll', 'late arrival'), 50);
		const result = await pending;
		assert.equal(result.Messages?.[0].Body, 'late arrival');
	});

	it('rejects a client signing for another region, and an expired key', async () => {
		const wrongRegion = await failure(sqs({ region: 'eu-west-1' }).send(new GetQueueUrlCommand({ QueueName: 'failures' })));
		assert.equal(wrongRegion.name, 'InvalidSignatureException');
		assert.equal(wrongRegion.$metadata.httpStatusCode, 403);

		server.addCredentials('AKIDSQSEXPIRED', 'sqs-secret');
		server.expireCredentials('AKIDSQSEXPIRED');
		const expired = await failure(
			sqs({ credentials: { accessKeyId: 'AKIDSQSEXPIRED', secretAccessKey: 'sqs-secret' } }).send(new GetQueueUrlCommand({ QueueName: 'failures' })),
		);
		assert.equal(expired.name, 'ExpiredTokenException');
		assert.equal(expired.message, 'The security token included in the request is expired');
	});
});
