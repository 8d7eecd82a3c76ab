/**
 * The server's stdio message reader (issue 16, target 5): the same messages as vscode-jsonrpc's
 * reader however the stream cuts them, in order, and a clear error for a stream that is not a
 * language client talking.
 */
import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { contentLength, FramedMessageReader } from '../../server/src/node/framedMessageReader';

function frame(message: object, header = (length: number) => `Content-Length: ${length}\r\n\r\n`): Buffer {
	const body = Buffer.from(JSON.stringify(message), 'utf8');
	return Buffer.concat([Buffer.from(header(body.length), 'ascii'), body]);
}

/** Feeds `bytes` to a reader in chunks of the given sizes (the last size repeats). */
function read(bytes: Buffer, chunkSizes: number[]): { messages: unknown[]; errors: string[]; closed: () => boolean } {
	const stream = new EventEmitter();
	const reader = new FramedMessageReader(stream);
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

describe('contentLength', () => {
	it('reads the length and refuses what is not a number or not UTF-8', () => {
		assert.equal(contentLength('Content-Length: 42'), 42);
		assert.equal(contentLength('Content-Type: application/vscode-jsonrpc; charset=utf8\r\nContent-Length:7'), 7);
		assert.equal(contentLength('Content-Length: 4x'), 'a Content-Length that is not a number ("4x")');
		assert.equal(contentLength('Content-Length: 1\r\nContent-Type: text/plain; charset=latin1'), 'a charset other than UTF-8 ("text/plain; charset=latin1")');
		assert.equal(contentLength('no colon'), 'a header line without \':\' ("no colon")');
	});
});
