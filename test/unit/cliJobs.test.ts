/**
 * The CLI's threads and streaming (issue 16): the output is the same, byte for byte and in the same
 * order, whatever --jobs says; outcomes are delivered in file order while at most a few batches are
 * held, however many files there are; and the streamed formats equal the whole-list formatters.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OutputFormat } from '../../server/src/cli/args';
import { parseArgs } from '../../server/src/cli/args';
import type { FoundFile } from '../../server/src/cli/collectFiles';
import { formatJson } from '../../server/src/cli/formatJson';
import { formatSarif } from '../../server/src/cli/formatSarif';
import { formatText } from '../../server/src/cli/formatText';
import { reportStream } from '../../server/src/cli/outputStream';
import type { FileOutcome, FileReport } from '../../server/src/cli/validateFile';
import type { BatchWorker } from '../../server/src/cli/validatePool';
import { validateInOrder } from '../../server/src/cli/validatePool';
import { allDiagnosticCodes } from '../../server/src/language/validation/codes';
import { fixture, repoRoot } from '../helpers';

const cliPath = path.join(repoRoot(), 'dist', 'cli.js');

function run(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		encoding: 'utf8',
		env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', NO_COLOR: '1', ...env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const reportOf = (file: FoundFile): FileOutcome => ({ status: 'report', report: { path: file.path, kind: 'unknown', diagnostics: [] } });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('CLI threads (--jobs)', () => {
	let dir = '';
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-jobs-'));
		const sources = ['records/sqs-record.json', 'records/s3-record-string.json', 'records/records.jsonl', 'records/aws-docs-sqs-example.jsonc'];
		for (let i = 0; i < 240; i++) {
			const source = sources[i % sources.length];
			const broken = i % 7 === 3 ? fixture(source).replace('{', '{,') : fixture(source);
			fs.writeFileSync(path.join(dir, `file-${String(i).padStart(3, '0')}${path.extname(source)}`), broken);
		}
	});
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	for (const format of ['text', 'json', 'sarif']) {
		it(`prints the same ${format} output, in file order, with 1 and 3 threads`, () => {
			const one = run(['validate', '--format', format, '--jobs', '1', dir]);
			const three = run(['validate', '--format', format, '--jobs', '3', dir]);
			assert.equal(three.status, one.status);
			assert.equal(three.stderr, one.stderr);
			assert.equal(three.stdout, one.stdout);
			assert.ok(one.stdout.includes('file-239'), 'every file is reported');
		});
	}

	it('loads worker_threads only for a run that starts threads', () => {
		// Printed at exit: whether Node loaded the worker_threads module (it cost the start-up of every run).
		const loadsWorkerThreads = (args: string[]): boolean => {
			const script = `require(${JSON.stringify(cliPath)}); process.on('exit', () => process.stderr.write(String(process.moduleLoadList.includes('NativeModule worker_threads'))));`;
			const result = spawnSync(process.execPath, ['-e', script, '--', 'cli', ...args], { encoding: 'utf8' });
			return result.stderr.endsWith('true');
		};
		assert.equal(loadsWorkerThreads(['validate', path.join(dir, 'file-000.json')]), false);
		assert.equal(loadsWorkerThreads(['validate', '--jobs', '1', dir]), false);
		assert.equal(loadsWorkerThreads(['validate', '--jobs', '3', dir]), true);
	});

	it('writes the messages of its threads in the language of the main thread', () => {
		const english = run(['validate', '--jobs', '1', dir]);
		const one = run(['validate', '--jobs', '1', dir], { LANG: 'ja_JP.UTF-8' });
		const three = run(['validate', '--jobs', '3', dir], { LANG: 'ja_JP.UTF-8' });
		assert.equal(three.stdout, one.stdout);
		assert.notEqual(one.stdout, english.stdout);
		assert.match(one.stdout, /[\u3040-\u30ff]/, 'the messages are in Japanese');
	});

	it('checks Terraform modules and templates in its threads as on the main thread', () => {
		// Each thread loads its own HCL parser: a thread without one reported .tf files as clean.
		const mixed = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-jobs-iac-'));
		try {
			for (let i = 0; i < 24; i++) {
				const module = path.join(mixed, `module-${String(i).padStart(2, '0')}`);
				fs.mkdirSync(module);
				for (const name of fs.readdirSync(path.join(repoRoot(), 'examples', 'terraform'))) {
					fs.copyFileSync(path.join(repoRoot(), 'examples', 'terraform', name), path.join(module, name));
				}
				fs.copyFileSync(path.join(repoRoot(), 'examples', 'templates', 'sam-orders.yaml'), path.join(module, 'template.yaml'));
			}
			const one = run(['validate', '--format', 'json', '--jobs', '1', mixed]);
			const three = run(['validate', '--format', 'json', '--jobs', '3', mixed]);
			assert.equal(three.stdout, one.stdout);
			assert.equal(three.status, one.status);
			const reports = (JSON.parse(one.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] }).files;
			const codesOf = (suffix: string): Set<string> =>
				new Set(reports.filter((file) => file.path.endsWith(suffix)).flatMap((file) => file.diagnostics.map((d) => d.code)));
			assert.ok(codesOf('main.tf').has('destination-resource-type'), 'the Terraform files are checked');
			assert.ok(codesOf('template.yaml').has('destination-permissions'), 'the templates are checked');
		} finally {
			fs.rmSync(mixed, { recursive: true, force: true });
		}
	});

	it('refuses a --jobs that is not a whole number from 1 to 64', () => {
		for (const value of ['0', '65', '1.5', 'two', '']) {
			assert.equal(parseArgs(['validate', '--jobs', value, 'x']).kind, 'usage-error', value);
		}
		assert.deepEqual(parseArgs(['validate', '--jobs=4', 'x']), { kind: 'validate', format: 'text', maxFileSizeMB: 64, jobs: 4, paths: ['x'] });
	});
});

describe('validating a run in order (validatePool)', () => {
	it('delivers 100,000 outcomes in file order, streaming, while holding a few batches only', async () => {
		const files: FoundFile[] = Array.from({ length: 100_000 }, (_, i) => ({ path: `f${i}`, sniff: false }));
		let delivered = 0;
		let handedOut = 0;
		let mostHeld = 0;
		let deliveredBeforeLastHandedOut = false;
		const worker = (): BatchWorker => ({
			validate: async (batch) => {
				handedOut += batch.length;
				// Workers finish out of order.
				await sleep(Math.random() * 2);
				return batch.map(reportOf);
			},
			stop: () => undefined,
		});
		await validateInOrder(
			files,
			{
				jobs: 3,
				batchSize: 64,
				workersAfterMs: 0,
				validateHere: (file) => (handedOut++, reportOf(file)),
				startWorker: worker,
				outputReady: () => Promise.resolve(),
			},
			(file, outcome) => {
				assert.equal(file.path, `f${delivered}`);
				assert.equal(outcome.status === 'report' && outcome.report.path, file.path);
				delivered++;
				mostHeld = Math.max(mostHeld, handedOut - delivered);
				deliveredBeforeLastHandedOut ||= handedOut < files.length;
			},
		);
		assert.equal(delivered, files.length);
		assert.ok(deliveredBeforeLastHandedOut, 'output starts before the last files are validated');
		// 4 batches ahead per thread, 3 threads, and the one being handed out: the outcomes held never approach the run's size.
		assert.ok(mostHeld <= 13 * 64, `held up to ${mostHeld} outcomes`);
	});

	it('validates here the batch of a worker that failed', async () => {
		const files: FoundFile[] = Array.from({ length: 500 }, (_, i) => ({ path: `f${i}`, sniff: false }));
		const paths: string[] = [];
		await validateInOrder(
			files,
			{
				jobs: 2,
				batchSize: 10,
				workersAfterMs: 0,
				validateHere: reportOf,
				startWorker: () => ({ validate: () => Promise.reject(new Error('worker crashed')), stop: () => undefined }),
				outputReady: () => Promise.resolve(),
			},
			(file) => paths.push(file.path),
		);
		assert.deepEqual(
			paths,
			files.map((f) => f.path),
		);
	});
});

describe('streamed output', () => {
	const reports: FileReport[] = [
		{
			path: 'a.json',
			kind: 'failure-record',
			diagnostics: [{ line: 1, column: 2, endLine: 1, endColumn: 5, severity: 'error', code: 'unknown-field', message: 'Unknown "x".' }],
		},
		{ path: 'dir/b.jsonl', kind: 'unknown', diagnostics: [], skipped: 'binary' },
		{
			path: 'c.json',
			kind: 'esm-request',
			diagnostics: [{ line: 3, column: 1, endLine: 4, endColumn: 2, severity: 'warning', code: 'w', message: 'two\nlines' }],
		},
	];
	const sarif = { version: '9.9.9', codes: allDiagnosticCodes(), cwd: process.cwd() };
	const whole: Record<OutputFormat, (list: FileReport[]) => string> = {
		text: (list) => formatText(list, false),
		json: formatJson,
		sarif: (list) => formatSarif(list, sarif),
	};
	for (const format of ['text', 'json', 'sarif'] as const) {
		it(`writes ${format} exactly as the whole-list formatter, for none, one and several files`, () => {
			for (const list of [[], reports.slice(0, 1), reports.slice(1, 2), reports]) {
				let out = '';
				const stream = reportStream(format, (text) => (out += text), { color: false, sarif });
				list.forEach((report) => stream.add(report));
				stream.end();
				assert.equal(out, whole[format](list));
			}
		});
	}
});
