/**
 * What the server holds for a large document is released when it is closed (issue 16, target 5):
 * its text, the parse hover and completion read (with its position indexes), the analysis, the edit
 * log, and whatever the validation worker was handed. The server's live heap (a heap snapshot after
 * a full collection) must come back to what it was before the document was opened.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixture } from '../helpers';
import { liveHeapKb, serverWithHeapSnapshots, sleep } from './serverMemory';

const MB = 1024 * 1024;

/** An S3 failure record of about `megabytes` MB, most of it inside its escaped payload. */
function bigRecord(megabytes: number): string {
	const record = JSON.parse(fixture('records/s3-record-string.json')) as { payload: string };
	const event = JSON.parse(record.payload) as { records: Record<string, { value: string }[]> };
	const partition = Object.values(event.records)[0];
	const template = partition[0];
	const count = Math.floor((megabytes * MB) / 2000);
	for (let i = 1; i < count; i++) {
		partition.push({ ...template, value: Buffer.alloc(1400, `record-${i}-`).toString('base64') });
	}
	record.payload = JSON.stringify(event);
	return JSON.stringify(record, null, 2);
}

describe('closing a large document', () => {
	const server = serverWithHeapSnapshots();

	it('releases everything the server held for it', async (t) => {
		const { client, snapshots } = server;
		// Everything loaded once (code paths, schemas) on a small document first: it stays loaded.
		const warmUri = 'file:///work/release/warm.record.json';
		await client.open(warmUri, fixture('records/s3-record-string.json'));
		await client.diagnosticsFor(warmUri, () => true, 30_000);
		await client.hover(warmUri, 3, 5);
		await client.close(warmUri);
		await sleep(300);
		const before = await liveHeapKb(client.pid!, snapshots);

		const uri = 'file:///work/release/big.record.json';
		const text = bigRecord(12);
		const document = TextDocument.create(uri, 'json', 1, text);
		await client.open(uri, text);
		await client.diagnosticsFor(uri, (p) => p.version === 1, 60_000);
		// A hover deep in the payload, an edit (read through the edit log), and another hover.
		const inPayload = document.positionAt(Math.floor(text.length * 0.7));
		assert.ok(await client.hover(uri, inPayload.line, inPayload.character));
		const start = document.positionAt(text.indexOf('"payload"'));
		await client.change(uri, 2, [{ range: { start, end: start }, text: ' ' }]);
		await client.hover(uri, inPayload.line, inPayload.character + 1);
		await client.diagnosticsFor(uri, (p) => p.version === 2, 60_000);
		const open = await liveHeapKb(client.pid!, snapshots);

		await client.close(uri);
		// Past the delay after which the server re-parses a document validated in the worker.
		await sleep(1_500);
		const after = await liveHeapKb(client.pid!, snapshots);
		const sizeKb = text.length / 1024;
		t.diagnostic(
			`live heap ${(before / 1024).toFixed(1)} MB before, ${(open / 1024).toFixed(1)} MB open, ${(after / 1024).toFixed(1)} MB after closing (${(sizeKb / 1024).toFixed(1)} MB document)`,
		);
		assert.ok(open - before > sizeKb, `the open document is held (${((open - before) / 1024).toFixed(1)} MB)`);
		// What stays is code and caches warmed by the big document (about 0.6 MB), not the document: a
		// copy of its text alone would be 100%.
		assert.ok(
			after - before < 0.15 * sizeKb,
			`the live heap was ${(before / 1024).toFixed(1)} MB before opening a ${(sizeKb / 1024).toFixed(0)} MB document, ${(open / 1024).toFixed(1)} MB with it open, ${(after / 1024).toFixed(1)} MB after closing it`,
		);
	});
});
