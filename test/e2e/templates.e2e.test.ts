/**
 * End-to-end on a SAM template: the packaged extension in a real VS Code (code-server) lists the
 * destination problem of a YAML template in the Problems panel, documents an event property on
 * hover, and applies the quick fix, after which the problem is gone. Runs as vscode.e2e.test.ts
 * does (see there), on a workspace of its own.
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
import { launchBrowser, RESULTS_DIR, until, Workbench } from './workbench';

const VSIX = path.join(repoRoot(), 'dist', 'lambda-kafka-destinations.vsix');

describe('the packaged extension on a SAM template', () => {
	let server: RunningCodeServer;
	let browser: Browser;
	let workbench: Workbench;

	before(async () => {
		assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run 'npm run package' first`);
		const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-templates-ws-'));
		fs.cpSync(path.join(repoRoot(), 'test', 'e2e', 'templates-workspace'), workspace, { recursive: true });
		server = await startCodeServer({ workspace, vsix: VSIX });
		browser = await launchBrowser();
		workbench = await Workbench.open(browser, server.url);
	});

	after(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('shows the problem, documents a field on hover and applies the quick fix', async () => {
		try {
			await workbench.openFile('template.yaml');
			const problems = await workbench.waitForProblems('template.yaml', 1);
			assert.deepEqual(problems, [
				{
					severity: 'Error',
					message: '!Ref OrdersDlq gives the URL of the queue "OrdersDlq", but the destination must be its ARN.',
					line: 21,
					character: 30,
					source: 'lambda-kafka',
				},
			]);
			await workbench.screenshot('template-problems');

			const hover = await workbench.hover('StartingPosition');
			assert.match(hover, /Starting position/);
			assert.match(hover, /AWS documentation/);
			await workbench.page.keyboard.press('Escape');

			await workbench.quickFix('OrdersDlq', 'Use the ARN: !GetAtt OrdersDlq.Arn');
			await until('the fixed destination', async () => ((await workbench.editorText()).includes('Destination: !GetAtt OrdersDlq.Arn') ? true : undefined));
			await workbench.waitForProblems('template.yaml', 0);
		} catch (error) {
			fs.mkdirSync(RESULTS_DIR, { recursive: true });
			await workbench?.screenshot('FAILED-template').catch(() => undefined);
			if (server) {
				fs.copyFileSync(server.logFile, path.join(RESULTS_DIR, 'FAILED-template.code-server.log'));
			}
			throw error;
		}
	});
});
