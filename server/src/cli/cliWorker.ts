/**
 * A worker thread of the CLI (validatePool.ts): validates each batch of files it is sent with
 * validateFileSafely, the function the main thread runs, and sends the outcomes back in order.
 */
import { parentPort } from 'node:worker_threads';
import type { FoundFile } from './collectFiles';
import { validateFileSafely } from './validateFile';

parentPort?.on('message', ({ files, maxFileSizeMB }: { files: FoundFile[]; maxFileSizeMB: number }) => {
	parentPort?.postMessage(files.map((file) => validateFileSafely(file, maxFileSizeMB)));
});
