/**
 * Context keys for the menus: `lambdaKafka.documentKind` (what the server made of the active
 * document) and `lambdaKafka.requestMode` (`create` or `update` for ESM requests), so the editor
 * title shows "Apply" only on documents that can be applied and "Create" only on create requests.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { serverChecks } from './support';

export function trackDocumentContext(client: LanguageClient): vscode.Disposable {
	let generation = 0;
	const update = async (): Promise<void> => {
		const current = ++generation;
		const document = vscode.window.activeTextEditor?.document;
		let kind: string | undefined;
		let mode: string | undefined;
		if (document && (document.languageId === 'json' || document.languageId === 'jsonc' || document.languageId === 'jsonl')) {
			try {
				const info = await serverChecks(client, document).documentInfo();
				kind = info?.kind;
				mode = info?.requestMode;
			} catch {
				// The server may be restarting; the next change updates the keys.
			}
		}
		if (current === generation) {
			await vscode.commands.executeCommand('setContext', 'lambdaKafka.documentKind', kind);
			await vscode.commands.executeCommand('setContext', 'lambdaKafka.requestMode', mode);
		}
	};
	void update();
	return vscode.Disposable.from(
		vscode.window.onDidChangeActiveTextEditor(() => void update()),
		vscode.languages.onDidChangeDiagnostics((event) => {
			const active = vscode.window.activeTextEditor?.document.uri.toString();
			if (active && event.uris.some((uri) => uri.toString() === active)) {
				void update();
			}
		}),
	);
}
