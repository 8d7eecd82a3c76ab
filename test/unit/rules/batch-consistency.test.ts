/**
 * `batch-consistency`: a failure record's KafkaBatchInfo describes the batch in its payload
 * (batchSize, each partition's offsets and timestamps, recordInfo, ARN and brokers); mismatches
 * are warnings on the metadata.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';

const CODE = 'batch-consistency';

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

/** An S3 record (recordsInfo for orders-0 only, batchSize 2) whose payload is the event, both edited. */
function s3(recordEdits: Edit[], eventEdits: Edit[] = [], asString = false): string {
	const payload = JSON.parse(event(...eventEdits)) as Json;
	const orders0 = ((RECORD['KafkaBatchInfo'] as Json)['recordsInfo'] as Json)['orders-0'];
	return record(
		[['KafkaBatchInfo', 'recordsInfo'], { 'orders-0': orders0 }],
		[['KafkaBatchInfo', 'batchSize'], 2],
		[['payload'], asString ? JSON.stringify(payload) : payload],
		...recordEdits,
	);
}

const ORDERS_0 = ['KafkaBatchInfo', 'recordsInfo', 'orders-0'];
const FIRST_RECORD = ['records', 'orders-0', '0'];
const SECOND_RECORD = ['records', 'orders-0', '1'];

