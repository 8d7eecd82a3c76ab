/**
 * Validates the files of a run in order, in this thread and, for a large run, in worker threads
 * as well (`--jobs N`, by default the machine's cores), and hands each file's outcome over as
 * soon as it and every file before it are done: the output streams, and only the outcomes of the
 * batches in flight are held, whatever the number of files. Which function validates a file is
 * the caller's (validateFile for every document kind), so the threads run exactly what the
 * single-threaded CLI runs.
 */
import type { FoundFile } from './collectFiles';
import type { FileOutcome } from './validateFile';

/** A worker thread validating batches of files. */
export interface BatchWorker {
	validate(files: FoundFile[]): Promise<FileOutcome[]>;
	stop(): void;
}

export interface PoolOptions {
	/** Threads validating at once, this one included. */
	jobs: number;
	/** Validates one file here; never throws (an exception is an `error` outcome). */
	validateHere: (file: FoundFile) => FileOutcome;
	/** Starts a worker thread, or returns undefined when none can be. */
	startWorker: () => BatchWorker | undefined;
	/** Resolves when the output can take more (the reader keeps up). */
	outputReady: () => Promise<void>;
	/** Files handed to a thread at once. */
	batchSize?: number;
	/**
	 * Workers start only once this thread has validated for this long and the rest of the run,
	 * at the pace so far, would take longer than starting them: a small run is over before a
	 * worker could have loaded.
	 */
	workersAfterMs?: number;
}

interface Batch {
	index: number;
	files: FoundFile[];
}

const DEFAULT_BATCH = 32;
/** Batches handed out but not yet delivered, per thread: bounds what is held. */
const BATCHES_AHEAD_PER_THREAD = 4;
/**
 * About what a worker costs to start (loading the CLI bundle and the validators), with margin: on
 * a busy two-core machine, 1,000 small files took more CPU with a worker than without.
 */
const WORKER_START_MS = 250;

export async function validateInOrder(
	files: readonly FoundFile[],
	options: PoolOptions,
	deliver: (file: FoundFile, outcome: FileOutcome) => void,
): Promise<void> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH;
	const batchCount = Math.ceil(files.length / batchSize);
	const done = new Map<number, FileOutcome[]>();
	let nextToHandOut = 0;
	let nextToDeliver = 0;
	let threads = 1;
	const waiting: (() => void)[] = [];

	const complete = (batch: Batch, outcomes: FileOutcome[]): void => {
		done.set(batch.index, outcomes);
		for (let ready = done.get(nextToDeliver); ready; ready = done.get(nextToDeliver)) {
			done.delete(nextToDeliver);
			const first = nextToDeliver * batchSize;
			ready.forEach((outcome, i) => deliver(files[first + i], outcome));
			nextToDeliver++;
		}
		for (const wake of waiting.splice(0)) {
			wake();
		}
	};
	/** The next batch, once the window of undelivered batches has room; undefined when all are handed out. */
	const take = async (): Promise<Batch | undefined> => {
		while (nextToHandOut < batchCount && nextToHandOut - nextToDeliver >= BATCHES_AHEAD_PER_THREAD * threads) {
			await new Promise<void>((resolve) => waiting.push(resolve));
		}
		await options.outputReady();
		if (nextToHandOut >= batchCount) {
			return undefined;
		}
		const index = nextToHandOut++;
		return { index, files: files.slice(index * batchSize, (index + 1) * batchSize) };
	};
	const workers: Promise<void>[] = [];
	const startWorkers = (): void => {
		for (let n = 1; n < options.jobs && nextToHandOut < batchCount; n++) {
			const worker = options.startWorker();
			if (!worker) {
				return;
			}
			threads++;
			workers.push(runWorker(worker, take, complete, options.validateHere));
		}
	};
	await runHere(options, take, complete, batchCount, startWorkers);
	await Promise.all(workers);
}

async function runWorker(
	worker: BatchWorker,
	take: () => Promise<Batch | undefined>,
	complete: (batch: Batch, outcomes: FileOutcome[]) => void,
	validateHere: (file: FoundFile) => FileOutcome,
): Promise<void> {
	try {
		for (let batch = await take(); batch; batch = await take()) {
			let outcomes: FileOutcome[];
			try {
				outcomes = await worker.validate(batch.files);
			} catch {
				// The thread failed (out of memory on a huge file, say): its batch is validated here, and it gets no more.
				complete(batch, batch.files.map(validateHere));
				return;
			}
			complete(batch, outcomes);
		}
	} finally {
		worker.stop();
	}
}

/** This thread's share: batch after batch, letting the workers' replies in between. */
async function runHere(
	options: PoolOptions,
	take: () => Promise<Batch | undefined>,
	complete: (batch: Batch, outcomes: FileOutcome[]) => void,
	batchCount: number,
	startWorkers: () => void,
): Promise<void> {
	const started = performance.now();
	let workersStarted = options.jobs <= 1;
	let batchesHere = 0;
	for (let batch = await take(); batch; batch = await take()) {
		complete(batch, batch.files.map(options.validateHere));
		batchesHere++;
		const elapsed = performance.now() - started;
		const remainingMs = (elapsed / batchesHere) * (batchCount - batchesHere);
		const worthIt = options.workersAfterMs === 0 || (elapsed >= (options.workersAfterMs ?? WORKER_START_MS) && remainingMs > 2 * WORKER_START_MS);
		if (!workersStarted && worthIt && batchesHere < batchCount) {
			workersStarted = true;
			startWorkers();
		}
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
