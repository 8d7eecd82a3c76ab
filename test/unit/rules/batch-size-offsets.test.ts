/**
 * `batch-size-offsets`: a batch holds at most one record per offset, so `batchSize` is at most
 * the number of offsets its recordsInfo ranges cover (fewer records when compaction or
 * transactions leave gaps), compared exactly.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';
import { EVENT, expectedProblem, record } from './recordFixtures';

const CODE = 'batch-size-offsets';
const on = expectedProblem(CODE);

const BATCH_SIZE = ['KafkaBatchInfo', 'batchSize'];
const RECORDS_INFO = ['KafkaBatchInfo', 'recordsInfo'];
const TIMES = { firstRecordTimestamp: '2025-01-15T12:00:00.000Z', lastRecordTimestamp: '2025-01-15T12:00:00.000Z' };

/** The expected warning on the batchSize value `value` of `text`. */
function atBatchSize(text: string, value: string, offsets: string): ProblemView {
	const at = text.indexOf('"batchSize":') + '"batchSize":'.length;
	assert.ok(text.startsWith(value, at), text);
	const nth = text.slice(0, at).split(value).length - 1;
	return on(text, value, 'warning', message(value, offsets), [], nth);
}

function message(batchSize: string, offsets: string): string {
	return `"batchSize" is ${batchSize}, but the ranges in "recordsInfo" cover only ${offsets}: a batch holds at most one record per offset (fewer where compaction or transactions leave gaps), so Lambda does not send a record like this one.`;
}

describe('batch-size-offsets', () => {
	it('accepts a batchSize equal to the offsets covered, or smaller (gaps)', () => {
		// The fixture: orders-0 41..42 and orders-1 17..17, three offsets, batchSize 3.
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([BATCH_SIZE, 1]), CODE), []);
	});

	it('warns on a batchSize above the offsets the ranges cover, on batchSize', () => {
		const text = record([BATCH_SIZE, 4]);
		assert.deepEqual(problemsWithCode(text, CODE), [atBatchSize(text, '4', '3 offsets')]);
		const one = record([BATCH_SIZE, 2], [RECORDS_INFO, { 'orders-0': { firstRecordOffset: '7', lastRecordOffset: '7', ...TIMES } }]);
		assert.deepEqual(problemsWithCode(one, CODE), [atBatchSize(one, '2', '1 offset')]);
	});

	it("counts offsets above 2^53 - 1 exactly, from strings and from the JSON numbers' source text", () => {
		const strings = record(
			[BATCH_SIZE, 3],
			[RECORDS_INFO, { 'orders-0': { firstRecordOffset: '9223372036854775806', lastRecordOffset: '9223372036854775807', ...TIMES } }],
		);
		assert.deepEqual(
			problemsWithCode(strings, CODE).map((p) => p.message),
			[message('3', '2 offsets')],
		);
		// Rounded, 9007199254740993..9007199254740994 reads as 9007199254740992..9007199254740994: three offsets, not two.
		const numbers = record([BATCH_SIZE, 3], [RECORDS_INFO, { 'orders-0': { firstRecordOffset: 0, lastRecordOffset: 0, ...TIMES } }])
			.replace('"firstRecordOffset":0', '"firstRecordOffset":9007199254740993')
			.replace('"lastRecordOffset":0', '"lastRecordOffset":9007199254740994');
		assert.deepEqual(
			problemsWithCode(numbers, CODE).map((p) => p.message),
			[message('3', '2 offsets')],
		);
		const wide = record([BATCH_SIZE, 10000], [RECORDS_INFO, { 'orders-0': { firstRecordOffset: '0', lastRecordOffset: '9223372036854775807', ...TIMES } }]);
		assert.deepEqual(problemsWithCode(wide, CODE), []);
	});

	it("leaves a batchSize that differs from the payload's record count to batch-consistency, one warning on batchSize", () => {
		// The event holds orders-0 41..42 (two records); the ranges cover orders-0 41..42 only.
		const ranges = [RECORDS_INFO, { 'orders-0': { firstRecordOffset: '41', lastRecordOffset: '42', ...TIMES } }] as const;
		const differs = record([BATCH_SIZE, 3], [...ranges], [['payload'], EVENT]);
		assert.deepEqual(problemsWithCode(differs, CODE), []);
		assert.deepEqual(
			problemsWithCode(differs, 'batch-consistency')
				.filter((p) => p.text === '3')
				.map((p) => p.message),
			['"batchSize" is 3, but "payload" holds 2 records.'],
		);
		// Payload and batchSize agree, but the ranges cover fewer offsets: only this rule can tell.
		const ranged = record([BATCH_SIZE, 2], [RECORDS_INFO, { 'orders-0': { firstRecordOffset: '41', lastRecordOffset: '41', ...TIMES } }], [['payload'], EVENT]);
		assert.deepEqual(
			problemsWithCode(ranged, CODE).map((p) => p.message),
			[message('2', '1 offset')],
		);
	});

	it('says nothing when a range cannot be read: offset-range and records-info-presence report those', () => {
		const cases = [
			record([BATCH_SIZE, 9], [[...RECORDS_INFO, 'orders-0', 'lastRecordOffset'], '40']),
			record([BATCH_SIZE, 9], [[...RECORDS_INFO, 'orders-0', 'firstRecordOffset'], 'x']),
			record([BATCH_SIZE, 9], [[...RECORDS_INFO, 'orders-0', 'firstRecordOffset'], undefined]),
			record([BATCH_SIZE, 9], [[...RECORDS_INFO, 'orders-0'], 'x']),
			record([BATCH_SIZE, 9], [RECORDS_INFO, {}]),
			record([BATCH_SIZE, 9], [RECORDS_INFO, undefined]),
			record([BATCH_SIZE, '9']),
			record([BATCH_SIZE, 0]),
		];
		for (const text of cases) {
			assert.deepEqual(problemsWithCode(text, CODE), [], text);
		}
	});
});
