/**
 * Reads `Content-Length` framed JSON-RPC messages from a byte stream (stdio, a pipe or a socket),
 * keeping as few copies of a large message alive at once as it can.
 *
 * vscode-jsonrpc's stream reader keeps the stream's chunks in a list, copies them into one buffer
 * when the message is complete, and decodes and parses it asynchronously while that buffer is still
 * referenced: opening a 40 MB document held the chunks, the joined buffer, the decoded message and
 * the document's text at once, about four times the text before the server had looked at it
 * (issue 16, target 5). Here each chunk is copied straight into a buffer of the announced length
 * (the chunk is garbage as soon as it is copied), the buffer is dropped as soon as it is decoded, and
 * the decoded message as soon as it is parsed. Messages are delivered synchronously, in order.
 *
 * A large body (a document's text) goes further: its bytes live in a buffer that is released the
 * moment the message is parsed, not when a collection finds it, and its long string literals are
 * decoded straight from those bytes (largeJsonBody.ts), so that the decoded message, a second copy
 * of the text, never exists. Only the text itself is left.
 */
import { constants } from 'node:buffer';
import type { DataCallback, Disposable, Message, MessageReader } from 'vscode-languageserver/node';
import { AbstractMessageReader } from '../lsp/lspValues';
import type { LargeBody } from './largeJsonBody';
import { parseLargeJsonBody } from './largeJsonBody';

/** Headers longer than this are not a language client talking: the stream is refused. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** The longest string this runtime makes (2^29 - 24 characters in Node 20): a longer message could not be decoded. */
const MAX_MESSAGE_BYTES = constants.MAX_STRING_LENGTH;
/** Bodies this long are read into a releasable buffer and parsed by largeJsonBody.ts. */
export const LARGE_BODY_BYTES = 1024 * 1024;

