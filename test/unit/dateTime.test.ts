import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { isDateTime } from '../../server/src/language/schema/schemaRegistry';

const full = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;

describe('isDateTime', () => {
	it('agrees with the full RFC 3339 check on edge cases', () => {
		for (const text of ['2025-01-15T12:00:00.123Z', '2025-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '2025-04-31T00:00:00Z', '2025-12-31T23:59:60Z', '2025-01-15t12:00:00z', '2025-01-15 12:00:00Z', '2025-01-15T12:00:00+01:00', '2025-01-15T24:00:00Z', '2025-13-01T00:00:00Z', '2025-01-15T12:00:00', '2025-01-15']) {
			assert.equal(isDateTime(text), full(text), text);
		}
	});

	it('agrees with the full check on mutated timestamps', () => {
		const base = '2025-01-15T12:34:56.789Z';
		const digitOrOther = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9', 'Z', 'T', ':', '-', '.', '+', ' ');
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(base.length - 1), digitOrOther), { maxLength: 3 }), (edits) => {
				const chars = base.split('');
				for (const [index, char] of edits) {
					chars[index] = char;
				}
				const text = chars.join('');
				return isDateTime(text) === full(text);
			}),
			{ seed: 11, numRuns: 20_000 },
		);
	});
});
