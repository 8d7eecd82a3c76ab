/**
 * The AWS commands: one factory per file, registered here with their shared dependencies and the
 * pieces they share (virtual documents, AWS diagnostics, the status-bar item, menu context keys).
 * The ids must match `contributes.commands` in package.json.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SnapshotStore } from '../apply/snapshot';
import { AwsStatusBar } from '../aws/statusBar';
import { applyDestinationConfig } from './applyDestinationConfig';
import { createEventSourceMapping } from './createEventSourceMapping';
import { trackDocumentContext } from './documentContext';
import { openCurrentConfiguration } from './openCurrentConfiguration';
import { removeOnFailureDestination } from './removeOnFailureDestination';
import { selectAwsProfile } from './selectAwsProfile';
import { selectAwsRegion } from './selectAwsRegion';
import type { CommandDeps } from './support';
import { undoLastApply } from './undoLastApply';
import { VirtualDocuments } from './virtualDocuments';

export function registerAwsCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
	const awsDiagnostics = vscode.languages.createDiagnosticCollection('lambda-kafka-aws');
	const documents = new VirtualDocuments();
	const statusBar = new AwsStatusBar(output);
	const deps: CommandDeps = { client, output, snapshots: new SnapshotStore(context.globalState), documents, awsDiagnostics, statusBar };
	context.subscriptions.push(
		awsDiagnostics,
		documents,
		statusBar,
		trackDocumentContext(client),
		// AWS's complaint about a field goes away as soon as the user edits the document.
		vscode.workspace.onDidChangeTextDocument((event) => {
			if (event.contentChanges.length > 0 && awsDiagnostics.has(event.document.uri)) {
				awsDiagnostics.delete(event.document.uri);
			}
		}),
		// Literal ids, so the manifest guard (test/unit/manifest.test.ts) sees each registration.
		vscode.commands.registerCommand('lambdaKafka.applyDestinationConfig', applyDestinationConfig(deps)),
		vscode.commands.registerCommand('lambdaKafka.createEventSourceMapping', createEventSourceMapping(deps)),
		vscode.commands.registerCommand('lambdaKafka.removeOnFailureDestination', removeOnFailureDestination(deps)),
		vscode.commands.registerCommand('lambdaKafka.openCurrentConfiguration', openCurrentConfiguration(deps)),
		vscode.commands.registerCommand('lambdaKafka.undoLastApply', undoLastApply(deps)),
		vscode.commands.registerCommand('lambdaKafka.selectAwsProfile', selectAwsProfile(deps)),
		vscode.commands.registerCommand('lambdaKafka.selectAwsRegion', selectAwsRegion(deps)),
	);
}
