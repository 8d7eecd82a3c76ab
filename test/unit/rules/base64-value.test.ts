/**
 * `base64-value`: record keys and values are standard base64, checked with one Buffer round-trip
 * and diagnosed only when that fails (facts sheet §4, §9 rule 19; perf-anchors finding 2).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';
import { base64Issue, isCanonicalBase64 } from '../../../server/src/language/util/base64';
import { event, expectedProblem, record } from './recordFixtures';

const CODE = 'base64-value';
const on = expectedProblem(CODE);

const KEY = ['records', 'orders-0', '0', 'key'];
const VALUE = ['records', 'orders-0', '0', 'value'];

/** The error or warning expected on characters [from, to) of the string `value` inside `text`. */
function inValue(text: string, value: string, from: number, to: number, severity: string, message: string): ProblemView {
	const start = text.indexOf(JSON.stringify(value)) + 1 + from;
	return { code: CODE, severity, message, range: [0, start, 0, start + to - from], text: text.slice(start, start + to - from), fixes: [] };
}

describe('base64 utilities', () => {
	it('accepts canonical base64 only', () => {
		for (const text of ['', 'QQ==', 'QUI=', 'QUJD', 'Y3VzdG9tZXItMTAwMQ==', '+/+/']) {
			assert.equal(isCanonicalBase64(text), true, text);
			assert.equal(base64Issue(text), undefined, text);
		}
		for (const text of ['Q', 'QQ', 'QQ=', 'QR==', 'QQ==QQ==', 'Q-==', ' QQ==', 'QQ==\n']) {
			assert.equal(isCanonicalBase64(text), false, text);
		}
	});

	it('says why a string is not base64', () => {
		assert.deepEqual(base64Issue('QQ'), { reason: 'length', length: 2 });
		assert.deepEqual(base64Issue('QUJDR'), { reason: 'length', length: 5 });
		assert.deepEqual(base64Issue('Q-=='), { reason: 'bad-char', index: 1, char: '-' });
		assert.deepEqual(base64Issue('QQ==QQ=='), { reason: 'misplaced-padding', index: 2 });
		assert.deepEqual(base64Issue('Q==='), { reason: 'too-much-padding', index: 1, count: 3 });
		assert.deepEqual(base64Issue('QR=='), { reason: 'non-canonical', index: 1 });
		assert.deepEqual(base64Issue('QUJDRA=='.replace('D', 'é')), { reason: 'bad-char', index: 3, char: 'é' });
	});
});

describe('base64-value', () => {
	it('accepts valid, empty, null and missing keys and values', () => {
		assert.deepEqual(problemsWithCode(event(), CODE), []);
		assert.deepEqual(problemsWithCode(event([KEY, ''], [VALUE, null]), CODE), []);
		assert.deepEqual(problemsWithCode(event([KEY, undefined], [VALUE, undefined]), CODE), []);
	});

	it('points at a character that is not base64, naming base64url', () => {
		const value = 'eyJvcmRlcklkIjo0MX0-';
		const text = event([VALUE, value]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			inValue(
				text,
				value,
				19,
				20,
				'error',
				'"value" is not valid base64: "-" at position 20 is not a base64 character (Lambda sends standard base64, with "+" and "/", not base64url).',
			),
		]);
		const spaced = 'Y3Vz dG9t';
		const withSpace = event([KEY, spaced]);
		assert.deepEqual(problemsWithCode(withSpace, CODE), [
			inValue(withSpace, spaced, 4, 5, 'error', '"key" is not valid base64: " " at position 5 is not a base64 character.'),
		]);
	});

	it('reports padding in the middle or too much of it, on the padding', () => {
		const middle = 'Y3=zdG9t';
		const text = event([KEY, middle]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			inValue(text, middle, 2, 3, 'error', '"key" is not valid base64: the padding "=" at position 3 may only appear at the end.'),
		]);
		const much = 'QUJD Q==='.replace(' ', '');
		const padded = event([KEY, much]);
		assert.deepEqual(problemsWithCode(padded, CODE), [
			inValue(padded, much, 5, 8, 'error', '"key" is not valid base64: it ends with 3 "=" characters, and base64 pads with at most two.'),
		]);
	});

	it('reports a length that is not a multiple of 4 on the whole value', () => {
		const value = 'Y3VzdG9tZXItMTAwMQ';
		const text = event([KEY, value]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, JSON.stringify(value), 'error', '"key" is not valid base64: its length, 18, is not a multiple of 4 (is "=" padding missing?).'),
		]);
	});

	it('warns on non-canonical base64, on its last character', () => {
		const text = event([KEY, 'QR==']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			inValue(
				text,
				'QR==',
				1,
				2,
				'warning',
				'"key" is not canonical base64: its last character "R" sets bits that decoding drops, so Lambda would not have written it.',
			),
		]);
	});

	it('leaves other types to the schema', () => {
		assert.deepEqual(problemsWithCode(event([KEY, 42], [VALUE, ['x']]), CODE), []);
	});

	it('checks a 1 MB value quickly and points into it', () => {
		const big = Buffer.alloc(768 * 1024, 7).toString('base64');
		assert.deepEqual(problemsWithCode(event([VALUE, big]), CODE), []);
		const broken = `${big.slice(0, 500_000)}!${big.slice(500_001)}`;
		const text = event([VALUE, broken]);
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, '"value" is not valid base64: "!" at position 500001 is not a base64 character.');
		assert.equal(problem?.text, '!');
	});

	it('maps the span through the escapes of a payload string', () => {
		const payload = event([KEY, 'Y3Vz\ndG9t']);
		const text = record().replace(/}$/, `,"payload":${JSON.stringify(payload)}}`);
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, '"key" is not valid base64: "\\n" at position 5 is not a base64 character.');
		assert.equal(problem?.text, '\\\\n');
	});
});
