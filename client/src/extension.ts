/**
 * Activation: starts the language client and the pieces that live only in VS Code (commands,
 * the language status item, recognising records saved without a file extension).
 */
import * as vscode from 'vscode';
import { registerAwsCommands } from './commands';
import { registerFetchCommands } from './fetch/commands';
import { startLanguageClient } from './languageClient';
import { registerLanguageStatus } from './languageStatus';
import { registerPreviewFeature } from './preview/commands';
import { registerRecordDetection } from './recordDetection';

let stopClient: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const output = vscode.window.createOutputChannel('Lambda Kafka', { log: true });
	context.subscriptions.push(output);
	const client = await startLanguageClient(context, output);
	stopClient = () => client.stop();
	registerLanguageStatus(context, client);
	registerRecordDetection(context);
	registerAwsCommands(context, client, output);
	registerPreviewFeature(context, client);
	registerFetchCommands(context, client, output);
	context.subscriptions.push(
		vscode.commands.registerCommand('lambdaKafka.restartServer', async () => {
			await client.restart();
			output.info('Language server restarted.');
		}),
		vscode.commands.registerCommand('lambdaKafka.showOutput', () => output.show()),
	);
}

export async function deactivate(): Promise<void> {
	await stopClient?.();
}
