/**
 * The CLI's file reading (server/src/cli/readSource.ts): a small file is read in one go without a
 * stat, a larger one by its size; both must give the file's exact text, and the size limit must
 * hold on either side of the scratch buffer's size.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readSource } from '../../server/src/cli/readSource';

describe('readSource', () => {
	let tmp = '';
	before(() => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-read-'));
	});
	after(() => {
		fs.rmSync(tmp, { recursive: true, force: true });
	});
	const fileOf = (name: string, content: string | Buffer): { path: string; sniff: boolean } => {
		const file = path.join(tmp, name);
		fs.writeFileSync(file, content);
		return { path: file, sniff: false };
	};

	it('reads files below, at and above the scratch buffer size exactly, one after another', () => {
		for (const size of [0, 1, 100, 65_535, 65_536, 65_537, 200_000]) {
			// Multi-byte characters straddle the buffer's end in the larger files.
			const text = `{"k":"${'é'.repeat(Math.max(0, Math.floor((size - 8) / 2)))}"}`.slice(0, size === 0 ? 0 : undefined);
			assert.deepEqual(readSource(fileOf(`f${size}.json`, text)), { status: 'text', text }, `size ${size}`);
		}
	});

	it('reports a small file over the limit as too large, with its head and size', () => {
		const text = `{"requestContext": {}, "pad": "${'x'.repeat(100)}"}`;
		const source = readSource(fileOf('small-over.json', text), 50);
		assert.deepEqual(source, { status: 'too-large', size: Buffer.byteLength(text), head: text });
	});

	it('reports NUL bytes and invalid UTF-8 as binary, whichever way the file was read', () => {
		assert.deepEqual(readSource(fileOf('nul.json', Buffer.from([0x7b, 0x00, 0x7d]))), { status: 'binary' });
		const large = Buffer.alloc(100_000, 0x20);
		large[99_000] = 0xff;
		assert.deepEqual(readSource(fileOf('bad-utf8.json', large)), { status: 'binary' });
	});
});
