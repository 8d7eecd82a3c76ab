/**
 * The tables of the issue-16 rows: editing a 10 MB record over LSP, the cold start against a bare
 * vscode-languageserver server, the CLI on 1,000 small files, and the server's memory on a 40 MB
 * record. Every figure is the median over rounds with its spread (min–max), since each round is a
 * fresh process on a shared machine.
 */
import type { ServerColdStart } from './coldStart';
import type { EditingRound } from './editing';
import { formatMs, median, table } from './report';
import type { CliRound, MemoryRound } from './serverScenarios';

export interface ScenarioResults {
	editing: EditingRound[];
	cli: CliRound[];
	memory: MemoryRound[];
}

/** `median (min–max)` of some figures, with a unit. */
export function spreadOf(values: readonly number[], format: (n: number) => string = formatMs): string {
	if (values.length === 0) {
		return '–';
	}
	const low = Math.min(...values);
	const high = Math.max(...values);
	return values.length === 1 ? format(values[0]) : `${format(median(values))} (${format(low)}–${format(high)})`;
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
/** A difference of milliseconds, which may be negative (ours below the floor). */
const signedMs = (ms: number): string => (ms < 0 ? `−${formatMs(-ms)}` : formatMs(ms));
const times = (n: number): string => `${n.toFixed(2)}×`;

export function editingTable(rounds: readonly EditingRound[]): string {
	const figure = (pick: (r: EditingRound) => number, format?: (n: number) => string): string => spreadOf(rounds.map(pick), format);
	const med = (pick: (r: EditingRound) => number): number => median(rounds.map(pick));
	return table(
		['10 MB S3 record, 50 keystrokes with pauses (median (min–max) over rounds)', 'figure', 'target', 'verdict'],
		[
			['longest event-loop stretch of the server during the burst, ms', figure((r) => r.maxStretchMs), '≤ 50', verdict(med((r) => r.maxStretchMs) <= 50)],
			['stretches over 50 ms per burst', figure((r) => r.stretchesOver50, String), '0', verdict(med((r) => r.stretchesOver50) === 0)],
			['hover at a random offset, p95 ms', figure((r) => r.hoverP95Ms), '≤ 20', verdict(med((r) => r.hoverP95Ms) <= 20)],
			['completion at a random offset, p95 ms', figure((r) => r.completionP95Ms), '≤ 20', verdict(med((r) => r.completionP95Ms) <= 20)],
			[
				'last keystroke → final diagnostics, ms (limit: debounce + 4× JSON.parse)',
				figure((r) => r.finalDiagnosticsMs),
				`≤ ${formatMs(med((r) => r.limitMs))}`,
				verdict(med((r) => r.finalDiagnosticsMs - r.limitMs) <= 0),
			],
		],
	);
}

/**
 * Our server against the floor: as it usually starts (with the code cache of earlier starts) and,
 * beside it, its first start after an install or an update (`firstStart`, an empty cache).
 */
export function coldStartFloorRow(server: readonly ServerColdStart[], bare: readonly ServerColdStart[], firstStart: readonly ServerColdStart[] = []): string {
	const wall = (runs: readonly ServerColdStart[]): number[] => runs.map((r) => r.firstDiagnosticsMs);
	const cpu = (runs: readonly ServerColdStart[]): number[] => runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
	const over = median(wall(server)) - median(wall(bare));
	const cpuOver = median(cpu(server)) - median(cpu(bare));
	const first =
		firstStart.length === 0
			? []
			: [
					['our language server, first start (empty code cache, written at exit)', `${spreadOf(wall(firstStart))} (CPU ${spreadOf(cpu(firstStart))})`, '', ''],
					[
						'first start − floor (medians), ms (CPU ms)',
						`${signedMs(median(wall(firstStart)) - median(wall(bare)))} (${signedMs(median(cpu(firstStart)) - median(cpu(bare)))})`,
						'',
						'',
					],
				];
	return table(
		['cold start: spawn → first diagnostics of a 1 KB record (median (min–max))', 'ms', 'target', 'verdict'],
		[
			['bare vscode-languageserver server (the floor)', spreadOf(wall(bare)), '', ''],
			['our language server (code cache of earlier starts)', spreadOf(wall(server)), '', ''],
			['ours − floor (medians)', signedMs(over), '≤ 25', verdict(over <= 25)],
			['CPU time of the whole process (all threads, start to exit): floor / ours', `${spreadOf(cpu(bare))} / ${spreadOf(cpu(server))}`, '', ''],
			['ours − floor, CPU time (medians)', signedMs(cpuOver), '', ''],
			...first,
		],
	);
}

export function cliTable(rounds: readonly CliRound[]): string {
	const ratios = rounds.map((r) => r.cliMs / r.readParseMs);
	const cpuRatios = rounds.map((r) => r.cliCpuMs / r.readParseCpuMs);
	return table(
		[`CLI on ${rounds[0]?.files ?? 0} small files, whole process (median (min–max))`, 'figure', 'target', 'verdict'],
		[
			[
				'`lambda-kafka validate --format json DIR`, ms (CPU ms)',
				`${spreadOf(rounds.map((r) => r.cliMs))} (${spreadOf(rounds.map((r) => r.cliCpuMs))})`,
				'',
				'',
			],
			[
				'read + JSON.parse of every file, ms (CPU ms)',
				`${spreadOf(rounds.map((r) => r.readParseMs))} (${spreadOf(rounds.map((r) => r.readParseCpuMs))})`,
				'',
				'',
			],
			['CLI ÷ read+parse, wall time (paired per round)', spreadOf(ratios, times), '≤ 2×', verdict(median(ratios) <= 2)],
			['CLI ÷ read+parse, CPU time (all threads)', spreadOf(cpuRatios, times), '', ''],
		],
	);
}

export function memoryTable(rounds: readonly MemoryRound[]): string {
	const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
	const ratios = rounds.map((r) => r.peakGrowthBytes / r.bytes);
	return table(
		[`server opening a ${mb(rounds[0]?.bytes ?? 0)} S3 record (median (min–max))`, 'figure', 'target', 'verdict'],
		[
			['peak resident memory growth (transport, parse, validation)', spreadOf(ratios, times), '≤ 4× the file', verdict(median(ratios) <= 4)],
			[
				'resident memory above the level before opening, after closing',
				spreadOf(
					rounds.map((r) => r.afterCloseBytes),
					mb,
				),
				'',
				'',
			],
		],
	);
}
