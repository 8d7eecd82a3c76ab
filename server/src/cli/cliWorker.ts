/**
 * A worker thread of the CLI (validatePool.ts): validates each batch of files it is sent with
 * validateFileSafely, the function the main thread runs, and sends the outcomes back in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import type { FoundFile } from './collectFiles';
import { validateFileSafely } from './validateFile';
import { isTerraformDocument } from '../language/terraform/analyzeTerraform';
import { initHclParserFromFiles } from '../node/hclWasmFiles';

const { l10nBundle, maxFileSizeMB } = (workerData ?? {}) as { l10nBundle?: Record<string, string>; maxFileSizeMB: number };
if (l10nBundle) {
	// The main thread's language: a thread's messages must read like the rest of the output.
	l10n.config({ contents: l10nBundle });
}

// Batches are answered in the order they came: a batch with a Terraform file first waits for this
// thread's HCL parser (WebAssembly, loaded once), and the batches behind it wait their turn.
let previous: Promise<void> = Promise.resolve();
let hclParser: Promise<void> | undefined;

parentPort?.on('message', ({ files }: { files: FoundFile[] }) => {
	previous = previous.then(async () => {
		if (files.some((file) => isTerraformDocument(file.path, undefined))) {
			// The main thread loaded the same files before starting this one, so this does not fail in practice;
			// if it did, the batch is still answered (a stalled batch would stall the whole run).
			await (hclParser ??= initHclParserFromFiles()).catch(() => undefined);
		}
		parentPort?.postMessage(files.map((file) => validateFileSafely(file, maxFileSizeMB)));
	});
});
