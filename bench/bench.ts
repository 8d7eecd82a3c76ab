/**
 * `npm run bench`: how fast is full validation (nested payload included) compared with
 * JSON.parse and with VS Code's own JSON engine? Method and targets: shared/reference/perf-anchors.md.
 *
 * The parent process generates the documents (deterministic, written to .bench/docs) and runs each
 * (document, case) pair in a fresh `node --expose-gc` child, so that one case's JIT state and heap
 * cannot colour another's. Progress goes to stderr, the Markdown report to stdout. The exit code is
 * 0 whatever the figures: this is a measurement, not a test (a wrong problem count is an error).
 *
 * Options: --rounds N (fresh processes per pair, default 1; the report takes the median),
 * --docs id,id  --cases json-parse,ours,vscode,vscode-2step  --no-cold-start
 * --cpu-prof (writes .bench/profiles/*.cpuprofile for the `ours` children),
 * --node-flags "--max-semi-space-size=4" (extra Node/V8 flags for every child, e.g. to try the server's flags),
 * --scenarios editing,cli,memory (the whole-process rows of issue 16; default all), --no-documents
 * (only those rows and the cold start).
 *
 * `npm run bench` measures the production bundles (`node esbuild.mjs --production`, minified, as the
 * .vsix ships them): start-up figures depend on how much code a process compiles, so a development
 * build (`npm run build`, unminified) would report a slower start than users get. The report names
 * the build it ran on.
 */
import { fork } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CaseId } from './cases';
import { casesFor, prepareCase } from './cases';
import type { InProcessColdStart } from './coldStart';
import { inProcessColdStart, nodeStartMs, serverColdStart } from './coldStart';
import type { DocumentSpec } from './generate';
import { DOCUMENTS, documentSpec } from './generate';
import type { Measurement } from './measure';
import { measure } from './measure';
import type { CaseResult, ColdStartResult, DocumentInfo } from './report';
import { coldStartTable, documentTable, formatMs, Results, summaryTable, targetsTable } from './report';
import { editingDocument, editingRound } from './editing';
import type { ScenarioResults } from './scenarioReport';
import { cliTable, coldStartFloorRow, editingTable, memoryTable } from './scenarioReport';
import { cliDirectory, cliRound, memoryDocument, memoryRound } from './serverScenarios';

/** How esbuild.mjs built this bundle and the ones beside it: 'production' or 'development'. */
declare const BENCH_BUILD: string | undefined;

const ROOT = path.resolve(__dirname, '..');
const WORK_DIR = path.join(ROOT, '.bench');
const DOCS_DIR = path.join(WORK_DIR, 'docs');
const COLD_START_RUNS = 7;
/** A child that takes longer than this is stuck, not slow. */
const CHILD_TIMEOUT_MS = 180_000;

interface Options {
	rounds: number;
	docs: DocumentSpec[];
	cases: CaseId[] | undefined;
	coldStart: boolean;
	cpuProf: boolean;
	/** Extra Node/V8 flags for the children. */
	nodeFlags: string[];
	/** The 1-minute load average when the run started (the report warns when the machine was busy). */
	loadAtStart: number;
	scenarios: Scenario[];
}

type Scenario = 'editing' | 'cli' | 'memory';

type ChildMessage = { measurement: Measurement } | { coldStart: InProcessColdStart } | { error: string };

function log(message: string): void {
	process.stderr.write(`${message}\n`);
}

function parseOptions(argv: readonly string[]): Options {
	const value = (name: string): string | undefined => {
		const index = argv.indexOf(name);
		return index >= 0 ? argv[index + 1] : undefined;
	};
	const docIds = argv.includes('--no-documents') ? ['1-single'] : value('--docs')?.split(',');
	return {
		rounds: Math.max(1, Number(value('--rounds') ?? 1)),
		docs: docIds ? docIds.map(documentSpec) : [...DOCUMENTS],
		scenarios: (value('--scenarios')?.split(',') as Scenario[] | undefined) ?? ['editing', 'cli', 'memory'],
		cases: argv.includes('--no-documents') ? [] : (value('--cases')?.split(',') as CaseId[] | undefined),
		coldStart: !argv.includes('--no-cold-start'),
		cpuProf: argv.includes('--cpu-prof'),
		nodeFlags:
			value('--node-flags')
				?.split(' ')
				.filter((f) => f !== '') ?? [],
		loadAtStart: os.loadavg()[0],
	};
}

function documentPath(spec: DocumentSpec): string {
	return path.join(DOCS_DIR, `${spec.id}${path.extname(spec.fileName)}`);
}

