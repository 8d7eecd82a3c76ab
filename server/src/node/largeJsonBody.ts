/**
 * Parses a large JSON-RPC message body without first decoding the whole body into one string.
 *
 * `JSON.parse(body.toString())` keeps three copies of a document's text alive at once: the bytes,
 * the decoded message (escapes and all) and the text it holds, and the last two are garbage only a
 * full collection reclaims, which the server's idle thread may not run for seconds (issue 16,
 * target 5: opening a 41 MB record). Here each long string literal (a document's text, a full-text
 * change) is unescaped in place, in the body's own bytes, and decoded straight from them; only the
 * rest of the message, a few hundred bytes, is decoded and parsed as a whole. The bytes can then be
 * released at once (see framedMessageReader.ts).
 *
 * The result is exactly `JSON.parse(body.toString('utf8'))`'s, or undefined when this path cannot
 * promise that (invalid JSON or UTF-8, a long literal as an object key, a surrogate escape): the caller
 * then parses the usual way, which also reports what is wrong.
 */
import { isUtf8 } from 'node:buffer';

/** Literals at least this long (raw bytes between the quotes) are decoded in place. */
export const IN_PLACE_LITERAL_BYTES = 64 * 1024;

/** Raw bytes handed to JSON.parse at a time: small enough that each piece is young garbage. */
const SEGMENT_BYTES = 32 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Stands for literal number N in the rest of the message while it is parsed. Random per process,
 * so that a string of a message equals one only by chance; even then the value stays exact: a
 * marker found other than exactly once sends the message down the usual path. (Math.random, not
 * node:crypto, which is not worth loading for this.)
 */
const MARKER = `\u0000large-literal:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}:`;
const MARKER_JSON = JSON.stringify(MARKER).slice(1, -1);

interface Literal {
	/** Offsets of the opening and the closing quote. */
	open: number;
	close: number;
}

/** What parseLargeJsonBody found: the message's value. */
export interface LargeBody {
	value: unknown;
}

/**
 * The value of the JSON text in `body`, or undefined when this path does not apply (see the
 * module comment): `body` is then untouched. Throws a SyntaxError when a long literal turns out
 * not to be a valid JSON string, after part of `body` was overwritten: the message is not JSON,
 * which is what the usual path would have found too. The caller must not read `body` afterwards.
 */
export function parseLargeJsonBody(body: Buffer, minLiteralBytes = IN_PLACE_LITERAL_BYTES): LargeBody | undefined {
	// Invalid UTF-8 decodes to replacement characters, which may take more bytes than what they
	// replace: unescaping in place could then overtake the bytes not yet read.
	if (!isUtf8(body)) {
		return undefined;
	}
	const literals = longLiterals(body, minLiteralBytes);
	if (literals === undefined || literals.length === 0) {
		return undefined;
	}
	// Everything that can send the message down the usual path is checked before a byte is overwritten.
	let value: unknown;
	try {
		value = JSON.parse(skeleton(body, literals));
	} catch {
		return undefined;
	}
	const found = markerSlots(value, literals.length);
	if (found === undefined) {
		return undefined;
	}
	literals.forEach((literal, index) => {
		const slot = found.slots[index];
		slot.holder[slot.key] = decodeInPlace(body, literal);
	});
	return { value: found.root.value };
}

/** The string literals of at least `minBytes`, in order; undefined when the quotes do not pair up. */
function longLiterals(body: Buffer, minBytes: number): Literal[] | undefined {
	const literals: Literal[] = [];
	// Outside a string a JSON text has no quote, so each quote found from there opens one.
	let from = 0;
	for (;;) {
		const open = body.indexOf(QUOTE, from);
		if (open < 0) {
			return literals;
		}
		const close = closingQuote(body, open);
		if (close < 0) {
			return undefined;
		}
		if (close - open - 1 >= minBytes) {
			if (body[afterWhitespace(body, close + 1)] === COLON || holdsSurrogateEscape(body, open, close)) {
				// An object key this long: substituting keys is not worth the code. A surrogate
				// escape may be a lone half, which UTF-8 cannot carry.
				return undefined;
			}
			literals.push({ open, close });
		}
		from = close + 1;
	}
}

/** The offset of the quote that closes the literal opened at `open`, or -1. */
function closingQuote(body: Buffer, open: number): number {
	let from = open + 1;
	for (;;) {
		const quote = body.indexOf(QUOTE, from);
		if (quote < 0) {
			return -1;
		}
		// Escaped when an odd number of backslashes precede it.
		if (backslashesBefore(body, quote) % 2 === 0) {
			return quote;
		}
		from = quote + 1;
	}
}

function afterWhitespace(body: Buffer, at: number): number {
	while (at < body.length && (body[at] === 0x20 || body[at] === 0x0a || body[at] === 0x0d || body[at] === 0x09)) {
		at++;
	}
	return at;
}

