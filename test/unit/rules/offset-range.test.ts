/**
 * `offset-range`: failure-record offsets are Kafka offsets (0..2^63 - 1) written as decimal
 * strings or JSON integers, compared losslessly, first <= last (facts sheet §6, §9 rule 15).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { analyze, applyFix, problemsWithCode } from '../../helpers';
import type { Json } from './recordFixtures';
import { expectedProblem, record } from './recordFixtures';

const CODE = 'offset-range';
const on = expectedProblem(CODE);

function fixed(text: string, fixIndex = 0): string {
	const problem = analyze(text).problems.find((p) => p.code === CODE);
	assert.ok(problem, `no ${CODE} problem in ${text}`);
	return applyFix(text, problem, fixIndex);
}

const ORDERS_0 = ['KafkaBatchInfo', 'recordsInfo', 'orders-0'];
const FIRST = [...ORDERS_0, 'firstRecordOffset'];
const LAST = [...ORDERS_0, 'lastRecordOffset'];
const KINESIS_FIRST = '49601189658422359378836298521827638475320189012309704722';
const KINESIS_LAST = '49601189658422359378836298522902373528957594348623495186';
const LIMIT = 'Kafka offsets are 64-bit, at most 9223372036854775807';

/** A record whose orders-0 range has the first and last offsets given as raw JSON text. */
function rawOffsets(first: string, last: string): string {
	return record([FIRST, '@FIRST'], [LAST, '@LAST']).replace('"@FIRST"', first).replace('"@LAST"', last);
}

function offsetProblem(value: string, message: string, fixes: string[] = []): ProblemView[] {
	const text = record([FIRST, value], [LAST, '99']);
	return [on(text, JSON.stringify(value), 'error', message, fixes)];
}

