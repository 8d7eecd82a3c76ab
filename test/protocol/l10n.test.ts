/**
 * The language server in the client's display language (issue 18): diagnostics, code action
 * titles, hovers (schema documentation included, with AWS's Japanese page links) and completion
 * details in Japanese when the initialize request says `locale: "ja"`, as VS Code's client does,
 * or when the client hands over its bundle (`l10nBundleUri`, VS Code's `vscode.l10n.uri`).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers';
import type { ClientOptions } from './lspClient';
import { LspTestClient } from './lspClient';

const TRAILING_COMMA_JA = '末尾のカンマ: JSON では "}" や "]" の前にカンマを置くことはできません。';
const TRAILING_COMMA_EN = 'Trailing comma: JSON does not allow a comma before "}" or "]".';
const DESTINATION = '{\n  "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dest-queue"},\n}\n';

async function withClient(options: ClientOptions, run: (client: LspTestClient) => Promise<void>): Promise<void> {
	const { client } = await LspTestClient.start(options);
	try {
		await run(client);
	} finally {
		await client.stop();
	}
}

async function trailingCommaMessage(client: LspTestClient, uri: string): Promise<string> {
	await client.open(uri, DESTINATION);
	const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
	const diagnostic = published.diagnostics.find((d) => d.code === 'syntax-trailing-comma');
	assert.ok(diagnostic, JSON.stringify(published.diagnostics));
	return diagnostic.message as string;
}

describe('language server in Japanese', () => {
	it('reports diagnostics, fixes, hovers and completions in Japanese for locale ja (stdio, as any editor asks)', async () => {
		await withClient({ locale: 'ja' }, async (client) => {
			const uri = 'file:///work/ja/dlq.destination.json';
			assert.equal(await trailingCommaMessage(client, uri), TRAILING_COMMA_JA);
			// The diagnostic code stays the same in every language.
			const published = await client.diagnosticsFor(uri);
			const diagnostic = published.diagnostics.find((d) => d.code === 'syntax-trailing-comma');
			assert.ok(diagnostic);
			const actions = await client.codeActions(uri, diagnostic);
			assert.ok(
				actions.some((a) => a.title === '末尾のカンマを削除'),
				actions.map((a) => a.title).join(', '),
			);
			const hover = await client.hover(uri, 1, 5);
			const markdown = (hover?.contents as MarkupContent).value;
			assert.match(markdown, /\*\*障害発生時の送信先\*\*/);
			assert.match(markdown, /\[AWS ドキュメント\]\(https:\/\/docs\.aws\.amazon\.com\/ja_jp\/lambda\/latest\//);
			const items = await client.completion(uri, 1, 16);
			assert.ok(items.length > 0);
		});
	});

	it('takes the bundle the client located (l10nBundleUri), and speaks English again to an English client in the same process', async () => {
		const bundleUri = pathToFileURL(path.join(repoRoot(), 'l10n', 'bundle.l10n.ja.json')).href;
		await withClient({ transport: 'in-process', locale: 'ja', initializationOptions: { l10nBundleUri: bundleUri } }, async (client) => {
			assert.equal(await trailingCommaMessage(client, 'file:///work/ja/in-process.destination.json'), TRAILING_COMMA_JA);
		});
		await withClient({ transport: 'in-process' }, async (client) => {
			assert.equal(await trailingCommaMessage(client, 'file:///work/en/in-process.destination.json'), TRAILING_COMMA_EN);
		});
	});

	it('reports a large document validated in its worker thread in Japanese too', async () => {
		// Over 512 KB, the Node.js server validates in a worker thread, which must be given the same translation.
		const large = `{\n  "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dest-queue"},${' '.repeat(600 * 1024)}\n}\n`;
		await withClient({ locale: 'ja' }, async (client) => {
			const uri = 'file:///work/ja/large.destination.json';
			await client.open(uri, large);
			const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
			assert.deepEqual(
				published.diagnostics.filter((d) => d.code === 'syntax-trailing-comma').map((d) => d.message),
				[TRAILING_COMMA_JA],
			);
		});
	});

	it('falls back to English for a locale it has no translation for', async () => {
		await withClient({ transport: 'in-process', locale: 'fr-FR' }, async (client) => {
			assert.equal(await trailingCommaMessage(client, 'file:///work/fr/dlq.destination.json'), TRAILING_COMMA_EN);
		});
	});
});
