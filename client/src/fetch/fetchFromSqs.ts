/**
 * "Fetch Failure Records from SQS": reads messages without consuming them (each is made visible
 * again at once) and opens them as documents; "Delete Fetched Failure Records" deletes the last
 * fetch's messages after a modal confirmation. AWS is reached through {@link SqsApi}.
 */
import * as vscode from 'vscode';
import { PREVIEW_OFFSETS_COMMAND } from '../../../shared/documentKinds';
import { toUserFacingError } from '../aws/errors';
import { withCancellableProgress } from '../commands/progress';
import { resolveContext, showError } from '../commands/support';
import { safeWindow } from '../safeWindow';
import { chooseDestination, expectSource } from './chooseDestination';
import type { FetchDeps } from './fetchDeps';
import type { FetchOrigin } from './fetchedNames';
import { fetchedMessage } from './fetchedNames';
import type { LastSqsFetch } from './lastSqsFetch';
import { openRecords } from './openRecords';
import { unwrapBody } from './recordText';
import type { SqsApi, SqsSource } from './sqsApi';
import { createSqsApi } from './sqsApi';
import { MAX_PEEK } from './sqsFetch';

export async function fetchFromSqs(deps: FetchDeps): Promise<void> {
	const chosen = await chooseDestination(deps, 'sqs').catch((error: unknown) => void showError(deps, toUserFacingError(error)));
	const source = chosen && expectSource(chosen.target, 'sqs');
	if (!chosen || !source) {
		return;
	}
	const count = await askCount(source);
	if (count === undefined) {
		return;
	}
	let sqs: SqsApi | undefined;
	try {
		const context = chosen.context ?? (await resolveContext(deps));
		sqs = createSqsApi(context, source.region, { logger: deps.output });
		const fetched = await peekQueue(deps, sqs, source, count);
		if (!fetched) {
			return;
		}
		const { queueUrl, messages } = fetched;
		const origin: FetchOrigin = { kind: 'sqs', queueName: source.queueName };
		const opened = await openRecords(
			messages.map((m) => ({ text: unwrapBody(m.body), name: m.messageId })),
			origin,
			{ mappingUuid: chosen.target.mappingUuid, sourceAccessTypes: chosen.target.sourceAccessTypes, eventSourceArn: chosen.target.eventSourceArn },
			deps,
		);
		deps.sqsFetches.last = {
			context,
			region: source.region,
			queueUrl,
			queueName: source.queueName,
			messages: messages.map((m) => ({ messageId: m.messageId, receiptHandle: m.receiptHandle })),
			at: new Date(),
		};
		deps.output.info(`Fetched ${messages.length} messages from ${source.arn} without deleting them.`);
		await offerNextSteps(deps, origin, messages.length, opened);
	} catch (error) {
		await showError(deps, toUserFacingError(error));
	} finally {
		sqs?.dispose();
	}
}

async function askCount(source: SqsSource): Promise<number | undefined> {
	const countText = await safeWindow.showInputBox({
		title: `Fetch failure records from ${source.queueName}`,
		prompt: `How many messages to read (1–${MAX_PEEK})? They are made visible again at once; nothing is deleted.`,
		value: '10',
		validateInput: (value) =>
			/^[0-9]+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= MAX_PEEK ? undefined : `A number from 1 to ${MAX_PEEK}.`,
	});
	return countText === undefined ? undefined : Number(countText);
}

/** Finds the queue, warns about its redrive policy, and reads the messages; undefined when cancelled or empty (after saying so). */
async function peekQueue(
	deps: FetchDeps,
	sqs: SqsApi,
	source: SqsSource,
	count: number,
): Promise<{ queueUrl: string; messages: { messageId: string; receiptHandle: string; body: string }[] } | undefined> {
	const queueUrl = await withCancellableProgress(`Finding queue ${source.queueName}…`, (token) => sqs.queueUrl(source, token));
	if (!queueUrl || !(await acceptRedrive(sqs, queueUrl, source.queueName))) {
		return undefined;
	}
	const result = await withCancellableProgress(`Reading failure records from ${source.queueName}…`, (token, progress) =>
		sqs.peek(queueUrl, count, { token, onProgress: (n) => progress.report({ message: `${n} received` }) }),
	);
	if (!result) {
		return undefined;
	}
	for (const failure of result.releaseFailures) {
		deps.output.warn(`Message ${failure.messageId} could not be made visible again (${failure.message}); it reappears when its visibility timeout ends.`);
	}
	if (result.messages.length === 0) {
		void safeWindow.showInformationMessage(`No messages are visible in ${source.queueName} right now.`);
		return undefined;
	}
	return { queueUrl, messages: result.messages };
}

