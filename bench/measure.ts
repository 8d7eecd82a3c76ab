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
	/** The baseline (JSON.parse of the same text) timed in the same process, alternating with the samples. */
	baselineMs?: number;
	/** Median over samples of (this sample ÷ the baseline sample next to it). */
	pairedRatio?: number;
	/**
	 * The same ratio in CPU time (process.cpuUsage, all threads): time spent waiting for a CPU that
	 * other processes hold does not count, so it stays steady when the machine is busy.
	 */
	pairedCpuRatio?: number;
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
const sink: { value: unknown } = { value: undefined };

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
			sink.value = await op();
		}
	} else {
		for (let i = 0; i < repetitions; i++) {
			sink.value = op();
		}
	}
	return nowMs() - start;
}

function quantile(sorted: readonly number[], q: number): number {
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
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
	sink.value = value;
	return { coldMs, peakRssDeltaBytes: Math.max(0, peakRssDeltaBytes), peakRssExact, retainedHeapBytes, result, asynchronous };
}

interface Calibration {
	asynchronous: boolean;
	repetitions: number;
	/** Estimated milliseconds of one sample. */
	sampleEstimateMs: number;
}

/**
 * Warm-up: enough calls for the JIT to settle, and an estimate of one call's cost. The median, not
 * the fastest call, which would underestimate operations whose cost varies with GC and promise scheduling.
 */
async function warmUp(op: Operation, asynchronous: boolean, minCalls: number, minMs: number, sampleMs: number): Promise<Calibration> {
	const start = nowMs();
	const times: number[] = [];
	while (times.length < minCalls || nowMs() - start < minMs) {
		times.push(await timeRepetitions(op, 1, asynchronous));
	}
	const estimate = Math.max(
		quantile(
			[...times].sort((a, b) => a - b),
			0.5,
		),
		1e-4,
	);
	const repetitions = Math.max(1, Math.ceil(sampleMs / estimate));
	return { asynchronous, repetitions, sampleEstimateMs: repetitions * estimate };
}

/** One sample: wall and CPU milliseconds per operation. */
async function sample(op: Operation, calibration: Calibration): Promise<{ wall: number; cpu: number }> {
	collectGarbage();
	const cpuStart = process.cpuUsage();
	const wall = await timeRepetitions(op, calibration.repetitions, calibration.asynchronous);
	const cpu = process.cpuUsage(cpuStart);
	return { wall: wall / calibration.repetitions, cpu: (cpu.user + cpu.system) / 1e3 / calibration.repetitions };
}

function spread(values: number[]): { median: number; q1: number; q3: number } {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: quantile(sorted, 0.5), q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75) };
}

/**
 * Measures `op`. With a `baseline` (JSON.parse of the same text), each sample of `op` is followed
 * by a sample of the baseline in the same process, and `pairedRatio` is the median of the
 * per-pair ratios: on a shared machine whose load drifts, that ratio is far steadier than one
 * computed from two processes run seconds apart.
 */
export async function measure(
	op: Operation,
	describe: (result: unknown) => string,
	baseline?: Operation,
	options: MeasureOptions = DEFAULT_MEASURE_OPTIONS,
): Promise<Measurement> {
	const cold = await coldCall(op, describe);
	sink.value = undefined;
	const main = await warmUp(op, cold.asynchronous, options.warmUpCalls, options.warmUpMs, options.sampleMs);
	const base = baseline ? await warmUp(baseline, false, options.warmUpCalls, options.warmUpMs / 2, options.sampleMs) : undefined;
	const roundMs = main.sampleEstimateMs + (base?.sampleEstimateMs ?? 0);
	const sampleCount = Math.min(options.maxSamples, Math.max(options.minSamples, Math.floor(options.budgetMs / roundMs)));
	const perOperation: number[] = [];
	const perBaseline: number[] = [];
	const ratios: number[] = [];
	const cpuRatios: number[] = [];
	for (let s = 0; s < sampleCount; s++) {
		const own = await sample(op, main);
		perOperation.push(own.wall);
		if (baseline && base) {
			const other = await sample(baseline, base);
			perBaseline.push(other.wall);
			ratios.push(own.wall / other.wall);
			cpuRatios.push(own.cpu / other.cpu);
		}
	}
	sink.value = undefined;
	const own = spread(perOperation);
	return {
		medianMs: own.median,
		q1Ms: own.q1,
		q3Ms: own.q3,
		samples: sampleCount,
		repetitions: main.repetitions,
		baselineMs: perBaseline.length > 0 ? spread(perBaseline).median : undefined,
		pairedRatio: ratios.length > 0 ? spread(ratios).median : undefined,
		pairedCpuRatio: cpuRatios.length > 0 ? spread(cpuRatios).median : undefined,
		coldMs: cold.coldMs,
		peakRssDeltaBytes: cold.peakRssDeltaBytes,
		peakRssExact: cold.peakRssExact,
		retainedHeapBytes: cold.retainedHeapBytes,
		result: cold.result,
	};
}
