/**
 * The server's stdio message reader (issue 16, target 5): the same messages as vscode-jsonrpc's
 * reader however the stream cuts them, in order, and a clear error for a stream that is not a
 * language client talking.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { contentLength, FramedMessageReader, LARGE_BODY_BYTES } from '../../server/src/node/framedMessageReader';
import { parseLargeJsonBody } from '../../server/src/node/largeJsonBody';
import { repoRoot } from '../helpers';

function frame(message: object, header = (length: number) => `Content-Length: ${length}\r\n\r\n`): Buffer {
	const body = Buffer.from(JSON.stringify(message), 'utf8');
	return Buffer.concat([Buffer.from(header(body.length), 'ascii'), body]);
}

/** Feeds `bytes` to a reader in chunks of the given sizes (the last size repeats). */
function read(
	bytes: Buffer,
	chunkSizes: number[],
	parseLarge?: ConstructorParameters<typeof FramedMessageReader>[1],
): { messages: unknown[]; errors: string[]; closed: () => boolean } {
	const stream = new EventEmitter();
	const reader = new FramedMessageReader(stream, parseLarge);
	const messages: unknown[] = [];
	const errors: string[] = [];
	let closed = false;
	reader.onError((error) => errors.push(error.message));
	reader.onClose(() => {
		closed = true;
	});
	reader.listen((message) => messages.push(message));
	let offset = 0;
	for (let i = 0; offset < bytes.length; i++) {
		const size = chunkSizes[Math.min(i, chunkSizes.length - 1)];
		stream.emit('data', bytes.subarray(offset, offset + size));
		offset += size;
	}
	stream.emit('close');
	return { messages, errors, closed: () => closed };
}

const OPEN = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.json', text: '{\n  "é": "日本語 🐟"\n}' } } };
const REQUEST = { jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { position: { line: 0, character: 1 } } };

describe('FramedMessageReader', () => {
	const stream = Buffer.concat([frame(OPEN), frame(REQUEST), frame({ jsonrpc: '2.0', method: 'exit' })]);

	it('reads messages whole, in order, however the stream is cut (every chunk size from 1 to the whole stream)', () => {
		for (const size of [1, 2, 3, 4, 5, 7, 13, 31, 64, 100, stream.length]) {
			const { messages, errors } = read(stream, [size]);
			assert.deepEqual(errors, [], `chunks of ${size}`);
			assert.deepEqual(messages, [OPEN, REQUEST, { jsonrpc: '2.0', method: 'exit' }], `chunks of ${size}`);
		}
	});

	it('finds a header whose blank line is split across chunks at each of its bytes', () => {
		const headerEnd = stream.indexOf('\r\n\r\n');
		for (let cut = headerEnd; cut <= headerEnd + 4; cut++) {
			const { messages } = read(stream, [cut, stream.length]);
			assert.deepEqual(messages[0], OPEN, `cut at ${cut}`);
			assert.equal(messages.length, 3);
		}
	});

	it('keeps a multi-byte character split across chunks intact', () => {
		const emoji = stream.indexOf(Buffer.from('🐟'));
		const { messages } = read(stream, [emoji + 2, stream.length]);
		assert.deepEqual(messages[0], OPEN);
	});

	it('accepts other headers and a UTF-8 Content-Type, in any case', () => {
		const framed = frame(REQUEST, (length) => `content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH: ${length}\r\n\r\n`);
		assert.deepEqual(read(framed, [framed.length]).messages, [REQUEST]);
	});

	it('reports a body that is not JSON and goes on with the next message', () => {
		const broken = Buffer.concat([Buffer.from('Content-Length: 5\r\n\r\n{"a":'), frame(REQUEST)]);
		const { messages, errors } = read(broken, [3]);
		assert.deepEqual(messages, [REQUEST]);
		assert.equal(errors.length, 1);
		assert.match(errors[0], /^A message is not valid JSON: /);
	});

	it('refuses a stream without Content-Length and reads nothing after it', () => {
		const bad = Buffer.concat([Buffer.from('X-Other: 1\r\n\r\n{}'), frame(REQUEST)]);
		const { messages, errors } = read(bad, [bad.length]);
		assert.deepEqual(messages, []);
		assert.deepEqual(errors, ['The message stream was refused: a header without Content-Length.']);
	});

	it('refuses a header that never ends instead of collecting it', () => {
		const endless = Buffer.alloc(70 * 1024, 'a');
		const { messages, errors } = read(endless, [1024]);
		assert.deepEqual(messages, []);
		assert.deepEqual(errors, ['The message stream was refused: a message header longer than 65536 bytes.']);
	});

	it('refuses a length no string could hold without allocating it', () => {
		const huge = Buffer.from('Content-Length: 999999999999\r\n\r\n{}');
		const { errors } = read(huge, [huge.length]);
		assert.match(errors[0], /^The message stream was refused: a message of 999999999999 bytes, longer than the longest text this runtime can hold \(\d+\)\.$/);
	});

	it('reports a callback that throws and goes on reading', () => {
		const emitter = new EventEmitter();
		const reader = new FramedMessageReader(emitter);
		const errors: string[] = [];
		const seen: unknown[] = [];
		reader.onError((error) => errors.push(error.message));
		reader.listen((message) => {
			seen.push(message);
			if (seen.length === 1) {
				throw new Error('handler failed');
			}
		});
		emitter.emit('data', stream);
		assert.equal(seen.length, 3);
		assert.deepEqual(errors, ['handler failed']);
	});

	it('fires close when the stream closes, and stops reading when disposed', () => {
		const emitter = new EventEmitter();
		const reader = new FramedMessageReader(emitter);
		const seen: unknown[] = [];
		let closed = false;
		reader.onClose(() => {
			closed = true;
		});
		const listening = reader.listen((message) => seen.push(message));
		emitter.emit('data', frame(REQUEST));
		listening.dispose();
		emitter.emit('data', frame(REQUEST));
		emitter.emit('close');
		assert.equal(seen.length, 1);
		assert.equal(closed, true);
	});
});

