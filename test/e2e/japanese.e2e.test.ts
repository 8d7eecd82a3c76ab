/**
 * End-to-end in Japanese (issue 18): code-server started with `--locale ja`, which makes Japanese
 * VS Code's display language (`vscode.env.language`) even without VS Code's own Japanese language
 * pack (not installable offline), so the workbench's words stay English while the extension's
 * bundle is selected: its manifest titles, its language server's diagnostics and hovers, and the
 * AWS documentation links of AWS's Japanese pages.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../helpers';
import type { RunningCodeServer } from './codeServer';
import { startCodeServer } from './codeServer';
import { launchBrowser, RESULTS_DIR, Workbench } from './workbench';

const VSIX = path.join(repoRoot(), 'dist', 'lambda-kafka-destinations.vsix');

describe('the packaged extension in VS Code with the Japanese display language', () => {
	let server: RunningCodeServer;
	let browser: Browser;
	let workbench: Workbench;

	before(async () => {
		assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run 'npm run package' first`);
		const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-ws-ja-'));
		fs.cpSync(path.join(repoRoot(), 'test', 'e2e', 'workspace'), workspace, { recursive: true });
		server = await startCodeServer({ workspace, vsix: VSIX, locale: 'ja' });
		browser = await launchBrowser();
		workbench = await Workbench.open(browser, server.url);
	});

	after(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('shows diagnostics, hovers and command titles from the Japanese bundle', async () => {
		try {
			await workbench.openFile('orders.destination.json');
			const problems = await workbench.waitForProblems('orders.destination.json', 2);
			assert.deepEqual(
				problems.map((p) => p.message),
				[
					'AWS はイベントソースマッピングの "OnSuccess" を拒否します: Unsupported DestinationConfig parameter for given event source mapping type.',
					'OnFailure の不明なフィールド "Destinaton": AWS は定義されていないフィールドを拒否します。"Destination" のことですか?',
				],
			);
			const hover = await workbench.hover('OnFailure');
			assert.match(hover, /障害発生時の送信先/);
			assert.match(hover, /AWS ドキュメント/);
			await workbench.page.keyboard.press('Escape');
			// The manifest's Japanese titles, listed beside the English ones as VS Code does for localised commands.
			const titles = await workbench.paletteEntries('Lambda Kafka');
			assert.ok(
				titles.some((t) => t.replace(/\s+/g, ' ').includes('AWS リージョンを選択')),
				titles.join(' | '),
			);
			await workbench.screenshot('japanese-problems');
		} catch (error) {
			fs.mkdirSync(RESULTS_DIR, { recursive: true });
			await workbench.screenshot('FAILED-japanese').catch(() => undefined);
			fs.copyFileSync(server.logFile, path.join(RESULTS_DIR, 'FAILED-japanese.code-server.log'));
			throw error;
		}
	});
});
