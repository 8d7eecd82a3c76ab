/**
 * The validation thread asks the server thread for a text it let go of, synchronously
 * (workerTextChannel.ts): it gets the text of the job it names, an error for a job that is no
 * longer under way, and an error instead of waiting for ever when no answer comes.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { TextChannelEnd } from '../../server/src/node/workerTextChannel';
import { openTextChannel } from '../../server/src/node/workerTextChannel';
import { repoRoot } from '../helpers';

const channelModule = path.join(repoRoot(), 'out', 'server', 'src', 'node', 'workerTextChannel.js');

/** Runs fetchText for each job in a real thread; resolves with the texts or error messages it got. */
function fetchInThread(end: TextChannelEnd, jobs: number[], timeoutMs: number | number[], started?: (worker: Worker) => void): Promise<string[]> {
	const program = `
		const { workerData, parentPort } = require('node:worker_threads');
		const { fetchText } = require(${JSON.stringify(channelModule)});
		const results = workerData.jobs.map((job, i) => {
			try {
				const timeout = Array.isArray(workerData.timeoutMs) ? workerData.timeoutMs[i] : workerData.timeoutMs;
				const text = fetchText(workerData.end, job, timeout);
				return typeof text === 'string' ? text : 'pieces:' + text.join('|');
			} catch (error) {
				return 'error:' + error.message;
			}
		});
		parentPort.postMessage(results);`;
	const worker = new Worker(program, { eval: true, workerData: { end, jobs, timeoutMs }, transferList: [end.port] });
	started?.(worker);
	return new Promise((resolve, reject) => {
		worker.once('message', (results: string[]) => {
			void worker.terminate();
			resolve(results);
		});
		worker.once('error', reject);
	});
}

describe('workerTextChannel', () => {
	it('brings back the text of the job named, as a string or as pieces, and refuses a job no longer under way', async () => {
		const asked: number[] = [];
		const channel = openTextChannel((job) => {
			asked.push(job);
			return job === 1 ? '{"a": 1}' : job === 2 ? ['{"a"', ': 2}'] : undefined;
		});
		try {
			const results = await fetchInThread(channel.end, [1, 2, 3], 10_000);
			assert.deepEqual(results, ['{"a": 1}', 'pieces:{"a"|: 2}', 'error:the document changed while it was validated: its text is no longer available']);
			assert.deepEqual(asked, [1, 2, 3]);
		} finally {
			channel.close();
		}
	});

	it('skips an answer that came too late for an earlier ask and returns the one asked for', async () => {
		const channel = openTextChannel((job) => `text of ${job}`);
		try {
			// The first ask waits 200 ms while this thread is busy for longer, so its answer comes late;
			// the second ask (which waits longer) finds that stale answer on the port before its own.
			const results = fetchInThread(channel.end, [1, 2], [200, 10_000], (worker) =>
				worker.once('online', () => {
					const until = Date.now() + 700;
					while (Date.now() < until) {
						// Busy: no answer from this thread until the first ask has timed out.
					}
				}),
			);
			assert.deepEqual(await results, ["error:the server thread did not send the document's text within 200 ms", 'text of 2']);
		} finally {
			channel.close();
		}
	});

	it('gives up with an error when the server thread does not answer', async () => {
		// A channel whose other end nobody listens to, and a flag nobody raises.
		const { port1, port2 } = new MessageChannel();
		const end: TextChannelEnd = { port: port2, signal: new Int32Array(new SharedArrayBuffer(4)) };
		const started = Date.now();
		const results = await fetchInThread(end, [7], 300);
		assert.deepEqual(results, ["error:the server thread did not send the document's text within 300 ms"]);
		assert.ok(Date.now() - started >= 300);
		port1.close();
	});
});
