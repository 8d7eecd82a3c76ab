/**
 * Checks through the VS Code API what the code-server end-to-end tests check through the UI:
 * diagnostics, hover, the quick fix and the registered commands.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';

function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the test workspace is open');
	return vscode.Uri.joinPath(folder.uri, name);
}

/** Waits until the file has `count` diagnostics from this extension. */
async function diagnosticsOf(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
	const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lambda-kafka');
	if (ours().length === count) {
		return ours();
	}
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => (listener.dispose(), reject(new Error(`expected ${count} diagnostics, got ${ours().length}`))), 20_000);
		const listener = vscode.languages.onDidChangeDiagnostics((event) => {
			if (event.uris.some((u) => u.toString() === uri.toString()) && ours().length === count) {
				clearTimeout(timer);
				listener.dispose();
				resolve(ours());
			}
		});
	});
}

describe('Lambda Kafka Destinations in VS Code', () => {
	it('reports the broken destination config', async () => {
		const uri = workspaceFile('orders.destination.json');
		await vscode.window.showTextDocument(uri);
		const diagnostics = await diagnosticsOf(uri, 2);
		assert.deepEqual(
			diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
			[
				['on-success-unsupported', 1, 2],
				['unknown-field', 5, 4],
			],
		);
	});

	it('documents fields on hover', async () => {
		const uri = workspaceFile('broken.record.json');
		await vscode.window.showTextDocument(uri);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 8));
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
		assert.match(text, /AWS documentation/);
	});

	it('offers the rename quick fix', async () => {
		const uri = workspaceFile('orders.destination.json');
		const [unknown] = (await diagnosticsOf(uri, 2)).filter((d) => d.code === 'unknown-field');
		assert.ok(unknown);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
			'vscode.executeCodeActionProvider',
			uri,
			unknown.range,
			vscode.CodeActionKind.QuickFix.value,
		);
		assert.ok(actions.some((a) => a.title === 'Rename to "Destination"'));
	});

	it('registers its commands', async () => {
		const commands = await vscode.commands.getCommands(true);
		for (const id of [
			'lambdaKafka.applyDestinationConfig',
			'lambdaKafka.previewOffsets',
			'lambdaKafka.fetchFailureRecordsFromSqs',
			'lambdaKafka.undoLastApply',
		]) {
			assert.ok(commands.includes(id), id);
		}
	});
});