/** Writes every document once; the children read them, so their heap starts clean. */
function generateDocuments(specs: readonly DocumentSpec[]): DocumentInfo[] {
	fs.mkdirSync(DOCS_DIR, { recursive: true });
	return specs.map((spec) => {
		const start = performance.now();
		const text = spec.build(spec.fullSize);
		fs.writeFileSync(documentPath(spec), text);
		const info = { spec, bytes: Buffer.byteLength(text), sha256: crypto.createHash('sha256').update(text).digest('hex') };
		log(`generated ${spec.id}: ${info.bytes.toLocaleString('en-US')} bytes in ${formatMs(performance.now() - start)} ms (sha256 ${info.sha256.slice(0, 12)})`);
		return info;
	});
}

/** Runs this bundle again as a child with `args` and returns its one message. */
function runChild(args: string[], execArgv: string[] = []): Promise<ChildMessage> {
	return new Promise((resolve, reject) => {
		// The child's stdout goes to our stderr: stdout carries only the report.
		const child = fork(process.argv[1], args, { execArgv: ['--expose-gc', ...execArgv], stdio: ['ignore', 2, 2, 'ipc'] });
		let message: ChildMessage | undefined;
		const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
		child.on('message', (m) => {
			message = m as ChildMessage;
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (message) {
				resolve(message);
			} else {
				reject(new Error(`child ${args.join(' ')} exited (code ${code}, signal ${signal}) without a result`));
			}
		});
	});
}

/** Failures of children (a wrong problem count included): printed with the report, not only in the log. */
const errors: string[] = [];

async function runPairs(options: Options): Promise<CaseResult[]> {
	const results: CaseResult[] = [];
	const pairs = options.docs.flatMap((spec) =>
		casesFor(spec)
			.filter((c) => !options.cases || options.cases.includes(c))
			.map((caseId) => ({ spec, caseId })),
	);
	for (const { spec, caseId } of pairs) {
		results.push({ docId: spec.id, caseId, rounds: [] });
	}
	for (let round = 1; round <= options.rounds; round++) {
		for (const [index, { spec, caseId }] of pairs.entries()) {
			const result = results[index];
			const profile =
				options.cpuProf && caseId === 'ours'
					? ['--cpu-prof', `--cpu-prof-dir=${path.join(WORK_DIR, 'profiles')}`, `--cpu-prof-name=${spec.id}-${caseId}-${round}.cpuprofile`]
					: [];
			const execArgv = [...options.nodeFlags, ...profile];
			const started = performance.now();
			try {
				const message = await runChild(['--child', spec.id, caseId, documentPath(spec)], execArgv);
				if ('error' in message) {
					throw new Error(message.error);
				}
				if ('measurement' in message) {
					result.rounds.push(message.measurement);
					const m = message.measurement;
					log(
						`[round ${round}/${options.rounds}] ${spec.id} ${caseId}: median ${formatMs(m.medianMs)} ms, cold ${formatMs(m.coldMs)} ms, ${m.result} (${((performance.now() - started) / 1e3).toFixed(1)} s)`,
					);
				}
			} catch (error) {
				const message = `${spec.id} ${caseId} (round ${round}): ${error instanceof Error ? error.message : String(error)}`;
				errors.push(message);
				log(`ERROR ${message}`);
			}
		}
	}
	return results;
}

async function runColdStart(single: DocumentSpec): Promise<ColdStartResult> {
	const cold: ColdStartResult = { nodeMs: [], server: [], firstStart: [], bare: [], inProcess: [] };
	const serverPath = path.join(__dirname, 'server.js');
	const barePath = path.join(__dirname, 'bench-bare-server.js');
	const text = fs.readFileSync(documentPath(single), 'utf8');
	// A broken server build must not cost the figures measured so far: failures are reported, not thrown.
	const attempt = async (what: string, run: () => Promise<void>): Promise<void> => {
		try {
			await run();
		} catch (error) {
			errors.push(`cold start, ${what}: ${error instanceof Error ? error.message : String(error)}`);
		}
	};
	if (fs.existsSync(serverPath)) {
		// One start not counted, so that the code cache exists, as it does after any earlier start of this build.
		await attempt('language server, warm-up', async () => {
			await serverColdStart(serverPath, text, single.fileName);
		});
	}
	for (let i = 0; i < COLD_START_RUNS; i++) {
		await attempt('node -e 0', async () => {
			cold.nodeMs.push(await nodeStartMs());
		});
		if (fs.existsSync(serverPath)) {
			await attempt('language server', async () => {
				cold.server.push(await serverColdStart(serverPath, text, single.fileName));
			});
			await attempt('language server, first start', async () => {
				// A new, empty code cache folder: the start that follows an install or an update, which
				// writes the cache at exit. Inside a private folder (the server uses none under the shared /tmp).
				const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-first-start-'));
				try {
					const run = await serverColdStart(serverPath, text, single.fileName, { LAMBDA_KAFKA_CACHE_DIR: path.join(cacheDir, 'cache') });
					if (!fs.existsSync(path.join(cacheDir, 'cache')) || fs.readdirSync(path.join(cacheDir, 'cache')).length === 0) {
						throw new Error('the first start wrote no code cache, so it measured something else');
					}
					cold.firstStart.push(run);
				} finally {
					fs.rmSync(cacheDir, { recursive: true, force: true });
				}
			});
		}
		await attempt('bare server', async () => {
			cold.bare.push(await serverColdStart(barePath, text, single.fileName));
		});
		await attempt('in-process child', async () => {
			const message = await runChild(['--cold-start', single.id, documentPath(single)]);
			if ('coldStart' in message) {
				cold.inProcess.push(message.coldStart);
			}
		});
	}
	log(`cold start: ${COLD_START_RUNS} runs of node -e 0, the language server and an in-process child`);
	return cold;
}

