/**
 * Maps positions inside a decoded JSON string to positions in the raw text of its literal.
 * `"a\nb"` decodes to 3 characters but takes 6 in the file: a problem found at decoded index 2
 * (the `b`) must be shown at raw offset 4 after the opening quote. This is what lets a problem
 * inside an escaped `payload` string be reported at the right place in the file.
 */
import type { StringCheckpoints } from './positionIndex';
import { lastAtOrBelow } from './positionIndex';

/**
 * @param text the text containing the literal
 * @param quoteOffset offset of the literal's opening quote in `text`
 * @param decodedOffsets offsets into the decoded string, in any order (an offset equal to the decoded length maps to the closing quote)
 * @returns the raw offset in `text` of each decoded offset, in the same order
 *
 * Runs of plain characters are crossed with indexOf (a hover deep in an 8 MB payload string
 * walked it character by character for 30 ms); only escapes are stepped through one by one.
 */
export function decodedToRawOffsets(text: string, quoteOffset: number, decodedOffsets: readonly number[], checkpoints?: StringCheckpoints): number[] {
	const order = decodedOffsets.map((_, i) => i).sort((a, b) => decodedOffsets[a] - decodedOffsets[b]);
	const result = new Array<number>(decodedOffsets.length);
	// From the last checkpoint before the first offset wanted, when the string has them (positionIndex.ts).
	const from = checkpoints && order.length > 0 ? Math.max(0, lastAtOrBelow(checkpoints.decoded, checkpoints.decoded.length, decodedOffsets[order[0]])) : -1;
	let raw = from >= 0 ? checkpoints!.raw[from] : quoteOffset + 1;
	let decoded = from >= 0 ? checkpoints!.decoded[from] : 0;
	let next = 0;
	const end = text.length;
	const specials = new SpecialFinder(text, end);
	while (next < order.length) {
		const wanted = decodedOffsets[order[next]];
		if (decoded >= wanted || raw >= end) {
			result[order[next]] = raw;
			next++;
			continue;
		}
		const special = specials.next(raw);
		if (special > raw) {
			// Plain characters: one decoded character each.
			const step = Math.min(special - raw, wanted - decoded);
			raw += step;
			decoded += step;
			continue;
		}
		if (text.charCodeAt(raw) === 0x22 /* " */) {
			// Closing quote: every remaining offset is past the string's end.
			result[order[next]] = raw;
			next++;
			continue;
		}
		raw += escapeWidth(text, raw);
		decoded += 1;
	}
	return result;
}

/** The inverse of {@link decodedToRawOffsets} for one offset: the decoded index of a raw offset inside the literal. */
export function rawToDecodedOffset(text: string, quoteOffset: number, rawOffset: number, checkpoints?: StringCheckpoints): number {
	const limit = Math.min(rawOffset, text.length);
	const from = checkpoints ? Math.max(0, lastAtOrBelow(checkpoints.raw, checkpoints.raw.length, rawOffset)) : -1;
	let raw = from >= 0 ? checkpoints!.raw[from] : quoteOffset + 1;
	let decoded = from >= 0 ? checkpoints!.decoded[from] : 0;
	const specials = new SpecialFinder(text, limit);
	while (raw < limit) {
		const special = specials.next(raw);
		decoded += special - raw;
		raw = special;
		if (raw >= limit || text.charCodeAt(raw) === 0x22 /* " */) {
			break;
		}
		const width = escapeWidth(text, raw);
		if (raw + width > rawOffset) {
			// Inside an escape: it is one decoded character, the one at `decoded`.
			break;
		}
		raw += width;
		decoded += 1;
	}
	return decoded;
}

/**
 * Finds the next backslash or quote. Each position found is kept until it is passed, so a long run
 * without one is scanned once, however many offsets fall inside it.
 */
class SpecialFinder {
	private backslash = -1;
	private quote = -1;

	constructor(
		private readonly text: string,
		private readonly end: number,
	) {}

	/** The offset of the next backslash or quote at or after `from`, or `end`. */
	next(from: number): number {
		if (this.backslash < from) {
			const found = this.text.indexOf('\\', from);
			this.backslash = found < 0 ? Infinity : found;
		}
		if (this.quote < from) {
			const found = this.text.indexOf('"', from);
			this.quote = found < 0 ? Infinity : found;
		}
		return Math.min(this.backslash, this.quote, this.end);
	}
}

/** The raw length of the escape at `at` (a backslash): six for \uXXXX, two for the others. */
function escapeWidth(text: string, at: number): number {
	return text.charCodeAt(at + 1) === 0x75 /* u */ ? 6 : 2;
}
