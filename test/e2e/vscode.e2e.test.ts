/**
 * End-to-end: the packaged .vsix installed into a real VS Code (code-server), driven in headless
 * Chromium like a user would, against the loopback Lambda, SQS and S3 servers. Run by `npm test`
 * after `npm run package`; needs `scripts/install-e2e-deps.sh` (npm test runs it).
 * On a failure the test saves a screenshot and the code-server log under test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../helpers';
import type { DemoServers } from '../loopback/demoServer';
import { DEMO_UUIDS, startDemo } from '../loopback/demoServer';
import type { RunningCodeServer } from './codeServer';
import { startCodeServer } from './codeServer';
import { launchBrowser, RESULTS_DIR, until, Workbench } from './workbench';

/** Commands that send to or read from AWS: available only in a trusted workspace. */
const TRUSTED_ONLY_COMMANDS = [
	'Lambda Kafka: Apply Destination Config to Event Source Mapping',
	'Lambda Kafka: Create Event Source Mapping',
	'Lambda Kafka: Remove On-Failure Destination from Event Source Mapping',
	'Lambda Kafka: Open Current Configuration of Event Source Mapping',
	'Lambda Kafka: Fetch Failure Records from SQS…',
	'Lambda Kafka: Fetch Failure Records from S3…',
	'Lambda Kafka: Check Failure Destination',
];

const VSIX = path.join(repoRoot(), 'dist', 'lambda-kafka-destinations.vsix');
const S3_OBJECT = 'aws/lambda/14e0db71-5d35-4eb5-b481-8945cf9d10c2/2026/11/21/2026-11-21T10.15.30-7d8a6c1e-2f4b-4a51-9b7e-0c3d5e6f7a8b';

/** The process ids of the extension's language servers (started from the installed extension). */
function languageServerPids(extensionsDir: string): number[] {
	const result = spawnSync('pgrep', ['-f', `${extensionsDir}/.*dist/server\\.js`], { encoding: 'utf8' });
	return result.stdout
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map(Number);
}

/** A fresh copy of the fixture workspace, so edits made by a test never touch the repository. */
function copyWorkspace(): string {
	const target = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-ws-'));
	fs.cpSync(path.join(repoRoot(), 'test', 'e2e', 'workspace'), target, { recursive: true });
	return target;
}

