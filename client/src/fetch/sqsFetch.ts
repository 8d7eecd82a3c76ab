/**
 * Reading failure records from an SQS destination without consuming them. Messages are received
 * (which hides them from other consumers for `visibilityTimeout` seconds) and, as soon as the
 * receiving is over, made visible again with ChangeMessageVisibilityBatch 0, even when the read
 * was cancelled or failed. Nothing is deleted here except by {@link deleteMessages}, which the
 * caller runs only after the user confirmed.
 *
 * Each receive counts toward the queue's redrive policy (`maxReceiveCount`), so peeking a queue
 * that has one may, after enough peeks, move a message to its dead-letter queue; the caller shows
 * {@link QueueInfo} so the user knows.
 */
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import { ChangeMessageVisibilityBatchCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';

export interface PeekOptions {
	/** Most messages to read (1..1000). */
	maxMessages: number;
	/** Long-poll time of each receive, 0..20 (default 1). */
	waitTimeSeconds?: number;
	/** How long received messages stay hidden before they are released (default 30). */
	visibilityTimeout?: number;
	abortSignal?: AbortSignal;
	onProgress?: (received: number) => void;
}

export interface PeekedMessage {
	messageId: string;
	receiptHandle: string;
	body: string;
	/** System attributes (`ApproximateReceiveCount`, `SentTimestamp`...). */
	attributes: Record<string, string>;
	/** Message attributes with a string value. */
	messageAttributes: Record<string, string>;
}

export interface PeekResult {
	messages: PeekedMessage[];
	/** Messages that could not be made visible again (they reappear after the visibility timeout). */
	releaseFailures: { messageId: string; message: string }[];
}

export const MAX_PEEK = 1000;
const BATCH = 10;

/**
 * Receives up to `maxMessages` messages and makes every one visible again at once. Stops at the
 * first empty receive. A message received twice (standard queues may deliver duplicates) is kept once.
 */
export async function peekMessages(sqs: SQSClient, queueUrl: string, options: PeekOptions): Promise<PeekResult> {
	const max = Math.max(1, Math.min(MAX_PEEK, Math.floor(options.maxMessages)));
	const received = new Map<string, PeekedMessage>();
	const handles: { messageId: string; receiptHandle: string }[] = [];
	let failure: { error: unknown } | undefined;
	try {
		while (received.size < max && !options.abortSignal?.aborted) {
			const result = await sqs.send(
				new ReceiveMessageCommand({
					QueueUrl: queueUrl,
					MaxNumberOfMessages: Math.min(BATCH, max - received.size),
					WaitTimeSeconds: options.waitTimeSeconds ?? 1,
					VisibilityTimeout: options.visibilityTimeout ?? 30,
					MessageSystemAttributeNames: ['All'],
					MessageAttributeNames: ['All'],
				}),
				{ abortSignal: options.abortSignal },
			);
			const messages = result.Messages ?? [];
			if (messages.length === 0) {
				break;
			}
			for (const message of messages) {
				if (!message.MessageId || !message.ReceiptHandle) {
					continue;
				}
				handles.push({ messageId: message.MessageId, receiptHandle: message.ReceiptHandle });
				if (!received.has(message.MessageId)) {
					received.set(message.MessageId, toPeeked(message));
				} else {
					// The newest receipt handle is the one SQS honours for a later delete.
					received.get(message.MessageId)!.receiptHandle = message.ReceiptHandle;
				}
			}
			options.onProgress?.(received.size);
		}
	} catch (error) {
		failure = { error };
	}
	// Not on the caller's abort signal: releasing must happen even after a cancel or a failure.
	const releaseFailures = await release(sqs, queueUrl, handles);
	if (failure) {
		throw failure.error;
	}
	return { messages: [...received.values()], releaseFailures };
}

/** Makes received messages visible again (ChangeMessageVisibilityBatch with 0), ten at a time. */
export async function release(
	sqs: SQSClient,
	queueUrl: string,
	handles: readonly { messageId: string; receiptHandle: string }[],
): Promise<PeekResult['releaseFailures']> {
	const failures: PeekResult['releaseFailures'] = [];
	for (let i = 0; i < handles.length; i += BATCH) {
		const chunk = handles.slice(i, i + BATCH);
		try {
			const result = await sqs.send(
				new ChangeMessageVisibilityBatchCommand({
					QueueUrl: queueUrl,
					Entries: chunk.map((h, k) => ({ Id: String(k), ReceiptHandle: h.receiptHandle, VisibilityTimeout: 0 })),
				}),
			);
			for (const failed of result.Failed ?? []) {
				const entry = chunk[Number(failed.Id)];
				failures.push({ messageId: entry?.messageId ?? '?', message: failed.Message ?? failed.Code ?? 'failed' });
			}
		} catch (error) {
			for (const h of chunk) {
				failures.push({ messageId: h.messageId, message: error instanceof Error ? error.message : String(error) });
			}
		}
	}
	return failures;
}

export interface DeleteResult {
	deleted: string[];
	failed: { messageId: string; message: string }[];
}

/** Deletes messages by their receipt handles (DeleteMessageBatch, ten at a time). Call only after the user confirmed. */
export async function deleteMessages(
	sqs: SQSClient,
	queueUrl: string,
	messages: readonly { messageId: string; receiptHandle: string }[],
	abortSignal?: AbortSignal,
): Promise<DeleteResult> {
	const result: DeleteResult = { deleted: [], failed: [] };
	for (let i = 0; i < messages.length; i += BATCH) {
		const chunk = messages.slice(i, i + BATCH);
		const response = await sqs.send(
			new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk.map((m, k) => ({ Id: String(k), ReceiptHandle: m.receiptHandle })) }),
			{ abortSignal },
		);
		for (const ok of response.Successful ?? []) {
			const entry = chunk[Number(ok.Id)];
			if (entry) {
				result.deleted.push(entry.messageId);
			}
		}
		for (const failed of response.Failed ?? []) {
			result.failed.push({ messageId: chunk[Number(failed.Id)]?.messageId ?? '?', message: failed.Message ?? failed.Code ?? 'failed' });
		}
	}
	return result;
}

