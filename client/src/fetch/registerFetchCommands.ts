/**
 * Registers the fetch commands. Their flows, and the SQS, S3 and Lambda clients those need, are
 * loaded on first use: imported at activation, they loaded the AWS SDK whenever a JSON file was
 * opened (activation took about twice as long).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import { requireTrust } from '../commands/support';
import type * as FetchFlows from './commands';
import { forgetMapping } from './mappingContext';

type Flows = typeof FetchFlows;

export function registerFetchCommands(context: vscode.ExtensionContext, client: BaseLanguageClient, output: vscode.LogOutputChannel): void {
	const deps = { client, output };
	let loaded: Flows | undefined;
	const flows = async (): Promise<Flows> => (loaded ??= await import('./commands.js'));
	// Hidden in Restricted Mode, but a button or another extension could still run them: refuse there too.
	const trusted = (what: string, run: (flows: Flows) => Promise<void>) => async (): Promise<void> => {
		if (requireTrust(what)) {
			await run(await flows());
		}
	};
	context.subscriptions.push(
		vscode.commands.registerCommand('lambdaKafka.fetchFailureRecordsFromSqs', trusted('Fetching failure records from SQS', (f) => f.fetchFromSqs(deps))),
		vscode.commands.registerCommand('lambdaKafka.fetchFailureRecordsFromS3', trusted('Fetching failure records from S3', (f) => f.fetchFromS3(deps))),
		vscode.commands.registerCommand('lambdaKafka.deleteFetchedSqsMessages', trusted('Deleting SQS messages', (f) => f.confirmAndDelete(deps))),
		{ dispose: () => loaded?.forgetLastSqsFetch() },
		// A fetched record's mapping is kept for the preview only while its document is open.
		vscode.workspace.onDidCloseTextDocument((document) => forgetMapping(document.uri.toString())),
	);
}
