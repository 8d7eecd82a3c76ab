/**
 * node:worker_threads, loaded when the first thread starts (the server's validation thread, the
 * CLI's batch threads). Loading it cost about 2 ms of every start-up, and most starts never start
 * a thread. `process.getBuiltinModule` loads a built-in module synchronously when called (an
 * `import` would load it at start-up, which is what this avoids, and the callers start their
 * threads synchronously, so `import()` cannot serve).
 */
import type * as WorkerThreads from 'node:worker_threads';

export function workerThreads(): typeof WorkerThreads {
	return process.getBuiltinModule('node:worker_threads');
}
