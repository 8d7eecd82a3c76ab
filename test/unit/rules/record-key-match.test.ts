/**
 * `record-key-match`: each record of a Kafka event sits under the "<topic>-<partition>" key of its
 * own topic and partition (facts sheet §9 rule 18).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import type { Json } from './recordFixtures';
import { EVENT, event, expectedProblem, record } from './recordFixtures';

const CODE = 'record-key-match';
const on = expectedProblem(CODE);

const RECORDS = ['records', 'orders-0'];

describe('record-key-match', () => {
	it('accepts records under their own key, topics with hyphens included', () => {
		assert.deepEqual(problemsWithCode(event(), CODE), []);
		const first = ((EVENT['records'] as Json)['orders-0'] as Json[])[0];
		const text = event([['records'], { 'my-topic-3': [{ ...first, topic: 'my-topic', partition: 3 }] }]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
	});

	it('reports a record of another topic, on its topic', () => {
		const text = event([[...RECORDS, '1', 'topic'], 'payments']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"payments"', 'error', '"topic" is "payments", but the record is listed under "orders-0", the key of topic "orders".'),
		]);
	});

	it('reports a record of another partition, on its partition', () => {
		const text = event([[...RECORDS, '1', 'partition'], 7]);
		const at = text.indexOf('"partition":7') + '"partition":'.length;
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: '"partition" is 7, but the record is listed under "orders-0", the key of partition 0.',
				range: [0, at, 0, at + 1],
				text: '7',
				fixes: [],
			},
		]);
	});

	it('compares a string partition too, which the schema reports as a type error', () => {
		const same = event([[...RECORDS, '0', 'partition'], '0']);
		assert.deepEqual(problemsWithCode(same, CODE), []);
		assert.equal(problemsWithCode(same, 'schema-type').length, 1);
		const other = event([[...RECORDS, '0', 'partition'], '1']);
		assert.deepEqual(problemsWithCode(other, CODE), [
			on(other, '"1"', 'error', '"partition" is "1", but the record is listed under "orders-0", the key of partition 0.'),
		]);
	});

	it('leaves records under an invalid key to topic-partition-key', () => {
		const list = (EVENT['records'] as Json)['orders-0'];
		const text = event([['records'], { orders: list, 'orders-01': list }]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text, 'topic-partition-key').length, 2);
	});

	it('ignores records that are not objects and members of other types', () => {
		assert.deepEqual(
			problemsWithCode(event([['records'], { 'orders-0': [null, 1, 'x', [], { topic: 5, partition: null }, { topic: 'orders', partition: 1.5 }] }]), CODE),
			[],
		);
	});

	it('checks the payload of an S3 record, in the payload', () => {
		const payload = JSON.parse(event([[...RECORDS, '0', 'topic'], 'payments'])) as Json;
		const text = record([['payload'], payload]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"payments"', 'error', '"topic" is "payments", but the record is listed under "orders-0", the key of topic "orders".'),
		]);
	});
});
