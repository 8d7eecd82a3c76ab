import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { isDateTime } from '../../server/src/language/schema/schemaRegistry';

const full = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;

describe('isDateTime', () => {
	it('agrees with the full RFC 3339 check on edge cases', () => {
		for (const text of [
			'2025-01-15T12:00:00.123Z',
			'2025-02-29T00:00:00Z',
			'2024-02-29T00:00:00Z',
			'2025-04-31T00:00:00Z',
			'2025-12-31T23:59:60Z',
			'2025-01-15t12:00:00z',
			'2025-01-15 12:00:00Z',
			'2025-01-15T12:00:00+01:00',
			'2025-01-15T24:00:00Z',
			'2025-13-01T00:00:00Z',
			'2025-01-15T12:00:00',
			'2025-01-15',
			'2000-02-29T00:00:00Z',
			'2100-02-29T00:00:00Z',
			'1900-02-28T00:00:00Z',
			'2025-01-31T23:59:59.999999999Z',
			'2025-06-31T00:00:00Z',
			'2025-01-15T12:00:00.1234567890Z',
			'2025-01-15T12:00:00.Z',
			'2025-01-15T12:00:00.5',
			'2025-00-10T00:00:00Z',
			'2025-01-00T00:00:00Z',
			'２０２５-01-15T12:00:00Z',
		]) {
			assert.equal(isDateTime(text), full(text), text);
		}
	});

	for (const base of ['2025-01-15T12:34:56.789Z', '2024-02-29T23:59:59Z', '2025-12-31T00:00:00.123456789Z']) {
		it(`agrees with the full check on mutations of ${base}`, () => {
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
	}
});
