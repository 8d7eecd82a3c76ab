/**
 * The fetch commands' door to Amazon SQS, as {@link LambdaApi} is to Lambda: plain values in and
 * out, a cancellation token per call, and every failure logged and thrown as a
 * {@link UserFacingException} naming SQS, the operation and the IAM action it needs.
 */
import * as l10n from '@vscode/l10n';
import { QueueDoesNotExist } from '@aws-sdk/client-sqs';
import type { AwsContext } from '../aws/awsContext';
import type { CancellationLike } from '../aws/awsCall';
import { createAwsCaller } from '../aws/awsCall';
import { UserFacingException } from '../aws/errors';
import type { Logger } from '../aws/logger';
import { createSqsClient } from './awsClients';
import type { FetchSource } from './destination';
import { queueOfName, queueUrlOf } from './destination';
import type { DeleteResult, PeekResult, QueueInfo } from './sqsFetch';
import { deleteMessages, describeQueue, peekMessages } from './sqsFetch';

export type SqsSource = Extract<FetchSource, { kind: 'sqs' }>;
export type ReceiptHandle = { messageId: string; receiptHandle: string };

export interface SqsApi {
	/** GetQueueUrl of the queue an ARN names, in its owner's account. */
	queueUrl(source: SqsSource, token?: CancellationLike): Promise<string>;
	/** GetQueueUrl of a queue the user named, in this API's region and the caller's account; a missing queue says so. */
	queueByName(queueName: string, token?: CancellationLike): Promise<{ queueUrl: string; source: SqsSource }>;
	/** The queue's counts and redrive policy; undefined when they cannot be read (no permission, say). */
	describeQueue(queueUrl: string, token?: CancellationLike): Promise<QueueInfo | undefined>;
	/** Receives up to `maxMessages` messages and makes each visible again at once; see {@link peekMessages}. */
	peek(queueUrl: string, maxMessages: number, options?: { token?: CancellationLike; onProgress?: (received: number) => void }): Promise<PeekResult>;
	/** Deletes messages by receipt handle; call only after the user confirmed. */
	delete(queueUrl: string, messages: readonly ReceiptHandle[], token?: CancellationLike): Promise<DeleteResult>;
	/** Closes the client's connections. */
	dispose(): void;
}

export interface SqsApiOptions {
	logger?: Logger;
	env?: NodeJS.ProcessEnv;
	/** Long-poll time of each receive (default 1 s; tests use 0). */
	waitTimeSeconds?: number;
}

/** An SQS API for the queue's own region (a destination may be in another region than the function). */
export function createSqsApi(context: AwsContext, region: string = context.region, options: SqsApiOptions = {}): SqsApi {
	const { call, credentials } = createAwsCaller(context, {
		logger: options.logger,
		where: `region=${region}${context.profile ? ` profile=${context.profile}` : ''}`,
		// Without the endpoint, as the fetch commands always named SQS: "Could not reach Amazon SQS in <region>".
		errorContext: { service: 'sqs', region, profile: context.profile },
	});
	// Through the caller's credentials, so their secrets are redacted from what is logged and shown.
	const sqs = createSqsClient({ ...context, credentials }, region, options.env);
	return {
		queueUrl: (source, token) => call('GetQueueUrl', {}, token, (abortSignal) => queueUrlOf(sqs, source, abortSignal)),
		queueByName: (queueName, token) =>
			call('GetQueueUrl', {}, token, (abortSignal) =>
				queueOfName(sqs, queueName, region, abortSignal).catch((error: unknown) => {
					throw error instanceof QueueDoesNotExist ? noQueueNamed(queueName, region, error) : error;
				}),
			),
		describeQueue: (queueUrl, token) => call('GetQueueAttributes', {}, token, (abortSignal) => describeQueue(sqs, queueUrl, abortSignal)),
		peek: (queueUrl, maxMessages, peekOptions = {}) =>
			call('ReceiveMessage', {}, peekOptions.token, (abortSignal) =>
				peekMessages(sqs, queueUrl, { maxMessages, waitTimeSeconds: options.waitTimeSeconds, abortSignal, onProgress: peekOptions.onProgress }),
			),
		delete: (queueUrl, messages, token) => call('DeleteMessageBatch', {}, token, (abortSignal) => deleteMessages(sqs, queueUrl, messages, abortSignal)),
		dispose: () => sqs.destroy(),
	};
}

/** A typed name is looked up only in one region and account, so the message says which, and the way to the others. */
function noQueueNamed(queueName: string, region: string, error: QueueDoesNotExist): UserFacingException {
	return new UserFacingException({
		kind: 'not-found',
		code: 'QueueDoesNotExist',
		requestId: error.$metadata.requestId,
		message: l10n.t('There is no SQS queue named "{0}" in {1} in your account.', queueName, region),
		nextStep: l10n.t("Check the name, or enter the queue's ARN or URL: a queue of another region or account is found only that way."),
	});
}
