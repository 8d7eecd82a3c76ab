// The same protocol tests against startServer inside the test process: no bundle, no child process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerTimers } from '../../server/src/lsp/serverRuntime';
import { nodeRuntime, nodeTimers } from '../../server/src/node/nodeRuntime';
import { LspTestClient } from './lspClient';
import { serverProtocolTests } from './serverProtocol';

serverProtocolTests('in-process');

describe('language server runtime (in-process)', () => {
	it("reports the runtime's version and schedules its work on the runtime's timers", async () => {
		const calls: string[] = [];
		const timers: ServerTimers = {
			setImmediate: (callback) => (calls.push('setImmediate'), nodeTimers.setImmediate(callback)),
			setTimeout: (callback, ms, options) => (
				calls.push(`setTimeout ${ms}${options?.background ? ' background' : ''}`),
				nodeTimers.setTimeout(callback, ms, options)
			),
		};
		const { client, result } = await LspTestClient.start({ transport: 'in-process', runtime: { ...nodeRuntime(), timers, version: '9.9.9-test' } });
		try {
			assert.equal(result.serverInfo?.version, '9.9.9-test');
			const uri = 'file:///work/runtime.destination.json';
			await client.open(uri, '{"OnFailure": {"Destinaton": ""}}');
			const published = await client.diagnosticsFor(uri);
			assert.ok(published.diagnostics.some((d) => d.code === 'unknown-field'));
			// The schema warm-up after `initialized`, and the validation of the opened document.
			assert.ok(calls.includes('setTimeout 2000 background'), calls.join(', '));
			assert.ok(calls.includes('setImmediate'), calls.join(', '));
		} finally {
			await client.stop();
		}
	});
});