describe('batch-consistency', () => {
	it('accepts metadata that describes the payload, as an object or a string', () => {
		assert.deepEqual(problemsWithCode(s3([]), CODE), []);
		assert.deepEqual(problemsWithCode(s3([], [], true), CODE), []);
	});

	it('says nothing without a payload, or with a payload that is not an event', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([['payload'], '<Whole Event>']), CODE), []);
		assert.deepEqual(problemsWithCode(record([['payload'], { records: [] }]), CODE), []);
	});

	it('compares batchSize with the number of records', () => {
		const text = s3([[['KafkaBatchInfo', 'batchSize'], 3]]);
		const at = text.indexOf('"batchSize":3') + '"batchSize":'.length;
		assert.deepEqual(problemsWithCode(text, CODE), [
			{ code: CODE, severity: 'warning', message: '"batchSize" is 3, but "payload" holds 2 records.', range: [0, at, 0, at + 1], text: '3', fixes: [] },
		]);
	});

	it('compares first and last offsets with the lowest and highest offsets of the partition', () => {
		const text = s3([
			[[...ORDERS_0, 'firstRecordOffset'], '40'],
			[[...ORDERS_0, 'lastRecordOffset'], '43'],
		]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"40"', 'warning', '"firstRecordOffset" is 40, but the lowest offset of "orders-0" in "payload" is 41.'),
			on(text, '"43"', 'warning', '"lastRecordOffset" is 43, but the highest offset of "orders-0" in "payload" is 42.'),
		]);
	});

	it('compares timestamps with the earliest and latest records', () => {
		const text = s3([
			[[...ORDERS_0, 'firstRecordTimestamp'], '2025-01-15T12:00:00.100Z'],
			[[...ORDERS_0, 'lastRecordTimestamp'], '2025-01-15T12:00:00.500Z'],
		]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"2025-01-15T12:00:00.100Z"', 'warning', '"firstRecordTimestamp" is 2025-01-15T12:00:00.100Z, but the earliest record of "orders-0" in "payload" has the timestamp 1736942400123 (2025-01-15T12:00:00.123Z).'),
			on(text, '"2025-01-15T12:00:00.500Z"', 'warning', '"lastRecordTimestamp" is 2025-01-15T12:00:00.500Z, but the latest record of "orders-0" in "payload" has the timestamp 1736942400456 (2025-01-15T12:00:00.456Z).'),
		]);
	});

	it('accepts timestamps of the first and last records by offset when producers wrote them out of order', () => {
		const text = s3(
			[
				[[...ORDERS_0, 'firstRecordTimestamp'], '2025-01-15T12:00:00.900Z'],
				[[...ORDERS_0, 'lastRecordTimestamp'], '2025-01-15T12:00:00.456Z'],
			],
			[[[...FIRST_RECORD, 'timestamp'], 1736942400900]],
		);
		assert.deepEqual(problemsWithCode(text, CODE), []);
	});

	it('reports partitions listed on one side only, on the recordsInfo keys', () => {
		const orders0 = ((RECORD['KafkaBatchInfo'] as Json)['recordsInfo'] as Json)['orders-0'];
		const extra = { ...((EVENT['records'] as Json)['orders-0'] as Json[])[0], partition: 9 };
		const text = s3(
			[
				[['KafkaBatchInfo', 'recordsInfo'], { 'orders-0': orders0, 'orders-5': orders0 }],
				[['KafkaBatchInfo', 'batchSize'], 3],
			],
			[[['records', 'orders-9'], [extra]]],
		);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"recordsInfo"', 'warning', '"payload" has records of "orders-9", which "recordsInfo" does not list.'),
			on(text, '"orders-5"', 'warning', 'recordsInfo "orders-5" has no records in "payload".'),
		]);
	});

	it('compares recordInfo with the single record of a Kafka-destination record', () => {
		const single = (edits: Edit[]): string =>
			record(
				[['KafkaBatchInfo', 'recordsInfo'], undefined],
				[['KafkaBatchInfo', 'batchSize'], 1],
				[['KafkaBatchInfo', 'recordInfo'], { offset: '41', timestamp: '2025-01-15T12:00:00.123Z' }],
				[['payload'], JSON.parse(event([['records', 'orders-0'], [((EVENT['records'] as Json)['orders-0'] as Json[])[0]]])) as Json],
				...edits,
			);
		assert.deepEqual(problemsWithCode(single([]), CODE), []);
		const text = single([[['KafkaBatchInfo', 'recordInfo'], { offset: '100', timestamp: '2019-11-14T18:16:05.568Z' }]]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"100"', 'warning', '"offset" is 100, but the record in "payload" has the offset 41.'),
			on(text, '"2019-11-14T18:16:05.568Z"', 'warning', '"timestamp" is 2019-11-14T18:16:05.568Z, but the record in "payload" has the timestamp 1736942400123 (2025-01-15T12:00:00.123Z).'),
		]);
	});

	it('compares the cluster ARN and the brokers with the event\'s', () => {
		const text = s3([[['KafkaBatchInfo', 'bootstrapServers'], 'other:9092']], [[['eventSourceArn'], 'arn:aws:kafka:us-east-1:123456789012:cluster/other/7c9e6679-7425-40de-944b-e07fc1f90ae7-1']]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3"',
				'warning',
				'"eventSourceArn" is not the same as the "eventSourceArn" of the event in "payload", "arn:aws:kafka:us-east-1:123456789012:cluster/other/7c9e6679-7425-40de-944b-e07fc1f90ae7-1".',
			),
			on(text, '"other:9092"', 'warning', '"bootstrapServers" is not the same as the "bootstrapServers" of the event in "payload", "b-1.example.com:9098,b-2.example.com:9098".'),
		]);
		assert.deepEqual(problemsWithCode(s3([[['KafkaBatchInfo', 'bootstrapServers'], '...']]), CODE), [], 'the placeholder is bootstrap-servers\' concern');
	});

	it('compares offsets above 2^53 - 1 exactly, from the digits of both sides', () => {
		const big = (first: string, last: string): string =>
			s3([[[...ORDERS_0, 'firstRecordOffset'], first], [[...ORDERS_0, 'lastRecordOffset'], last]], [[[...FIRST_RECORD, 'offset'], '@A'], [[...SECOND_RECORD, 'offset'], '@B']])
				.replace('"@A"', '9007199254740993')
				.replace('"@B"', '9007199254740992');
		assert.deepEqual(problemsWithCode(big('9007199254740992', '9007199254740993'), CODE), []);
		const text = big('9007199254740992', '9007199254740994');
		assert.deepEqual(problemsWithCode(text, CODE), [on(text, '"9007199254740994"', 'warning', '"lastRecordOffset" is 9007199254740994, but the highest offset of "orders-0" in "payload" is 9007199254740993.')]);
		const inString = s3([[[...ORDERS_0, 'firstRecordOffset'], '9007199254740992'], [[...ORDERS_0, 'lastRecordOffset'], '9007199254740992']], [[[...FIRST_RECORD, 'offset'], 9007199254740992], [[...SECOND_RECORD, 'offset'], '@B']], true).replace(
			'\\"@B\\"',
			'9007199254740993',
		);
		assert.deepEqual(problemsWithCode(inString, CODE).map((p) => p.message), ['"lastRecordOffset" is 9007199254740992, but the highest offset of "orders-0" in "payload" is 9007199254740993.']);
	});

	it('leaves invalid offsets and timestamps to the rules that report them', () => {
		const text = s3([
			[[...ORDERS_0, 'firstRecordOffset'], '49601189658422359378836298521827638475320189012309704722'],
			[[...ORDERS_0, 'lastRecordTimestamp'], 'yesterday'],
		]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.deepEqual(problemsWithCode(s3([], [[[...FIRST_RECORD, 'offset'], 'x']]), CODE), []);
	});
});