/** An ArrayBuffer that can shrink (ES2024; Node.js 20 has it, this project's TypeScript lib does not). */
interface ResizableArrayBuffer extends ArrayBuffer {
	resize(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

export interface ByteStream {
	on(event: 'data', listener: (chunk: Buffer) => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	on(event: 'close' | 'end', listener: () => void): unknown;
	off(event: 'data', listener: (chunk: Buffer) => void): unknown;
}

export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
	/** Header bytes of the next message, while its header is incomplete. */
	private headerParts: Buffer[] = [];
	private headerBytes = 0;
	/** The body of the message being received, and how much of it has arrived. */
	private body: Buffer | undefined;
	/** A large body's memory, given back by shrinking it to nothing once the body is parsed. */
	private bodyMemory: ResizableArrayBuffer | undefined;
	private received = 0;
	/** After a framing error nothing more is read: the stream's position in the protocol is lost. */
	private broken = false;

	constructor(
		private readonly stream: ByteStream,
		/** How a large body is parsed in place (tests watch it). */
		private readonly parseLarge: (body: Buffer) => LargeBody | undefined = parseLargeJsonBody,
	) {
		super();
	}

	listen(callback: DataCallback): Disposable {
		const onData = (chunk: Buffer): void => this.onData(chunk, callback);
		this.stream.on('data', onData);
		this.stream.on('error', (error) => this.fireError(error));
		this.stream.on('close', () => this.fireClose());
		return { dispose: () => this.stream.off('data', onData) };
	}

	private onData(chunk: Buffer, callback: DataCallback): void {
		let offset = 0;
		while (offset < chunk.length && !this.broken) {
			if (this.body === undefined) {
				offset = this.readHeader(chunk, offset);
			} else {
				const count = Math.min(this.body.length - this.received, chunk.length - offset);
				chunk.copy(this.body, this.received, offset, offset + count);
				this.received += count;
				offset += count;
			}
			if (this.body !== undefined && this.received === this.body.length) {
				this.deliver(callback);
			}
		}
	}

	/** Consumes header bytes from `offset`; returns where the body (or the rest of the chunk) starts. */
	private readHeader(chunk: Buffer, offset: number): number {
		// Usually the header is whole in one chunk; when it was split, search the kept bytes and this chunk's start together.
		const carried = this.headerParts.length > 0 ? Buffer.concat(this.headerParts) : undefined;
		const searched = carried ? Buffer.concat([carried, chunk.subarray(offset, offset + MAX_HEADER_BYTES)]) : chunk;
		const from = carried ? 0 : offset;
		const end = searched.indexOf(HEADER_END, from);
		if (end < 0) {
			this.keepHeaderBytes(chunk.subarray(offset));
			return chunk.length;
		}
		const header = searched.toString('ascii', from, end);
		this.headerParts = [];
		this.headerBytes = 0;
		const length = contentLength(header);
		if (typeof length === 'string') {
			this.refuse(length);
			return chunk.length;
		}
		if (length > MAX_MESSAGE_BYTES) {
			// The log's text, English like the rest of the log. l10n-ignore
			this.refuse(`a message of ${length} bytes, longer than the longest text this runtime can hold (${MAX_MESSAGE_BYTES})`);
			return chunk.length;
		}
		if (length >= LARGE_BODY_BYTES) {
			this.bodyMemory = new ResizableArrayBuffer(length, { maxByteLength: length });
			this.body = Buffer.from(this.bodyMemory);
		} else {
			this.body = Buffer.allocUnsafe(length);
		}
		this.received = 0;
		return carried ? offset + end + HEADER_END.length - carried.length : end + HEADER_END.length;
	}

	private keepHeaderBytes(part: Buffer): void {
		this.headerBytes += part.length;
		if (this.headerBytes > MAX_HEADER_BYTES) {
			// The log's text, English like the rest of the log. l10n-ignore
			this.refuse(`a message header longer than ${MAX_HEADER_BYTES} bytes`);
			return;
		}
		// Copied: a subarray would keep the whole (64 KB) chunk alive.
		this.headerParts.push(Buffer.from(part));
	}

	private deliver(callback: DataCallback): void {
		const bytes = this.body;
		const memory = this.bodyMemory;
		this.body = undefined;
		this.bodyMemory = undefined;
		if (bytes === undefined) {
			return;
		}
		let message: Message;
		try {
			message = parseBody(bytes, memory, this.parseLarge) as Message;
		} catch (error) {
			// Reported in the log, which stays English. l10n-ignore
			this.fireError(new Error(`A message is not valid JSON: ${(error as Error).message}`));
			return;
		} finally {
			// The bytes' memory goes back now rather than when a collection finds the buffer.
			memory?.resize(0);
		}
		try {
			callback(message);
		} catch (error) {
			// The connection answers a message's own failure; whatever escapes must not stop the stream.
			this.fireError(error instanceof Error ? error : new Error(String(error)));
		}
	}

	private refuse(problem: string): void {
		this.broken = true;
		this.body = undefined;
		this.bodyMemory?.resize(0);
		this.bodyMemory = undefined;
		this.headerParts = [];
		// Reported in the log, which stays English. l10n-ignore
		this.fireError(new Error(`The message stream was refused: ${problem}.`));
	}
}

/**
 * The body's value. Each form is dropped as soon as the next exists: the decoded message becomes
 * garbage while it is parsed. A large body skips that form when it can (largeJsonBody.ts).
 */
function parseBody(bytes: Buffer, memory: ResizableArrayBuffer | undefined, parseLarge: (body: Buffer) => LargeBody | undefined): unknown {
	if (memory !== undefined) {
		const large = parseLarge(bytes);
		if (large !== undefined) {
			return large.value;
		}
	}
	return JSON.parse(bytes.toString('utf8'));
}

/** The body length a header announces, or what is wrong with it. */
export function contentLength(header: string): number | string {
	let length: number | undefined;
	for (const line of header.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon < 0) {
			// The log's text, English like the rest of the log. l10n-ignore
			return `a header line without ':' (${JSON.stringify(line.slice(0, 80))})`;
		}
		const name = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		if (name === 'content-length') {
			if (!/^\d{1,15}$/.test(value)) {
				// The log's text, English like the rest of the log. l10n-ignore
				return `a Content-Length that is not a number (${JSON.stringify(value.slice(0, 40))})`;
			}
			length = Number(value);
		} else if (name === 'content-type' && !/charset\s*=\s*"?utf-?8"?\s*(;|$)/i.test(value) && /charset/i.test(value)) {
			// The log's text, English like the rest of the log. l10n-ignore
			return `a charset other than UTF-8 (${JSON.stringify(value.slice(0, 80))})`;
		}
	}
	// The log's text, English like the rest of the log. l10n-ignore
	return length ?? 'a header without Content-Length';
}
