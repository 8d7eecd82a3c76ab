import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodedToRawOffsets, rawToDecodedOffset } from '../../server/src/language/json/stringOffsets';

/** The definition: step through the literal one character or escape at a time. */
function referenceRaw(text: string, quote: number, wanted: number): number {
	let raw = quote + 1;
	for (let decoded = 0; decoded < wanted && raw < text.length && text[raw] !== '"'; decoded++) {
		raw += text[raw] === '\\' ? (text[raw + 1] === 'u' ? 6 : 2) : 1;
	}
	return raw;
}

function referenceDecoded(text: string, quote: number, rawOffset: number): number {
	let raw = quote + 1;
	let decoded = 0;
	while (raw < rawOffset && raw < text.length && text[raw] !== '"') {
		const width = text[raw] === '\\' ? (text[raw + 1] === 'u' ? 6 : 2) : 1;
		if (raw + width > rawOffset) {
			break;
		}
		raw += width;
		decoded++;
	}
	return decoded;
}

describe('string offsets', () => {
	// Strings with escapes of every width, quotes, backslashes and long plain runs, inside a document.
	const piece = fc.oneof(fc.constantFrom('a', 'é', '"', '\\', '\n', '\u2028', '😀', '\u0001'), fc.string({ maxLength: 30 }));
	const literal = fc.array(piece, { maxLength: 20 }).map((parts) => JSON.stringify(parts.join('')));

	it('map decoded offsets to raw ones as stepping through the literal does', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 5 }), literal, fc.string({ maxLength: 5 }), fc.array(fc.nat(80), { maxLength: 6 }), (before, lit, after, wanted) => {
				const text = `${JSON.stringify(before)}: ${lit}, ${JSON.stringify(after)}`;
				const quote = text.indexOf(lit, JSON.stringify(before).length);
				assert.deepEqual(
					decodedToRawOffsets(text, quote, wanted),
					wanted.map((w) => referenceRaw(text, quote, w)),
				);
			}),
			{ seed: 4, numRuns: 5_000 },
		);
	});

	it('map raw offsets back to decoded ones, an offset inside an escape to that escape', () => {
		fc.assert(
			fc.property(literal, fc.nat(200), (lit, at) => {
				const text = `{"payload": ${lit}}`;
				const quote = text.indexOf(lit);
				const rawOffset = at % (text.length + 2);
				assert.equal(rawToDecodedOffset(text, quote, rawOffset), referenceDecoded(text, quote, rawOffset));
			}),
			{ seed: 6, numRuns: 5_000 },
		);
	});
});
