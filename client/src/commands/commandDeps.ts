/** What the AWS commands get from the extension's state (see client/src/state.ts). */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { FlowLock } from '../apply/flowLock';
import type { SnapshotStore } from '../apply/snapshot';
import type { AwsStatusBar } from '../aws/statusBar';
import type { UndoStatusItem } from './undoStatusItem';
import type { VirtualDocuments } from './virtualDocuments';

export interface CommandDeps {
	client: LanguageClient;
	output: vscode.LogOutputChannel;
	snapshots: SnapshotStore;
	documents: VirtualDocuments;
	/** AWS's own validation errors, shown on the field they name. */
	awsDiagnostics: vscode.DiagnosticCollection;
	statusBar: AwsStatusBar;
	/** One apply, undo or removal at a time. */
	flowLock: FlowLock;
	/** Keeps Undo in the status bar after the apply's notification hides. */
	undoStatus: UndoStatusItem;
}
