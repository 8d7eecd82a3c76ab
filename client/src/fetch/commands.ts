/**
 * "Fetch Failure Records from SQS" and "… from S3": find the destination (the open destination
 * config, or a mapping picked through the Lambda API, or an ARN the user types), read the records
 * without consuming them, and open them as documents our server validates. Deleting SQS messages
 * is a separate action that asks first, in a modal dialog.
 *
 * Everything AWS-specific is in the vscode-free modules next to this file; this one only asks
 * questions, shows progress and opens editors.
 */
import { parse as parseJsonc } from 'jsonc-parser';
import type { SQSClient } from '@aws-sdk/client-sqs';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import type { DocumentInfoResult } from '../../../shared/protocol';
import { DocumentInfoRequest } from '../../../shared/protocol';
import type { AwsContext } from '../aws/awsContext';
import { AWS_SETTINGS_SECTION, readAwsSettingsFrom } from '../aws/awsSettings';
import type { ErrorContext } from '../aws/errors';
import { errorDetails, toUserFacingError } from '../aws/errors';
import { createLambdaApi } from '../aws/lambdaApi';
import { resolveAwsContext } from '../aws/resolveAwsContext';
import { createS3Client, createSqsClient } from './awsClients';
import type { DestinationTarget, FetchSource } from './destination';
import { destinationOfDocument, destinationOfMapping, failurePrefix, isMappingUuid, parseUserDestination, queueUrlOf } from './destination';
import type { MappingContext } from './mappingContext';
import { rememberMapping } from './mappingContext';
import { compactJson, isJson, prettyJson, unwrapBody } from './recordText';
import { getObjectText, listFailureObjects } from './s3Fetch';
import type { PeekedMessage } from './sqsFetch';
import { deleteMessages, describeQueue, MAX_PEEK, peekMessages } from './sqsFetch';
import { PREVIEW_OFFSETS_COMMAND } from '../../../shared/documentKinds';
import { safeWindow } from '../safeWindow';
import { functionItem, mappingItem, objectItem } from './pickItems';
import { requestType } from '../requestTypes';

/** Separate editors beyond this many would bury the workspace: more records go into one JSON Lines document. */
const MAX_SEPARATE_DOCUMENTS = 25;

const documentInfoRequest = requestType(DocumentInfoRequest.type);

export interface FetchDeps {
	client: Pick<BaseLanguageClient, 'sendRequest'>;
	output: vscode.LogOutputChannel;
}

/** The last SQS fetch, kept in memory so its messages can be deleted after a confirmation. */
interface LastSqsFetch {
	context: AwsContext;
	region: string;
	queueUrl: string;
	queueName: string;
	messages: { messageId: string; receiptHandle: string }[];
	at: Date;
}

let lastSqsFetch: LastSqsFetch | undefined;

/** Forgets the last SQS fetch (on deactivation). */
export function forgetLastSqsFetch(): void {
	lastSqsFetch = undefined;
}

// ---- choosing the destination ------------------------------------------------------------------

type SourceChoice = vscode.QuickPickItem & { choice: 'document' | 'mapping' | 'input' };

interface Chosen {
	target: DestinationTarget;
	/** Set when the choice already needed AWS (a mapping was picked). */
	context?: AwsContext;
}

async function chooseDestination(deps: FetchDeps, wanted: 'sqs' | 's3'): Promise<Chosen | undefined> {
	const fromDocument = await openDocumentTarget(deps);
	const items: SourceChoice[] = [];
	if (fromDocument) {
		items.push({ label: 'From the open destination config', description: fromDocument.title, detail: describeSource(fromDocument.target.source), choice: 'document' });
	}
	items.push({ label: 'From an event source mapping…', description: 'Pick a function, then one of its Kafka mappings', choice: 'mapping' });
	items.push({ label: wanted === 'sqs' ? 'Enter a queue ARN or URL…' : 'Enter a bucket ARN or name…', choice: 'input' });
	const picked = await safeWindow.showQuickPick(items, { title: wanted === 'sqs' ? 'Fetch failure records from SQS' : 'Fetch failure records from S3', placeHolder: 'Where are the failure records?' });
	switch (picked?.choice) {
		case 'document':
			return { target: fromDocument!.target };
		case 'mapping':
			return pickMapping(deps);
		case 'input': {
			const text = await safeWindow.showInputBox({
				title: wanted === 'sqs' ? 'SQS destination' : 'S3 destination',
				prompt: wanted === 'sqs' ? 'The destination queue: arn:aws:sqs:<region>:<account>:<queue> or its URL' : 'The destination bucket: arn:aws:s3:::<bucket>, s3://<bucket> or the bucket name',
				ignoreFocusOut: true,
				validateInput: (value) => {
					const source = parseUserDestination(value);
					return source.kind === wanted ? undefined : source.kind === 'unfetchable' ? source.message : `That is an ${source.kind.toUpperCase()} destination.`;
				},
			});
			return text === undefined ? undefined : { target: { source: parseUserDestination(text) } };
		}
		default:
			return undefined;
	}
}