/** Which bundles the figures are of; a development build is slower to start than what ships. */
function buildNote(): string {
	const build = typeof BENCH_BUILD === 'string' ? BENCH_BUILD : 'unknown';
	return build === 'production'
		? 'Bundles: production build (minified, as shipped in the .vsix).'
		: `**Warning:** bundles of a ${build} build (not minified): start-up figures are slower than the shipped code's; \`npm run bench\` builds for production.`;
}

function printReport(documents: DocumentInfo[], results: CaseResult[], cold: ColdStartResult | undefined, scenarios: ScenarioResults, options: Options): void {
	const r = new Results(documents, results, cold);
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const busiest = Math.max(options.loadAtStart, os.loadavg()[0]);
	const out: string[] = [
		'## Benchmark: full validation vs JSON.parse vs vscode-json-languageservice',
		'',
		`Node ${process.version} (V8 ${process.versions.v8}), ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}, load average ${os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' / ')}. ` +
			`${options.rounds} round(s)${options.nodeFlags.length > 0 ? ` with child flags \`${options.nodeFlags.join(' ')}\`` : ''}; each (document, case) in a fresh \`node --expose-gc\` process; per process: 1 cold call (memory measured around it), warm-up ≥ 3 calls and ≥ 500 ms, then 5-21 samples of ≥ 25 ms each with a full GC before each; median of samples, then median over rounds.`,
		'',
		buildNote(),
		'',
		...(busiest > os.cpus().length
			? [
					`**Warning:** the 1-minute load average reached ${busiest.toFixed(1)} on ${os.cpus().length} CPUs during the run: other processes competed for the CPUs, so the milliseconds are inflated and noisy. Paired ratios suffer less${options.rounds < 3 ? '; re-run with `--rounds 3` before quoting figures' : ''}.`,
					'',
				]
			: []),
		'### Summary',
		'',
		summaryTable(r),
		'',
		'Ratios are paired: every child times JSON.parse of the same text alternately with its own samples, and a ratio is the median of the per-pair ratios (vscode ÷ ours = (vscode ÷ its JSON.parse) ÷ (ours ÷ its JSON.parse)). On a shared machine this is far steadier than dividing medians from two processes run seconds apart; the per-document tables show both. The verdicts use wall time, as perf-anchors does; "CPU" is the same paired ratio in process CPU time (all threads), which waiting for a busy CPU does not inflate. ' +
			'vscode ÷ ours compares with the VS Code 2-step (outer record + the payload pasted into its own file) for payload documents, else with vscode-json-ls on the document (line by line for JSON Lines). Memory: growth of peak RSS during one cold validation ÷ document size (targets: ≤ 2× payload documents, ≤ 3× arrays and JSON Lines; perf-anchors T6).',
		'',
		'### Targets',
		'',
		targetsTable(r),
		'',
		'### Per document',
		'',
	];
	for (const doc of documents) {
		out.push(documentTable(r, doc, casesFor(doc.spec)), '');
	}
	if (cold) {
		out.push('### Cold start', '', coldStartTable(cold), '', coldStartFloorRow(cold.server, cold.bare, cold.firstStart), '');
	}
	out.push(...scenarioSections(scenarios));
	if (errors.length > 0) {
		out.push('### Errors (these pairs are missing above)', '', ...errors.map((e) => `- ${e.split('\n').join('\n  ')}`), '');
	}
	process.stdout.write(`${out.join('\n')}\n`);
	fs.writeFileSync(
		path.join(WORK_DIR, 'results.json'),
		JSON.stringify({ documents: documents.map((d) => ({ id: d.spec.id, bytes: d.bytes, sha256: d.sha256 })), results, cold, scenarios }, null, 2),
	);
	log(`raw results: ${path.join(WORK_DIR, 'results.json')}`);
}

