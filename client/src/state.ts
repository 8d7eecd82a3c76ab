/**
 * The extension's state for one activation: created in `activate`, handed to every command, and
 * disposed with the extension. Nothing of it lives in module variables, so each activation (and
 * each test) starts from nothing.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FlowLock } from './apply/flowLock';
import { SnapshotStore } from './apply/snapshot';
import { AwsStatusBar } from './aws/statusBar';
import type { CommandDeps } from './commands/commandDeps';
import { UndoStatusItem } from './commands/undoStatusItem';
import { VirtualDocuments } from './commands/virtualDocuments';
import { FetchedDocuments } from './fetch/fetchedDocuments';
import type { SqsFetchMemory } from './fetch/lastSqsFetch';
import { MappingContexts } from './fetch/mappingContext';
import { PreviewHost } from './preview/previewPanel';

export interface ExtensionState extends CommandDeps {
	/** The mapping each fetched record came from, while its document is open. */
	mappings: MappingContexts;
	/** The messages of the last SQS fetch, for Delete. */
	sqsFetches: SqsFetchMemory;
	/** The read-only documents fetched records open in. */
	fetched: FetchedDocuments;
	/** The one preview panel. */
	preview: PreviewHost;
}

export function createExtensionState(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): ExtensionState {
	const mappings = new MappingContexts();
	const sqsFetches: SqsFetchMemory = { last: undefined };
	const snapshots = new SnapshotStore(context.globalState);
	const state: ExtensionState = {
		client,
		output,
		snapshots,
		documents: new VirtualDocuments(),
		awsDiagnostics: vscode.languages.createDiagnosticCollection('lambda-kafka-aws'),
		statusBar: new AwsStatusBar(output),
		flowLock: new FlowLock(),
		undoStatus: new UndoStatusItem(snapshots),
		mappings,
		sqsFetches,
		fetched: new FetchedDocuments(),
		preview: new PreviewHost({ extensionUri: context.extensionUri, client, mappings }),
	};
	context.subscriptions.push(state.awsDiagnostics, state.documents, state.statusBar, state.undoStatus, state.preview, state.fetched, {
		dispose: () => {
			sqsFetches.last = undefined;
			mappings.clear();
		},
	});
	return state;
}
