/**
 * Reads one file as UTF-8 text. Binary content (a NUL byte or invalid UTF-8) is reported rather
 * than decoded, because replacement characters would turn it into confusing syntax errors.
 * The size is checked before anything is read: a file over the limit costs one small read of
 * its head (enough to tell its kind), never a buffer of its whole size.
 */
import * as l10n from '@vscode/l10n';
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import type { FoundFile } from './collectFiles';
import { describeIoError } from './ioError';

export type Source =
	| { status: 'text'; text: string }
	| { status: 'binary' }
	/** Found without an extension and does not start like JSON: not ours to validate. */
	| { status: 'not-json' }
	/** Over the size limit: only its first bytes were read. */
	| { status: 'too-large'; size: number; head: string }
	| { status: 'error'; message: string };

/** V8 strings hold at most 2^29 - 24 characters; stay below that with room to spare. */
export const READ_LIMIT_BYTES = 500 * 1024 * 1024;
const SNIFF_CHUNK = 4096;
/** As much as the validator looks at to name the kind of a file it will not validate. */
export const HEAD_BYTES = 4096;

/** Reads `file` unless it is over `limitBytes` (capped at what one string can hold). */
export function readSource(file: FoundFile, limitBytes = READ_LIMIT_BYTES): Source {
	try {
		// One open for the sniff, the size and the bytes: a separate stat by path cost a tenth of a small file's time.
		const fd = fs.openSync(file.path, 'r');
		let bytes: Buffer;
		try {
			if (file.sniff && !startsLikeJson(fd)) {
				return { status: 'not-json' };
			}
			// Most files are small: one read into a scratch buffer, and a short read (the end of a
			// regular file) means it is whole, with no stat at all. Its bytes are decoded below, before
			// the next file reuses the buffer.
			const small = fs.readSync(fd, scratch, 0, SCRATCH_BYTES, 0);
			if (small < SCRATCH_BYTES && small <= limitBytes) {
				return decoded(scratch.subarray(0, small));
			}
			const size = fs.fstatSync(fd).size;
			// The limit counts characters (UTF-16 code units), as the editor's does; a UTF-8 file may
			// have up to three bytes for each. Only a file between the two is counted, in chunks.
			if (size > READ_LIMIT_BYTES || (size > limitBytes && (size > 3 * limitBytes || utf16LengthExceeds(fd, limitBytes)))) {
				const head = readHead(fd);
				return head.includes(0) ? { status: 'binary' } : { status: 'too-large', size, head: head.toString('utf8') };
			}
			bytes = readAll(fd, size);
		} finally {
			fs.closeSync(fd);
		}
		return decoded(bytes);
	} catch (error) {
		return { status: 'error', message: l10n.t("cannot read '{0}': {1}", file.path, describeIoError(error)) };
	}
}

const SCRATCH_BYTES = 64 * 1024;
const scratch = Buffer.alloc(SCRATCH_BYTES);

function decoded(bytes: Buffer): Source {
	if (bytes.includes(0) || !isUtf8(bytes)) {
		return { status: 'binary' };
	}
	// A byte order mark is kept: the engine decides, by the document's kind, whether AWS would reject it.
	return { status: 'text', text: bytes.toString('utf8') };
}

const COUNT_CHUNK = 1024 * 1024;

/**
 * Whether the file, decoded from UTF-8, is longer than `limit` UTF-16 code units: every byte that
 * starts a character counts one, a four-byte character (a surrogate pair) two. Read in chunks and
 * stopped as soon as the answer is known, so memory stays at one chunk.
 */
function utf16LengthExceeds(fd: number, limit: number): boolean {
	const chunk = Buffer.alloc(COUNT_CHUNK);
	let units = 0;
	for (let position = 0; ;) {
		const length = fs.readSync(fd, chunk, 0, COUNT_CHUNK, position);
		if (length === 0) {
			return false;
		}
		for (let i = 0; i < length; i++) {
			const byte = chunk[i];
			// Continuation bytes (10xxxxxx) add nothing; a four-byte lead (11110xxx) adds two.
			units += (byte & 0xc0) === 0x80 ? 0 : byte >= 0xf0 ? 2 : 1;
		}
		if (units > limit) {
			return true;
		}
		position += length;
	}
}

/** The file's `size` bytes (fewer if it shrank since its size was read): readFileSync(fd) would ask for the size again. */
function readAll(fd: number, size: number): Buffer {
	if (size === 0) {
		// A pipe or a /proc file states no size: read it to its end.
		return fs.readFileSync(fd);
	}
	const bytes = Buffer.allocUnsafe(size);
	let filled = 0;
	while (filled < size) {
		const length = fs.readSync(fd, bytes, filled, size - filled, filled);
		if (length === 0) {
			break;
		}
		filled += length;
	}
	return filled < size ? bytes.subarray(0, filled) : bytes;
}

/** The first HEAD_BYTES bytes of a file (fewer when it is shorter). */
function readHead(fd: number): Buffer {
	const head = Buffer.alloc(HEAD_BYTES);
	return head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0));
}

/** Whether the first character after any BOM and blanks is `{` or `[`. */
function startsLikeJson(fd: number): boolean {
	const chunk = Buffer.alloc(SNIFF_CHUNK);
	let position = 0;
	for (;;) {
		const length = fs.readSync(fd, chunk, 0, SNIFF_CHUNK, position);
		if (length === 0) {
			return false;
		}
		let i = position === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
		while (i < length && (chunk[i] === 0x20 || chunk[i] === 0x09 || chunk[i] === 0x0a || chunk[i] === 0x0d)) {
			i++;
		}
		if (i < length) {
			return chunk[i] === 0x7b || chunk[i] === 0x5b;
		}
		position += length;
	}
}
