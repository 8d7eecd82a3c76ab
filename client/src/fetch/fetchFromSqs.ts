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
		title: vscode.l10n.t('Fetch failure records from {0}', source.queueName),
		prompt: vscode.l10n.t('How many messages to read (1–{0})? They are made visible again at once; nothing is deleted.', MAX_PEEK),
		value: '10',
		validateInput: (value) =>
			/^[0-9]+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= MAX_PEEK ? undefined : vscode.l10n.t('A number from 1 to {0}.', MAX_PEEK),
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
	const queueUrl = await withCancellableProgress(vscode.l10n.t('Finding queue {0}…', source.queueName), (token) => sqs.queueUrl(source, token));
	if (!queueUrl || !(await acceptRedrive(sqs, queueUrl, source.queueName))) {
		return undefined;
	}
	const result = await withCancellableProgress(vscode.l10n.t('Reading failure records from {0}…', source.queueName), (token, progress) =>
		sqs.peek(queueUrl, count, { token, onProgress: (n) => progress.report({ message: `${n} received` }) }),
	);
	if (!result) {
		return undefined;
	}
	for (const failure of result.releaseFailures) {
		deps.output.warn(`Message ${failure.messageId} could not be made visible again (${failure.message}); it reappears when its visibility timeout ends.`);
	}
	if (result.messages.length === 0) {
		void safeWindow.showInformationMessage(vscode.l10n.t('No messages are visible in {0} right now.', source.queueName));
		return undefined;
	}
	return { queueUrl, messages: result.messages };
}

async function offerNextSteps(deps: FetchDeps, origin: FetchOrigin, n: number, opened: vscode.Uri | undefined): Promise<void> {
	const answer = await safeWindow.showInformationMessage(
		n === 1
			? vscode.l10n.t('{0}; it is visible in the queue again.', fetchedMessage(origin, n))
			: vscode.l10n.t('{0}; they are visible in the queue again.', fetchedMessage(origin, n)),
		...(opened ? [vscode.l10n.t('Preview Offsets')] : []),
		vscode.l10n.t('Delete from the Queue…'),
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
		vscode.l10n.t('{0} moves a message to its dead-letter queue after {1} receives.', queueName, info.maxReceiveCount),
		vscode.l10n.t(
			'Reading a message here counts as a receive, so a message read {0} times (by you or anyone) goes to {1}.',
			info.maxReceiveCount,
			info.deadLetterTargetArn ?? vscode.l10n.t('the dead-letter queue'),
		),
		vscode.l10n.t('Read Anyway'),
	);
	return answer === 'Read Anyway';
}

export async function confirmAndDelete(deps: FetchDeps): Promise<void> {
	const fetch = deps.sqsFetches.last;
	if (!fetch || fetch.messages.length === 0) {
		void safeWindow.showInformationMessage(vscode.l10n.t('Fetch failure records from SQS first; only the messages of the last fetch can be deleted.'));
		return;
	}
	if (!(await confirmDelete(fetch))) {
		return;
	}
	const n = fetch.messages.length;
	const sqs = createSqsApi(fetch.context, fetch.region, { logger: deps.output });
	try {
		const result = await withCancellableProgress(vscode.l10n.t('Deleting {0} messages from {1}…', n, fetch.queueName), (token) =>
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
			void safeWindow.showWarningMessage(
				vscode.l10n.t('Deleted {0} of {1} messages; {2} could not be deleted (see the log).', result.deleted.length, n, result.failed.length),
			);
		} else {
			void safeWindow.showInformationMessage(
				n === 1 ? vscode.l10n.t('Deleted {0} message from {1}.', n, fetch.queueName) : vscode.l10n.t('Deleted {0} messages from {1}.', n, fetch.queueName),
			);
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
		n === 1
			? vscode.l10n.t('Delete {0} message from the queue {1}?', n, fetch.queueName)
			: vscode.l10n.t('Delete {0} messages from the queue {1}?', n, fetch.queueName),
		vscode.l10n.t(
			'These are the failure records fetched at {0}. Once deleted they cannot be fetched again; save the documents first if you need them. A message someone else received since then may stay on the queue.',
			fetch.at.toLocaleTimeString(),
		),
		'Delete',
	);
	return answer === 'Delete';
}
