/**
 * Activation: creates the extension's state, registers every command (client/src/commands/
 * commandTable.ts), starts the language client, then the pieces that ask the server about the
 * active document (the language status item, the menus' context keys, recognising records saved
 * without a file extension).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { trackDocumentContext } from './commands/documentContext';
import { createLanguageClient } from './languageClient';
import { registerLanguageStatus } from './languageStatus';
import { registerRecordDetection } from './recordDetection';
import { safeWindow } from './safeWindow';
import type { ExtensionState } from './state';
import { createExtensionState } from './state';

// The one module variable: VS Code calls `deactivate` without arguments, and waits for the server to stop only through it.
let stopClient: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	// The modules free of VS Code (flows, AWS errors, the preview page) translate with @vscode/l10n:
	// give it the bundle VS Code chose for the display language (none for English).
	l10n.config({ contents: vscode.l10n.bundle ?? {} });
	// l10n-ignore: the product's name, as the manifest's category.
	const output = vscode.window.createOutputChannel('Lambda Kafka', { log: true });
	context.subscriptions.push(output);
	const client = createLanguageClient(context, output);
	stopClient = () => client.stop();
	const state = createExtensionState(context, client, output);
	// Commands first: if the server fails to start, Show Log and Restart must still be there.
	registerCommands(context, state);
	try {
		await client.start();
	} catch (error) {
		output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
		void safeWindow
			.showErrorMessage(
				vscode.l10n.t(
					'Lambda Kafka: the language server did not start, so documents are not validated. Restart it with "Lambda Kafka: Restart Language Server".',
				),
				vscode.l10n.t('Show Log'),
			)
			.then((choice) => choice && output.show());
	}
	// After the start: these ask the server about the active document at once.
	registerLanguageStatus(context, client);
	registerRecordDetection(context);
	context.subscriptions.push(trackDocumentContext(client), ...documentListeners(state));
}

/** What editing and closing documents clears. */
function documentListeners(state: ExtensionState): vscode.Disposable[] {
	return [
		// AWS's complaint about a field goes away as soon as the user edits the document.
		vscode.workspace.onDidChangeTextDocument((event) => {
			if (event.contentChanges.length > 0 && state.awsDiagnostics.has(event.document.uri)) {
				state.awsDiagnostics.delete(event.document.uri);
			}
		}),
		// A fetched record's mapping is kept for the preview only while its document is open.
		vscode.workspace.onDidCloseTextDocument((document) => state.mappings.forget(document.uri.toString())),
	];
}

export async function deactivate(): Promise<void> {
	try {
		await stopClient?.();
	} catch {
		// A client that never started has nothing to stop.
	}
}