describe('FramedMessageReader with large bodies', () => {
	const large = (text: string, id: number) => ({
		jsonrpc: '2.0',
		method: 'textDocument/didOpen',
		params: { textDocument: { uri: `file:///${id}.json`, version: id, text } },
	});
	const text = '{\n  "payload": "{\\"k\\": \\"日本語 🐟 é\\"}",\t"x": "\\u0000"\n}\n'.repeat(40_000);

	it(`reads bodies over ${LARGE_BODY_BYTES} bytes exactly, in place or the usual way (a lone surrogate), however the stream is cut`, () => {
		assert.ok(Buffer.byteLength(JSON.stringify(large(text, 1))) > LARGE_BODY_BYTES);
		const lone = `${text}\ud800${text}`;
		const stream = Buffer.concat([frame(large(text, 1)), frame(REQUEST), frame(large(lone, 2))]);
		for (const size of [65_536, 1_000_003, stream.length]) {
			// Which bodies the in-place path took: the first; the third (a lone surrogate) went the usual way.
			const taken: boolean[] = [];
			const { messages, errors } = read(stream, [size], (bytes) => {
				const result = parseLargeJsonBody(bytes);
				taken.push(result !== undefined);
				return result;
			});
			assert.deepEqual(taken, [true, false], `chunks of ${size}`);
			assert.deepEqual(errors, [], `chunks of ${size}`);
			assert.equal(messages.length, 3);
			assert.deepEqual(messages[0], large(text, 1));
			assert.deepEqual(messages[1], REQUEST);
			assert.equal((messages[2] as ReturnType<typeof large>).params.textDocument.text, lone);
		}
	});

	it('reports a large body that is not JSON, in either path, and reads the next message', () => {
		const bodies = [
			// The rest of the message is fine; the long literal holds a raw line break.
			`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"text":"${'a'.repeat(LARGE_BODY_BYTES)}\n"}}}`,
			// The rest of the message is not JSON.
			`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"text":"${'a'.repeat(LARGE_BODY_BYTES)}"}},}`,
		];
		for (const body of bodies) {
			const framed = Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`), frame(REQUEST)]);
			const { messages, errors } = read(framed, [65_536]);
			assert.equal(errors.length, 1);
			assert.match(errors[0], /^A message is not valid JSON: /);
			assert.deepEqual(messages, [REQUEST]);
		}
	});
});

describe('stdinBytes', () => {
	const transport = path.join(repoRoot(), 'out', 'server', 'src', 'node', 'stdioTransport.js');
	// A child process reads its stdin through stdinBytes and reports what it got.
	const program = `
		const { createHash } = require('node:crypto');
		const input = require(${JSON.stringify(transport)}).stdinBytes();
		const hash = createHash('sha256');
		const buffers = new Set();
		let bytes = 0;
		input.on('data', (chunk) => { buffers.add(chunk.buffer); bytes += chunk.length; hash.update(chunk); });
		input.on('end', () => process.stdout.write(JSON.stringify({ bytes, sha256: hash.digest('hex'), buffers: buffers.size })));`;
	const data = Buffer.alloc(3 * 1024 * 1024);
	for (let i = 0; i < data.length; i++) {
		data[i] = (i * 7919) % 251;
	}
	const sha256 = createHash('sha256').update(data).digest('hex');

	it('reads a pipe into one reused buffer, every byte in order, from the first data listener on', () => {
		for (const delay of [0, 300]) {
			// The listeners are added after `delay` ms: nothing written before is lost.
			const delayed = `setTimeout(() => { ${program} }, ${delay});`;
			const child = spawnSync(process.execPath, ['-e', delayed], { input: data, encoding: 'utf8', timeout: 20_000 });
			assert.equal(child.status, 0, child.stderr);
			assert.deepEqual(JSON.parse(child.stdout), { bytes: data.length, sha256, buffers: 1 }, `listening after ${delay} ms`);
		}
	});

	it('reads a file through process.stdin as usual', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdin-'));
		try {
			const file = path.join(dir, 'input.bin');
			fs.writeFileSync(file, data);
			const fd = fs.openSync(file, 'r');
			try {
				const child = spawnSync(process.execPath, ['-e', program], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', timeout: 20_000 });
				assert.equal(child.status, 0, child.stderr);
				const report = JSON.parse(child.stdout) as { bytes: number; sha256: string; buffers: number };
				assert.deepEqual({ bytes: report.bytes, sha256: report.sha256 }, { bytes: data.length, sha256 });
				assert.ok(report.buffers > 1, 'a new buffer per read');
			} finally {
				fs.closeSync(fd);
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('contentLength', () => {
	it('reads the length and refuses what is not a number or not UTF-8', () => {
		assert.equal(contentLength('Content-Length: 42'), 42);
		assert.equal(contentLength('Content-Type: application/vscode-jsonrpc; charset=utf8\r\nContent-Length:7'), 7);
		assert.equal(contentLength('Content-Length: 4x'), 'a Content-Length that is not a number ("4x")');
		assert.equal(contentLength('Content-Length: 1\r\nContent-Type: text/plain; charset=latin1'), 'a charset other than UTF-8 ("text/plain; charset=latin1")');
		assert.equal(contentLength('no colon'), 'a header line without \':\' ("no colon")');
	});
});