export interface QueueInfo {
	approximateMessages?: number;
	approximateNotVisible?: number;
	/** From the queue's redrive policy: receives after which SQS moves a message to the dead-letter queue. */
	maxReceiveCount?: number;
	deadLetterTargetArn?: string;
}

/** What the user should know before peeking; undefined when the attributes cannot be read (no permission, say). */
export async function describeQueue(sqs: SQSClient, queueUrl: string, abortSignal?: AbortSignal): Promise<QueueInfo | undefined> {
	try {
		const result = await sqs.send(
			new GetQueueAttributesCommand({
				QueueUrl: queueUrl,
				AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'RedrivePolicy'],
			}),
			{ abortSignal },
		);
		const attributes = result.Attributes ?? {};
		const info: QueueInfo = {
			approximateMessages: toNumber(attributes['ApproximateNumberOfMessages']),
			approximateNotVisible: toNumber(attributes['ApproximateNumberOfMessagesNotVisible']),
		};
		const redrive = attributes['RedrivePolicy'];
		if (redrive) {
			try {
				const policy = JSON.parse(redrive) as { maxReceiveCount?: unknown; deadLetterTargetArn?: unknown };
				info.maxReceiveCount = toNumber(policy.maxReceiveCount);
				info.deadLetterTargetArn = typeof policy.deadLetterTargetArn === 'string' ? policy.deadLetterTargetArn : undefined;
			} catch {
				// An unreadable policy is no reason not to peek.
			}
		}
		return info;
	} catch {
		return undefined;
	}
}

function toPeeked(message: Message): PeekedMessage {
	const messageAttributes: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
		if (value.StringValue !== undefined) {
			messageAttributes[name] = value.StringValue;
		}
	}
	return {
		messageId: message.MessageId!,
		receiptHandle: message.ReceiptHandle!,
		body: message.Body ?? '',
		attributes: { ...(message.Attributes ?? {}) },
		messageAttributes,
	};
}

function toNumber(value: unknown): number | undefined {
	const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
	return Number.isFinite(n) ? n : undefined;
}