async function offerNextSteps(deps: FetchDeps, origin: FetchOrigin, n: number, opened: vscode.Uri | undefined): Promise<void> {
	const answer = await safeWindow.showInformationMessage(
		`${fetchedMessage(origin, n)}; ${n === 1 ? 'it is' : 'they are'} visible in the queue again.`,
		...(opened ? ['Preview Offsets'] : []),
		'Delete from the Queue…',
	);
	if (answer === 'Preview Offsets' && opened) {
		await vscode.commands.executeCommand(PREVIEW_OFFSETS_COMMAND, opened.toString());
	} else if (answer === 'Delete from the Queue…') {
		await confirmAndDelete(deps);
	}
}

/** Warns that peeking counts as a receive when the queue has a redrive policy. */
async function acceptRedrive(sqs: SqsApi, queueUrl: string, queueName: string): Promise<boolean> {
	const info = await sqs.describeQueue(queueUrl);
	if (info?.maxReceiveCount === undefined) {
		return true;
	}
	const answer = await safeWindow.showModalWarning(
		`${queueName} moves a message to its dead-letter queue after ${info.maxReceiveCount} receives.`,
		`Reading a message here counts as a receive, so a message read ${info.maxReceiveCount} times (by you or anyone) goes to ${info.deadLetterTargetArn ?? 'the dead-letter queue'}.`,
		'Read Anyway',
	);
	return answer === 'Read Anyway';
}

export async function confirmAndDelete(deps: FetchDeps): Promise<void> {
	const fetch = deps.sqsFetches.last;
	if (!fetch || fetch.messages.length === 0) {
		void safeWindow.showInformationMessage('Fetch failure records from SQS first; only the messages of the last fetch can be deleted.');
		return;
	}
	if (!(await confirmDelete(fetch))) {
		return;
	}
	const n = fetch.messages.length;
	const sqs = createSqsApi(fetch.context, fetch.region, { logger: deps.output });
	try {
		const result = await withCancellableProgress(`Deleting ${n} messages from ${fetch.queueName}…`, (token) =>
			sqs.delete(fetch.queueUrl, fetch.messages, token),
		);
		if (!result) {
			return;
		}
		for (const failure of result.failed) {
			deps.output.warn(`Message ${failure.messageId} was not deleted: ${failure.message}`);
		}
		deps.output.info(`Deleted ${result.deleted.length} of ${n} messages from ${fetch.queueUrl}.`);
		deps.sqsFetches.last =
			result.failed.length > 0 ? { ...fetch, messages: fetch.messages.filter((m) => result.failed.some((f) => f.messageId === m.messageId)) } : undefined;
		if (result.failed.length > 0) {
			void safeWindow.showWarningMessage(`Deleted ${result.deleted.length} of ${n} messages; ${result.failed.length} could not be deleted (see the log).`);
		} else {
			void safeWindow.showInformationMessage(`Deleted ${n} message${n === 1 ? '' : 's'} from ${fetch.queueName}.`);
		}
	} catch (error) {
		await showError(deps, toUserFacingError(error));
	} finally {
		sqs.dispose();
	}
}

async function confirmDelete(fetch: LastSqsFetch): Promise<boolean> {
	const n = fetch.messages.length;
	const answer = await safeWindow.showModalWarning(
		`Delete ${n} message${n === 1 ? '' : 's'} from the queue ${fetch.queueName}?`,
		`These are the failure records fetched at ${fetch.at.toLocaleTimeString()}. Once deleted they cannot be fetched again; save the documents first if you need them. A message someone else received since then may stay on the queue.`,
		'Delete',
	);
	return answer === 'Delete';
}
