/**
 * `topic-partition-key`: recordsInfo and records keys are "<topic>-<partition>", split on the
 * last hyphen, with a Kafka topic name and a Java int partition (facts sheet §4, §9 rule 15).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';
import type { Json } from './recordFixtures';
import { EVENT, event, expectedProblem, record } from './recordFixtures';

const CODE = 'topic-partition-key';
const on = expectedProblem(CODE);

const RANGE = {
	firstRecordOffset: '1',
	lastRecordOffset: '1',
	firstRecordTimestamp: '2025-01-15T12:00:00.000Z',
	lastRecordTimestamp: '2025-01-15T12:00:00.000Z',
};

/** A record whose recordsInfo has the single key `key`. */
function withKey(key: string): string {
	return record([['KafkaBatchInfo', 'recordsInfo'], { [key]: RANGE }], [['KafkaBatchInfo', 'batchSize'], 1]);
}

function keyProblem(key: string, message: string): ProblemView[] {
	const text = withKey(key);
	return [on(text, JSON.stringify(key), 'error', message)];
}

describe('topic-partition-key', () => {
	it('accepts topics with hyphens, dots and underscores, split on the last hyphen', () => {
		for (const key of ['orders-0', 'my-topic.name_v2-12', 'a-2147483647', `${'t'.repeat(249)}-3`, 'x--1']) {
			assert.deepEqual(problemsWithCode(withKey(key), CODE), [], key);
		}
		assert.deepEqual(problemsWithCode(event(), CODE), []);
	});

	it('reports a key without a hyphen or without a partition number', () => {
		assert.deepEqual(
			problemsWithCode(withKey('orders'), CODE),
			keyProblem('orders', 'recordsInfo key "orders" has no hyphen: keys are "<topic>-<partition>", such as "orders-0".'),
		);
		assert.deepEqual(
			problemsWithCode(withKey('orders-'), CODE),
			keyProblem('orders-', 'recordsInfo key "orders-" has no partition number after its last hyphen.'),
		);
		assert.deepEqual(
			problemsWithCode(withKey('orders-x1'), CODE),
			keyProblem('orders-x1', 'recordsInfo key "orders-x1" has "x1" after its last hyphen, which is not a partition number.'),
		);
		assert.deepEqual(
			problemsWithCode(withKey('orders-1.5'), CODE),
			keyProblem('orders-1.5', 'recordsInfo key "orders-1.5" has "1.5" after its last hyphen, which is not a partition number.'),
		);
		assert.deepEqual(problemsWithCode(withKey('-0'), CODE), keyProblem('-0', 'recordsInfo key "-0" has no topic name before its last hyphen.'));
	});

	it('reports partitions with a leading zero or above 2147483647', () => {
		assert.deepEqual(
			problemsWithCode(withKey('orders-01'), CODE),
			keyProblem('orders-01', 'recordsInfo key "orders-01" has the partition "01" with a leading zero; partition numbers are written without one.'),
		);
		assert.deepEqual(
			problemsWithCode(withKey('orders-2147483648'), CODE),
			keyProblem(
				'orders-2147483648',
				'recordsInfo key "orders-2147483648" has the partition "2147483648", above Kafka\'s largest partition number 2147483647.',
			),
		);
		assert.deepEqual(
			problemsWithCode(withKey('orders-99999999999999999999'), CODE),
			keyProblem(
				'orders-99999999999999999999',
				'recordsInfo key "orders-99999999999999999999" has the partition "99999999999999999999", above Kafka\'s largest partition number 2147483647.',
			),
		);
	});

	it('reports topics Kafka rejects', () => {
		assert.deepEqual(
			problemsWithCode(withKey('my topic-0'), CODE),
			keyProblem(
				'my topic-0',
				'recordsInfo key "my topic-0" has an invalid topic: Kafka topic names may contain only ASCII letters, digits, ".", "_" and "-", and " " at position 3 is not one of them.',
			),
		);
		assert.deepEqual(
			problemsWithCode(withKey('café-0'), CODE),
			keyProblem(
				'café-0',
				'recordsInfo key "café-0" has an invalid topic: Kafka topic names may contain only ASCII letters, digits, ".", "_" and "-", and "é" at position 4 is not one of them.',
			),
		);
		assert.deepEqual(problemsWithCode(withKey('..-0'), CODE), keyProblem('..-0', 'recordsInfo key "..-0" has the topic "..", which Kafka does not allow.'));
		assert.deepEqual(problemsWithCode(withKey('.-0'), CODE), keyProblem('.-0', 'recordsInfo key ".-0" has the topic ".", which Kafka does not allow.'));
		const long = `${'t'.repeat(250)}-0`;
		const [problem] = problemsWithCode(withKey(long), CODE);
		assert.equal(problem?.message, `recordsInfo key "${'t'.repeat(59)}…" has a topic of 250 characters; Kafka topic names have at most 249.`);
		assert.equal(problem?.text, JSON.stringify(long));
	});

	it('highlights the key as written, escapes included', () => {
		const text = withKey('caf\u00e9-0').replace('café', 'caf\\u00e9');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.text, '"caf\\u00e9-0"');
	});

	it('checks the records keys of a Kafka event, bare and as a payload', () => {
		const bare = event([['records'], { orders: (EVENT['records'] as Json)['orders-0'] }]);
		assert.deepEqual(problemsWithCode(bare, CODE), [
			on(bare, '"orders"', 'error', 'records key "orders" has no hyphen: keys are "<topic>-<partition>", such as "orders-0".'),
		]);
		const payload = JSON.parse(bare) as Json;
		const s3 = record([['payload'], JSON.stringify(payload)]);
		const [nested] = problemsWithCode(s3, CODE);
		assert.equal(nested?.text, '\\"orders\\"');
		assert.equal(nested?.message, 'records key "orders" has no hyphen: keys are "<topic>-<partition>", such as "orders-0".');
	});

	it('ignores recordsInfo and records that are not objects', () => {
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo', 'recordsInfo'], ['orders']]), CODE), []);
		assert.deepEqual(problemsWithCode(event([['records'], 'orders-0']), CODE), []);
	});
});