/** The destination of the active editor's document, when it is a destination config or an ESM request. */
async function openDocumentTarget(deps: FetchDeps): Promise<{ title: string; target: DestinationTarget } | undefined> {
	const document = vscode.window.activeTextEditor?.document;
	if (!document) {
		return undefined;
	}
	let info: DocumentInfoResult | null = null;
	try {
		info = await deps.client.sendRequest(documentInfoRequest, { uri: document.uri.toString() });
	} catch {
		return undefined;
	}
	if (info?.kind !== 'destination-config' && info?.kind !== 'esm-request') {
		return undefined;
	}
	const target = destinationOfDocument(parseJsonc(document.getText()));
	return target ? { title: document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1), target } : undefined;
}

function describeSource(source: FetchSource): string {
	switch (source.kind) {
		case 'sqs':
		case 's3':
			return source.arn;
		case 'unfetchable':
			return source.destination || '(no destination)';
	}
}

async function pickMapping(deps: FetchDeps): Promise<Chosen | undefined> {
	const context = await resolveContext(deps);
	if (!context) {
		return undefined;
	}
	const api = createLambdaApi(context, { logger: deps.output });
	try {
		const functions = await withCancellableProgress(`Listing Lambda functions in ${context.region}…`, (token) => api.listFunctions(token));
		if (!functions) {
			return undefined;
		}
		if (functions.length === 0) {
			void safeWindow.showInformationMessage(`There are no Lambda functions in ${context.region}${context.profile ? ` for profile "${context.profile}"` : ''}.`);
			return undefined;
		}
		const fn = await safeWindow.showQuickPick(
			functions.map(functionItem),
			{ title: 'Fetch failure records: function', placeHolder: 'The function whose event source mapping sends the failure records', matchOnDescription: true },
		);
		if (!fn) {
			return undefined;
		}
		const mappings = await withCancellableProgress(`Listing the Kafka event source mappings of ${fn.name}…`, (token) => api.listKafkaMappings(fn.name, token));
		if (!mappings) {
			return undefined;
		}
		if (mappings.length === 0) {
			void safeWindow.showInformationMessage(`${fn.name} has no Kafka event source mappings in ${context.region}.`);
			return undefined;
		}
		const mapping = await safeWindow.showQuickPick(mappings.map(mappingItem), { title: 'Fetch failure records: event source mapping', matchOnDetail: true });
		return mapping ? { target: destinationOfMapping(mapping.mapping), context } : undefined;
	} catch (error) {
		reportError(deps, error, { operation: 'ListEventSourceMappings', region: context.region, profile: context.profile });
		return undefined;
	} finally {
		api.dispose();
	}
}

/** Checks the destination is of the wanted kind; explains when it is not. */
function expectSource<K extends 'sqs' | 's3'>(target: DestinationTarget, wanted: K): Extract<FetchSource, { kind: K }> | undefined {
	const source = target.source;
	if (source.kind === wanted) {
		return source as Extract<FetchSource, { kind: K }>;
	}
	if (source.kind === 'unfetchable') {
		void safeWindow.showInformationMessage(source.message);
	} else {
		const other = source.kind === 'sqs' ? 'lambdaKafka.fetchFailureRecordsFromSqs' : 'lambdaKafka.fetchFailureRecordsFromS3';
		void safeWindow.showInformationMessage(`This destination is ${source.kind === 'sqs' ? 'an SQS queue' : 'an S3 bucket'} (${source.arn}).`, `Fetch from ${source.kind.toUpperCase()}`).then((answer) => {
			if (answer) {
				void vscode.commands.executeCommand(other);
			}
		});
	}
	return undefined;
}

