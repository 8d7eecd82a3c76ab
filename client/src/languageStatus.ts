/** A language status item that says what the server made of the active document and how many problems it has. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_KIND_TITLES } from '../../shared/documentKinds';
import { DocumentInfoRequest } from '../../shared/protocol';
import { requestType } from './requestTypes';

const documentInfo = requestType(DocumentInfoRequest.type);

export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
	const item = vscode.languages.createLanguageStatusItem('lambdaKafka.documentKind', [
		{ language: 'json' },
		{ language: 'jsonc' },
		{ language: 'jsonl' },
		{ language: 'plaintext' },
	]);
	item.name = vscode.l10n.t('Lambda Kafka document kind');
	item.command = { command: 'lambdaKafka.showOutput', title: vscode.l10n.t('Show log') };
	context.subscriptions.push(item);

	const update = async (): Promise<void> => {
		const editor = vscode.window.activeTextEditor;
		if (!editor) {
			return;
		}
		try {
			const info = await client.sendRequest(documentInfo, { uri: editor.document.uri.toString() });
			if (!info || info.kind === 'unknown') {
				item.text = vscode.l10n.t('Lambda Kafka: not recognised');
				item.detail = vscode.l10n.t('Not a destination config, ESM request or failure record');
				return;
			}
			const layout = info.layout === 'json-lines' ? vscode.l10n.t(' (JSON Lines)') : info.layout === 'array' ? ' (array)' : '';
			const mode = info.requestMode ? ` (${info.requestMode})` : '';
			item.text = `$(check) ${DOCUMENT_KIND_TITLES()[info.kind]}${mode}${layout}`;
			item.detail = vscode.l10n.t('{0} errors, {1} warnings', info.counts.error, info.counts.warning);
			item.severity = info.counts.error > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
		} catch {
			// The server may be restarting; the next editor or content change updates the item.
		}
	};
	context.subscriptions.push(
		vscode.window.onDidChangeActiveTextEditor(() => void update()),
		vscode.languages.onDidChangeDiagnostics((event) => {
			const active = vscode.window.activeTextEditor?.document.uri.toString();
			if (active && event.uris.some((uri) => uri.toString() === active)) {
				void update();
			}
		}),
	);
	void update();
}
