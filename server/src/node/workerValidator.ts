/**
 * The Node.js OffThreadValidator: one worker thread (validationWorker.js, next to this module in
 * the bundle and in the compiled tests), started on the first large document. It validates one
 * text at a time; of the texts waiting, only the newest of each document is kept, so a burst of
 * edits costs the thread one validation of the final text after the one under way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { OffThreadAnalysis, OffThreadRequest, OffThreadValidator } from '../lsp/serverRuntime';
import { workerThreads } from './workerThreads';

/** Below this, a text is validated on the request thread: posting it costs more than slicing its validation. */
export const OFF_THREAD_MIN_LENGTH = 512 * 1024;

/**
 * After validating a text this long the worker is stopped (and started again for the next): its
 * heap then holds the garbage of a parse several times the text's size, which V8 keeps mapped
 * until that thread happens to collect it, on top of the memory the server thread needs next.
 */
const RESTART_AFTER_LENGTH = 16 * 1024 * 1024;

/**
 * The thread's young generation, in MB (V8's default reaches 48): what a validation allocates is
 * mostly its parse, which lives until the answer anyway, so a larger young generation only keeps
 * more memory mapped while the parse is copied through it. Opening a 41 MB record peaked at 5.3x
 * the file with the default and 4.7x with 8 MB (bench, memory row); validation time did not change.
 */
const YOUNG_GENERATION_MB = 8;

interface Job {
	request: OffThreadRequest;
	resolve: (analysis: OffThreadAnalysis | undefined) => void;
	reject: (error: Error) => void;
}

type WorkerReply = { analysis: OffThreadAnalysis } | { error: string };

/** The validator, or undefined when the worker's script is not there (then the server validates in slices). */
export function workerValidator(script = path.join(__dirname, 'validationWorker.js'), minLength = OFF_THREAD_MIN_LENGTH): OffThreadValidator | undefined {
	if (!fs.existsSync(script)) {
		return undefined;
	}
	let worker: Worker | undefined;
	let translations: Record<string, string> = {};
	let running: Job | undefined;
	const waiting = new Map<string, Job>();

	const finish = (settle: (job: Job) => void): void => {
		const job = running;
		running = undefined;
		if (job) {
			settle(job);
		}
		next();
	};
	const start = (): Worker => {
		const created = startThread(script, translations);
		// Validation is work worth doing while the server runs, not a reason to keep it running.
		created.unref();
		created.on('message', (reply: WorkerReply) => {
			if (running && textLength(running.request) >= RESTART_AFTER_LENGTH && worker === created) {
				worker = undefined;
				void created.terminate();
			}
			finish((job) => ('error' in reply ? job.reject(new Error(reply.error)) : job.resolve(reply.analysis)));
		});
		created.on('error', (error) => {
			worker = undefined;
			finish((job) => job.reject(error));
		});
		created.on('exit', (code) => {
			if (worker === created) {
				worker = undefined;
				// Reported in the log, which stays English. l10n-ignore
				finish((job) => job.reject(new Error(`the validation worker exited (code ${code})`)));
			}
		});
		return created;
	};
	const next = (): void => {
		if (running || waiting.size === 0) {
			return;
		}
		const [key, job] = waiting.entries().next().value as [string, Job];
		waiting.delete(key);
		running = job;
		worker ??= start();
		worker.postMessage(job.request);
	};

	return {
		minLength,
		validate(key, request) {
			return new Promise((resolve, reject) => {
				waiting.get(key)?.resolve(undefined);
				// Re-inserted at the end: documents take turns.
				waiting.delete(key);
				waiting.set(key, { request, resolve, reject });
				next();
			});
		},
		useTranslations(bundle) {
			translations = bundle;
			// A thread started with other translations is not used again: the next text starts one with these.
			if (worker && !running) {
				void worker.terminate();
				worker = undefined;
			}
		},
		dispose() {
			for (const job of waiting.values()) {
				job.resolve(undefined);
			}
			waiting.clear();
			const stopping = worker;
			worker = undefined;
			void stopping?.terminate();
		},
	};
}

/** A validation thread speaking `translations`. */
function startThread(script: string, translations: Record<string, string>): Worker {
	// Loaded on first use: a server may never see a large document.
	const { Worker: WorkerThread } = workerThreads();
	// The thread's stdout is not the server's: over --stdio that is the protocol stream, which a stray
	// print would corrupt. What the thread prints goes to stderr, the client's log.
	const created = new WorkerThread(script, {
		workerData: { l10nBundle: translations },
		stdout: true,
		resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
	});
	created.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
	return created;
}

function textLength(request: OffThreadRequest): number {
	return typeof request.text === 'string' ? request.text.length : request.text.reduce((sum, piece) => sum + piece.length, 0);
}