describe('offset-range', () => {
	it('accepts decimal strings and JSON integers from 0 to 2^63 - 1', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([FIRST, '0'], [LAST, '9223372036854775807']), CODE), []);
		assert.deepEqual(problemsWithCode(rawOffsets('41', '42'), CODE), []);
		assert.deepEqual(problemsWithCode(record([FIRST, 41], [LAST, '42']), CODE), [], 'a number and a string');
		assert.deepEqual(
			problemsWithCode(
				record([['KafkaBatchInfo', 'recordsInfo'], undefined], [['KafkaBatchInfo', 'recordInfo'], { offset: '0', timestamp: '2025-01-15T12:00:00.000Z' }]),
				CODE,
			),
			[],
		);
	});

	it("explains the 56-digit Kinesis sequence numbers of AWS's example", () => {
		const text = record([FIRST, KINESIS_FIRST], [LAST, KINESIS_LAST]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				`"${KINESIS_FIRST}"`,
				'error',
				`"firstRecordOffset" has 56 digits: this is a Kinesis sequence number from AWS's documentation example, not a Kafka offset (${LIMIT}).`,
			),
			on(
				text,
				`"${KINESIS_LAST}"`,
				'error',
				`"lastRecordOffset" has 56 digits: this is a Kinesis sequence number from AWS's documentation example, not a Kafka offset (${LIMIT}).`,
			),
		]);
		const other = '12345678901234567890123';
		assert.deepEqual(problemsWithCode(record([FIRST, other], [LAST, '99']), CODE), [
			on(
				record([FIRST, other], [LAST, '99']),
				`"${other}"`,
				'error',
				`"firstRecordOffset" has 23 digits, too many for a Kafka offset (${LIMIT}); a number this long looks like a Kinesis sequence number, as in AWS's documentation example.`,
			),
		]);
		const asNumber = rawOffsets(KINESIS_FIRST, '99');
		assert.deepEqual(problemsWithCode(asNumber, CODE), [
			on(
				asNumber,
				KINESIS_FIRST,
				'error',
				`"firstRecordOffset" has 56 digits: this is a Kinesis sequence number from AWS's documentation example, not a Kafka offset (${LIMIT}).`,
			),
		]);
	});

	it('reports 19-digit values above 9223372036854775807', () => {
		assert.deepEqual(
			problemsWithCode(record([FIRST, '9223372036854775808'], [LAST, '99']), CODE),
			offsetProblem('9223372036854775808', '"firstRecordOffset" "9223372036854775808" is above the largest Kafka offset, 9223372036854775807.'),
		);
	});

	it('reports negative, signed, fractional, padded and non-numeric strings, with a span on the bad part', () => {
		assert.deepEqual(
			problemsWithCode(record([FIRST, ''], [LAST, '99']), CODE),
			offsetProblem('', '"firstRecordOffset" is an empty string; expected a Kafka offset such as "42".'),
		);
		assert.deepEqual(
			problemsWithCode(record([FIRST, '-5'], [LAST, '99']), CODE),
			offsetProblem('-5', '"firstRecordOffset" "-5" is negative; Kafka offsets start at 0.'),
		);
		assert.deepEqual(
			problemsWithCode(record([FIRST, '+5'], [LAST, '99']), CODE),
			offsetProblem('+5', '"firstRecordOffset" "+5" has a plus sign; write the offset in digits only.', ['Change to "5"']),
		);
		assert.deepEqual(
			problemsWithCode(record([FIRST, '042'], [LAST, '99']), CODE),
			offsetProblem('042', '"firstRecordOffset" "042" has a leading zero; Kafka offsets are written without one.', ['Change to "42"']),
		);
		assert.equal(fixed(record([FIRST, '042'], [LAST, '99'])), record([FIRST, '42'], [LAST, '99']));

		const fraction = record([FIRST, '41.5'], [LAST, '99']);
		assert.deepEqual(problemsWithCode(fraction, CODE), [
			on(fraction, '.5', 'error', '"firstRecordOffset" "41.5" is not a whole number; Kafka offsets are integers.'),
		]);
		const letter = record([FIRST, '12a'], [LAST, '99']);
		const at = letter.indexOf('"12a"') + 3;
		assert.deepEqual(problemsWithCode(letter, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: '"firstRecordOffset" "12a" is not a decimal number: "a" at position 3 is not a digit.',
				range: [0, at, 0, at + 1],
				text: 'a',
				fixes: [],
			},
		]);
		const space = record([FIRST, ' 42'], [LAST, '99']);
		const [spaced] = problemsWithCode(space, CODE);
		assert.equal(spaced?.message, '"firstRecordOffset" " 42" is not a decimal number: " " at position 1 is not a digit.');
		assert.equal(spaced?.text, ' ');
		assert.equal(spaced?.range[1], space.indexOf('" 42"') + 1);
	});

	it('reports negative and exponent-form JSON numbers, and leaves fractions to the schema', () => {
		const negative = rawOffsets('-5', '99');
		assert.deepEqual(problemsWithCode(negative, CODE), [on(negative, '-5', 'error', '"firstRecordOffset" -5 is negative; Kafka offsets start at 0.')]);
		const exponent = rawOffsets('1e16', '99');
		assert.deepEqual(problemsWithCode(exponent, CODE), [
			on(
				exponent,
				'1e16',
				'error',
				'"firstRecordOffset" 1e16 is written with a fraction or an exponent; write the offset in plain digits, 10000000000000000.',
				['Change to 10000000000000000'],
			),
		]);
		assert.equal(fixed(exponent), rawOffsets('10000000000000000', '99'));
		// Safe integers are read from the parsed value, without a look at their source text.
		assert.deepEqual(problemsWithCode(rawOffsets('4.2e1', '99'), CODE), []);
		const fraction = rawOffsets('1.5', '99');
		assert.deepEqual(problemsWithCode(fraction, CODE), []);
		assert.equal(problemsWithCode(fraction, 'schema-type').length, 1);
		assert.deepEqual(problemsWithCode(record([FIRST, true], [LAST, null]), CODE), []);
	});

	it('reports a last offset before the first, on lastRecordOffset', () => {
		const text = record([FIRST, '42'], [LAST, '41']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"41"', 'error', '"lastRecordOffset" 41 is before "firstRecordOffset" 42; a range ends at or after its first offset.'),
		]);
	});

	it('compares losslessly: 9007199254740993 > 9007199254740992 although JavaScript reads both as the same number', () => {
		assert.equal(JSON.parse('9007199254740993'), JSON.parse('9007199254740992'));
		const numbers = rawOffsets('9007199254740993', '9007199254740992');
		assert.deepEqual(problemsWithCode(numbers, CODE), [
			on(
				numbers,
				'9007199254740993',
				'warning',
				'"firstRecordOffset" 9007199254740993 is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round (here to 9007199254740992); AWS\'s documentation writes offsets as strings.',
				['Change to "9007199254740993"'],
			),
			on(
				numbers,
				'9007199254740992',
				'warning',
				'"lastRecordOffset" 9007199254740992 is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round; AWS\'s documentation writes offsets as strings.',
				['Change to "9007199254740992"'],
			),
			on(
				numbers,
				'9007199254740992',
				'error',
				'"lastRecordOffset" 9007199254740992 is before "firstRecordOffset" 9007199254740993; a range ends at or after its first offset.',
			),
		]);
		assert.equal(fixed(numbers), rawOffsets('"9007199254740993"', '9007199254740992'));
		const strings = record([FIRST, '9223372036854775807'], [LAST, '9223372036854775806']);
		assert.deepEqual(
			problemsWithCode(strings, CODE).map((p) => p.message),
			['"lastRecordOffset" 9223372036854775806 is before "firstRecordOffset" 9223372036854775807; a range ends at or after its first offset.'],
		);
		assert.deepEqual(
			problemsWithCode(rawOffsets('9007199254740992', '9007199254740993'), CODE).map((p) => p.severity),
			['warning', 'warning'],
		);
	});

	it('reads the exact digits of every large number, however many there are', () => {
		const ranges: Json = {};
		for (let i = 0; i < 20; i++) {
			ranges[`orders-${i}`] = {
				firstRecordOffset: `@${i}`,
				lastRecordOffset: `@${i}`,
				firstRecordTimestamp: '2025-01-15T12:00:00.000Z',
				lastRecordTimestamp: `2025-01-15T12:00:00.${String(i).padStart(3, '0')}Z`,
			};
		}
		let text = record([['KafkaBatchInfo', 'recordsInfo'], ranges]);
		for (let i = 0; i < 20; i++) {
			text = text.replace(new RegExp(`"@${i}"`, 'g'), String(9007199254740993n + BigInt(2 * i)));
		}
		const messages = problemsWithCode(text, CODE).map((p) => p.message);
		assert.equal(messages.length, 40);
		assert.equal(
			messages[0],
			'"firstRecordOffset" 9007199254740993 is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round (here to 9007199254740992); AWS\'s documentation writes offsets as strings.',
		);
		assert.equal(
			messages[39],
			'"lastRecordOffset" 9007199254741031 is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round (here to 9007199254741032); AWS\'s documentation writes offsets as strings.',
		);
	});

	it('checks recordInfo.offset too', () => {
		const text = record(
			[['KafkaBatchInfo', 'recordsInfo'], undefined],
			[['KafkaBatchInfo', 'recordInfo'], { offset: KINESIS_FIRST, timestamp: '2019-11-14T18:16:05.568Z' }],
		);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				`"${KINESIS_FIRST}"`,
				'error',
				`"offset" has 56 digits: this is a Kinesis sequence number from AWS's documentation example, not a Kafka offset (${LIMIT}).`,
			),
		]);
	});
});
