/** Reading a process's memory for the load tests: the live heap of the server, and its resident memory. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { LspTestClient } from '../protocol/lspClient';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server's live heap in kB: it writes a heap snapshot on SIGUSR2 (after a full collection), and
 * the snapshot's objects are summed. Unlike the resident memory, this does not depend on when V8
 * last collected or gave memory back to the system.
 */
export async function liveHeapKb(pid: number, dir: string): Promise<number> {
	const before = new Set(fs.readdirSync(dir));
	process.kill(pid, 'SIGUSR2');
	for (let waited = 0; waited < 30_000; waited += 100) {
		await sleep(100);
		const file = fs.readdirSync(dir).find((name) => name.endsWith('.heapsnapshot') && !before.has(name));
		if (file) {
			// The snapshot is complete when it parses.
			try {
				const snapshot = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
				const fields = snapshot.snapshot.meta.node_fields;
				const selfSize = fields.indexOf('self_size');
				let bytes = 0;
				for (let i = selfSize; i < snapshot.nodes.length; i += fields.length) {
					bytes += snapshot.nodes[i];
				}
				fs.rmSync(path.join(dir, file));
				return bytes / 1024;
			} catch {
				// Still being written.
			}
		}
	}
	throw new Error('the server wrote no heap snapshot');
}

/** The process's resident memory now (VmRSS) or at its peak so far (VmHWM), in kB. */
export function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
	return Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
}

/**
 * A server for the suite around the call (started before its tests, stopped after), with the
 * default debounce (200 ms) as a user has it, writing heap snapshots for liveHeapKb.
 */
export function serverWithHeapSnapshots(): { readonly client: LspTestClient; readonly snapshots: string } {
	const snapshots = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-heap-'));
	let client: LspTestClient | undefined;
	before(async () => {
		({ client } = await LspTestClient.start({
			configuration: { validation: {} },
			nodeOptions: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`],
		}));
	});
	after(async () => {
		await client?.stop();
		fs.rmSync(snapshots, { recursive: true, force: true });
	});
	return {
		get client(): LspTestClient {
			if (!client) {
				throw new Error('the server is started before the tests');
			}
			return client;
		},
		snapshots,
	};
}
