import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScheduler } from '../../server/src/lsp/validationScheduler';
import { nodeTimers } from '../../server/src/node/nodeRuntime';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('validation scheduler', () => {
	it("keeps a just-opened document's immediate run when an edit arrives before it", async () => {
		const runs: string[] = [];
		const scheduler = createScheduler(
			(uri) => runs.push(uri),
			() => 10_000,
			nodeTimers,
		);
		scheduler.now('a');
		scheduler.later('a');
		await sleep(20);
		assert.deepEqual(runs, ['a']);
		scheduler.dispose();
	});

	it('runs a burst of edits once, after the quiet period', async () => {
		const runs: string[] = [];
		const scheduler = createScheduler(
			(uri) => runs.push(uri),
			() => 30,
			nodeTimers,
		);
		scheduler.later('a');
		await sleep(10);
		scheduler.later('a');
		await sleep(10);
		assert.deepEqual(runs, []);
		await sleep(60);
		assert.deepEqual(runs, ['a']);
		scheduler.dispose();
	});

	it('runs at once when asked, replacing a pending delayed run, and runs nothing after cancel', async () => {
		const runs: string[] = [];
		const scheduler = createScheduler(
			(uri) => runs.push(uri),
			() => 10_000,
			nodeTimers,
		);
		scheduler.later('a');
		scheduler.now('a');
		scheduler.later('b');
		scheduler.cancel('b');
		await sleep(20);
		assert.deepEqual(runs, ['a']);
		scheduler.dispose();
	});
});
