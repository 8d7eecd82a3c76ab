/**
 * Maps positions inside a decoded JSON string to positions in the raw text of its literal.
 * `"a\nb"` decodes to 3 characters but takes 6 in the file: a problem found at decoded index 2
 * (the `b`) must be shown at raw offset 4 after the opening quote. This is what lets a problem
 * inside an escaped `payload` string be reported at the right place in the file.
 */

/**
 * @param text the text containing the literal
 * @param quoteOffset offset of the literal's opening quote in `text`
 * @param decodedOffsets offsets into the decoded string, in any order (an offset equal to the decoded length maps to the closing quote)
 * @returns the raw offset in `text` of each decoded offset, in the same order
 */
export function decodedToRawOffsets(text: string, quoteOffset: number, decodedOffsets: readonly number[]): number[] {
	const order = decodedOffsets.map((_, i) => i).sort((a, b) => decodedOffsets[a] - decodedOffsets[b]);
	const result = new Array<number>(decodedOffsets.length);
	let raw = quoteOffset + 1;
	let decoded = 0;
	let next = 0;
	const end = text.length;
	while (next < order.length) {
		const wanted = decodedOffsets[order[next]];
		if (decoded >= wanted || raw >= end) {
			result[order[next]] = raw;
			next++;
			continue;
		}
		const code = text.charCodeAt(raw);
		if (code === 0x22 /* " */) {
			// Closing quote: every remaining offset is past the string's end.
			result[order[next]] = raw;
			next++;
			continue;
		}
		if (code === 0x5c /* \ */) {
			raw += text.charCodeAt(raw + 1) === 0x75 /* u */ ? 6 : 2;
		} else {
			raw += 1;
		}
		decoded += 1;
	}
	return result;
}

/** The inverse of {@link decodedToRawOffsets} for one offset: the decoded index of a raw offset inside the literal. */
export function rawToDecodedOffset(text: string, quoteOffset: number, rawOffset: number): number {
	let raw = quoteOffset + 1;
	let decoded = 0;
	while (raw < rawOffset && raw < text.length) {
		const code = text.charCodeAt(raw);
		if (code === 0x22) {
			break;
		}
		const width = code === 0x5c ? (text.charCodeAt(raw + 1) === 0x75 ? 6 : 2) : 1;
		if (raw + width > rawOffset) {
			break;
		}
		raw += width;
		decoded += 1;
	}
	return decoded;
}
