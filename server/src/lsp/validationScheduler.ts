/**
 * When to validate: at once for a document just opened, after a quiet period for edits. A newer
 * edit replaces the pending run, and a result for an outdated version is never published, so a
 * burst of edits costs one validation of the final text.
 *
 * Halfway through the quiet period, `ahead` may start the work early (a large document's
 * validation in another thread, validationRunner.ts), so that its answer is ready when the period
 * ends. Not sooner: text handed over during a fast burst of edits would be validated for nothing,
 * and each such validation holds several times the text in memory.
 */
import type { Disposable, ServerTimers } from './serverRuntime';

export interface Scheduler {
	/** Validate `uri` as soon as possible (document opened, settings changed). */
	now(uri: string): void;
	/** Validate `uri` after the debounce delay, replacing any pending run. */
	later(uri: string): void;
	cancel(uri: string): void;
	dispose(): void;
}

export function createScheduler(run: (uri: string) => void, delayMs: () => number, timers: ServerTimers, ahead?: (uri: string) => void): Scheduler {
	const pending = new Map<string, { timer: Disposable; immediate: boolean; aheadTimer?: Disposable }>();
	const clear = (uri: string): void => {
		const entry = pending.get(uri);
		if (entry) {
			entry.timer.dispose();
			entry.aheadTimer?.dispose();
			pending.delete(uri);
		}
	};
	const fire = (uri: string): void => {
		pending.delete(uri);
		run(uri);
	};
	return {
		now(uri) {
			clear(uri);
			pending.set(uri, { timer: timers.setImmediate(() => fire(uri)), immediate: true });
		},
		later(uri) {
			// A pending immediate run (the document was just opened) reads the newest text anyway:
			// an edit must not push it back by the debounce.
			if (pending.get(uri)?.immediate) {
				return;
			}
			clear(uri);
			const delay = delayMs();
			const aheadTimer = ahead ? timers.setTimeout(() => ahead(uri), delay / 2) : undefined;
			pending.set(uri, { timer: timers.setTimeout(() => fire(uri), delay), immediate: false, aheadTimer });
		},
		cancel: clear,
		dispose() {
			for (const uri of [...pending.keys()]) {
				clear(uri);
			}
		},
	};
}
