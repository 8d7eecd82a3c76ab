import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScheduler } from '../../server/src/lsp/validationScheduler';
import type { ServerTimers } from '../../server/src/lsp/serverRuntime';
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

	it('calls ahead halfway through the quiet period, once per pause, and never during a burst or after cancel', () => {
		const clock = manualClock();
		const events: string[] = [];
		const scheduler = createScheduler(
			(uri) => events.push(`run ${uri} at ${clock.now}`),
			() => 200,
			clock.timers,
			(uri) => events.push(`ahead ${uri} at ${clock.now}`),
		);
		for (let i = 0; i < 5; i++) {
			scheduler.later('a');
			clock.advance(90);
		}
		assert.deepEqual(events, [], 'nothing while edits come faster than half the period');
		clock.advance(200);
		assert.deepEqual(events, ['ahead a at 460', 'run a at 560']);
		scheduler.later('b');
		scheduler.cancel('b');
		scheduler.now('c');
		scheduler.later('c');
		clock.advance(400);
		assert.deepEqual(events, ['ahead a at 460', 'run a at 560', 'run c at 650'], 'no ahead for a cancelled edit or beside an immediate run');
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

/** Timers that run only when the test advances the clock, in time order (immediates first). */
function manualClock() {
	let now = 0;
	let order = 0;
	const queue: { at: number; order: number; callback: () => void; live: boolean }[] = [];
	const add = (callback: () => void, ms: number) => {
		const entry = { at: now + ms, order: order++, callback, live: true };
		queue.push(entry);
		return { dispose: () => void (entry.live = false) };
	};
	const timers: ServerTimers = { setImmediate: (callback) => add(callback, 0), setTimeout: (callback, ms) => add(callback, ms) };
	return {
		timers,
		get now() {
			return now;
		},
		advance(ms: number) {
			const end = now + ms;
			for (;;) {
				const due = queue.filter((entry) => entry.live && entry.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
				if (!due) {
					break;
				}
				due.live = false;
				now = due.at;
				due.callback();
			}
			now = end;
		},
	};
}
