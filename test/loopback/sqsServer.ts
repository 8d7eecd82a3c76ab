/**
 * A loopback Amazon SQS endpoint for the calls the extension makes to read failure records,
 * speaking the AWS JSON 1.0 protocol the current SDK uses: `POST /` with
 * `X-Amz-Target: AmazonSQS.<Operation>`, errors as `__type` plus the `x-amzn-query-error` header
 * the SDK reads in its query-compatible mode.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCOUNT_ID, headerValue, parseTarget, readBody, sleep, withoutSecrets } from './httpUtil';
import { LoopbackService } from './loopbackService';
import type { SigV4Result } from './sigv4';
import { verifySigV4 } from './sigv4';
import type { MessageAttributeWire, Queue, SqsMessageView, StoredMessage } from './sqsMessages';
import { md5OfBody, md5OfMessageAttributes, newMessage, newReceiptHandle, selectedMessageAttributes, systemAttributes, viewOf } from './sqsMessages';

export type { MessageAttributeWire, SqsMessageView } from './sqsMessages';

/** Options of {@link LoopbackSqs.start}. */
export interface LoopbackSqsOptions {
	region?: string;
	port?: number;
	requireSignature?: boolean;
	allowUnknownAccessKeys?: boolean;
	/** The longest a ReceiveMessage with WaitTimeSeconds is held (default 1000 ms), to keep tests fast. */
	maxWaitMs?: number;
}

/** One request the server received. */
export interface RecordedSqsRequest {
	/** From `X-Amz-Target`, e.g. `ReceiveMessage`. */
	operation: string | undefined;
	method: string;
	path: string;
	headers: Record<string, string>;
	body: unknown;
	requestId: string;
	status: number;
	/** The error code (`__type` without namespace), for errors. */
	errorType?: string;
}

interface SqsError {
	status: number;
	/** Shape id for `__type`, e.g. `com.amazonaws.sqs#QueueDoesNotExist`. */
	type: string;
	/** The legacy query code for `x-amzn-query-error`, when the error has one. */
	queryCode?: string;
	message: string;
}

type Body = Record<string, unknown>;
type Outcome = { body: unknown } | SqsError;

const TARGET_PREFIX = 'AmazonSQS.';

/** The loopback SQS server. Start it with {@link LoopbackSqs.start}. */
export class LoopbackSqs extends LoopbackService {
	/** Every request received, oldest first. */
	readonly requests: RecordedSqsRequest[] = [];
	/** Test hook: while true, ReceiveMessage sends a wrong `MD5OfBody` (the SDK must reject it). */
	corruptMd5OfBody = false;

	private readonly queues = new Map<string, Queue>();

	private constructor(
		region: string,
		requireSignature: boolean,
		allowUnknownAccessKeys: boolean,
		private readonly maxWaitMs: number,
	) {
		super(region, requireSignature, allowUnknownAccessKeys);
	}

	/** Starts a server on 127.0.0.1. */
	static async start(options: LoopbackSqsOptions = {}): Promise<LoopbackSqs> {
		const sqs = new LoopbackSqs(
			options.region ?? 'us-east-1',
			options.requireSignature ?? true,
			options.allowUnknownAccessKeys ?? false,
			options.maxWaitMs ?? 1000,
		);
		return sqs.listen(options.port);
	}

	/** Creates a queue (idempotent) and returns its URL, `http://127.0.0.1:PORT/123456789012/<name>`. */
	createQueue(name: string, visibilityTimeout = 30): string {
		const existing = this.queues.get(name);
		if (existing) {
			return existing.url;
		}
		const url = this.queueUrl(name);
		this.queues.set(name, { name, url, visibilityTimeout, messages: [] });
		return url;
	}

	/** Sets attributes of a queue (creating it if needed), e.g. `Policy` or `KmsMasterKeyId`. */
	setQueueAttributes(name: string, attributes: Record<string, string>): void {
		this.createQueue(name);
		const queue = this.queues.get(name)!;
		queue.attributes = { ...queue.attributes, ...attributes };
	}

	/** The URL a queue of this name has (whether or not it exists). */
	queueUrl(name: string): string {
		return `${this.endpoint}/${ACCOUNT_ID}/${name}`;
	}

	/** The ARN of a queue of this name. */
	queueArn(name: string): string {
		return `arn:aws:sqs:${this.region}:${ACCOUNT_ID}:${name}`;
	}

	/** Puts a message on a queue (creating the queue if needed); returns its MessageId. */
	send(name: string, body: string, messageAttributes: Record<string, MessageAttributeWire> = {}): string {
		this.createQueue(name);
		const message = newMessage(body, messageAttributes);
		this.queues.get(name)!.messages.push(message);
		return message.messageId;
	}

