/**
 * Activation: starts the language client and the pieces that live only in VS Code (commands,
 * the language status item, recognising records saved without a file extension).
 */
import * as vscode from 'vscode';
import { registerAwsCommands } from './commands';
import { registerFetchCommands } from './fetch/registerFetchCommands';
import { createLanguageClient } from './languageClient';
import { registerLanguageStatus } from './languageStatus';
import { registerPreviewFeature } from './preview/commands';
import { registerRecordDetection } from './recordDetection';
import { safeWindow } from './safeWindow';

let stopClient: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const output = vscode.window.createOutputChannel('Lambda Kafka', { log: true });
	context.subscriptions.push(output);
	const client = createLanguageClient(context, output);
	stopClient = () => client.stop();
	// Commands first: if the server fails to start, Show Log and Restart must still be there.
	context.subscriptions.push(
		vscode.commands.registerCommand('lambdaKafka.restartServer', async () => {
			await client.restart();
			output.info('Language server restarted.');
		}),
		vscode.commands.registerCommand('lambdaKafka.showOutput', () => output.show()),
	);
	try {
		await client.start();
	} catch (error) {
		output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
		void safeWindow.showErrorMessage('Lambda Kafka: the language server did not start, so documents are not validated. Restart it with "Lambda Kafka: Restart Language Server".', 'Show Log').then((choice) => choice && output.show());
	}
	// After the start: these ask the server about the active document at once.
	registerLanguageStatus(context, client);
	registerRecordDetection(context);
	registerAwsCommands(context, client, output);
	registerPreviewFeature(context, client);
	registerFetchCommands(context, client, output);
}

export async function deactivate(): Promise<void> {
	try {
		await stopClient?.();
	} catch {
		// A client that never started has nothing to stop.
	}
}