// ---- SQS -----------------------------------------------------------------------------------------

export async function fetchFromSqs(deps: FetchDeps): Promise<void> {
	const chosen = await chooseDestination(deps, 'sqs');
	const source = chosen && expectSource(chosen.target, 'sqs');
	if (!chosen || !source) {
		return;
	}
	const countText = await safeWindow.showInputBox({
		title: `Fetch failure records from ${source.queueName}`,
		prompt: `How many messages to read (1–${MAX_PEEK})? They are made visible again at once; nothing is deleted.`,
		value: '10',
		validateInput: (value) => (/^[0-9]+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= MAX_PEEK ? undefined : `A number from 1 to ${MAX_PEEK}.`),
	});
	if (countText === undefined) {
		return;
	}
	const context = chosen.context ?? (await resolveContext(deps));
	if (!context) {
		return;
	}
	const sqs = createSqsClient(context, source.region);
	const errorContext: ErrorContext = { service: 'sqs', operation: 'GetQueueUrl', region: source.region, profile: context.profile };
	try {
		const queueUrl = await withCancellableProgress(`Finding queue ${source.queueName}…`, (_token, signal) => queueUrlOf(sqs, source, signal));
		if (!queueUrl) {
			return;
		}
		errorContext.operation = 'GetQueueAttributes';
		if (!(await acceptRedrive(sqs, queueUrl, source.queueName))) {
			return;
		}
		errorContext.operation = 'ReceiveMessage';
		const result = await withCancellableProgress(`Reading failure records from ${source.queueName}…`, (_token, signal, progress) =>
			peekMessages(sqs, queueUrl, { maxMessages: Number(countText), abortSignal: signal, onProgress: (n) => progress.report({ message: `${n} received` }) }),
		);
		if (!result) {
			return;
		}
		for (const failure of result.releaseFailures) {
			deps.output.warn(`Message ${failure.messageId} could not be made visible again (${failure.message}); it reappears when its visibility timeout ends.`);
		}
		if (result.messages.length === 0) {
			void safeWindow.showInformationMessage(`No messages are visible in ${source.queueName} right now.`);
			return;
		}
		const mapping: MappingContext = { mappingUuid: chosen.target.mappingUuid, sourceAccessTypes: chosen.target.sourceAccessTypes, eventSourceArn: chosen.target.eventSourceArn };
		const opened = await openRecords(
			result.messages.map((m) => ({ text: unwrapBody(m.body), name: m.messageId })),
			mapping,
		);
		lastSqsFetch = { context, region: source.region, queueUrl, queueName: source.queueName, messages: result.messages.map(pickHandle), at: new Date() };
		deps.output.info(`Fetched ${result.messages.length} messages from ${source.arn} without deleting them.`);
		const n = result.messages.length;
		const answer = await safeWindow.showInformationMessage(
			`Fetched ${n} failure record${n === 1 ? '' : 's'} from ${source.queueName}; ${n === 1 ? 'it is' : 'they are'} visible in the queue again.`,
			...(opened ? ['Preview Offsets'] : []),
			'Delete from the Queue…',
		);
		if (answer === 'Preview Offsets' && opened) {
			await vscode.commands.executeCommand(PREVIEW_OFFSETS_COMMAND, opened.toString());
		} else if (answer === 'Delete from the Queue…') {
			await confirmAndDelete(deps);
		}
	} catch (error) {
		reportError(deps, error, errorContext);
	} finally {
		sqs.destroy();
	}
}

function pickHandle(message: PeekedMessage): { messageId: string; receiptHandle: string } {
	return { messageId: message.messageId, receiptHandle: message.receiptHandle };
}

