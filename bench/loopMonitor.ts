/**
 * Preloaded into the language server by the benchmark (`node --require dist/bench-loop-monitor.js
 * dist/server.js`): records every stretch in which the server's event loop did not turn for more
 * than STRETCH_MS, with its wall-clock start, and writes them as JSON to $LOOP_MONITOR_FILE when
 * the process exits. Not shipped; the server knows nothing of it.
 */
import * as fs from 'node:fs';

/** Stretches shorter than this are not worth keeping (a timer tick is 1 ms). */
const STRETCH_MS = 10;

export interface LoopStretch {
	/** Wall-clock start (ms since the epoch) and length of a stretch without a turn of the loop. */
	at: number;
	ms: number;
}

const file = process.env['LOOP_MONITOR_FILE'];
if (file) {
	const stretches: LoopStretch[] = [];
	const now = (): number => performance.timeOrigin + performance.now();
	let last = now();
	const tick = (): void => {
		const current = now();
		// The timer asked for 1 ms: anything beyond that is time the loop spent elsewhere.
		const gap = current - last - 1;
		if (gap >= STRETCH_MS) {
			stretches.push({ at: last, ms: gap });
		}
		last = current;
		setTimeout(tick, 1).unref();
	};
	setTimeout(tick, 1).unref();
	process.on('exit', () => fs.writeFileSync(file, JSON.stringify(stretches)));
}