async function main(argv: readonly string[]): Promise<void> {
	const options = parseOptions(argv);
	const started = performance.now();
	const documents = generateDocuments(options.docs);
	const results = await runPairs(options);
	const single = options.docs.find((d) => d.id === '1-single');
	const cold = options.coldStart && single ? await runColdStart(single) : undefined;
	const scenarios = await runScenarios(options);
	printReport(documents, results, cold, scenarios, options);
	log(`done in ${((performance.now() - started) / 1e3).toFixed(0)} s`);
}

/** The whole-process rows of issue 16, each round a fresh server or CLI process. */
async function runScenarios(options: Options): Promise<ScenarioResults> {
	const scenarios: ScenarioResults = { editing: [], cli: [], memory: [] };
	const rounds = Math.max(3, options.rounds);
	const attempt = async (what: string, run: () => Promise<void>): Promise<void> => {
		try {
			await run();
		} catch (error) {
			errors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
		}
	};
	if (options.scenarios.includes('editing')) {
		const text = editingDocument();
		for (let round = 0; round < rounds; round++) {
			await attempt('editing', async () => {
				const result = await editingRound(text, path.join(__dirname, 'bench-loop-monitor.js'), round);
				scenarios.editing.push(result);
				log(`[editing ${round + 1}/${rounds}] ${JSON.stringify(result, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
			});
		}
	}
	if (options.scenarios.includes('cli')) {
		const dir = cliDirectory(WORK_DIR);
		for (let round = 0; round < rounds + 2; round++) {
			await attempt('cli', async () => {
				const result = await cliRound(path.join(__dirname, 'cli.js'), dir);
				scenarios.cli.push(result);
				log(`[cli ${round + 1}/${rounds + 2}] ${formatMs(result.cliMs)} ms vs read+parse ${formatMs(result.readParseMs)} ms`);
			});
		}
	}
	if (options.scenarios.includes('memory')) {
		const text = memoryDocument();
		for (let round = 0; round < rounds; round++) {
			await attempt('memory', async () => {
				const result = await memoryRound(text);
				scenarios.memory.push(result);
				log(`[memory ${round + 1}/${rounds}] peak +${(result.peakGrowthBytes / 1e6).toFixed(0)} MB for ${(result.bytes / 1e6).toFixed(0)} MB`);
			});
		}
	}
	return scenarios;
}

function scenarioSections(scenarios: ScenarioResults): string[] {
	const out: string[] = [];
	if (scenarios.editing.length > 0) {
		out.push('### Editing a 10 MB record over LSP', '', editingTable(scenarios.editing), '');
	}
	if (scenarios.cli.length > 0) {
		out.push('### CLI', '', cliTable(scenarios.cli), '');
	}
	if (scenarios.memory.length > 0) {
		out.push('### Server memory', '', memoryTable(scenarios.memory), '');
	}
	return out;
}

// ---- child processes ---------------------------------------------------------------------------

async function child(docId: string, caseId: CaseId, file: string): Promise<ChildMessage> {
	const spec = documentSpec(docId);
	const text = fs.readFileSync(file, 'utf8');
	const prepared = prepareCase(caseId, spec, text);
	// The json-parse case is its own baseline: pairing it with itself would only double its time.
	const measurement = await measure(prepared.run, prepared.check, caseId === 'json-parse' ? undefined : prepared.baseline);
	await prepared.verify?.();
	return { measurement };
}

function coldStartChild(docId: string, file: string): ChildMessage {
	const spec = documentSpec(docId);
	return { coldStart: inProcessColdStart(fs.readFileSync(file, 'utf8'), spec.fileName) };
}

async function dispatch(argv: readonly string[]): Promise<void> {
	if (argv[0] === '--child' || argv[0] === '--cold-start') {
		let message: ChildMessage;
		try {
			message = argv[0] === '--child' ? await child(argv[1], argv[2] as CaseId, argv[3]) : coldStartChild(argv[1], argv[2]);
		} catch (error) {
			// The stack goes to the log; the report gets the message.
			log(error instanceof Error ? (error.stack ?? error.message) : String(error));
			message = { error: error instanceof Error ? error.message : String(error) };
		}
		process.send?.(message);
		process.disconnect?.();
		return;
	}
	await main(argv);
}

dispatch(process.argv.slice(2)).catch((error: unknown) => {
	log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exitCode = 0;
});
