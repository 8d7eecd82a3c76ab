/**
 * The reader for `--stdio`: our framed reader over stdin (server/src/node/framedMessageReader.ts);
 * main.ts pairs it with vscode-jsonrpc's writer over stdout. Other transports (`--node-ipc`,
 * `--socket`, `--pipe`) stay as vscode-languageserver sets them up from the arguments.
 */
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { MessageReader } from 'vscode-languageserver/node';
import type { ByteStream } from './framedMessageReader';
import { FramedMessageReader } from './framedMessageReader';

/** The one buffer stdin is read into when it is a pipe or a socket. */
const READ_BUFFER_BYTES = 64 * 1024;

export function stdioReader(argv: readonly string[], shutdownReceived: () => boolean): MessageReader | undefined {
	if (!argv.includes('--stdio')) {
		return undefined;
	}
	const input = stdinBytes();
	// What the library does for --stdio: when the editor closes our input, the server is done.
	const exit = (): never => process.exit(shutdownReceived() ? 0 : 1);
	input.on('end', exit);
	input.on('close', exit);
	return new FramedMessageReader(input);
}

/**
 * Standard input's bytes. A language client gives us a pipe (or a socket), which is read into one
 * buffer reused for every read: `process.stdin` allocates a new 64 KiB buffer per read, and
 * opening a 40 MB document left about 30 MB of them for the next collection, on top of the text
 * (issue 16, target 5). FramedMessageReader copies what it needs of each chunk before the next
 * read. Reading starts when the first `data` listener is added, as with `process.stdin`, so that
 * nothing read is lost. Anything else (a file, a terminal) is read through `process.stdin`.
 */
export function stdinBytes(fd = 0): ByteStream & EventEmitter {
	if (!isPipeOrSocket(fd)) {
		return process.stdin;
	}
	const bytes = new EventEmitter();
	const forward = (source: EventEmitter): void => {
		source.on('error', (error: Error) => bytes.emit('error', error));
		source.on('end', () => bytes.emit('end'));
		source.on('close', () => bytes.emit('close'));
	};
	const start = (event: string | symbol): void => {
		if (event !== 'data') {
			return;
		}
		bytes.off('newListener', start);
		const onread: OnRead = { buffer: Buffer.allocUnsafe(READ_BUFFER_BYTES), callback: (count, buffer) => void bytes.emit('data', buffer.subarray(0, count)) };
		try {
			forward(new net.Socket({ fd, readable: true, writable: false, onread } as net.SocketConstructorOpts));
		} catch {
			// A handle Node.js will not open as a stream socket here: read it the usual way.
			process.stdin.on('data', (chunk: Buffer) => bytes.emit('data', chunk));
			forward(process.stdin);
		}
	};
	bytes.on('newListener', start);
	return bytes;
}

/** `net.Socket`'s `onread` option (documented for the constructor; @types/node lists it only for connect). */
interface OnRead {
	buffer: Buffer;
	callback: (count: number, buffer: Buffer) => boolean | void;
}

function isPipeOrSocket(fd: number): boolean {
	try {
		const stat = fs.fstatSync(fd);
		return stat.isFIFO() || stat.isSocket();
	} catch {
		return false;
	}
}
