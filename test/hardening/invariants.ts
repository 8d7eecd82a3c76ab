/**
 * What every hardening test asserts of a document, whatever it holds: the analysis returns, in
 * time proportional to the text's size, with every range and fix edit inside the text; hover and
 * completion answer at any offset with ranges inside the text. Also the seed documents the
 * mutations start from, and the machine's speed the time bounds are scaled by.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeCompletions } from '../../server/src/language/features/completion';
import { computeHover } from '../../server/src/language/features/hover';
import { sharedSchemaRegistry } from '../../server/src/node/schemaFiles';
import type { AnalyzeOptions, DocumentAnalysis } from '../../server/src/language/validation/analyzeDocument';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';
import type { LocatedProblem } from '../../server/src/language/validation/problem';
import { repoRoot } from '../helpers';

const MB = 1024 * 1024;

/**
 * Milliseconds JSON.parse takes per MB of record text on this machine (median of 5), measured
 * once. The bounds below are fixed numbers unless the machine is slower than the one they were
 * chosen on (about 1.5 ms/MB), in which case they grow with it.
 */
const CALIBRATION_TEXT = ((): string => {
	const line = fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'records', 'records.jsonl'), 'utf8').split('\n')[0];
	return `[${Array.from({ length: Math.ceil(MB / line.length) }, () => line).join(',')}]`;
})();

/** JSON.parse's speed right now, in ms per MB (median of `runs`). */
function measureJsonParse(runs: number): number {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		JSON.parse(CALIBRATION_TEXT);
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return (samples[Math.floor(runs / 2)] / CALIBRATION_TEXT.length) * MB;
}

export const JSON_PARSE_MS_PER_MB = measureJsonParse(5);

const SLOWDOWN = Math.max(1, JSON_PARSE_MS_PER_MB / 1.5);

/** Fixed part of the time bound: covers a GC pause and the first call of a code path. */
export const FIXED_BOUND_MS = 50 * SLOWDOWN;
/**
 * Per-MB part: the slowest path (the tolerant jsonc parse of a broken 8 MB record) takes about
 * 20 ms/MB on the reference machine, JSON.parse 1.5 ms/MB; 200 ms/MB is 10x the former and would
 * still fail at once for anything quadratic (a 1 MB text costs seconds there).
 */
export const PER_MB_BOUND_MS = 200 * SLOWDOWN;

export function timeBoundMs(textLength: number): number {
	return FIXED_BOUND_MS + (PER_MB_BOUND_MS * textLength) / MB;
}

/**
 * Runs `work` and returns its result and the time it took. A run above the bound is repeated (up
 * to three runs, the fastest counts), so a GC pause does not fail a test but a hang or a
 * quadratic path does.
 */
export function timed<T>(bound: number, work: () => T): { result: T; ms: number } {
	let best = Infinity;
	let result: T;
	let runs = 0;
	do {
		const start = performance.now();
		result = work();
		best = Math.min(best, performance.now() - start);
		runs++;
	} while (best > bound && runs < 3);
	return { result, ms: best };
}

export const registry = sharedSchemaRegistry();
registry.warmUp();

/** Runs a property's body; an unexpected exception is rethrown with its stack in the message, which fast-check prints. */
export function explained(work: () => void): void {
	try {
		work();
	} catch (error) {
		if (error instanceof assert.AssertionError || !(error instanceof Error)) {
			throw error;
		}
		throw new Error(`Unexpected ${error.stack ?? String(error)}`);
	}
}

/** Figures the suites collect for the report. */
export const figures = { documents: 0, largest: 0, slowestPerBound: 0, slowest: '' };

function describeText(text: string): string {
	return text.length > 300 ? `${JSON.stringify(text.slice(0, 150))}…${JSON.stringify(text.slice(-150))} (${text.length} chars)` : JSON.stringify(text);
}

