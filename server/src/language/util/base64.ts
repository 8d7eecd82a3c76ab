/**
 * Base64 checks for the `key` and `value` of Kafka event records. The valid case is one Buffer
 * round-trip (about 1 GB/s, against 170 MB/s for a regular expression: see
 * ../../../../../shared/reference/perf-anchors.md, finding 2); the character-by-character
 * diagnosis runs only for values that fail it.
 */
import { Buffer } from 'node:buffer';

let scratch = Buffer.allocUnsafe(64 * 1024);

const BASE64_VALUES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (BASE64_VALUES[c.charCodeAt(0)] = i));

/**
 * Below this length a character loop beats the Buffer round-trip, whose fixed cost is that of a
 * call into C++ (Kafka record keys are often a few characters; measured crossing near 48).
 */
const SHORT_TEXT = 40;

/** Whether the first `end` characters are all base64 data characters (no padding). */
function allBase64Data(text: string, end: number): boolean {
	for (let i = 0; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code > 0x7f || BASE64_VALUES[code] < 0) {
			return false;
		}
	}
	return true;
}

/**
 * Whether `text` is canonical standard base64 (the form Lambda writes): exactly what decoding and
 * re-encoding would give back, without building the re-encoded string. Node's decoder skips
 * characters it does not know, so a decoded length short of 3/4 of the text betrays any of them;
 * base64url's `-` and `_`, which it accepts, are refused explicitly; and the last data character
 * must carry no bits that decoding would drop.
 */
export function isCanonicalBase64(text: string): boolean {
	const length = text.length;
	if (length % 4 !== 0) {
		return false;
	}
	if (length === 0) {
		return true;
	}
	const padding = text.charCodeAt(length - 1) === 0x3d ? (text.charCodeAt(length - 2) === 0x3d ? 2 : 1) : 0;
	if (length <= SHORT_TEXT) {
		if (!allBase64Data(text, length - padding)) {
			return false;
		}
	} else {
		const expected = (length / 4) * 3 - padding;
		if (scratch.length < expected + 3) {
			scratch = Buffer.allocUnsafe(Math.max(expected + 3, scratch.length * 2));
		}
		if (scratch.write(text, 0, 'base64') !== expected || text.includes('-') || text.includes('_')) {
			return false;
		}
	}
	if (padding === 0) {
		return true;
	}
	// With one "=", the last data character's low 2 bits are unused; with two, its low 4 bits.
	const last = BASE64_VALUES[text.charCodeAt(length - padding - 1)] ?? -1;
	return last >= 0 && (last & (padding === 1 ? 0b11 : 0b1111)) === 0;
}

/** Why a string is not canonical base64. Indexes are 0-based offsets into the string. */
export type Base64Issue =
	/** A character outside `A-Z a-z 0-9 + / =`. */
	| { reason: 'bad-char'; index: number; char: string }
	/** A `=` followed by more data: padding may only end the string. `index` is the first `=`. */
	| { reason: 'misplaced-padding'; index: number }
	/** More than two `=` at the end. `index` is the first `=`. */
	| { reason: 'too-much-padding'; index: number; count: number }
	/** A length that is not a multiple of 4. */
	| { reason: 'length'; length: number }
	/** Decodable, but the last character carries bits that decoding drops, so it re-encodes differently. */
	| { reason: 'non-canonical'; index: number };

function isBase64Data(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2f;
}

/** Diagnoses a string for which {@link isCanonicalBase64} is false. Linear; never throws. */
export function base64Issue(text: string): Base64Issue | undefined {
	let padStart = -1;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (isBase64Data(code)) {
			if (padStart >= 0) {
				return { reason: 'misplaced-padding', index: padStart };
			}
		} else if (code === 0x3d /* = */) {
			if (padStart < 0) {
				padStart = i;
			}
		} else {
			return { reason: 'bad-char', index: i, char: String.fromCodePoint(text.codePointAt(i) ?? code) };
		}
	}
	if (padStart >= 0 && text.length - padStart > 2) {
		return { reason: 'too-much-padding', index: padStart, count: text.length - padStart };
	}
	const dataLength = padStart >= 0 ? padStart : text.length;
	if (text.length % 4 !== 0 || dataLength % 4 === 1) {
		return { reason: 'length', length: text.length };
	}
	if (Buffer.from(text, 'base64').toString('base64') === text) {
		return undefined;
	}
	return { reason: 'non-canonical', index: Math.max(0, dataLength - 1) };
}

/** Decodes standard base64 (Node's decoder ignores invalid characters; check validity first). */
export function decodeBase64(text: string): Buffer {
	return Buffer.from(text, 'base64');
}
