/** The CLI's worker threads (cliWorker.js next to this module in the bundle and in the compiled tests), as validatePool.ts takes them. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workerThreads } from '../node/workerThreads';
import type { FoundFile } from './collectFiles';
import type { FileOutcome } from './validateFile';
import type { BatchWorker } from './validatePool';

const SCRIPT = path.join(__dirname, 'cliWorker.js');

/** The default of --jobs: the cores Node may use, up to 8 (beyond that, reading the disk is the limit). */
export function defaultJobs(): number {
	return Math.max(1, Math.min(8, os.availableParallelism()));
}

/**
 * A worker validating batches one at a time, or undefined without its script. Its messages are in
 * the language of `l10nBundle`, the translation the main thread chose (English without one).
 */
export function startCliWorker(maxFileSizeMB: number, l10nBundle?: Record<string, string>): BatchWorker | undefined {
	if (!fs.existsSync(SCRIPT)) {
		return undefined;
	}
	const { Worker } = workerThreads();
	const worker = new Worker(SCRIPT, { workerData: { l10nBundle, maxFileSizeMB } });
	let pending: { resolve: (outcomes: FileOutcome[]) => void; reject: (error: Error) => void } | undefined;
	worker.on('message', (outcomes: FileOutcome[]) => pending?.resolve(outcomes));
	worker.on('error', (error) => pending?.reject(error));
	// Never shown: the pool validates a failed thread's batch itself (validatePool.ts). l10n-ignore
	worker.on('exit', (code) => pending?.reject(new Error(`a validation thread exited (code ${code})`)));
	return {
		validate: (files: FoundFile[]) =>
			new Promise((resolve, reject) => {
				pending = { resolve, reject };
				worker.postMessage({ files });
			}),
		stop: () => void worker.terminate(),
	};
}
