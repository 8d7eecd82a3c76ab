/**
 * `topic-partition-key`: recordsInfo and records keys are "<topic>-<partition>", split on the
 * last hyphen, with a Kafka topic name and a Java int partition (facts sheet §4, §9 rule 15).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';

const CODE = 'topic-partition-key';

type Json = Record<string, unknown>;
type Edit = [path: string[], value: unknown];

/** A valid SQS-destination failure record. */
const RECORD: Json = {
	requestContext: { requestId: '9f3c2a71-4b8e-4d2f-a6c5-1e7b0d93f8a4', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
	responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
	version: '1.0',
	timestamp: '2025-01-15T12:00:31.250Z',
	KafkaBatchInfo: {
		batchSize: 3,
		eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
		bootstrapServers: 'b-1.example.com:9098,b-2.example.com:9098',
		payloadSize: 1512,
		recordsInfo: {
			'orders-0': { firstRecordOffset: '41', lastRecordOffset: '42', firstRecordTimestamp: '2025-01-15T12:00:00.123Z', lastRecordTimestamp: '2025-01-15T12:00:00.456Z' },
			'orders-1': { firstRecordOffset: '17', lastRecordOffset: '17', firstRecordTimestamp: '2025-01-15T12:00:01.789Z', lastRecordTimestamp: '2025-01-15T12:00:01.789Z' },
		},
	},
};

/** A copy of `base` with each edit applied (a value of undefined deletes the member). */
function edited(base: Json, edits: readonly Edit[]): Json {
	const copy = structuredClone(base);
	for (const [path, value] of edits) {
		let target = copy;
		for (const segment of path.slice(0, -1)) {
			target = target[segment] as Json;
		}
		const last = path[path.length - 1];
		if (value === undefined) {
			delete target[last];
		} else {
			target[last] = structuredClone(value);
		}
	}
	return copy;
}

/** The record, edited, as one line of JSON. */
function record(...edits: Edit[]): string {
	return JSON.stringify(edited(RECORD, edits));
}

/** The expected problem covering the `nth` occurrence of `needle` in `text`. */
function on(text: string, needle: string, severity: string, message: string, fixes: string[] = [], nth = 0): ProblemView {
	let start = -1;
	for (let i = 0; i <= nth; i++) {
		start = text.indexOf(needle, start + 1);
		assert.ok(start >= 0, `${needle} (#${nth}) not found in ${text}`);
	}
	const end = start + needle.length;
	const position = (offset: number): [number, number] => {
		const before = text.slice(0, offset);
		const line = before.split('\n').length - 1;
		return [line, offset - (before.lastIndexOf('\n') + 1)];
	};
	return { code: CODE, severity, message, range: [...position(start), ...position(end)], text: needle, fixes };
}

/** A valid Amazon MSK event with two records under "orders-0". */
const EVENT: Json = {
	eventSource: 'aws:kafka',
	eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
	bootstrapServers: 'b-1.example.com:9098,b-2.example.com:9098',
	records: {
		'orders-0': [
			{ topic: 'orders', partition: 0, offset: 41, timestamp: 1736942400123, timestampType: 'CREATE_TIME', key: 'Y3VzdG9tZXItMTAwMQ==', value: 'eyJvcmRlcklkIjo0MX0=', headers: [] },
			{ topic: 'orders', partition: 0, offset: 42, timestamp: 1736942400456, timestampType: 'CREATE_TIME', key: 'Y3VzdG9tZXItMTAwMg==', value: 'eyJvcmRlcklkIjo0Mn0=', headers: [] },
		],
	},
};

/** The event, edited, as one line of JSON. */
function event(...edits: Edit[]): string {
	return JSON.stringify(edited(EVENT, edits));
}

const RANGE = { firstRecordOffset: '1', lastRecordOffset: '1', firstRecordTimestamp: '2025-01-15T12:00:00.000Z', lastRecordTimestamp: '2025-01-15T12:00:00.000Z' };

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
		assert.deepEqual(problemsWithCode(withKey('orders'), CODE), keyProblem('orders', 'recordsInfo key "orders" has no hyphen: keys are "<topic>-<partition>", such as "orders-0".'));
		assert.deepEqual(problemsWithCode(withKey('orders-'), CODE), keyProblem('orders-', 'recordsInfo key "orders-" has no partition number after its last hyphen.'));
		assert.deepEqual(problemsWithCode(withKey('orders-x1'), CODE), keyProblem('orders-x1', 'recordsInfo key "orders-x1" has "x1" after its last hyphen, which is not a partition number.'));
		assert.deepEqual(problemsWithCode(withKey('orders-1.5'), CODE), keyProblem('orders-1.5', 'recordsInfo key "orders-1.5" has "1.5" after its last hyphen, which is not a partition number.'));
		assert.deepEqual(problemsWithCode(withKey('-0'), CODE), keyProblem('-0', 'recordsInfo key "-0" has no topic name before its last hyphen.'));
	});

	it('reports partitions with a leading zero or above 2147483647', () => {
		assert.deepEqual(problemsWithCode(withKey('orders-01'), CODE), keyProblem('orders-01', 'recordsInfo key "orders-01" has the partition "01" with a leading zero; partition numbers are written without one.'));
		assert.deepEqual(
			problemsWithCode(withKey('orders-2147483648'), CODE),
			keyProblem('orders-2147483648', 'recordsInfo key "orders-2147483648" has the partition "2147483648", above Kafka\'s largest partition number 2147483647.'),
		);
		assert.deepEqual(
			problemsWithCode(withKey('orders-99999999999999999999'), CODE),
			keyProblem('orders-99999999999999999999', 'recordsInfo key "orders-99999999999999999999" has the partition "99999999999999999999", above Kafka\'s largest partition number 2147483647.'),
		);
	});

	it('reports topics Kafka rejects', () => {
		assert.deepEqual(
			problemsWithCode(withKey('my topic-0'), CODE),
			keyProblem('my topic-0', 'recordsInfo key "my topic-0" has an invalid topic: Kafka topic names may contain only ASCII letters, digits, ".", "_" and "-", and " " at position 3 is not one of them.'),
		);
		assert.deepEqual(
			problemsWithCode(withKey('café-0'), CODE),
			keyProblem('café-0', 'recordsInfo key "café-0" has an invalid topic: Kafka topic names may contain only ASCII letters, digits, ".", "_" and "-", and "é" at position 4 is not one of them.'),
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
		assert.deepEqual(problemsWithCode(bare, CODE), [on(bare, '"orders"', 'error', 'records key "orders" has no hyphen: keys are "<topic>-<partition>", such as "orders-0".')]);
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
