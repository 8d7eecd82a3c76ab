/**
 * Times one operation the way shared/reference/perf-anchors.md ("Method") does: one cold call
 * (memory is measured around it), a warm-up, then samples that each repeat the operation long
 * enough to be measurable, with a full GC before each sample. Meant to run in a fresh
 * `node --expose-gc` process per operation, so that neither JIT state nor heap left by another
 * case colours the figures.
 */
import * as fs from 'node:fs';

/** A synchronous operation, or an asynchronous one (vscode-json-languageservice's doValidation). */
export type Operation = () => unknown;

export interface MeasureOptions {
	/** Minimum warm-up time and calls. */
	warmUpMs: number;
	warmUpCalls: number;
	/** Each sample repeats the operation until it lasts at least this long. */
	sampleMs: number;
	/** Time the samples may take together; the sample count is clamped to [minSamples, maxSamples]. */
	budgetMs: number;
	minSamples: number;
	maxSamples: number;
}

export const DEFAULT_MEASURE_OPTIONS: MeasureOptions = { warmUpMs: 500, warmUpCalls: 3, sampleMs: 25, budgetMs: 1_500, minSamples: 5, maxSamples: 21 };

export interface Measurement {
	/** Per operation: the median over samples, and the quartiles. */
	medianMs: number;
	q1Ms: number;
	q3Ms: number;
	samples: number;
	repetitions: number;
	/** The first call in the process (includes JIT warm-up). */
	coldMs: number;
	/** Growth of the peak resident set during the cold call, over the resident set just before it. */
	peakRssDeltaBytes: number;
	/** False when the kernel's peak-RSS counter could not be reset before the call (the delta is then a lower bound). */
	peakRssExact: boolean;
	/** Heap still used after a full GC with the result referenced, minus before the call. */
	retainedHeapBytes: number;
	/** What the operation returned, summarised by the caller (e.g. `problems=300`). */
	result: string;
}

// Results are stored here so that V8 cannot drop a call whose value is unused.
let sink: unknown;

function nowMs(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}

function collectGarbage(): void {
	globalThis.gc?.();
}

function isPromise(value: unknown): value is Promise<unknown> {
	return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Linux only: writing 5 to clear_refs resets the peak RSS (VmHWM, which getrusage reports) to the current RSS. */
function resetPeakRss(): boolean {
	try {
		fs.writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

function peakRssBytes(): number {
	return process.resourceUsage().maxRSS * 1024;
}

/** Runs `op` `repetitions` times and returns the elapsed milliseconds. Sync and async loops are separate so sync operations pay no promise overhead. */
async function timeRepetitions(op: Operation, repetitions: number, asynchronous: boolean): Promise<number> {
	const start = nowMs();
	if (asynchronous) {
		for (let i = 0; i < repetitions; i++) {
			sink = await op();
		}
	} else {
		for (let i = 0; i < repetitions; i++) {
			sink = op();
		}
	}
	return nowMs() - start;
}

function quantile(sorted: readonly number[], q: number): number {
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

interface ColdCall {
	coldMs: number;
	peakRssDeltaBytes: number;
	peakRssExact: boolean;
	retainedHeapBytes: number;
	result: string;
	asynchronous: boolean;
}

/** The first call, with memory measured around it. */
async function coldCall(op: Operation, describe: (result: unknown) => string): Promise<ColdCall> {
	collectGarbage();
	const heapBefore = process.memoryUsage().heapUsed;
	const peakBefore = peakRssBytes();
	const peakRssExact = resetPeakRss();
	const rssBefore = process.memoryUsage.rss();
	const start = nowMs();
	let value = op();
	const asynchronous = isPromise(value);
	if (asynchronous) {
		value = await value;
	}
	const coldMs = nowMs() - start;
	const peakAfter = peakRssBytes();
	// Without a reset, a peak reached before the call hides the call's own peak.
	const peakRssDeltaBytes = peakAfter - (peakRssExact ? rssBefore : Math.max(rssBefore, peakBefore));
	collectGarbage();
	const retainedHeapBytes = process.memoryUsage().heapUsed - heapBefore;
	const result = describe(value);
	sink = value;
	return { coldMs, peakRssDeltaBytes: Math.max(0, peakRssDeltaBytes), peakRssExact, retainedHeapBytes, result, asynchronous };
}

export async function measure(op: Operation, describe: (result: unknown) => string, options: MeasureOptions = DEFAULT_MEASURE_OPTIONS): Promise<Measurement> {
	const cold = await coldCall(op, describe);
	sink = undefined;

	// Warm-up: enough calls for the JIT to settle, and an estimate of one call's cost.
	const warmUpStart = nowMs();
	let calls = 0;
	let fastest = Infinity;
	while (calls < options.warmUpCalls || nowMs() - warmUpStart < options.warmUpMs) {
		fastest = Math.min(fastest, await timeRepetitions(op, 1, cold.asynchronous));
		calls++;
	}

	const repetitions = Math.max(1, Math.ceil(options.sampleMs / Math.max(fastest, 1e-4)));
	const sampleCount = Math.min(options.maxSamples, Math.max(options.minSamples, Math.floor(options.budgetMs / (repetitions * fastest))));
	const perOperation: number[] = [];
	for (let s = 0; s < sampleCount; s++) {
		collectGarbage();
		perOperation.push((await timeRepetitions(op, repetitions, cold.asynchronous)) / repetitions);
	}
	sink = undefined;
	perOperation.sort((a, b) => a - b);
	return {
		medianMs: quantile(perOperation, 0.5),
		q1Ms: quantile(perOperation, 0.25),
		q3Ms: quantile(perOperation, 0.75),
		samples: sampleCount,
		repetitions,
		coldMs: cold.coldMs,
		peakRssDeltaBytes: cold.peakRssDeltaBytes,
		peakRssExact: cold.peakRssExact,
		retainedHeapBytes: cold.retainedHeapBytes,
		result: cold.result,
	};
}

/** Keeps the linter from calling `sink` unused; also lets a caller drop the last result. */
export function clearSink(): unknown {
	const last = sink;
	sink = undefined;
	return last;
}
