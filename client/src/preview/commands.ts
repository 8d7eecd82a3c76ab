/**
 * The preview commands: "Preview Offsets" (also run by the server's code lenses with
 * `[uri, recordIndex]`, and from the editor title with the document's URI) and "Copy Consumer
 * Commands", which puts the same commands on the clipboard as one shell snippet, for keyboard
 * and screen-reader users.
 */
import * as vscode from 'vscode';
import { shellSnippet } from './shellSnippet';
import { copiedMessage, nothingToCopyMessage } from './copyMessages';
import type { PreviewDeps, PreviewHost } from './previewPanel';
import { documentTitle, requestPreviewModel } from './previewPanel';
import { safeWindow } from '../safeWindow';

/** What the preview commands need of the extension's state. */
export interface PreviewCommandDeps {
	client: PreviewDeps['client'];
	mappings: PreviewDeps['mappings'];
	preview: PreviewHost;
}

/** The document a command is about: its argument (a URI or URI string), else the active editor's, else the preview's. */
function targetUri(deps: PreviewCommandDeps, target: unknown): vscode.Uri | undefined {
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
	return vscode.window.activeTextEditor?.document.uri ?? deps.preview.currentUri();
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

export async function previewOffsets(deps: PreviewCommandDeps, target?: unknown, recordIndex?: unknown): Promise<void> {
	const uri = targetUri(deps, target);
	if (!uri) {
		void safeWindow.showInformationMessage(vscode.l10n.t('Open a failure record (JSON, JSONC or JSON Lines) to preview its offsets.'));
		return;
	}
	await ensureOpen(uri);
	deps.preview.show(uri, typeof recordIndex === 'number' && Number.isInteger(recordIndex) && recordIndex >= 0 ? recordIndex : undefined);
}

export async function copyConsumerCommands(deps: PreviewCommandDeps, target?: unknown): Promise<void> {
	const uri = targetUri(deps, target);
	if (!uri || !(await ensureOpen(uri))) {
		void safeWindow.showInformationMessage(vscode.l10n.t('Open a failure record to copy the commands that read its Kafka records.'));
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
