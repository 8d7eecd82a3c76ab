/**
 * Registers the fetch commands. Their flows, and the SQS, S3 and Lambda clients those need, are
 * loaded on first use: imported at activation, they loaded the AWS SDK whenever a JSON file was
 * opened (activation took about twice as long).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import { requireTrust } from '../commands/support';
import type * as FetchFlows from './commands';

type Flows = typeof FetchFlows;

export function registerFetchCommands(context: vscode.ExtensionContext, client: BaseLanguageClient, output: vscode.LogOutputChannel): void {
	const deps = { client, output };
	let loaded: Flows | undefined;
	const flows = async (): Promise<Flows> => (loaded ??= await import('./commands.js'));
	// Hidden in Restricted Mode, but a button or another extension could still run them: refuse there too.
	const command = (id: string, what: string, run: (flows: Flows) => Promise<void>): vscode.Disposable =>
		vscode.commands.registerCommand(id, async () => {
			if (requireTrust(what)) {
				await run(await flows());
			}
		});
	context.subscriptions.push(
		command('lambdaKafka.fetchFailureRecordsFromSqs', 'Fetching failure records from SQS', (f) => f.fetchFromSqs(deps)),
		command('lambdaKafka.fetchFailureRecordsFromS3', 'Fetching failure records from S3', (f) => f.fetchFromS3(deps)),
		command('lambdaKafka.deleteFetchedSqsMessages', 'Deleting SQS messages', (f) => f.confirmAndDelete(deps)),
		{ dispose: () => loaded?.forgetLastSqsFetch() },
	);
}