/** Warns that peeking counts as a receive when the queue has a redrive policy. */
async function acceptRedrive(sqs: SQSClient, queueUrl: string, queueName: string): Promise<boolean> {
	const info = await describeQueue(sqs, queueUrl);
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
	const fetch = lastSqsFetch;
	if (!fetch || fetch.messages.length === 0) {
		void safeWindow.showInformationMessage('Fetch failure records from SQS first; only the messages of the last fetch can be deleted.');
		return;
	}
	const n = fetch.messages.length;
	const answer = await safeWindow.showModalWarning(
		`Delete ${n} message${n === 1 ? '' : 's'} from the queue ${fetch.queueName}?`,
		`These are the failure records fetched at ${fetch.at.toLocaleTimeString()}. Once deleted they cannot be fetched again; save the documents first if you need them. A message someone else received since then may stay on the queue.`,
		'Delete',
	);
	if (answer !== 'Delete') {
		return;
	}
	const sqs = createSqsClient(fetch.context, fetch.region);
	try {
		const result = await withCancellableProgress(`Deleting ${n} messages from ${fetch.queueName}…`, (_token, signal) => deleteMessages(sqs, fetch.queueUrl, fetch.messages, signal));
		if (!result) {
			return;
		}
		for (const failure of result.failed) {
			deps.output.warn(`Message ${failure.messageId} was not deleted: ${failure.message}`);
		}
		deps.output.info(`Deleted ${result.deleted.length} of ${n} messages from ${fetch.queueUrl}.`);
		lastSqsFetch = result.failed.length > 0 ? { ...fetch, messages: fetch.messages.filter((m) => result.failed.some((f) => f.messageId === m.messageId)) } : undefined;
		if (result.failed.length > 0) {
			void safeWindow.showWarningMessage(`Deleted ${result.deleted.length} of ${n} messages; ${result.failed.length} could not be deleted (see the log).`);
		} else {
			void safeWindow.showInformationMessage(`Deleted ${n} message${n === 1 ? '' : 's'} from ${fetch.queueName}.`);
		}
	} catch (error) {
		reportError(deps, error, { service: 'sqs', operation: 'DeleteMessageBatch', region: fetch.region, profile: fetch.context.profile });
	} finally {
		sqs.destroy();
	}
}

// ---- S3 ------------------------------------------------------------------------------------------

export async function fetchFromS3(deps: FetchDeps): Promise<void> {
	const chosen = await chooseDestination(deps, 's3');
	const source = chosen && expectSource(chosen.target, 's3');
	if (!chosen || !source) {
		return;
	}
	let uuid = chosen.target.mappingUuid;
	if (!uuid) {
		const typed = await safeWindow.showInputBox({
			title: `Fetch failure records from ${source.bucket}`,
			prompt: 'The event source mapping UUID (records are under aws/lambda/<UUID>/); leave empty to list every mapping\'s records',
			ignoreFocusOut: true,
			validateInput: (value) => (value.trim() === '' || isMappingUuid(value.trim()) ? undefined : 'A mapping UUID such as 14e0db71-5d35-4eb5-b481-8945cf9d10c2, or nothing.'),
		});
		if (typed === undefined) {
			return;
		}
		uuid = typed.trim() || undefined;
	}
	const context = chosen.context ?? (await resolveContext(deps));
	if (!context) {
		return;
	}
	const prefix = failurePrefix(uuid);
	const s3 = createS3Client(context);
	const errorContext: ErrorContext = { service: 's3', operation: 'ListObjectsV2', region: context.region, profile: context.profile };
	try {
		const listing = await withCancellableProgress(`Listing s3://${source.bucket}/${prefix}…`, (_token, signal, progress) =>
			listFailureObjects(s3, source.bucket, prefix, { abortSignal: signal, onPage: (n) => progress.report({ message: `${n} objects` }) }),
		);
		if (!listing) {
			return;
		}
		if (listing.objects.length === 0) {
			void safeWindow.showInformationMessage(`There are no failure records under s3://${source.bucket}/${prefix}.`);
			return;
		}
		const picked = await safeWindow.showQuickPickMany(
			listing.objects.map((object) => objectItem(object, prefix)),
			{ title: `Failure records in s3://${source.bucket}/${prefix} (newest first${listing.truncated ? '; only the first 10000 listed' : ''})`, matchOnDescription: true },
		);
		if (!picked || picked.length === 0) {
			return;
		}
		errorContext.operation = 'GetObject';
		const texts = await withCancellableProgress(`Reading ${picked.length} failure records…`, async (_token, signal, progress) => {
			const result: { text: string; name: string }[] = [];
			for (const item of picked) {
				result.push({ text: await getObjectText(s3, source.bucket, item.object.key, { abortSignal: signal }), name: item.object.key });
				progress.report({ message: `${result.length} of ${picked.length}`, increment: 100 / picked.length });
			}
			return result;
		});
		if (!texts) {
			return;
		}
		await openRecords(texts, { mappingUuid: uuid, sourceAccessTypes: chosen.target.sourceAccessTypes, eventSourceArn: chosen.target.eventSourceArn });
		deps.output.info(`Opened ${texts.length} failure records from s3://${source.bucket}/${prefix}.`);
	} catch (error) {
		reportError(deps, error, errorContext);
	} finally {
		s3.destroy();
	}
}

