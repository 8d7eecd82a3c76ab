/**
 * The benchmark's rows measured on whole processes (issue 16, targets 4 and 5): the CLI on a
 * directory of 1,000 small files against a process that only reads and JSON.parses them, and the
 * server's peak memory while it opens a 40 MB record (transport included), and after closing it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from '../test/protocol/lspClient';
import { Prng, s3Record, sqsRecord } from './generate';

export interface CliRound {
	cliMs: number;
	readParseMs: number;
	/** CPU time of each process (all threads): steadier than wall time when other work shares the CPUs. */
	cliCpuMs: number;
	readParseCpuMs: number;
	files: number;
}

export interface MemoryRound {
	bytes: number;
	/** Growth of the server's peak resident memory while it received, parsed and validated the record. */
	peakGrowthBytes: number;
	/** Resident memory above the level before the open, once the document is closed again. */
	afterCloseBytes: number;
}

const CLI_FILES = 1_000;
const MEMORY_PAYLOAD_RECORDS = 25_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes the small files once (deterministic) and returns their directory. */
export function cliDirectory(workDir: string): string {
	const dir = path.join(workDir, 'cli-1k');
	if (fs.existsSync(path.join(dir, `record-${CLI_FILES - 1}.json`))) {
		return dir;
	}
	fs.mkdirSync(dir, { recursive: true });
	for (let i = 0; i < CLI_FILES; i++) {
		fs.writeFileSync(path.join(dir, `record-${i}.json`), `${JSON.stringify(sqsRecord(new Prng(7_000 + i), { partitions: 2 }), null, 2)}\n`);
	}
	return dir;
}

/** Wall and CPU milliseconds of a node process, its CPU time reported by the preloaded cpuReporter.ts. */
export function timeProcess(args: string[]): Promise<{ wallMs: number; cpuMs: number }> {
	const report = path.join(os.tmpdir(), `lambda-kafka-cpu-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(process.execPath, ['--require', path.join(__dirname, 'bench-cpu-reporter.js'), ...args], {
			stdio: 'ignore',
			env: { ...process.env, CPU_REPORT_FILE: report },
		});
		child.on('error', reject);
		child.on('exit', (code) => {
			const wallMs = performance.now() - start;
			if (code !== null && code > 1) {
				reject(new Error(`${args.join(' ')} exited with ${code}`));
				return;
			}
			const cpuMs = Number(fs.readFileSync(report, 'utf8'));
			fs.rmSync(report, { force: true });
			resolve({ wallMs, cpuMs });
		});
	});
}

const READ_AND_PARSE = `
const fs = require('fs'), path = require('path');
const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const f = path.join(dir, e.name); if (e.isDirectory()) walk(f); else JSON.parse(fs.readFileSync(f, 'utf8')); } };
walk(process.argv[1]);`;

/** One round: the CLI, then the read+parse floor, each a fresh process. */
export async function cliRound(cliPath: string, dir: string, extraArgs: string[] = []): Promise<CliRound> {
	const cli = await timeProcess([cliPath, 'validate', '--format', 'json', ...extraArgs, dir]);
	const readParse = await timeProcess(['-e', READ_AND_PARSE, dir]);
	return { cliMs: cli.wallMs, readParseMs: readParse.wallMs, cliCpuMs: cli.cpuMs, readParseCpuMs: readParse.cpuMs, files: CLI_FILES };
}

export function memoryDocument(): string {
	return `${JSON.stringify(s3Record(20_261_240, MEMORY_PAYLOAD_RECORDS, 'string'), null, 2)}\n`;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	return Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
}

export async function memoryRound(text: string): Promise<MemoryRound> {
	const { client } = await LspTestClient.start({ configuration: { validation: {} } });
	const pid = client.pid!;
	const uri = 'file:///bench/memory/huge.record.json';
	// Let start-up garbage settle, then start the peak counter from the present resident memory.
	await sleep(500);
	const before = statusKb(pid, 'VmRSS');
	fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
	await client.open(uri, text);
	await client.diagnosticsFor(uri, (p) => p.version === 1, 120_000);
	const peak = statusKb(pid, 'VmHWM');
	await client.close(uri);
	await sleep(1_000);
	const after = statusKb(pid, 'VmRSS');
	await client.stop();
	return { bytes: Buffer.byteLength(text), peakGrowthBytes: (peak - before) * 1024, afterCloseBytes: (after - before) * 1024 };
}
