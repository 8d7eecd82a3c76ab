/**
 * `timestamp-order`: a recordsInfo range's first timestamp is not after its last (a warning:
 * producers may set CREATE_TIME timestamps out of order).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import { expectedProblem, record } from './recordFixtures';

const CODE = 'timestamp-order';
const on = expectedProblem(CODE);

const ORDERS_0 = ['KafkaBatchInfo', 'recordsInfo', 'orders-0'];

describe('timestamp-order', () => {
	it('accepts first <= last', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([[...ORDERS_0, 'lastRecordTimestamp'], '2025-01-15T12:00:00.123Z']), CODE), []);
		assert.deepEqual(problemsWithCode(record([[...ORDERS_0, 'lastRecordTimestamp'], '2025-01-15T13:00:00.123+01:00']), CODE), [], 'same instant, another zone');
	});

	it('warns on a last timestamp before the first, with the gap', () => {
		const text = record([[...ORDERS_0, 'lastRecordTimestamp'], '2025-01-15T11:56:56.123Z']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"2025-01-15T11:56:56.123Z"',
				'warning',
				'"lastRecordTimestamp" 2025-01-15T11:56:56.123Z is 3 min 4 s before "firstRecordTimestamp" 2025-01-15T12:00:00.123Z; this happens only when producers set CREATE_TIME timestamps out of order.',
			),
		]);
		const close = record([[...ORDERS_0, 'lastRecordTimestamp'], '2025-01-15T11:59:58.923Z']);
		assert.match(problemsWithCode(close, CODE)[0].message, / is 1\.2 s before /);
	});

	it('skips values that are not ISO-8601 date-times (the schema reports them)', () => {
		const text = record([[...ORDERS_0, 'lastRecordTimestamp'], 'Nov 14 2019']);
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text, 'schema-format').length, 1);
		assert.deepEqual(problemsWithCode(record([[...ORDERS_0, 'lastRecordTimestamp'], 1736942400000]), CODE), []);
	});
});
