/**
 * `record-key-match`: each record of a Kafka event sits under the "<topic>-<partition>" key of its
 * own topic and partition (facts sheet §9 rule 18).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';

const CODE = 'record-key-match';

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
		assert.deepEqual(problemsWithCode(text, CODE), [on(text, '"payments"', 'error', '"topic" is "payments", but the record is listed under "orders-0", the key of topic "orders".')]);
	});

	it('reports a record of another partition, on its partition', () => {
		const text = event([[...RECORDS, '1', 'partition'], 7]);
		const at = text.indexOf('"partition":7') + '"partition":'.length;
		assert.deepEqual(problemsWithCode(text, CODE), [
			{ code: CODE, severity: 'error', message: '"partition" is 7, but the record is listed under "orders-0", the key of partition 0.', range: [0, at, 0, at + 1], text: '7', fixes: [] },
		]);
	});

	it('compares a string partition too, which the schema reports as a type error', () => {
		const same = event([[...RECORDS, '0', 'partition'], '0']);
		assert.deepEqual(problemsWithCode(same, CODE), []);
		assert.equal(problemsWithCode(same, 'schema-type').length, 1);
		const other = event([[...RECORDS, '0', 'partition'], '1']);
		assert.deepEqual(problemsWithCode(other, CODE), [on(other, '"1"', 'error', '"partition" is "1", but the record is listed under "orders-0", the key of partition 0.')]);
	});

	it('leaves records under an invalid key to topic-partition-key', () => {
		const list = (EVENT['records'] as Json)['orders-0'];
		const text = event([['records'], { orders: list, 'orders-01': list }]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text, 'topic-partition-key').length, 2);
	});

	it('ignores records that are not objects and members of other types', () => {
		assert.deepEqual(problemsWithCode(event([['records'], { 'orders-0': [null, 1, 'x', [], { topic: 5, partition: null }, { topic: 'orders', partition: 1.5 }] }]), CODE), []);
	});

	it('checks the payload of an S3 record, in the payload', () => {
		const payload = JSON.parse(event([[...RECORDS, '0', 'topic'], 'payments'])) as Json;
		const text = record([['payload'], payload]);
		assert.deepEqual(problemsWithCode(text, CODE), [on(text, '"payments"', 'error', '"topic" is "payments", but the record is listed under "orders-0", the key of topic "orders".')]);
	});
});