/** Environment for the extension host: the loopback endpoints, throw-away credentials, no real AWS config. */
function awsEnvironment(demo: DemoServers, home: string): Record<string, string> {
	fs.writeFileSync(path.join(home, 'config'), '');
	fs.writeFileSync(path.join(home, 'credentials'), '');
	return {
		AWS_ACCESS_KEY_ID: 'AKIDE2ETESTING',
		AWS_SECRET_ACCESS_KEY: 'e2e-secret-never-logged',
		AWS_REGION: 'us-east-1',
		AWS_CONFIG_FILE: path.join(home, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
		AWS_ENDPOINT_URL_LAMBDA: demo.lambda.endpoint,
		AWS_ENDPOINT_URL_SQS: demo.sqs.endpoint,
		AWS_ENDPOINT_URL_S3: demo.s3.endpoint,
		...demo.env,
	};
}

/** What the layout test measures inside the preview's frame. */
interface PreviewLayout {
	pageWidth: number;
	pageScrollWidth: number;
	valueLeft: number;
	valueRight: number;
	payloadBoxRight: number;
	payloadScrollRight: number;
	timelineLabelPx: number;
	commandBlocks: number;
	commandStyles: string[];
	commandRight: number;
}

/** Measures {@link PreviewLayout}: an expression run in the frame (the tests compile without the DOM's types). */
const MEASURE_PREVIEW_LAYOUT = `((body) => {
	const page = document.scrollingElement;
	const payload = body.querySelector('table.payload');
	const box = payload.parentElement.getBoundingClientRect();
	const value = [...payload.querySelectorAll('thead th')].find((th) => th.textContent === 'Value').getBoundingClientRect();
	const svg = body.querySelector('svg.timeline');
	const label = svg.querySelector('text.tl-label');
	const commands = [...body.querySelectorAll('pre.code')];
	return {
		pageWidth: page.clientWidth,
		pageScrollWidth: page.scrollWidth,
		valueLeft: value.left,
		valueRight: value.right,
		payloadBoxRight: box.right,
		payloadScrollRight: box.left + payload.parentElement.scrollWidth,
		timelineLabelPx: (parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width,
		commandBlocks: commands.length,
		commandStyles: [...new Set(commands.map((c) => getComputedStyle(c).whiteSpace + ' ' + getComputedStyle(c).overflowX))],
		commandRight: Math.max(0, ...commands.map((c) => c.getBoundingClientRect().right)),
	};
})(document.body)`;

/** Runs a test step; on failure keeps a screenshot and the code-server log. */
async function recorded(workbench: Workbench, server: RunningCodeServer, name: string, body: () => Promise<void>): Promise<void> {
	try {
		await body();
	} catch (error) {
		fs.mkdirSync(RESULTS_DIR, { recursive: true });
		await workbench.screenshot(`FAILED-${name}`).catch(() => undefined);
		fs.copyFileSync(server.logFile, path.join(RESULTS_DIR, `FAILED-${name}.code-server.log`));
		throw error;
	}
}

describe('the packaged extension in VS Code (trusted workspace)', () => {
	let demo: DemoServers;
	let server: RunningCodeServer;
	let browser: Browser;
	let workbench: Workbench;

	before(async () => {
		assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run 'npm run package' first`);
		demo = await startDemo({ transitionDelayMs: 400 });
		const workspace = copyWorkspace();
		server = await startCodeServer({ workspace, vsix: VSIX, env: awsEnvironment(demo, fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-aws-'))) });
		browser = await launchBrowser();
		workbench = await Workbench.open(browser, server.url);
	});

	after(async () => {
		await browser?.close();
		await server?.stop();
		await demo?.close();
	});

	it('lists each problem once in the Problems panel, none duplicated from VS Code’s JSON support', async () => {
		await recorded(workbench, server, 'problems', async () => {
			await workbench.openFile('orders.destination.json');
			const config = await workbench.waitForProblems('orders.destination.json', 2);
			assert.deepEqual(config, [
				{
					severity: 'Error',
					message: 'AWS rejects "OnSuccess" for event source mappings: Unsupported DestinationConfig parameter for given event source mapping type.',
					line: 2,
					character: 3,
					source: 'lambda-kafka',
				},
				{
					severity: 'Error',
					message: 'Unknown field "Destinaton" in OnFailure: AWS rejects fields it does not define. Did you mean "Destination"?',
					line: 6,
					character: 5,
					source: 'lambda-kafka',
				},
			]);

			await workbench.openFile('broken.record.json');
			const record = await workbench.waitForProblems('broken.record.json', 3);
			// The panel lists errors first, then warnings.
			assert.deepEqual(
				record.map((p) => [p.severity, p.line, p.character, p.source]),
				[
					['Error', 23, 29, 'lambda-kafka'],
					['Error', 31, 58, 'json'],
					['Warning', 5, 18, 'lambda-kafka'],
				],
			);
			assert.equal(
				record[0].message,
				'"lastRecordOffset" has 56 digits: this is a Kinesis sequence number from AWS\'s documentation example, not a Kafka offset (Kafka offsets are 64-bit, at most 9223372036854775807).',
			);
			// The trailing comma comes from VS Code's JSON support only, not a second time from ours.
			assert.equal(record[1].message, 'Trailing comma');
			assert.equal(
				record[2].message,
				'"RetriesExhausted" is an asynchronous-invocation condition; Kafka event source mappings report "RetryAttemptsExhausted" (AWS\'s Kafka-destination example shows "RetriesExhausted" because it copies the asynchronous-invocation record).',
			);
			await workbench.screenshot('problems-panel');
		});
	});

	it('documents a record field on hover and applies a quick fix from the light bulb', async () => {
		await recorded(workbench, server, 'hover-quickfix', async () => {
			await workbench.openFile('broken.record.json');
			const hover = await workbench.hover('approximateInvokeCount');
			assert.match(hover, /Approximate invoke count/i);
			assert.match(hover, /AWS documentation/);
			await workbench.page.keyboard.press('Escape');

			await workbench.openFile('orders.destination.json');
			await workbench.quickFix('Destinaton', 'Rename to "Destination"');
			await until('the renamed key', async () =>
				(await workbench.editorText()).includes('"Destination": "arn:aws:sqs:us-east-1:123456789012:orders-consumer-dlq"') ? true : undefined,
			);
			const remaining = await workbench.waitForProblems('orders.destination.json', 1);
			assert.equal(remaining[0].line, 2);
		});
	});

	it('validates an S3 failure object saved without a file extension', async () => {
		await recorded(workbench, server, 's3-object', async () => {
			await workbench.openFile(S3_OBJECT);
			const name = path.basename(S3_OBJECT);
			await until('the language to switch to JSON', async () =>
				(await workbench.page.locator('.statusbar-item[id="status.editor.mode"]').innerText()).includes('JSON') ? true : undefined,
			);
			const problems = await workbench.waitForProblems(name, 1);
			assert.deepEqual(problems[0], {
				severity: 'Warning',
				message: '"batchSize" is 4, but "payload" holds 3 records.',
				line: 16,
				character: 18,
				source: 'lambda-kafka',
			});
		});
	});

	it('checks a failure destination from the palette and reports the key the role may not use', async () => {
		await recorded(workbench, server, 'check-destination', async () => {
			const kmsBefore = demo.preflight.kms.requests.length;
			// From the palette with a destination config open, the check would take that document's destination.
			await workbench.runCommand('View: Close All Editors');
			await workbench.runCommand('Lambda Kafka: Check Failure Destination');
			await workbench.pickQuickInput('orders-consumer');
			await workbench.pickQuickInput('order-audit');
			const message = await workbench.waitForNotification(/Pre-flight check of/);
			assert.match(message, new RegExp(`Pre-flight check of ${DEMO_UUIDS.ordersAudit.slice(0, 8)} \\(orders-consumer\\): 2 failed`));
			const report = await until('the report in the editor', async () => {
				const text = await workbench.editorText();
				return text.includes('Pre-flight check of event source mapping') ? text : undefined;
			});
			assert.match(report, /1\. The destination exists and is reachable: PASS/);
			assert.match(report, /3\. The role may use the destination's KMS key: FAIL/);
			assert.deepEqual(
				demo.preflight.kms.requests.slice(kmsBefore).map((r) => r.operation),
				['DescribeKey', 'GetKeyPolicy'],
			);
			// The failure stays until answered (an error with actions is sticky): Show Report answers it.
			const button = workbench.page.locator('.notifications-toasts .monaco-button', { hasText: 'Show Report' }).first();
			await button.click();
			await until('the notification to close', async () =>
				(await workbench.page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'Pre-flight check of' }).count()) === 0
					? true
					: undefined,
			);
		});
	});

	it('validates a Terraform file (no HashiCorp extension installed) and fixes its destination from the light bulb', async () => {
		await recorded(workbench, server, 'terraform', async () => {
			await workbench.openFile('main.tf');
			const problems = await workbench.waitForProblems('main.tf', 2);
			assert.deepEqual(problems, [
				{
					severity: 'Error',
					message: '"batch_size" is 20000, above the maximum of 10000 (allowed: 1 to 10000).',
					line: 10,
					character: 23,
					source: 'lambda-kafka',
				},
				{
					severity: 'Error',
					message: 'aws_sqs_queue.dlq.url gives the URL of the queue "aws_sqs_queue.dlq", but the destination must be its ARN.',
					line: 14,
					character: 25,
					source: 'lambda-kafka',
				},
			]);
			await workbench.quickFixAt(14, 30, 'Use aws_sqs_queue.dlq.arn');
			await until('the reference to the queue ARN', async () =>
				(await workbench.editorText()).includes('destination_arn = aws_sqs_queue.dlq.arn') ? true : undefined,
			);
			await workbench.waitForProblems('main.tf', 1);
		});
	});

	it('applies a destination config through pickers, diff and confirmation', async () => {
		await recorded(workbench, server, 'apply', async () => {
			const before = demo.lambda.requests.length;
			await workbench.openFile('apply.destination.json');
			// In a trusted workspace the palette offers every command that Restricted Mode hides.
			const entries = await workbench.paletteEntries('Lambda Kafka');
			assert.deepEqual(
				TRUSTED_ONLY_COMMANDS.filter((title) => !entries.includes(title)),
				[],
			);
			await workbench.runCommand('Lambda Kafka: Apply Destination Config to Event Source Mapping');
			await workbench.pickQuickInput('orders-consumer');
			await workbench.pickQuickInput('order-events');
			// The diff editor opens with the current and the new configuration, then the modal asks.
			await workbench.page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible' });
			await workbench.clickDialogButton('Apply');
			const message = await workbench.waitForNotification(/is Enabled/);
			assert.match(message, new RegExp(`Event source mapping ${DEMO_UUIDS.ordersMsk}`));
			const updates = demo.lambda.requests.slice(before).filter((r) => r.operation === 'UpdateEventSourceMapping');
			assert.equal(updates.length, 1);
			assert.equal(updates[0].path, `/2015-03-31/event-source-mappings/${DEMO_UUIDS.ordersMsk}`);
			assert.deepEqual(updates[0].body, { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:orders-consumer-retry-dlq' } } });
			assert.equal(
				demo.lambda.getMapping(DEMO_UUIDS.ordersMsk)?.DestinationConfig?.OnFailure?.Destination,
				'arn:aws:sqs:us-east-1:123456789012:orders-consumer-retry-dlq',
			);
		});
	});

	it('restarts a language server that dies, tells the user once, and the diagnostics come back', async () => {
		await recorded(workbench, server, 'server-restart', async () => {
			await workbench.openFile('orders.destination.json');
			await workbench.waitForProblems('orders.destination.json', 1);
			const first = languageServerPids(server.extensionsDir);
			assert.equal(first.length, 1, 'one language server runs');
			process.kill(first[0], 'SIGKILL');
			const notice = await workbench.waitForNotification(/language server stopped unexpectedly and was restarted/);
			assert.match(notice, /Details are in the Lambda Kafka log/);
			const second = await until('a new language server', () => {
				const pids = languageServerPids(server.extensionsDir);
				return Promise.resolve(pids.length === 1 && pids[0] !== first[0] ? pids : undefined);
			});
			// A new problem typed now can only come from the new server.
			await workbench.typeAtEndOfLine('orders.destination.json', 2, ' "Extra": 1,');
			const problems = await until('the new server to report the new field', async () => {
				const rows = await workbench.problemsOf('orders.destination.json');
				return rows.some((p) => p.message.startsWith('Unknown field "Extra" in OnSuccess')) ? rows : undefined;
			});
			assert.deepEqual(
				problems.map((p) => [p.line, p.source]),
				[
					[2, 'lambda-kafka'],
					[2, 'lambda-kafka'],
				],
			);
			// A second crash is handled silently: the user was told once.
			process.kill(second[0], 'SIGKILL');
			await until('another language server', () => {
				const pids = languageServerPids(server.extensionsDir);
				return Promise.resolve(pids.length === 1 && pids[0] !== second[0] ? pids : undefined);
			});
			const notices = await workbench.page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'stopped unexpectedly' }).count();
			assert.ok(notices <= 1, `told ${notices} times`);
		});
	});

	it('previews recordsInfo offsets with the kcat commands', async () => {
		await recorded(workbench, server, 'preview', async () => {
			await workbench.openFile('failed-batch.record.json');
			await workbench.runCommand('Lambda Kafka: Preview Offsets');
			const frame = workbench.webviewFrame();
			const kcat = frame.locator('text=/kcat -C -b/').first();
			await kcat.waitFor({ state: 'visible', timeout: 30_000 });
			const body = await frame.locator('body').innerText();
			assert.match(body, /order-events/);
			assert.match(body, /kcat -C -b .* -t order-events -p 0 -o 41 -c 2 -e/);
			assert.match(body, /kcat -C -b .* -t order-events -p 1 -o 17 -c 1 -e/);
			await workbench.screenshot('preview-offsets');
		});
	});

	it('fits the preview to a 500 px side column and to a 1,200 px panel', async () => {
		await recorded(workbench, server, 'preview-layout', async () => {
			// The S3 object carries its batch: the preview has failure records, a timeline and decoded payload records.
			await workbench.openFile(S3_OBJECT);
			await workbench.runCommand('Lambda Kafka: Preview Offsets');
			const frame = workbench.webviewFrame();
			await frame.locator('table.payload').waitFor({ state: 'visible', timeout: 30_000 });
			try {
				for (const width of [500, 1200]) {
					const panel = await workbench.resizeWebviewTo(width);
					const layout = await until(`the page to lay out at ${panel} px`, async () => {
						const measured = await frame.locator('body').evaluate<PreviewLayout, undefined>(MEASURE_PREVIEW_LAYOUT);
						return Math.abs(measured.pageWidth - panel) <= 2 ? measured : undefined;
					});
					await workbench.screenshot(`preview-${width}`);
					await frame.locator('table.payload').scrollIntoViewIfNeeded();
					await workbench.screenshot(`preview-${width}-payload`);
					assert.ok(Math.abs(panel - width) <= 16, `the panel is ${panel} px wide, not about ${width}`);
					// Nothing overflows the page: wide tables scroll inside their own box.
					assert.ok(layout.pageScrollWidth <= layout.pageWidth, `the page scrolls sideways: ${layout.pageScrollWidth} > ${layout.pageWidth}`);
					// The decoded value's column starts within the panel and the table's own scroll reaches its end.
					assert.ok(layout.valueLeft < layout.pageWidth, `the Value column starts at ${layout.valueLeft} px`);
					assert.ok(layout.valueRight <= layout.payloadScrollRight, `the Value column ends at ${layout.valueRight} px, past ${layout.payloadScrollRight}`);
					assert.ok(layout.payloadBoxRight <= layout.pageWidth, `the payload table's box ends at ${layout.payloadBoxRight} px`);
					// Timeline labels are legible, and commands keep their words whole in scrolling blocks.
					assert.ok(layout.timelineLabelPx >= 11, `timeline labels are ${layout.timelineLabelPx} px`);
					assert.ok(layout.commandBlocks > 0);
					assert.deepEqual(layout.commandStyles, ['pre auto']);
					assert.ok(layout.commandRight <= layout.pageWidth, `a command block ends at ${layout.commandRight} px`);
				}
			} finally {
				await workbench.page.setViewportSize({ width: 1400, height: 900 });
			}
		});
	});

	it('says a file that is not a record has nothing to preview, under its own title', async () => {
		await recorded(workbench, server, 'preview-not-a-record', async () => {
			await workbench.openFile('notes.md');
			await workbench.runCommand('Lambda Kafka: Preview Offsets');
			const frame = workbench.webviewFrame();
			const message = frame.locator('p.empty');
			await until('the message', async () => ((await message.count()) > 0 && (await message.innerText()).includes('notes.md') ? true : undefined), 30_000);
			assert.equal(await message.innerText(), 'notes.md is not a failure record or Kafka event: nothing to preview.');
			await workbench.page.locator('.tabs-container .tab', { hasText: 'Preview offsets: notes.md' }).waitFor({ state: 'visible' });
			await workbench.screenshot('preview-not-a-record');
		});
	});
});

describe('the packaged extension in VS Code (Restricted Mode)', () => {
	let server: RunningCodeServer;
	let browser: Browser;
	let workbench: Workbench;

	before(async () => {
		assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run 'npm run package' first`);
		server = await startCodeServer({ workspace: copyWorkspace(), vsix: VSIX, workspaceTrust: true });
		browser = await launchBrowser();
		workbench = await Workbench.open(browser, server.url, { trustWorkspace: false });
	});

	after(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('validates documents but offers no command that would send anything to AWS', async () => {
		await recorded(workbench, server, 'restricted', async () => {
			await workbench.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });
			await workbench.openFile('orders.destination.json');
			const problems = await workbench.waitForProblems('orders.destination.json', 2);
			assert.deepEqual(
				problems.map((p) => p.source),
				['lambda-kafka', 'lambda-kafka'],
			);
			const entries = await workbench.paletteEntries('Lambda Kafka');
			for (const title of TRUSTED_ONLY_COMMANDS) {
				assert.ok(!entries.includes(title), `${title} is offered in Restricted Mode`);
			}
			// What needs no trust stays available.
			assert.ok(entries.includes('Lambda Kafka: Preview Offsets'), entries.join(', '));
			await workbench.screenshot('restricted-mode');
		});
	});
});