/** Problem and fix ranges inside the text, starts before ends, fix edits not overlapping. */
export function assertProblemsInRange(text: string, problems: readonly LocatedProblem[], where = ''): void {
	for (const problem of problems) {
		const about = `${where}${problem.code} [${problem.start}, ${problem.end}) in ${describeText(text)}`;
		assert.ok(Number.isInteger(problem.start) && Number.isInteger(problem.end), `non-integer range: ${about}`);
		assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, `range outside the text: ${about}`);
		assert.equal(typeof problem.message, 'string');
		assert.ok(problem.message.length > 0, `empty message: ${about}`);
		for (const fix of problem.fixes) {
			const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
			for (const edit of edits) {
				assert.ok(Number.isInteger(edit.start) && Number.isInteger(edit.end), `non-integer edit in fix "${fix.title}": ${about}`);
				assert.ok(
					edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length,
					`edit [${edit.start}, ${edit.end}) of fix "${fix.title}" outside the text: ${about}`,
				);
				assert.equal(typeof edit.newText, 'string');
			}
			for (let i = 1; i < edits.length; i++) {
				// Two insertions at one offset are allowed (LSP applies them in order); anything else must not overlap.
				const insertionsAtOnePoint = edits[i - 1].start === edits[i - 1].end && edits[i].start === edits[i].end;
				assert.ok(edits[i - 1].end <= edits[i].start || insertionsAtOnePoint, `overlapping edits in fix "${fix.title}": ${about}`);
			}
		}
	}
}

/** Hover and completion at `offset`: no exception, ranges inside the text. */
export function assertFeaturesAt(text: string, analysis: DocumentAnalysis, offset: number): void {
	const hover = computeHover(analysis, offset, registry);
	if (hover) {
		assert.equal(typeof hover.markdown, 'string');
		assert.ok(
			hover.start >= 0 && hover.start <= hover.end && hover.end <= text.length,
			`hover range [${hover.start}, ${hover.end}) at ${offset} outside ${describeText(text)}`,
		);
	}
	const completions = computeCompletions(text, analysis, offset, registry);
	assert.ok(Array.isArray(completions));
	for (const candidate of completions) {
		assert.ok(
			candidate.replaceStart >= 0 && candidate.replaceStart <= candidate.replaceEnd && candidate.replaceEnd <= text.length,
			`completion ${candidate.label} replaces [${candidate.replaceStart}, ${candidate.replaceEnd}) at ${offset}, outside ${describeText(text)}`,
		);
	}
}

/**
 * The whole check for one document: analysis within the time bound, ranges in the text, and
 * hover and completion at the given offsets (fractions of the length in [0, 1]) and at every
 * problem's start, also within the bound. Returns the analysis.
 */
export function checkDocument(text: string, options: AnalyzeOptions, probes: readonly number[] = []): DocumentAnalysis {
	const bound = timeBoundMs(text.length);
	let analysis: DocumentAnalysis | undefined;
	const { ms } = timed(bound, () => (analysis = analyzeDocument(text, options)));
	assert.ok(analysis);
	// Over the bound: first ask whether the whole machine is slower right now (other processes), as JSON.parse would show.
	const loaded = ms > bound ? bound * Math.max(1, measureJsonParse(3) / JSON_PARSE_MS_PER_MB) : bound;
	assert.ok(ms <= loaded, `analysis took ${ms.toFixed(1)} ms, above the bound of ${loaded.toFixed(0)} ms for ${text.length} chars: ${describeText(text)}`);
	assertProblemsInRange(text, analysis.problems);
	assertProblemsInRange(text, analysis.hostProblems, 'host problem ');
	const offsets = new Set<number>([
		...probes.map((p) => Math.min(text.length, Math.floor(p * (text.length + 1)))),
		...analysis.problems.slice(0, 3).map((p) => p.start),
	]);
	const done = analysis;
	const features = timed(bound, () => {
		for (const offset of offsets) {
			assertFeaturesAt(text, done, offset);
		}
	});
	const perOffset = features.ms / Math.max(1, offsets.size);
	assert.ok(perOffset <= bound, `hover and completion took ${perOffset.toFixed(1)} ms per offset, above ${bound.toFixed(0)} ms for ${text.length} chars`);
	figures.documents++;
	figures.largest = Math.max(figures.largest, text.length);
	if (ms / bound > figures.slowestPerBound) {
		figures.slowestPerBound = ms / bound;
		figures.slowest = `${ms.toFixed(0)} ms for ${text.length} chars (${analysis.kind}, ${analysis.problems.length} problems): ${JSON.stringify(text.slice(0, 60))}`;
	}
	return analysis;
}

/** A seed document: a fixture or example, as text, with the name it is validated under. */
export interface SeedDocument {
	name: string;
	text: string;
}

/** Every file under test/fixtures/records and examples/. */
export function seedDocuments(): SeedDocument[] {
	const root = repoRoot();
	const seeds: SeedDocument[] = [];
	const visit = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				visit(full);
			} else if (entry.isFile()) {
				seeds.push({ name: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
			}
		}
	};
	visit(path.join(root, 'test', 'fixtures', 'records'));
	visit(path.join(root, 'examples'));
	return seeds;
}
