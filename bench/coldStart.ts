/**
 * Cold start (perf-anchors T7): how long a fresh process takes to produce the first diagnostics
 * of a 1 KB record. Measured three ways, each in new processes:
 * - `node -e 0`: Node's own start-up, the floor nobody can remove;
 * - the language server itself (dist/server.js over stdio): spawn -> `publishDiagnostics`, the
 *   figure a user waits for (library load + Ajv compilation in onInitialize + first analysis), with
 *   the V8 code cache the earlier starts left (server/src/node/codeCache.ts), and on its first start
 *   after an install or update (an empty cache, written at exit: its CPU time includes the writing);
 * - in-process (this bundle): the split between start-up + bundle load, schema compilation and
 *   the first analyzeDocument call.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDocument } from '../server/src/language/validation/analyzeDocument';
import { sharedSchemaRegistry } from '../server/src/node/schemaFiles';

export interface InProcessColdStart {
	/** Process start to the first line of our code: Node start-up plus loading the bundle. */
	loadMs: number;
	/** Reading and compiling the schemas with Ajv (SchemaRegistry.warmUp). */
	compileMs: number;
	firstCallMs: number;
	/** Process start to first diagnostics. */
	totalMs: number;
	problems: number;
}

/** Runs in a fresh child: `performance.now()` counts from the process's time origin. */
export function inProcessColdStart(text: string, fileName: string): InProcessColdStart {
	const loaded = performance.now();
	sharedSchemaRegistry().warmUp();
	const compiled = performance.now();
	const problems = analyzeDocument(text, { fileName }).problems.length;
	const done = performance.now();
	return { loadMs: loaded, compileMs: compiled - loaded, firstCallMs: done - compiled, totalMs: done, problems };
}

function elapsedMs(start: bigint): number {
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds from spawning `node -e 0` to its exit. */
export function nodeStartMs(): Promise<number> {
	return new Promise((resolve, reject) => {
		const start = process.hrtime.bigint();
		const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
		child.on('error', reject);
		child.on('exit', () => resolve(elapsedMs(start)));
	});
}

export interface ServerColdStart {
	/** Spawn to the `initialize` response (schemas are compiled inside initialize). */
	initializeMs: number;
	/** Spawn to the first `publishDiagnostics` of the opened document. */
	firstDiagnosticsMs: number;
	diagnostics: number;
	/** CPU time of the whole server process, start-up to exit (all threads), when measured. */
	cpuMs?: number;
}

interface RpcMessage {
	id?: number;
	method?: string;
	params?: { uri?: string; diagnostics?: unknown[] };
}

/** Reads Content-Length framed JSON-RPC messages from a byte stream. */
function messageReader(onMessage: (message: RpcMessage) => void): (chunk: Buffer) => void {
	let buffer = Buffer.alloc(0);
	return (chunk) => {
		buffer = Buffer.concat([buffer, chunk]);
		for (;;) {
			const headerEnd = buffer.indexOf('\r\n\r\n');
			if (headerEnd < 0) {
				return;
			}
			const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
			if (buffer.length < headerEnd + 4 + length) {
				return;
			}
			const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
			buffer = buffer.subarray(headerEnd + 4 + length);
			onMessage(JSON.parse(body) as RpcMessage);
		}
	};
}

function frame(message: object): string {
	const body = JSON.stringify({ jsonrpc: '2.0', ...message });
	return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Spawns the language server (with `env` added to ours), opens `text` and waits for its diagnostics. */
export function serverColdStart(serverPath: string, text: string, fileName: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 20_000): Promise<ServerColdStart> {
	// The CPU time of the process (bench/cpuReporter.ts, preloaded): steadier than wall time on a busy machine.
	const cpuReporter = path.join(path.dirname(serverPath), 'bench-cpu-reporter.js');
	const cpuFile = path.join(os.tmpdir(), `lambda-kafka-cold-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
	return new Promise((resolve, reject) => {
		const uri = `file:///bench/${fileName}`;
		const start = process.hrtime.bigint();
		const child = spawn(process.execPath, ['--require', cpuReporter, serverPath, '--stdio'], {
			stdio: ['pipe', 'pipe', 'ignore'],
			env: { ...process.env, ...env, CPU_REPORT_FILE: cpuFile },
		});
		let initializeMs = 0;
		let result: ServerColdStart | undefined;
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`No diagnostics from ${serverPath} within ${timeoutMs} ms`));
		}, timeoutMs);
		const send = (message: object): void => {
			child.stdin.write(frame(message));
		};
		child.on('error', reject);
		// Resolve only once the server is gone, so that the next measurement does not share the CPUs with it.
		child.on('exit', () => {
			clearTimeout(timer);
			if (result) {
				const cpuMs = fs.existsSync(cpuFile) ? Number(fs.readFileSync(cpuFile, 'utf8')) : undefined;
				fs.rmSync(cpuFile, { force: true });
				resolve({ ...result, cpuMs });
			} else {
				reject(new Error(`${serverPath} exited before publishing diagnostics`));
			}
		});
		child.stdout.on(
			'data',
			messageReader((message) => {
				if (message.id === 1) {
					initializeMs = elapsedMs(start);
					send({ method: 'initialized', params: {} });
					send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'json', version: 1, text } } });
				} else if (message.method === 'textDocument/publishDiagnostics' && message.params?.uri === uri) {
					result ??= { initializeMs, firstDiagnosticsMs: elapsedMs(start), diagnostics: message.params.diagnostics?.length ?? 0 };
					send({ id: 2, method: 'shutdown' });
					send({ method: 'exit' });
					child.stdin.end();
				}
			}),
		);
		send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
	});
}
