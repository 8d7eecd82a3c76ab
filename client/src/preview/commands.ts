/**
 * The preview commands: "Preview Offsets" (also run by the server's code lenses with
 * `[uri, recordIndex]`, and from the editor title with the document's URI) and "Copy Consumer
 * Commands", which puts the same commands on the clipboard as one shell snippet, for keyboard
 * and screen-reader users.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import { shellSnippet } from './shellSnippet';
import { copiedMessage, nothingToCopyMessage } from './copyMessages';
import type { PreviewDeps } from './previewPanel';
import { documentTitle, PreviewPanel, requestPreviewModel } from './previewPanel';
import { safeWindow } from '../safeWindow';

export function registerPreviewFeature(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
	const deps: PreviewDeps = { extensionUri: context.extensionUri, client };
	context.subscriptions.push(
		vscode.commands.registerCommand('lambdaKafka.previewOffsets', (target?: unknown, recordIndex?: unknown) => previewOffsets(deps, target, recordIndex)),
		vscode.commands.registerCommand('lambdaKafka.copyConsumerCommands', (target?: unknown) => copyConsumerCommands(deps, target)),
		{ dispose: () => PreviewPanel.disposeCurrent() },
	);
}

/** The document a command is about: its argument (a URI or URI string), else the active editor's, else the preview's. */
function targetUri(target: unknown): vscode.Uri | undefined {
	if (target instanceof vscode.Uri) {
		return target;
	}
	if (typeof target === 'string') {
		try {
			return vscode.Uri.parse(target, true);
		} catch {
			return undefined;
		}
	}
	return vscode.window.activeTextEditor?.document.uri ?? PreviewPanel.currentUri();
}

/** Opens (or makes sure the server has) the document, so the server can answer for it. */
async function ensureOpen(uri: vscode.Uri): Promise<boolean> {
	if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
		return true;
	}
	try {
		await vscode.workspace.openTextDocument(uri);
		return true;
	} catch {
		return false;
	}
}

async function previewOffsets(deps: PreviewDeps, target: unknown, recordIndex: unknown): Promise<void> {
	const uri = targetUri(target);
	if (!uri) {
		void safeWindow.showInformationMessage('Open a failure record (JSON, JSONC or JSON Lines) to preview its offsets.');
		return;
	}
	await ensureOpen(uri);
	PreviewPanel.show(deps, uri, typeof recordIndex === 'number' && Number.isInteger(recordIndex) && recordIndex >= 0 ? recordIndex : undefined);
}

async function copyConsumerCommands(deps: PreviewDeps, target: unknown): Promise<void> {
	const uri = targetUri(target);
	if (!uri || !(await ensureOpen(uri))) {
		void safeWindow.showInformationMessage('Open a failure record to copy the commands that read its Kafka records.');
		return;
	}
	const model = await requestPreviewModel(deps, uri);
	if (!model || model.partitions.length === 0) {
		void safeWindow.showInformationMessage(nothingToCopyMessage(documentTitle(uri), model));
		return;
	}
	await vscode.env.clipboard.writeText(shellSnippet(model, documentTitle(uri)));
	void safeWindow.showInformationMessage(copiedMessage(model));
}
