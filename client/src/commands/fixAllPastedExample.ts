/**
 * Lambda Kafka: Fix All Pasted-Example Problems. Asks the server for its
 * `source.fixAll.lambdaKafka` action on the active document (the same one editor.codeActionsOnSave
 * runs), applies it, and names the placeholders left. Sends nothing to AWS.
 */
import * as vscode from 'vscode';
import type { CodeAction } from 'vscode-languageclient/node';
import { CodeActionRequest } from 'vscode-languageclient/node';
import type { FixAllActionData } from '../../../shared/protocol';
import { FIX_ALL_KIND } from '../../../shared/protocol';
import { safeWindow } from '../safeWindow';
import type { CommandDeps } from './commandDeps';
import { fixAllSummary, nothingToFix } from './fixAllSummary';

export async function fixAllPastedExample(deps: CommandDeps): Promise<void> {
	const document = vscode.window.activeTextEditor?.document;
	if (!document) {
		await safeWindow.showInformationMessage(vscode.l10n.t('Open the pasted example in an editor first.'));
		return;
	}
	const { client } = deps;
	const version = document.version;
	const result = await client.sendRequest(CodeActionRequest.type, {
		textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
		range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
		context: { diagnostics: [], only: [FIX_ALL_KIND] },
	});
	const action = (result ?? []).find((a): a is CodeAction => 'kind' in a && a.kind === FIX_ALL_KIND);
	if (!action?.edit) {
		await safeWindow.showInformationMessage(nothingToFix());
		return;
	}
	// The edit names the version it was computed for; an edit typed meanwhile would make it wrong.
	const edit = await client.protocol2CodeConverter.asWorkspaceEdit(action.edit);
	if (document.version !== version || !(await vscode.workspace.applyEdit(edit))) {
		await safeWindow.showWarningMessage(vscode.l10n.t('The document changed while the fix was computed: nothing was changed. Run the command again.'));
		return;
	}
	await safeWindow.showInformationMessage(fixAllSummary(action.data as FixAllActionData));
}
