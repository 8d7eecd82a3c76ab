/**
 * Where the fetch commands read from: the open destination config, a mapping picked with the same
 * pickers as the apply commands, or an ARN the user types.
 */
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { DocumentInfoResult } from '../../../shared/protocol';
import { DocumentInfoRequest } from '../../../shared/protocol';
import type { AwsContext } from '../aws/awsContext';
import { withCancellableProgress } from '../commands/progress';
import { connect, resolveContext, showOutcome } from '../commands/support';
import { pickMappingToRead } from '../commands/vscodeUi';
import { requestType } from '../requestTypes';
import { safeWindow } from '../safeWindow';
import type { DestinationTarget, FetchSource, UserDestination } from './destination';
import { destinationOfDocument, destinationOfMapping, parseUserDestination } from './destination';
import type { FetchDeps } from './fetchDeps';
import { createSqsApi } from './sqsApi';

const documentInfoRequest = requestType(DocumentInfoRequest.type);

type SourceChoice = vscode.QuickPickItem & { choice: 'document' | 'mapping' | 'input' };

export interface Chosen {
	target: DestinationTarget;
	/** Set when the choice already needed AWS (a mapping was picked). */
	context?: AwsContext;
}

export async function chooseDestination(deps: FetchDeps, wanted: 'sqs' | 's3'): Promise<Chosen | undefined> {
	const fromDocument = await openDocumentTarget(deps);
	const items: SourceChoice[] = [];
	if (fromDocument) {
		items.push({
			label: vscode.l10n.t('From the open destination config'),
			description: fromDocument.title,
			detail: describeSource(fromDocument.target.source),
			choice: 'document',
		});
	}
	items.push({
		label: vscode.l10n.t('From an event source mapping…'),
		description: vscode.l10n.t('Pick a function, then one of its Kafka mappings'),
		choice: 'mapping',
	});
	items.push({ label: wanted === 'sqs' ? vscode.l10n.t('Enter a queue name, ARN or URL…') : vscode.l10n.t('Enter a bucket ARN or name…'), choice: 'input' });
	const picked = await safeWindow.showQuickPick(items, {
		title: wanted === 'sqs' ? vscode.l10n.t('Fetch failure records from SQS') : vscode.l10n.t('Fetch failure records from S3'),
		placeHolder: vscode.l10n.t('Where are the failure records?'),
	});
	switch (picked?.choice) {
		case 'document':
			return { target: fromDocument!.target };
		case 'mapping':
			return pickMappingTarget(deps);
		case 'input':
			return askDestination(deps, wanted);
		default:
			return undefined;
	}
}

async function askDestination(deps: FetchDeps, wanted: 'sqs' | 's3'): Promise<Chosen | undefined> {
	const text = await safeWindow.showInputBox({
		title: wanted === 'sqs' ? vscode.l10n.t('SQS destination') : 'S3 destination',
		prompt:
			wanted === 'sqs'
				? vscode.l10n.t('The destination queue: its name, arn:aws:sqs:<region>:<account>:<queue> or its URL')
				: vscode.l10n.t('The destination bucket: arn:aws:s3:::<bucket>, s3://<bucket> or the bucket name'),
		ignoreFocusOut: true,
		validateInput: (value) => inputProblem(parseUserDestination(value, wanted), wanted),
	});
	if (text === undefined) {
		return undefined;
	}
	const typed = parseUserDestination(text, wanted);
	return typed.kind === 'sqs-name' ? findQueue(deps, typed.queueName) : { target: { source: typed } };
}

/** Why the input box refuses what was typed; undefined when it is a destination of the wanted kind. */
function inputProblem(typed: UserDestination, wanted: 'sqs' | 's3'): string | undefined {
	if (typed.kind === wanted || (typed.kind === 'sqs-name' && wanted === 'sqs')) {
		return undefined;
	}
	return typed.kind === 'unfetchable' ? typed.message : vscode.l10n.t('That is an {0} destination.', typed.kind.toUpperCase());
}

/** A queue typed by name is in the profile's region and account; GetQueueUrl finds it or says it is not there. */
async function findQueue(deps: FetchDeps, queueName: string): Promise<Chosen | undefined> {
	const context = await resolveContext(deps);
	const sqs = createSqsApi(context, context.region, { logger: deps.output });
	try {
		const found = await withCancellableProgress(vscode.l10n.t('Finding queue {0}…', queueName), (token) => sqs.queueByName(queueName, token));
		return found && { target: { source: found.source }, context };
	} finally {
		sqs.dispose();
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
			return source.destination || vscode.l10n.t('(no destination)');
	}
}

/** A function, then one of its Kafka mappings, with the apply commands' pickers; errors propagate to the command. */
async function pickMappingTarget(deps: FetchDeps): Promise<Chosen | undefined> {
	const { api, context } = await connect(deps);
	const cancellation = new vscode.CancellationTokenSource();
	try {
		const picked = await pickMappingToRead({
			api,
			context,
			title: vscode.l10n.t('Fetch failure records'),
			functionPlaceholder: vscode.l10n.t('The function whose event source mapping sends the failure records'),
			cancellation,
		});
		if ('status' in picked) {
			// Nothing is sent by a fetch: a cancelled pick needs no word.
			if (picked.status === 'refused') {
				await showOutcome(deps, picked, undefined);
			}
			return undefined;
		}
		return { target: destinationOfMapping(picked.mapping), context };
	} finally {
		api.dispose();
		cancellation.dispose();
	}
}

/** Checks the destination is of the wanted kind; explains when it is not. */
export function expectSource<K extends 'sqs' | 's3'>(target: DestinationTarget, wanted: K): Extract<FetchSource, { kind: K }> | undefined {
	const source = target.source;
	if (source.kind === wanted) {
		return source as Extract<FetchSource, { kind: K }>;
	}
	if (source.kind === 'unfetchable') {
		void safeWindow.showInformationMessage(source.message);
	} else {
		const other = source.kind === 'sqs' ? 'lambdaKafka.fetchFailureRecordsFromSqs' : 'lambdaKafka.fetchFailureRecordsFromS3';
		void safeWindow
			.showInformationMessage(
				vscode.l10n.t('This destination is {0} ({1}).', source.kind === 'sqs' ? vscode.l10n.t('an SQS queue') : vscode.l10n.t('an S3 bucket'), source.arn),
				vscode.l10n.t('Fetch from {0}', source.kind.toUpperCase()),
			)
			.then((answer) => {
				if (answer) {
					void vscode.commands.executeCommand(other);
				}
			});
	}
	return undefined;
}
