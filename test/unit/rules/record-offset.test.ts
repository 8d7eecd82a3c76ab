/**
 * `record-offset`: a Kafka event record offset is a Java long, read from its digits: a warning
 * above 2^53 - 1, where JavaScript rounds it, an error above 2^63 - 1 (facts sheet §4, §9 rule 19).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import type { Json } from './recordFixtures';
import { EVENT, event, expectedProblem, record } from './recordFixtures';

const CODE = 'record-offset';
const on = expectedProblem(CODE);

const OFFSET = ['records', 'orders-0', '1', 'offset'];

/** The event with the second record's offset written as raw JSON text. */
function withOffset(raw: string): string {
	return event([OFFSET, '@RAW']).replace('"@RAW"', raw);
}

describe('record-offset', () => {
	it('accepts offsets up to 2^53 - 1', () => {
		assert.deepEqual(problemsWithCode(event(), CODE), []);
		assert.deepEqual(problemsWithCode(withOffset('9007199254740991'), CODE), []);
	});

	it('warns above 2^53 - 1 with the exact digits and what JavaScript reads', () => {
		const text = withOffset('9007199254740993');
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'9007199254740993',
				'warning',
				'"offset" 9007199254740993 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value (here to 9007199254740992).',
			),
		]);
		const exact = withOffset('9007199254740992');
		assert.deepEqual(
			problemsWithCode(exact, CODE).map((p) => p.message),
			['"offset" 9007199254740992 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value.'],
		);
		const largest = withOffset('9223372036854775807');
		assert.deepEqual(
			problemsWithCode(largest, CODE).map((p) => [p.severity, p.message]),
			[
				[
					'warning',
					'"offset" 9223372036854775807 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value (here to 9223372036854775808).',
				],
			],
		);
	});

	it('reports offsets above 2^63 - 1, even when they round to the same number as a valid one', () => {
		const text = withOffset('9223372036854775808');
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '9223372036854775808', 'error', '"offset" 9223372036854775808 is above the largest Kafka offset, 9223372036854775807.'),
		]);
		assert.equal(problemsWithCode(withOffset('1e19'), CODE)[0]?.message, '"offset" 1e19 is above the largest Kafka offset, 9223372036854775807.');
	});

	it('leaves negative and fractional offsets to the schema', () => {
		assert.deepEqual(problemsWithCode(withOffset('-1'), CODE), []);
		assert.equal(problemsWithCode(withOffset('-1'), 'schema-range').length, 1);
		assert.deepEqual(problemsWithCode(withOffset('1.5'), CODE), []);
		assert.deepEqual(problemsWithCode(withOffset('"42"'), CODE), []);
	});

	it('finds the digits inside an escaped payload string', () => {
		const payload = withOffset('9007199254740993');
		const text = record().replace(/}$/, `,"payload":${JSON.stringify(payload)}}`);
		assert.deepEqual(
			problemsWithCode(text, CODE).map((p) => [p.text, p.message]),
			[
				[
					'9007199254740993',
					'"offset" 9007199254740993 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value (here to 9007199254740992).',
				],
			],
		);
	});

	it('reads the exact digits of every large offset, however many there are', () => {
		const first = ((EVENT['records'] as Json)['orders-0'] as Json[])[0];
		const list = Array.from({ length: 40 }, (_, i) => ({ ...first, offset: `@${i}` }));
		let text = event([['records', 'orders-0'], list]);
		for (let i = 0; i < 40; i++) {
			text = text.replace(`"@${i}"`, String(9007199254740993n + BigInt(2 * i)));
		}
		const problems = problemsWithCode(text, CODE);
		assert.equal(problems.length, 40);
		assert.equal(problems[0].message.startsWith('"offset" 9007199254740993 '), true);
		assert.equal(problems[39].message.startsWith('"offset" 9007199254741071 '), true);
	});
});
