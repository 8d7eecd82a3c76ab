/**
 * Editing a large record over LSP (issue 16, targets 1 and 2): the real server (dist/server.js,
 * default settings, 200 ms debounce) opens a 10 MB S3 record, then takes a burst of 50 keystrokes
 * at typing pace with pauses longer than the debounce, so that revalidations start during the
 * burst. After every keystroke a hover, and after every other one a completion, is sent at a
 * random offset. Measured: the server's event-loop stretches during the burst (preloaded
 * loopMonitor.ts), hover and completion latency, and the time from the last keystroke to the
 * final version's diagnostics, against the debounce plus 4x JSON.parse of the text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../test/protocol/lspClient';
import { Prng, s3Record } from './generate';
import { median } from './report';
import type { LoopStretch } from './loopMonitor';

export interface EditingRound {
	/** Longest event-loop stretch of the server during the burst, and how many exceeded 50 ms. */
	maxStretchMs: number;
	stretchesOver50: number;
	hoverP95Ms: number;
	completionP95Ms: number;
	/** Last keystroke to the final version's diagnostics, and the limit: debounce + 4x JSON.parse. */
	finalDiagnosticsMs: number;
	limitMs: number;
}

const KEYSTROKES = 50;
const DEBOUNCE_MS = 200;
/** Records in the payload: about 10 MB of text. */
const PAYLOAD_RECORDS = 6_300;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function editingDocument(): string {
	return `${JSON.stringify(s3Record(20_261_216, PAYLOAD_RECORDS, 'string'), null, 2)}\n`;
}

/** The nearest-rank quantile: a latency that was observed, not one interpolated between two (p95 of the hovers). */
export function quantile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

function jsonParseMs(text: string): number {
	const times: number[] = [];
	for (let i = 0; i < 7; i++) {
		const start = performance.now();
		JSON.parse(text);
		times.push(performance.now() - start);
	}
	return median(times);
}

/** Gaps between keystrokes: mostly typing pace, one pause in five longer than the debounce. */
function keystrokeGaps(rng: Prng): number[] {
	return Array.from({ length: KEYSTROKES }, (_, i) => (i % 5 === 4 ? 260 + rng.int(0, 140) : 40 + rng.int(0, 110)));
}

export async function editingRound(text: string, monitorPath: string, round: number): Promise<EditingRound> {
	const logFile = path.join(os.tmpdir(), `lambda-kafka-loop-${process.pid}-${round}.json`);
	process.env['LOOP_MONITOR_FILE'] = logFile;
	// BENCH_SERVER_FLAGS: extra Node flags for the server, such as --cpu-prof to see where a stretch went.
	const extraFlags = process.env['BENCH_SERVER_FLAGS']?.split(' ').filter((flag) => flag !== '') ?? [];
	const { client } = await LspTestClient.start({ configuration: { validation: {} }, nodeOptions: ['--require', monitorPath, ...extraFlags] });
	delete process.env['LOOP_MONITOR_FILE'];
	const uri = 'file:///bench/editing/big.record.json';
	const document = TextDocument.create(uri, 'json', 1, text);
	await client.open(uri, text);
	await client.diagnosticsFor(uri, (p) => p.version === 1, 60_000);
	await sleep(500);
	const rng = new Prng(1_600 + round);
	const batchOffset = text.indexOf('"batchSize": ') + '"batchSize": '.length;
	const batchAt = document.positionAt(batchOffset);
	const payloadAt = document.positionAt(text.indexOf('"payload": "') + '"payload": "'.length + 1);
	const hovers: Promise<number>[] = [];
	const completions: Promise<number>[] = [];
	const timed = (request: () => Promise<unknown>): Promise<number> => {
		const sent = performance.now();
		return request().then(() => performance.now() - sent);
	};
	const burstStart = performance.timeOrigin + performance.now();
	let version = 1;
	let lastKeystroke = 0;
	for (const [i, gap] of keystrokeGaps(rng).entries()) {
		version++;
		const change =
			i % 4 === 3
				? { range: { start: payloadAt, end: payloadAt }, text: ' ' }
				: { range: { start: batchAt, end: { line: batchAt.line, character: batchAt.character + 1 } }, text: String((i % 9) + 1) };
		await client.change(uri, version, [change]);
		lastKeystroke = performance.now();
		const at = document.positionAt(rng.int(0, text.length - 1));
		hovers.push(timed(() => client.hover(uri, at.line, at.character)));
		if (i % 2 === 1) {
			const other = document.positionAt(rng.int(0, text.length - 1));
			completions.push(timed(() => client.completion(uri, other.line, other.character)));
		}
		await sleep(gap);
	}
	const finalVersion = version;
	// Timed from their arrival: they may have come during the pause after the last keystroke.
	const finalDiagnostics = await client.diagnosticsFor(uri, (p) => p.version === finalVersion, 60_000);
	const finalDiagnosticsMs = client.arrivalOf(finalDiagnostics) - lastKeystroke;
	const burstEnd = performance.timeOrigin + performance.now();
	const hoverTimes = await Promise.all(hovers);
	const completionTimes = await Promise.all(completions);
	await client.stop();
	const stretches = (JSON.parse(fs.readFileSync(logFile, 'utf8')) as LoopStretch[]).filter((s) => s.at + s.ms >= burstStart && s.at <= burstEnd);
	fs.rmSync(logFile, { force: true });
	return {
		maxStretchMs: Math.max(0, ...stretches.map((s) => s.ms)),
		stretchesOver50: stretches.filter((s) => s.ms > 50).length,
		hoverP95Ms: quantile(hoverTimes, 0.95),
		completionP95Ms: quantile(completionTimes, 0.95),
		finalDiagnosticsMs,
		limitMs: DEBOUNCE_MS + 4 * jsonParseMs(text),
	};
}