/** The message with each long literal replaced by its marker. */
function skeleton(body: Buffer, literals: readonly Literal[]): string {
	const parts: string[] = [];
	let from = 0;
	literals.forEach((literal, index) => {
		parts.push(body.toString('utf8', from, literal.open + 1), MARKER_JSON, String(index));
		from = literal.close;
	});
	parts.push(body.toString('utf8', from));
	return parts.join('');
}

/**
 * Unescapes the literal's content into the start of its own bytes, a segment at a time (each
 * segment parsed by JSON.parse, which also checks it), then decodes those bytes. Unescaped text is
 * never longer than its escaped form, so writing never overtakes reading. Throws JSON.parse's
 * SyntaxError for a literal that is not a valid JSON string.
 */
function decodeInPlace(body: Buffer, literal: Literal): string {
	let read = literal.open + 1;
	let write = read;
	while (read < literal.close) {
		const end = segmentEnd(body, read, literal.close);
		const piece = JSON.parse(`"${body.toString('utf8', read, end)}"`) as string;
		write += body.write(piece, write, 'utf8');
		read = end;
	}
	return body.toString('utf8', literal.open + 1, write);
}

/**
 * Whether the literal between `open` and `close` holds a surrogate escape (`\uD800`-`\uDFFF`). A
 * `\ud` after an escaped backslash (text that only looks like one) does not count.
 */
function holdsSurrogateEscape(body: Buffer, open: number, close: number): boolean {
	// Searched in a view of the literal only: a message of many long literals must not be scanned to its end for each.
	const literal = body.subarray(open, close);
	for (const escape of SURROGATE_ESCAPES) {
		for (let at = literal.indexOf(escape); at >= 0; at = literal.indexOf(escape, at + 1)) {
			if (backslashesBefore(literal, at) % 2 === 0) {
				return true;
			}
		}
	}
	return false;
}

const SURROGATE_ESCAPES = [Buffer.from('\\ud', 'latin1'), Buffer.from('\\uD', 'latin1')];

/** How many backslashes come right before `at`. */
function backslashesBefore(bytes: Buffer, at: number): number {
	let count = 0;
	while (at - 1 - count >= 0 && bytes[at - 1 - count] === BACKSLASH) {
		count++;
	}
	return count;
}

/**
 * Where a segment starting at `start` may end: never inside an escape nor inside a UTF-8 sequence.
 * Just before the first escape past SEGMENT_BYTES (a backslash is ASCII); where none comes soon
 * (a long run of plain text), at the first character boundary past twice that, which no escape
 * can reach either. Literals with surrogate escapes do not come here, so no pair is cut in two.
 */
function segmentEnd(body: Buffer, start: number, close: number): number {
	const soonest = start + SEGMENT_BYTES;
	const latest = start + 2 * SEGMENT_BYTES;
	if (close <= latest) {
		return close;
	}
	const window = body.subarray(soonest, latest);
	const found = window.indexOf(BACKSLASH);
	if (found < 0) {
		// No backslash in [soonest, latest): an escape begun before `soonest` ends within 5 bytes of it.
		let end = latest;
		while (end < close && (body[end] & 0xc0) === 0x80) {
			end++;
		}
		return end;
	}
	const backslash = soonest + found;
	// The backslash found may be the second of an escaped backslash: the escape then starts one before.
	return backslashesBefore(body, backslash) % 2 === 0 ? backslash : backslash - 1;
}

interface Slot {
	holder: Record<string | number, unknown>;
	key: string | number;
}

/**
 * Where each marker sits in the parsed skeleton, walked without recursion (a message may nest
 * deeper than the stack); undefined unless each marker is found exactly once.
 */
function markerSlots(value: unknown, count: number): { root: { value: unknown }; slots: Slot[] } | undefined {
	// The value sits in a holder of its own, so that a message that is one long string is a slot too.
	const root = { value };
	const slots = new Array<Slot | undefined>(count).fill(undefined);
	const pending: Slot[] = [{ holder: root, key: 'value' }];
	for (let slot = pending.pop(); slot !== undefined; slot = pending.pop()) {
		const item = slot.holder[slot.key];
		if (typeof item === 'string') {
			const index = markerIndex(item, count);
			if (index !== undefined) {
				if (slots[index] !== undefined) {
					return undefined;
				}
				slots[index] = slot;
			}
		} else if (Array.isArray(item)) {
			item.forEach((_, i) => pending.push({ holder: item as unknown[] as Record<number, unknown>, key: i }));
		} else if (typeof item === 'object' && item !== null) {
			for (const key of Object.keys(item)) {
				pending.push({ holder: item as Record<string, unknown>, key });
			}
		}
	}
	return slots.every((slot) => slot !== undefined) ? { root, slots } : undefined;
}

/** The literal a marker stands for, or undefined for any other string. */
function markerIndex(text: string, count: number): number | undefined {
	if (!text.startsWith(MARKER)) {
		return undefined;
	}
	const digits = text.slice(MARKER.length);
	const index = Number(digits);
	return Number.isInteger(index) && index >= 0 && index < count && String(index) === digits ? index : undefined;
}
