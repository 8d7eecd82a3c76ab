import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isCanonicalBase64 } from '../../server/src/language/util/base64';

/** The definition the fast check must agree with: decoding and re-encoding gives the text back. */
const roundTrips = (text: string): boolean => Buffer.from(text, 'base64').toString('base64') === text;

describe('isCanonicalBase64', () => {
	it('agrees with the decode/re-encode round trip on edge cases', () => {
		const cases = [
			'',
			'QQ==',
			'QR==',
			'QUI=',
			'QUJ=',
			'QUJD',
			'QUJD\n',
			'Q UJ',
			'QU==QUJD',
			'QUJD====',
			'-_-_',
			'a+/=',
			'YQ',
			'YQ=',
			'Y===',
			'////',
			'++++',
			'QUJD'.repeat(10_000),
		];
		for (const text of cases) {
			assert.equal(isCanonicalBase64(text), roundTrips(text), JSON.stringify(text.slice(0, 20)));
		}
	});

	it('agrees with the round trip on random strings over the base64 alphabet and its neighbours', () => {
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n*é';
		const chars = fc.constantFrom(...alphabet.split(''));
		fc.assert(
			fc.property(fc.array(chars, { maxLength: 24 }), (list) => {
				const text = list.join('');
				return isCanonicalBase64(text) === roundTrips(text);
			}),
			{ seed: 42, numRuns: 20_000 },
		);
	});

	// Short texts are checked by a character loop, longer ones by a Buffer round-trip: both sides of the switch.
	it('agrees with the round trip on mutated encodings from 1 to 60 bytes', () => {
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n*é';
		const mutation = fc.tuple(fc.nat(), fc.constantFrom(...alphabet.split('')));
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 60 }), fc.array(mutation, { maxLength: 2 }), (bytes, edits) => {
				const chars = Buffer.from(bytes).toString('base64').split('');
				for (const [at, char] of edits) {
					chars[at % chars.length] = char;
				}
				const text = chars.join('');
				return isCanonicalBase64(text) === roundTrips(text);
			}),
			{ seed: 3, numRuns: 20_000 },
		);
	});

	it('accepts every encoding of random bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => isCanonicalBase64(Buffer.from(bytes).toString('base64'))),
			{ seed: 7, numRuns: 5_000 },
		);
	});
});
