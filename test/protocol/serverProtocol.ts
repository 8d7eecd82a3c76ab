/**
 * The protocol tests of the language server, run against a transport: server.test.ts runs them
 * against the bundle over stdio, serverInProcess.test.ts against the core in the test process.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InitializeResult, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DiagnosticSeverity, ErrorCodes, MessageType, ResponseError, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentInfoRequest } from '../../shared/protocol';
import type { ClientOptions, Transport } from './lspClient';
import { LspTestClient } from './lspClient';
import { requestType } from '../../server/src/lsp/requestTypes';
import { repoRoot } from '../helpers';

const documentInfo = requestType(DocumentInfoRequest.type);

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
	return edit?.changes?.[uri] ?? [];
}

export function serverProtocolTests(transport: Transport): void {
	const start = (options: ClientOptions = {}) => LspTestClient.start({ ...options, transport });
	/** Suite names as they were over stdio; the in-process ones say so. */
	const named = (name: string): string => (transport === 'stdio' ? name : `${name} (${transport})`);

	describe(`language server over ${transport}`, () => {
		let client: LspTestClient;
		let capabilities: InitializeResult['capabilities'];

		before(async () => {
			const started = await start({ configuration: { validation: { debounceMs: 20 } } });
			client = started.client;
			capabilities = started.result.capabilities;
		});
		after(async () => {
			await client.stop();
		});

		it('announces its capabilities', () => {
			assert.equal(capabilities.textDocumentSync, 2);
			assert.equal(capabilities.hoverProvider, true);
			assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['"', ':']);
			assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.lambdaKafka'] });
		});

		it('offers no code lenses to a client that did not say it runs their command', () => {
			assert.equal(capabilities.codeLensProvider, undefined);
		});

		it('tells when diagnostics arrived, not when they were asked for (the editing benchmark times from it)', async () => {
			const uri = 'file:///work/arrival.destination.json';
			const opened = performance.now();
			await client.open(uri, '{"OnFailure": {"Destinaton": ""}}');
			await new Promise((resolve) => setTimeout(resolve, 400));
			const asked = performance.now();
			const published = await client.diagnosticsFor(uri);
			assert.ok(client.arrivalOf(published) >= opened && client.arrivalOf(published) < asked, 'arrived during the pause');
			assert.throws(() => client.arrivalOf({ uri, diagnostics: [] }), /did not come through this client/);
		});

		it('publishes diagnostics at once when a document is opened', async () => {
			const uri = 'file:///work/orders.destination.json';
			const text = '{\n  "OnFailure": {\n    "Destinaton": "arn:aws:sqs:us-east-1:123456789012:dlq"\n  }\n}';
			await client.open(uri, text);
			const published = await client.diagnosticsFor(uri);
			assert.equal(published.version, 1);
			const unknown = published.diagnostics.find((d) => d.code === 'unknown-field');
			assert.ok(unknown);
			assert.deepEqual(
				{ ...unknown, data: undefined },
				{
					range: { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } },
					severity: DiagnosticSeverity.Error,
					source: 'lambda-kafka',
					code: 'unknown-field',
					message: 'Unknown field "Destinaton" in OnFailure: AWS rejects fields it does not define. Did you mean "Destination"?',
					data: undefined,
				},
			);
			assert.ok(unknown.data, 'the fixes travel with the diagnostic');

			const actions = await client.codeActions(uri, unknown);
			assert.deepEqual(
				actions.map((a) => a.title),
				['Rename to "Destination"', 'Remove "Destinaton"'],
			);
			assert.deepEqual(editsOf(actions[0].edit, uri), [{ range: unknown.range, newText: '"Destination"' }]);
			assert.equal(actions[0].isPreferred, true);
		});

		it('revalidates after incremental edits and publishes for the new version', async () => {
			const uri = 'file:///work/edit.destination.json';
			const text = '{"OnFailure": {"Destinaton": ""}}';
			await client.open(uri, text);
			await client.diagnosticsFor(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
			// Rename the key by inserting the missing "i".
			await client.change(uri, 2, [{ range: { start: { line: 0, character: 24 }, end: { line: 0, character: 24 } }, text: 'i' }]);
			const published = await client.diagnosticsFor(uri, (p) => p.version === 2);
			assert.deepEqual(
				published.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error),
				[],
			);
		});

		it('ignores a change with a malformed range, keeping the document, and trusts no edit of it until its whole text comes again', async () => {
			const uri = 'file:///work/malformed-change.destination.json';
			await client.open(uri, '{"OnFailure": {"Destinaton": ""}}');
			await client.diagnosticsFor(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
			const insertI = (start: unknown) => ({ range: { start, end: { line: 0, character: 24 } }, text: 'i' }) as unknown as TextDocumentContentChangeEvent;
			const published = client.allDiagnostics(uri).length;
			await client.change(uri, 2, [insertI({ line: 0 })]);
			await client.change(uri, 3, [insertI({ line: 0, character: '24' })]);
			// The client has applied edits the server could not read: it no longer knows the text, so it
			// clears what it published and answers nothing for the document, even after a valid edit.
			await client.change(uri, 4, [insertI({ line: 0, character: 24 })]);
			assert.equal(await client.hover(uri, 0, 18), null);
			await client.diagnosticsFor(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
			assert.deepEqual(
				client
					.allDiagnostics(uri)
					.slice(published)
					.map((p) => p.diagnostics.length),
				[0, 0],
			);
			// The whole text brings the two together again.
			await client.change(uri, 5, [{ text: '{"OnFailure": {"Destination": ""}}' }]);
			const after = await client.diagnosticsFor(uri, (p) => p.version === 5);
			assert.deepEqual(
				after.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error),
				[],
			);
			assert.deepEqual(
				client
					.allDiagnostics(uri)
					.map((p) => p.version)
					.filter((v) => v === 2 || v === 3 || v === 4),
				[],
			);
			for (const { diagnostics } of client.allDiagnostics(uri)) {
				for (const { range } of diagnostics) {
					for (const n of [range.start.line, range.start.character, range.end.line, range.end.character]) {
						assert.ok(Number.isInteger(n) && n >= 0, `position ${JSON.stringify(range)}`);
					}
				}
			}
			const until = '; until the editor sends its whole text again or reopens it, the server ignores its edits and reports nothing for it.';
			assert.deepEqual(
				client.logMessages.filter((m) => m.message.startsWith('Ignored version')).map((m) => [m.type, m.message]),
				[
					[MessageType.Warning, `Ignored version 2 of ${uri}: change 1: range.start.character is missing. The document stays at version 1${until}`],
					[
						MessageType.Warning,
						`Ignored version 3 of ${uri}: change 1: range.start.character is "24", not a non-negative integer. The document stays at version 1${until}`,
					],
				],
			);
		});

		it('validates only the final text of a burst of edits', async () => {
			const uri = 'file:///work/burst.destination.json';
			await client.open(uri, '{"OnFailure": {"Destination": ""}}');
			await client.diagnosticsFor(uri, (p) => p.version === 1);
			for (let version = 2; version <= 60; version++) {
				await client.change(uri, version, [{ text: `{"OnFailure": {"Destination": "", "X${version}": 1}}` }]);
			}
			const last = await client.diagnosticsFor(uri, (p) => p.version === 60);
			assert.deepEqual(
				last.diagnostics.filter((d) => d.code === 'unknown-field').map((d) => (typeof d.message === 'string' ? d.message : d.message.value).split(':')[0]),
				['Unknown field "X60" in OnFailure'],
			);
			const versions = client.allDiagnostics(uri).map((p) => p.version);
			assert.ok(versions.length <= 5, `expected debounced publications, got versions ${versions.join(',')}`);
		});

		it('gives unrelated JSON no diagnostics', async () => {
			const uri = 'file:///work/package.json';
			await client.open(uri, '{"name": "x", "version": "1.0.0", "scripts": {}, }');
			const published = await client.diagnosticsFor(uri);
			assert.deepEqual(published.diagnostics, []);
		});

		it('shows schema documentation on hover', async () => {
			const uri = 'file:///work/hover.destination.json';
			await client.open(uri, '{"OnFailure": {"Destination": "kafka://failed-orders"}}');
			const hover = await client.hover(uri, 0, 18);
			assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
			assert.equal(hover.contents.kind, 'markdown');
			assert.match(hover.contents.value, /^\*\*[^*]+\*\*/);
			assert.match(hover.contents.value, /\[AWS documentation\]\(https:\/\/docs\.aws\.amazon\.com\//);
			assert.deepEqual(hover.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 28 } });
		});

		it("answers a hover on the whitespace after a value with null, not the value's hover", async () => {
			const uri = 'file:///work/hover-whitespace.destination.json';
			await client.open(uri, '{\n  "OnFailure": {\n    "Destination": "kafka://failed-orders"  \n  }\n}');
			assert.equal(await client.hover(uri, 2, 42), null, 'just after the closing quote');
			assert.equal(await client.hover(uri, 2, 43), null, 'on the trailing spaces');
			assert.equal(await client.hover(uri, 3, 1), null, "on the next line's indentation");
			const onValue = await client.hover(uri, 2, 41);
			assert.deepEqual(onValue?.range, { start: { line: 2, character: 19 }, end: { line: 2, character: 42 } });
		});

		it('completes the keys an object may still take', async () => {
			const uri = 'file:///work/complete.destination.json';
			await client.open(uri, '{"OnFailure": {}}');
			const items = await client.completion(uri, 0, 15);
			const destination = items.find((i) => i.label === 'Destination');
			assert.ok(destination, `got ${items.map((i) => i.label).join(', ')}`);
			assert.equal(destination.insertTextFormat, 2);
			assert.ok(destination.textEdit && 'range' in destination.textEdit);
			assert.match(destination.textEdit.newText, /^"Destination": /);
		});

		it('answers the documentInfo request', async () => {
			const uri = 'file:///work/info.json';
			await client.open(
				uri,
				'{"UUID": "14e0db71-5d35-4eb5-b481-8945cf9d10c2", "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dlq"}}}',
			);
			const info = await client.connection.sendRequest(documentInfo, { uri });
			assert.equal(info?.kind, 'esm-request');
			assert.equal(info?.requestMode, 'update');
			assert.equal(info?.layout, 'single');
			assert.equal(info?.version, 1);
		});

		it('reports a byte order mark the client kept as the AWS CLI would see it, with a fix, as the CLI does', async () => {
			const uri = 'file:///work/bom.destination.json';
			const text = '\ufeff{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dlq"}}';
			await client.open(uri, text);
			const published = await client.diagnosticsFor(uri);
			assert.deepEqual(
				published.diagnostics.map((d) => [d.code, d.range, d.message]),
				[
					[
						'syntax-bom',
						{ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
						'The file starts with a byte order mark (U+FEFF): the AWS CLI does not remove it when it reads file:// parameters and rejects the JSON ("Unexpected UTF-8 BOM"). Save the file as UTF-8 without BOM.',
					],
				],
			);
			const actions = await client.codeActions(uri, published.diagnostics[0]);
			assert.deepEqual(
				actions.map((a) => a.title),
				['Remove the byte order mark'],
			);
		});

		it('clears diagnostics when a document is closed', async () => {
			const uri = 'file:///work/close.destination.json';
			await client.open(uri, '{"OnFailure": {"Nope": 1}}');
			await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
			await client.close(uri);
			const cleared = await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
			assert.deepEqual(cleared.diagnostics, []);
		});
	});

	describe(named('language server initialisation options'), () => {
		it('leaves out syntax errors the editor reports itself, and offers their fixes', async () => {
			const { client } = await start({ initializationOptions: { hostReportsJsonSyntax: true } });
			try {
				const uri = 'file:///work/syntax.destination.json';
				const text = '{"OnFailure": {"Destination": "",}}';
				await client.open(uri, text, 'json');
				const published = await client.diagnosticsFor(uri);
				assert.deepEqual(
					published.diagnostics.filter((d) => String(d.code).startsWith('syntax-')),
					[],
				);
				// The editor's own diagnostic for the comma, as VS Code's JSON support would publish it.
				const editorDiagnostic = {
					range: { start: { line: 0, character: 32 }, end: { line: 0, character: 33 } },
					message: 'Trailing comma',
					source: 'json',
					severity: DiagnosticSeverity.Error,
				};
				const actions = await client.codeActions(uri, editorDiagnostic);
				assert.deepEqual(
					actions.map((a) => a.title),
					['Remove trailing comma'],
				);
				assert.deepEqual(editsOf(actions[0].edit, uri), [{ range: editorDiagnostic.range, newText: '' }]);

				const plainUri = 'file:///work/aws/lambda/14e0db71/record';
				await client.open(plainUri, text, 'plaintext');
				const plain = await client.diagnosticsFor(plainUri);
				assert.deepEqual(
					plain.diagnostics.filter((d) => String(d.code).startsWith('syntax-')).map((d) => d.code),
					['syntax-trailing-comma'],
				);
			} finally {
				await client.stop();
			}
		});
	});

	describe(named('a pasted union in a json file (issue 17, item 7)'), () => {
		it('is published with its explanation where the editor reports JSON syntax itself, and its fixes keep one alternative', async () => {
			const { client } = await start({ documentChanges: true, initializationOptions: { hostReportsJsonSyntax: true } });
			try {
				const uri = 'file:///work/union.record.json';
				const text = '{\n  "requestContext": {\n    "condition": "RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"\n  }\n}';
				await client.open(uri, text, 'json');
				const published = await client.diagnosticsFor(uri);
				const syntax = published.diagnostics.filter((d) => String(d.code).startsWith('syntax-'));
				const range = { start: { line: 2, character: 17 }, end: { line: 2, character: 72 } };
				assert.deepEqual(
					syntax.map((d) => [d.code, d.message, d.range, d.source]),
					[
						[
							'syntax-union',
							'"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded" is a TypeScript-style union from AWS\'s documentation, not JSON: a record holds exactly one of these values.',
							range,
							'lambda-kafka',
						],
					],
				);
				const actions = await client.codeActions(uri, syntax[0]);
				assert.deepEqual(
					actions.map((a) => [a.title, a.edit]),
					[
						[
							'Keep "RetryAttemptsExhausted"',
							{ documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range, newText: '"RetryAttemptsExhausted"' }] }] },
						],
						[
							'Keep "MaximumPayloadSizeExceeded"',
							{ documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range, newText: '"MaximumPayloadSizeExceeded"' }] }] },
						],
					],
				);
			} finally {
				await client.stop();
			}
		});
	});

	describe(named('fix all of a pasted AWS example (issue 17, item 8)'), () => {
		const fixAllOf = async (client: LspTestClient, uri: string, only?: string[]) =>
			(await client.connection.sendRequest(CodeActionRequest.type, {
				textDocument: { uri },
				range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
				context: { diagnostics: [], only },
			})) ?? [];

		it('is a source.fixAll action with one versioned edit for the current text, and names the placeholders left', async () => {
			const { client } = await start({ documentChanges: true });
			try {
				const uri = 'file:///work/pasted.jsonc';
				await client.open(uri, fs.readFileSync(path.join(repoRoot(), 'examples/records/pasted-from-aws-docs.jsonc'), 'utf8'), 'jsonc', 3);
				const at = (line: number, from: number, to: number, newText: string) => ({
					range: { start: { line, character: from }, end: { line, character: to } },
					newText,
				});
				const expected = {
					title: 'Fix all pasted-example problems (comments, trailing commas, unions)',
					kind: 'source.fixAll.lambdaKafka',
					data: { isValidJson: true, placeholders: [{ path: 'KafkaBatchInfo.bootstrapServers', text: '"..."', line: 17, character: 24 }] },
					edit: {
						documentChanges: [
							{
								textDocument: { uri, version: 3 },
								edits: [at(4, 17, 72, '"RetryAttemptsExhausted"'), at(7, 22, 70, ''), at(18, 27, 39, ''), at(24, 57, 58, ''), at(30, 57, 58, '')],
							},
						],
					},
				};
				assert.deepEqual(await fixAllOf(client, uri, ['source.fixAll']), [expected]);
				assert.deepEqual(await fixAllOf(client, uri, ['source']), [expected]);
				// Not among the quick fixes VS Code asks for at each cursor move.
				assert.deepEqual(await fixAllOf(client, uri), []);
				assert.deepEqual(await fixAllOf(client, uri, ['quickfix']), []);

				// On save, another JSON file's comments are not ours to remove.
				const other = 'file:///work/tsconfig.json';
				await client.open(other, '{\n  // strict\n  "compilerOptions": {"strict": true,}\n}', 'jsonc');
				assert.deepEqual(await fixAllOf(client, other, ['source.fixAll']), []);
			} finally {
				await client.stop();
			}
		});
	});

	describe(named('language server after shutdown'), () => {
		// `exit` ends the server's process: in-process, that is the test runner's.
		it('answers every request with InvalidRequest, as the LSP specification says, and exits with 0 on exit', { skip: transport === 'in-process' }, async () => {
			const { client } = await start();
			try {
				const uri = 'file:///work/shutdown.destination.json';
				await client.open(uri, '{"OnFailure": {"Destination": ""}}');
				assert.ok(await client.hover(uri, 0, 3), 'answered before shutdown');
				assert.equal(await client.connection.sendRequest(ShutdownRequest.type), null);
				const invalidRequest = (method: string) => (error: unknown) => {
					assert.ok(error instanceof ResponseError);
					assert.deepEqual(
						{ code: error.code, message: error.message },
						{ code: ErrorCodes.InvalidRequest, message: `${method}: the server has been shut down and answers no more requests.` },
					);
					return true;
				};
				await assert.rejects(client.hover(uri, 0, 3), invalidRequest('textDocument/hover'));
				await assert.rejects(client.connection.sendRequest(documentInfo, { uri }), invalidRequest(DocumentInfoRequest.method));
				await assert.rejects(client.connection.sendRequest('lambdaKafka/noSuchRequest', {}), invalidRequest('lambdaKafka/noSuchRequest'));
				await assert.rejects(client.connection.sendRequest(ShutdownRequest.type), invalidRequest('shutdown'));
			} finally {
				await client.stop();
			}
			assert.equal(client.exitCode, 0);
		});
	});

	describe(named('quick fixes asked for before the edited text is validated again'), () => {
		const uri = 'file:///work/stale.destination.json';
		const arn = 'arn:aws:sqs:us-east-1:123456789012:dlq';
		const original = `{\n  "OnFailure": {\n    "Destinaton": "${arn}"\n  }\n}`;
		// A member added above the misspelt key moves it one line down.
		const added = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '    "Extra": 1,\n' };
		const edited = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, original), [{ range: added.range, newText: added.text }]);
		const renamed = { range: { start: { line: 3, character: 4 }, end: { line: 3, character: 16 } }, newText: '"Destination"' };

		/** Opens the original text, takes its published unknown-field diagnostic, then adds the member (version 2). */
		async function staleDiagnostic(client: LspTestClient) {
			await client.open(uri, original);
			const published = await client.diagnosticsFor(uri, (p) => p.version === 1);
			const unknown = published.diagnostics.find((d) => d.code === 'unknown-field');
			assert.ok(unknown);
			assert.deepEqual(unknown.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } });
			await client.change(uri, 2, [added]);
			return unknown;
		}

		it('computes the fix for the current text and sends it as an edit of the current version', async () => {
			// A long debounce: the code action request surely comes before the revalidation.
			const { client } = await start({ documentChanges: true, initializationOptions: { settings: { validation: { debounceMs: 5000 } } } });
			try {
				const stale = await staleDiagnostic(client);
				const actions = await client.codeActions(uri, stale);
				assert.deepEqual(
					actions.map((a) => [a.title, a.isPreferred]),
					[
						['Rename to "Destination"', true],
						['Remove "Destinaton"', undefined],
					],
				);
				assert.deepEqual(actions[0].diagnostics, [stale]);
				assert.deepEqual(actions[0].edit, { documentChanges: [{ textDocument: { uri, version: 2 }, edits: [renamed] }] });
				const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 2, edited), [renamed]);
				assert.deepEqual(JSON.parse(fixed), { OnFailure: { Extra: 1, Destination: arn } });
				assert.equal(
					client.allDiagnostics(uri).some((p) => p.version === 2),
					false,
					'asked before the revalidation',
				);
			} finally {
				await client.stop();
			}
		});

		it('finds the problem at its new place when the cursor is there', async () => {
			const { client } = await start({ documentChanges: true, initializationOptions: { settings: { validation: { debounceMs: 5000 } } } });
			try {
				const stale = await staleDiagnostic(client);
				const actions = await client.codeActions(uri, stale, { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } });
				assert.deepEqual(actions[0].edit, { documentChanges: [{ textDocument: { uri, version: 2 }, edits: [renamed] }] });
			} finally {
				await client.stop();
			}
		});

		it('sends plain changes, computed for the current text, to a client without documentChanges', async () => {
			const { client } = await start({ initializationOptions: { settings: { validation: { debounceMs: 5000 } } } });
			try {
				const stale = await staleDiagnostic(client);
				const actions = await client.codeActions(uri, stale);
				assert.deepEqual(actions[0].edit, { changes: { [uri]: [renamed] } });
			} finally {
				await client.stop();
			}
		});

		it('labels the fixes of a current diagnostic with its version', async () => {
			const { client } = await start({ documentChanges: true });
			try {
				await client.open(uri, original);
				const published = await client.diagnosticsFor(uri, (p) => p.version === 1);
				const unknown = published.diagnostics.find((d) => d.code === 'unknown-field');
				assert.ok(unknown);
				const actions = await client.codeActions(uri, unknown);
				assert.deepEqual(actions[0].edit, {
					documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: unknown.range, newText: '"Destination"' }] }],
				});
			} finally {
				await client.stop();
			}
		});
	});
}