	/** The messages still on a queue, with their visibility. */
	messages(name: string): SqsMessageView[] {
		const queue = this.queues.get(name);
		if (!queue) {
			throw new Error(`No queue ${name}.`);
		}
		const now = Date.now();
		return queue.messages.map((m) => viewOf(m, now));
	}

	protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = randomUUID();
		const target = parseTarget(request.url);
		const amzTarget = headerValue(request.headers, 'x-amz-target') ?? '';
		const operation = amzTarget.startsWith(TARGET_PREFIX) ? amzTarget.slice(TARGET_PREFIX.length) : undefined;
		const record: RecordedSqsRequest = {
			operation,
			method: request.method ?? 'POST',
			path: target.rawPath,
			headers: withoutSecrets(request.headers),
			body: undefined,
			requestId,
			status: 0,
		};
		this.requests.push(record);
		if (request.headers.authorization) {
			this.authorizationHeaders.push(request.headers.authorization);
		}
		let outcome: Outcome;
		try {
			const raw = await readBody(request);
			outcome = await this.dispatch(operation, record, request, target, raw);
		} catch (error) {
			outcome = { status: 500, type: 'com.amazonaws.sqs#InternalError', message: error instanceof Error ? error.message : String(error) };
		}
		const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': requestId };
		let status = 200;
		let payload: unknown;
		if ('type' in outcome) {
			status = outcome.status;
			record.errorType = outcome.type.split('#')[1];
			payload = { __type: outcome.type, message: outcome.message };
			if (outcome.queryCode) {
				headers['x-amzn-query-error'] = `${outcome.queryCode};${status >= 500 ? 'Receiver' : 'Sender'}`;
			}
		} else {
			payload = outcome.body;
		}
		record.status = status;
		const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
		response.writeHead(status, { ...headers, 'Content-Length': String(bytes.length) });
		response.end(bytes);
	}

	private async dispatch(
		operation: string | undefined,
		record: RecordedSqsRequest,
		request: IncomingMessage,
		target: ReturnType<typeof parseTarget>,
		raw: Buffer,
	): Promise<Outcome> {
		if (this.requireSignature) {
			const verdict = verifySigV4(
				{ method: request.method ?? 'POST', rawPath: target.rawPath, rawQuery: target.rawQuery, headers: request.headers, body: raw },
				{ service: 'sqs', region: this.signingRegion, credentials: this.credentials, allowUnknownAccessKeys: this.allowUnknownAccessKeys, uriEscapePath: true },
			);
			if (!verdict.ok) {
				return authError(verdict);
			}
		}
		let body: Body;
		try {
			body = (raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}) as Body;
		} catch {
			return { status: 400, type: 'com.amazon.coral.service#SerializationException', message: 'Start of structure or map found where not expected.' };
		}
		record.body = body;
		switch (operation) {
			case 'GetQueueUrl':
				return this.getQueueUrl(body);
			case 'GetQueueAttributes':
				return this.withQueue(body, (queue) => this.getQueueAttributes(queue, asStrings(body.AttributeNames)));
			case 'SendMessage':
				return this.withQueue(body, (queue) => this.sendMessage(queue, body));
			case 'ReceiveMessage':
				return this.withQueueAsync(body, (queue) => this.receiveMessage(queue, body));
			case 'ChangeMessageVisibility':
				return this.withQueue(body, (queue) => this.changeVisibility(queue, String(body.ReceiptHandle), Number(body.VisibilityTimeout)) ?? { body: {} });
			case 'ChangeMessageVisibilityBatch':
				return this.withQueue(body, (queue) =>
					this.batch(body, 'ChangeMessageVisibilityBatchRequestEntry', (entry) =>
						this.changeVisibility(queue, String(entry.ReceiptHandle), Number(entry.VisibilityTimeout)),
					),
				);
			case 'DeleteMessage':
				return this.withQueue(body, (queue) => this.deleteMessage(queue, String(body.ReceiptHandle)) ?? { body: {} });
			case 'DeleteMessageBatch':
				return this.withQueue(body, (queue) =>
					this.batch(body, 'DeleteMessageBatchRequestEntry', (entry) => this.deleteMessage(queue, String(entry.ReceiptHandle))),
				);
			default:
				return { status: 400, type: 'com.amazon.coral.service#UnknownOperationException', message: `Unknown operation ${operation ?? ''}` };
		}
	}

	private queueFor(body: Body): Queue | undefined {
		if (typeof body.QueueUrl !== 'string') {
			return undefined;
		}
		let path: string;
		try {
			path = new URL(body.QueueUrl).pathname;
		} catch {
			return undefined;
		}
		const [, account, name, ...rest] = path.split('/');
		return account === ACCOUNT_ID && rest.length === 0 ? this.queues.get(decodeURIComponent(name ?? '')) : undefined;
	}

	private withQueue(body: Body, action: (queue: Queue) => Outcome): Outcome {
		const queue = this.queueFor(body);
		return queue ? action(queue) : queueDoesNotExist();
	}

	private async withQueueAsync(body: Body, action: (queue: Queue) => Promise<Outcome>): Promise<Outcome> {
		const queue = this.queueFor(body);
		return queue ? action(queue) : queueDoesNotExist();
	}

	private getQueueUrl(body: Body): Outcome {
		const queue = typeof body.QueueName === 'string' ? this.queues.get(body.QueueName) : undefined;
		const owner = body.QueueOwnerAWSAccountId;
		if (!queue || (owner !== undefined && owner !== ACCOUNT_ID)) {
			return queueDoesNotExist();
		}
		return { body: { QueueUrl: queue.url } };
	}

	/** The attributes asked for (`All` for every one) that the queue has; unset ones are left out, as SQS does. */
	private getQueueAttributes(queue: Queue, names: string[]): Outcome {
		const now = Date.now();
		const all: Record<string, string> = {
			QueueArn: this.queueArn(queue.name),
			VisibilityTimeout: String(queue.visibilityTimeout),
			ApproximateNumberOfMessages: String(queue.messages.filter((m) => m.visibleAt <= now).length),
			ApproximateNumberOfMessagesNotVisible: String(queue.messages.filter((m) => m.visibleAt > now).length),
			...queue.attributes,
		};
		const wanted = names.includes('All') ? Object.keys(all) : names;
		const attributes = Object.fromEntries(wanted.filter((name) => all[name] !== undefined).map((name) => [name, all[name]]));
		return { body: Object.keys(attributes).length > 0 ? { Attributes: attributes } : {} };
	}

	private sendMessage(queue: Queue, body: Body): Outcome {
		if (typeof body.MessageBody !== 'string' || body.MessageBody === '') {
			return invalidParameter('The request must contain the parameter MessageBody.');
		}
		const attributes = (body.MessageAttributes ?? {}) as Record<string, MessageAttributeWire>;
		const message = newMessage(body.MessageBody, attributes, typeof body.DelaySeconds === 'number' ? body.DelaySeconds : 0);
		queue.messages.push(message);
		const md5Attributes = md5OfMessageAttributes(attributes);
		return {
			body: {
				MD5OfMessageBody: md5OfBody(message.body),
				...(md5Attributes ? { MD5OfMessageAttributes: md5Attributes } : {}),
				MessageId: message.messageId,
			},
		};
	}

	private async receiveMessage(queue: Queue, body: Body): Promise<Outcome> {
		const max = body.MaxNumberOfMessages ?? 1;
		if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 10) {
			return invalidParameter(`Value ${JSON.stringify(max)} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`);
		}
		const wait = body.WaitTimeSeconds ?? 0;
		if (typeof wait !== 'number' || wait < 0 || wait > 20) {
			return invalidParameter(`Value ${JSON.stringify(wait)} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.`);
		}
		const visibility = typeof body.VisibilityTimeout === 'number' ? body.VisibilityTimeout : queue.visibilityTimeout;
		const deadline = Date.now() + Math.min(wait * 1000, this.maxWaitMs);
		let taken = takeVisible(queue, max);
		while (taken.length === 0 && Date.now() < deadline && this.server.listening) {
			await sleep(20);
			taken = takeVisible(queue, max);
		}
		const requestedSystem = [...asStrings(body.AttributeNames), ...asStrings(body.MessageSystemAttributeNames)];
		const requestedAttributes = asStrings(body.MessageAttributeNames);
		const now = Date.now();
		const messages = taken.map((message) => {
			message.receiveCount += 1;
			message.firstReceiveTimestamp ??= now;
			message.visibleAt = now + visibility * 1000;
			message.latestHandle = newReceiptHandle();
			const attributes = systemAttributes(message, requestedSystem);
			const messageAttributes = selectedMessageAttributes(message, requestedAttributes);
			return {
				MessageId: message.messageId,
				ReceiptHandle: message.latestHandle,
				MD5OfBody: this.corruptMd5OfBody ? md5OfBody(`${message.body}!`) : md5OfBody(message.body),
				Body: message.body,
				...(attributes ? { Attributes: attributes } : {}),
				...(messageAttributes ? { MD5OfMessageAttributes: md5OfMessageAttributes(messageAttributes), MessageAttributes: messageAttributes } : {}),
			};
		});
		// An empty receive is `{}` on the wire, not an empty list.
		return { body: messages.length > 0 ? { Messages: messages } : {} };
	}

	private changeVisibility(queue: Queue, handle: string, timeout: number): SqsError | undefined {
		const found = findByHandle(queue, handle);
		if (typeof found !== 'object') {
			return found === 'expired' ? expiredHandle(handle) : invalidHandle(handle);
		}
		if (!Number.isInteger(timeout) || timeout < 0 || timeout > 43200) {
			return invalidParameter(`Value ${timeout} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.`);
		}
		if (found.visibleAt <= Date.now()) {
			return {
				status: 400,
				type: 'com.amazonaws.sqs#MessageNotInflight',
				queryCode: 'AWS.SimpleQueueService.MessageNotInflight',
				message: 'Message does not exist or is not available for visibility timeout change.',
			};
		}
		found.visibleAt = Date.now() + timeout * 1000;
		return undefined;
	}

	private deleteMessage(queue: Queue, handle: string): SqsError | undefined {
		const found = findByHandle(queue, handle);
		if (found === 'unknown') {
			return invalidHandle(handle);
		}
		// Deleting with an expired handle, or twice, succeeds without effect, as on a standard queue.
		if (typeof found === 'object') {
			queue.messages.splice(queue.messages.indexOf(found), 1);
		}
		return undefined;
	}

	private batch(body: Body, entryName: string, apply: (entry: Body) => SqsError | undefined): Outcome {
		const entries = Array.isArray(body.Entries) ? (body.Entries as Body[]) : [];
		if (entries.length === 0) {
			return {
				status: 400,
				type: 'com.amazonaws.sqs#EmptyBatchRequest',
				queryCode: 'AWS.SimpleQueueService.EmptyBatchRequest',
				message: `There should be at least one ${entryName} in the request.`,
			};
		}
		if (entries.length > 10) {
			return {
				status: 400,
				type: 'com.amazonaws.sqs#TooManyEntriesInBatchRequest',
				queryCode: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
				message: `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
			};
		}
		const ids = entries.map((e) => String(e.Id));
		const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
		if (repeated !== undefined) {
			return {
				status: 400,
				type: 'com.amazonaws.sqs#BatchEntryIdsNotDistinct',
				queryCode: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
				message: `Id ${repeated} repeated.`,
			};
		}
		const successful: Array<{ Id: string }> = [];
		const failed: Array<{ Id: string; SenderFault: boolean; Code: string; Message: string }> = [];
		for (const entry of entries) {
			const error = apply(entry);
			if (error) {
				failed.push({ Id: String(entry.Id), SenderFault: true, Code: error.queryCode ?? error.type.split('#')[1], Message: error.message });
			} else {
				successful.push({ Id: String(entry.Id) });
			}
		}
		return { body: { Failed: failed, Successful: successful } };
	}
}

function takeVisible(queue: Queue, max: number): StoredMessage[] {
	const now = Date.now();
	return queue.messages.filter((m) => m.visibleAt <= now).slice(0, max);
}

function findByHandle(queue: Queue, handle: string): StoredMessage | 'expired' | 'unknown' {
	if (!handle.startsWith('AQEB')) {
		return 'unknown';
	}
	return queue.messages.find((m) => m.latestHandle === handle) ?? 'expired';
}

function asStrings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function queueDoesNotExist(): SqsError {
	return {
		status: 400,
		type: 'com.amazonaws.sqs#QueueDoesNotExist',
		queryCode: 'AWS.SimpleQueueService.NonExistentQueue',
		message: 'The specified queue does not exist.',
	};
}

// SQS has no InvalidParameterValue shape in its model; the SDK names the error from the query code.
function invalidParameter(message: string): SqsError {
	return { status: 400, type: 'com.amazonaws.sqs#InvalidParameterValueException', queryCode: 'InvalidParameterValue', message };
}

function invalidHandle(handle: string): SqsError {
	return {
		status: 404,
		type: 'com.amazonaws.sqs#ReceiptHandleIsInvalid',
		queryCode: 'ReceiptHandleIsInvalid',
		message: `The input receipt handle "${handle}" is not a valid receipt handle.`,
	};
}

function expiredHandle(handle: string): SqsError {
	return invalidParameter(`Value ${handle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`);
}

// The authentication layer answers before SQS does, so these carry coral's shape ids and no query code.
function authError(verdict: Exclude<SigV4Result, { ok: true }>): SqsError {
	const types: Record<string, string> = {
		missing: 'MissingAuthenticationTokenException',
		incomplete: 'IncompleteSignatureException',
		'unknown-key': 'UnrecognizedClientException',
		'invalid-token': 'UnrecognizedClientException',
		'expired-token': 'ExpiredTokenException',
	};
	return { status: 403, type: `com.amazon.coral.service#${types[verdict.failure] ?? 'InvalidSignatureException'}`, message: verdict.message };
}
