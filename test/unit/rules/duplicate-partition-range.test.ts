/**
 * `duplicate-partition-range`: AWS's example copies one range under Topic-0 and Topic-1 (facts
 * sheet §6 item 5); identical offsets and timestamps under two keys are reported.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import type { Json } from './recordFixtures';
import { expectedProblem, RECORD, record } from './recordFixtures';

const CODE = 'duplicate-partition-range';
const on = expectedProblem(CODE);

const RANGE = (RECORD['KafkaBatchInfo'] as Json)['recordsInfo'] as Json;
const SAME = RANGE['orders-0'];

describe('duplicate-partition-range', () => {
	it('accepts partitions with different ranges', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
	});

	it('accepts identical offsets with different timestamps (two new partitions can both start at 0)', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo', 'orders-1'], { ...(SAME as Json), lastRecordTimestamp: '2025-01-15T12:00:00.999Z' }]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
	});

	it('warns on a copied range, on the later key', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo', 'orders-1'], SAME], [['KafkaBatchInfo', 'recordsInfo', 'payments-3'], SAME]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"orders-1"',
				'warning',
				'recordsInfo "orders-1" has the same offsets and timestamps as "orders-0"; partitions have independent offsets, so this range looks copied.',
			),
			on(
				text,
				'"payments-3"',
				'warning',
				'recordsInfo "payments-3" has the same offsets and timestamps as "orders-0"; partitions have independent offsets, so this range looks copied.',
			),
		]);
	});

	it('compares large JSON numbers by their digits, not their rounded values', () => {
		const range = (first: string): Json => ({ ...(SAME as Json), firstRecordOffset: first, lastRecordOffset: first });
		const text = record([['KafkaBatchInfo', 'recordsInfo', 'orders-0'], range('@A')], [['KafkaBatchInfo', 'recordsInfo', 'orders-1'], range('@B')])
			.replace(/"@A"/g, '9007199254740993')
			.replace(/"@B"/g, '9007199254740992');
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text.replace(/9007199254740993/g, '9007199254740992'), CODE).length, 1);
	});
});
