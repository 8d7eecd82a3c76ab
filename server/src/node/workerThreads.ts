/**
 * node:worker_threads, loaded when the first thread starts (the server's validation thread, the
 * CLI's batch threads). Loading it cost about 2 ms of every start-up, and most starts never start
 * a thread. `require`, not `import`: an import loads the module at start-up, which is what this
 * avoids, and the callers start their threads synchronously.
 */
import type * as WorkerThreads from 'node:worker_threads';

export function workerThreads(): typeof WorkerThreads {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
	return require('node:worker_threads') as typeof WorkerThreads;
}
