/**
 * SQS message bookkeeping for the loopback SQS server: visibility timeouts, receive counts,
 * receipt handles, and the MD5 digests the SDK checks.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A message attribute as the JSON protocol carries it (`BinaryValue` is base64). */
export interface MessageAttributeWire {
	DataType: string;
	StringValue?: string;
	BinaryValue?: string;
}

/** A stored message. */
export interface StoredMessage {
	messageId: string;
	body: string;
	messageAttributes: Record<string, MessageAttributeWire>;
	sentTimestamp: number;
	firstReceiveTimestamp?: number;
	receiveCount: number;
	/** Epoch ms from which the message can be received again. */
	visibleAt: number;
	/** The handle of the latest receive; older handles have expired. */
	latestHandle?: string;
}

/** A queue and its messages, oldest first. */
export interface Queue {
	name: string;
	url: string;
	/** Seconds a received message stays hidden unless the receive says otherwise. */
	visibilityTimeout: number;
	messages: StoredMessage[];
	/** Attributes set on the queue (Policy, KmsMasterKeyId, RedrivePolicy…), as GetQueueAttributes returns them. */
	attributes?: Record<string, string>;
}

/** A message as the `messages()` hook shows it. */
export interface SqsMessageView {
	messageId: string;
	body: string;
	receiveCount: number;
	/** True when a ReceiveMessage would return it now. */
	visible: boolean;
	visibleAt: Date;
	sentTimestamp: number;
	messageAttributes: Record<string, MessageAttributeWire>;
}

/** Hex MD5 of the UTF-8 bytes, as in `MD5OfBody` / `MD5OfMessageBody`. */
export function md5OfBody(body: string): string {
	return createHash('md5').update(body, 'utf8').digest('hex');
}

/**
 * `MD5OfMessageAttributes` as SQS defines it: attributes sorted by name, each encoded as
 * length-prefixed name, length-prefixed data type, a transport byte (1 string, 2 binary) and the
 * length-prefixed value.
 */
export function md5OfMessageAttributes(attributes: Record<string, MessageAttributeWire>): string | undefined {
	const names = Object.keys(attributes).sort();
	if (names.length === 0) {
		return undefined;
	}
	const hash = createHash('md5');
	const field = (bytes: Buffer): void => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(bytes.length);
		hash.update(length).update(bytes);
	};
	for (const name of names) {
		const attribute = attributes[name];
		field(Buffer.from(name, 'utf8'));
		field(Buffer.from(attribute.DataType, 'utf8'));
		const binary = attribute.DataType.startsWith('Binary');
		hash.update(Buffer.from([binary ? 2 : 1]));
		field(binary ? Buffer.from(attribute.BinaryValue ?? '', 'base64') : Buffer.from(attribute.StringValue ?? '', 'utf8'));
	}
	return hash.digest('hex');
}

/** A new message, visible after `delaySeconds`. */
export function newMessage(body: string, messageAttributes: Record<string, MessageAttributeWire> = {}, delaySeconds = 0): StoredMessage {
	const now = Date.now();
	return { messageId: randomUUID(), body, messageAttributes, sentTimestamp: now, receiveCount: 0, visibleAt: now + delaySeconds * 1000 };
}

/** An opaque receipt handle shaped like SQS's (long base64). */
export function newReceiptHandle(): string {
	return `AQEB${randomBytes(144).toString('base64')}`;
}

/** The `messages()` view of a stored message. */
export function viewOf(message: StoredMessage, now = Date.now()): SqsMessageView {
	return {
		messageId: message.messageId,
		body: message.body,
		receiveCount: message.receiveCount,
		visible: message.visibleAt <= now,
		visibleAt: new Date(message.visibleAt),
		sentTimestamp: message.sentTimestamp,
		messageAttributes: structuredClone(message.messageAttributes),
	};
}

/** The system attributes a receive asked for (`All` means every one we keep). */
export function systemAttributes(message: StoredMessage, requested: string[]): Record<string, string> | undefined {
	const all: Record<string, string> = {
		SenderId: 'AROAEXAMPLELAMBDAROLE:awslambda_123456789012',
		SentTimestamp: String(message.sentTimestamp),
		ApproximateReceiveCount: String(message.receiveCount),
		ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp ?? message.sentTimestamp),
	};
	const wanted = requested.includes('All') ? Object.keys(all) : requested.filter((name) => name in all);
	if (wanted.length === 0) {
		return undefined;
	}
	return Object.fromEntries(wanted.map((name) => [name, all[name]]));
}

/** The message attributes a receive asked for: `All`, `.*`, exact names or `prefix.*`. */
export function selectedMessageAttributes(message: StoredMessage, requested: string[]): Record<string, MessageAttributeWire> | undefined {
	const matches = (name: string): boolean =>
		requested.some((pattern) => pattern === 'All' || pattern === '.*' || pattern === name || (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))));
	const selected = Object.entries(message.messageAttributes).filter(([name]) => matches(name));
	return selected.length > 0 ? Object.fromEntries(selected) : undefined;
}
