/**
 * JSON Lines files with millions of short lines (issue 11, item 1). Each line's parse used to be
 * kept: 1,000,000 lines of `{,` (3 MB) took 1.2 GB in the CLI, 6,000,000 crashed it, and the
 * language server answered a hover on another file only after 19 s. Now a file that is not ours
 * is recognised from its first lines, lines are parsed one at a time and dropped, and validation
 * pauses between lines for other requests.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../helpers';
import { liveHeapKb, serverWithHeapSnapshots, sleep } from './serverMemory';

const MB = 1024 * 1024;
const cliPath = path.join(repoRoot(), 'dist', 'cli.js');
/** A V8 heap far smaller than a parse per line needs (700 bytes a line: 700 MB for a million). */
const HEAP_MB = 48;
/** The bound for a hover while the server validates the big file (the other load test's bound). */
const HOVER_BOUND_MS = 500;

const brokenLines = (count: number): string => '{,\n'.repeat(count);

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, cliPath, ...args], {
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1' },
		maxBuffer: 16 * MB,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI on JSON Lines files with millions of short lines', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-lines-'));
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	it(`validates 1,000,000 broken lines of a records file within a ${HEAP_MB} MB heap, listing the first 1,000 problems`, () => {
		const file = path.join(dir, 'failed.records.jsonl');
		fs.writeFileSync(file, brokenLines(1_000_000));
		const result = runCli(['validate', file]);
		assert.equal(result.stderr, '');
		assert.equal(result.status, 1, 'exit code 1: problems found');
		const lines = result.stdout.trim().split('\n');
		assert.equal(lines[0], `${file}:1:1: error schema-required Missing required field "requestContext".`);
		assert.match(
			lines.find((l) => l.includes('too-many-problems')) ?? '',
			/: info too-many-problems 7999000 more problems are not shown; fix the ones above first\.$/,
		);
	});

	it(`leaves 6,000,000 lines that are not records alone, within a ${HEAP_MB} MB heap`, () => {
		const file = path.join(dir, 'export.jsonl');
		fs.writeFileSync(file, brokenLines(6_000_000));
		const result = runCli(['validate', file]);
		assert.equal(result.stderr, '');
		assert.equal(result.status, 0);
	});
});

describe('the server while it validates a million short lines', () => {
	const server = serverWithHeapSnapshots();

	it('answers a hover on another file at once, publishes the capped diagnostics, and keeps no parse per line', async (t) => {
		const { client, snapshots } = server;
		const small = 'file:///work/lines/orders.destination.json';
		await client.open(small, '{\n  "OnFailure": {\n    "Destination": "arn:aws:sqs:eu-west-1:123456789012:orders-dlq"\n  }\n}\n');
		await client.diagnosticsFor(small);
		const heapBefore = await liveHeapKb(client.pid!, snapshots);

		const big = 'file:///work/lines/failed.records.jsonl';
		const text = brokenLines(1_000_000);
		await client.open(big, text, 'jsonl');
		const hoverTimes: number[] = [];
		const published = client.diagnosticsFor(big, () => true, 120_000);
		let done = false;
		void published.then(() => (done = true));
		// Hovers while the big file is validated (a few seconds of work, in slices).
		for (let i = 0; i < 20 && !done; i++) {
			const sent = performance.now();
			const hover = await client.hover(small, 2, 8);
			hoverTimes.push(performance.now() - sent);
			assert.ok(hover !== null, 'the hover has an answer');
			await sleep(100);
		}
		const diagnostics = (await published).diagnostics;
		const heapAfter = await liveHeapKb(client.pid!, snapshots);
		t.diagnostic(
			`hovers answered in ${hoverTimes.map((ms) => ms.toFixed(0)).join(', ')} ms; live heap ${(heapBefore / 1024).toFixed(0)} → ${(heapAfter / 1024).toFixed(0)} MB for a ${(text.length / MB).toFixed(1)} MB file`,
		);

		assert.ok(hoverTimes.length >= 3, `the validation ended after ${hoverTimes.length} hovers: too fast to tell whether hovers wait for it`);
		assert.ok(
			hoverTimes.every((ms) => ms < HOVER_BOUND_MS),
			`hovers answered in ${hoverTimes.map((ms) => ms.toFixed(0)).join(', ')} ms`,
		);
		assert.equal(diagnostics.length, 1001);
		assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
		assert.equal(diagnostics[1000].message, '7999000 more problems are not shown; fix the ones above first.');
		// The text (3 MB, one byte a character), its line index (4 MB) and the capped problems; a parse per line was 700 MB.
		assert.ok(heapAfter - heapBefore < 8 * (text.length / 1024), `the live heap grew by ${((heapAfter - heapBefore) / 1024).toFixed(0)} MB`);
	});
});