// ---- opening records ---------------------------------------------------------------------------

/**
 * Opens records as untitled documents (JSON, so our server validates them): one JSON Lines
 * document for several records when the user prefers it (always beyond
 * {@link MAX_SEPARATE_DOCUMENTS}), else one document each. Returns the first document's URI.
 */
async function openRecords(records: readonly { text: string; name: string }[], mapping: MappingContext): Promise<vscode.Uri | undefined> {
	const allJson = records.every((r) => isJson(r.text));
	let asLines = false;
	if (records.length > 1 && allJson) {
		if (records.length > MAX_SEPARATE_DOCUMENTS) {
			asLines = true;
		} else {
			const layout = await safeWindow.showQuickPick(
				[
					{ label: 'One JSON Lines document', description: `all ${records.length} records, one per line; the preview merges their ranges`, lines: true },
					{ label: 'One document per record', description: `${records.length} editors`, lines: false },
				],
				{ title: 'Open the failure records' },
			);
			if (!layout) {
				return undefined;
			}
			asLines = layout.lines;
		}
	}
	const documents: vscode.TextDocument[] = [];
	if (asLines) {
		const content = records.map((r) => compactJson(r.text)!).join('\n') + '\n';
		documents.push(await vscode.workspace.openTextDocument({ language: 'jsonl', content }));
	} else {
		for (const record of records.slice(0, MAX_SEPARATE_DOCUMENTS)) {
			documents.push(await vscode.workspace.openTextDocument({ language: isJson(record.text) ? 'json' : 'plaintext', content: prettyJson(record.text) }));
		}
	}
	for (const document of documents) {
		rememberMapping(document.uri.toString(), mapping);
		await vscode.window.showTextDocument(document, { preview: false });
	}
	return documents[0]?.uri;
}

// ---- AWS context, progress and errors ------------------------------------------------------------

async function resolveContext(deps: FetchDeps): Promise<AwsContext | undefined> {
	const settings = readAwsSettingsFrom(vscode.workspace.getConfiguration(AWS_SETTINGS_SECTION), deps.output);
	try {
		return await resolveAwsContext(settings, {
			mfaCodeProvider: async (serial) => {
				const code = await safeWindow.showInputBox({ prompt: `MFA code for ${serial}`, ignoreFocusOut: true, password: false, validateInput: (v) => (/^\d{6}$/.test(v.trim()) ? undefined : 'Six digits.') });
				if (code === undefined) {
					throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
				}
				return code.trim();
			},
		});
	} catch (error) {
		reportError(deps, error, { profile: settings.profile });
		return undefined;
	}
}

/** Runs work under a cancellable notification; undefined when the user cancelled. */
async function withCancellableProgress<T>(
	title: string,
	work: (token: vscode.CancellationToken, signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
): Promise<T | undefined> {
	return safeWindow.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
		const controller = new AbortController();
		const subscription = token.onCancellationRequested(() => controller.abort());
		try {
			return await work(token, controller.signal, progress);
		} catch (error) {
			if (token.isCancellationRequested) {
				return undefined;
			}
			throw error;
		} finally {
			subscription.dispose();
		}
	});
}

function reportError(deps: FetchDeps, error: unknown, context: ErrorContext): void {
	const userFacing = toUserFacingError(error, context);
	if (userFacing.kind === 'cancelled') {
		return;
	}
	deps.output.error(errorDetails(error, context));
	void safeWindow.showErrorMessage(userFacing.nextStep ? `${userFacing.message} ${userFacing.nextStep}` : userFacing.message);
}
