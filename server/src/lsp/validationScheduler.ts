/**
 * When to validate: at once for a document just opened, after a quiet period for edits. A newer
 * edit replaces the pending run, and a result for an outdated version is never published, so a
 * burst of edits costs one validation of the final text.
 */
export interface Scheduler {
	/** Validate `uri` as soon as possible (document opened, settings changed). */
	now(uri: string): void;
	/** Validate `uri` after the debounce delay, replacing any pending run. */
	later(uri: string): void;
	cancel(uri: string): void;
	dispose(): void;
}

export function createScheduler(run: (uri: string) => void, delayMs: () => number): Scheduler {
	const pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
	const clear = (uri: string): void => {
		const handle = pending.get(uri);
		if (handle) {
			clearTimeout(handle as NodeJS.Timeout);
			clearImmediate(handle as NodeJS.Immediate);
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
			pending.set(uri, setImmediate(() => fire(uri)));
		},
		later(uri) {
			clear(uri);
			pending.set(uri, setTimeout(() => fire(uri), delayMs()));
		},
		cancel: clear,
		dispose() {
			for (const uri of [...pending.keys()]) {
				clear(uri);
			}
		},
	};
}
