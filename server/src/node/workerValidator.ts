/**
 * The Node.js OffThreadValidator: one worker thread (validationWorker.js, next to this module in
 * the bundle and in the compiled tests), started on the first large document. It validates one
 * text at a time; of the texts waiting, only the newest of each document is kept, so a burst of
 * edits costs the thread one validation of the final text after the one under way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { ValidatedAnalysis } from '../language/validation/pipeline';
import type { OffThreadRequest, OffThreadValidator } from '../lsp/serverRuntime';
import { workerThreads } from './workerThreads';
import type { TextChannelEnd } from './workerTextChannel';
import { openTextChannel } from './workerTextChannel';

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

/** What the thread is sent: a request, numbered so that the thread can ask for its text again. */
export type WorkerJob = OffThreadRequest & { job: number };

/** What the thread starts with (its workerData). */
export interface WorkerSetup {
	l10nBundle: Record<string, string>;
	textChannel: TextChannelEnd;
}

interface Job {
	id: number;
	request: OffThreadRequest;
	resolve: (analysis: ValidatedAnalysis | undefined) => void;
	reject: (error: Error) => void;
}

type WorkerReply = { analysis: ValidatedAnalysis } | { error: string };

/** The validator, or undefined when the worker's script is not there (then the server validates in slices). */
export function workerValidator(script = path.join(__dirname, 'validationWorker.js'), minLength = OFF_THREAD_MIN_LENGTH): OffThreadValidator | undefined {
	if (!fs.existsSync(script)) {
		return undefined;
	}
	let worker: Worker | undefined;
	let translations: Record<string, string> = {};
	let running: Job | undefined;
	const waiting = new Map<string, Job>();
	let jobs = 0;
	// The thread may let go of a text while validating it and ask for it again (validationWorker.ts).
	const textOf = (id: number): OffThreadRequest['text'] | undefined => (running?.id === id ? running.request.text : undefined);

	const finish = (settle: (job: Job) => void): void => {
		const job = running;
		running = undefined;
		if (job) {
			settle(job);
		}
		next();
	};
	const start = (): Worker => {
		const created = startThread(script, translations, textOf);
		// Validation is work worth doing while the server runs, not a reason to keep it running.
		created.unref();
		created.on('message', (reply: WorkerReply) => {
			// A failed thread starts afresh too: after a text that came back too late, for one, that
			// answer (the whole text) would wait in its queue until the next ask.
			const restart = 'error' in reply || (running !== undefined && textLength(running.request) >= RESTART_AFTER_LENGTH);
			if (restart && worker === created) {
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
		worker.postMessage({ ...job.request, job: job.id } satisfies WorkerJob);
	};

	return {
		minLength,
		validate(key, request) {
			return new Promise((resolve, reject) => {
				waiting.get(key)?.resolve(undefined);
				// Re-inserted at the end: documents take turns.
				waiting.delete(key);
				waiting.set(key, { id: ++jobs, request, resolve, reject });
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

/** A validation thread speaking `translations`, which asks `textOf` for a text it let go of. */
function startThread(script: string, translations: Record<string, string>, textOf: (job: number) => OffThreadRequest['text'] | undefined): Worker {
	// Loaded on first use: a server may never see a large document.
	const { Worker: WorkerThread } = workerThreads();
	const channel = openTextChannel(textOf);
	// The thread's stdout is not the server's: over --stdio that is the protocol stream, which a stray
	// print would corrupt. What the thread prints goes to stderr, the client's log.
	const created = withCollectionExposed(
		() =>
			new WorkerThread(script, {
				workerData: { l10nBundle: translations, textChannel: channel.end } satisfies WorkerSetup,
				transferList: [channel.end.port],
				stdout: true,
				resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
			}),
	);
	created.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
	created.once('exit', () => channel.close());
	return created;
}

/**
 * Starts a thread whose context has V8's `gc()`: the validation thread collects a document's text
 * as soon as it has let go of it (validationWorker.ts). V8 would otherwise collect that text only
 * when the thread's heap reached its limit, long after the payload's parse had been built beside
 * it (issue 16, target 5: 4.5x the file at the peak without, 3.8x with).
 *
 * `--expose-gc` only decides whether a context created while it is set gets `gc()`, so it is set
 * just before the thread starts and unset once its context exists ('online'). Unset again because
 * V8 checks a code cache against a hash of all its flags: left set, the cache the server writes at
 * exit would be rejected at the next start (its flags back at their defaults hash as before).
 * Given on the command line instead, the flag costs every start about 10 ms: Node.js's own code
 * cache for its built-in modules was made with the default flags. A server started with
 * `--expose-gc` already has it, and it is left alone.
 */
export function withCollectionExposed(start: () => Worker): Worker {
	if (typeof (globalThis as { gc?: unknown }).gc === 'function') {
		return start();
	}
	v8.setFlagsFromString('--expose-gc');
	let restored = false;
	const restore = (): void => {
		if (!restored) {
			restored = true;
			v8.setFlagsFromString('--no-expose-gc');
		}
	};
	let created: Worker;
	try {
		created = start();
	} catch (error) {
		restore();
		throw error;
	}
	created.once('online', restore);
	created.once('error', restore);
	created.once('exit', restore);
	return created;
}

function textLength(request: OffThreadRequest): number {
	return typeof request.text === 'string' ? request.text.length : request.text.reduce((sum, piece) => sum + piece.length, 0);
}
