/**
 * `batch-consistency`: a failure record's KafkaBatchInfo describes the batch in its payload
 * (batchSize, each partition's offsets and timestamps, recordInfo, ARN and brokers); mismatches
 * are warnings on the metadata.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import type { Edit, Json } from './recordFixtures';
import { EVENT, event, expectedProblem, RECORD, record } from './recordFixtures';

const CODE = 'batch-consistency';
const on = expectedProblem(CODE);

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
			on(
				text,
				'"2025-01-15T12:00:00.100Z"',
				'warning',
				'"firstRecordTimestamp" is 2025-01-15T12:00:00.100Z, but the earliest record of "orders-0" in "payload" has the timestamp 1736942400123 (2025-01-15T12:00:00.123Z).',
			),
			on(
				text,
				'"2025-01-15T12:00:00.500Z"',
				'warning',
				'"lastRecordTimestamp" is 2025-01-15T12:00:00.500Z, but the latest record of "orders-0" in "payload" has the timestamp 1736942400456 (2025-01-15T12:00:00.456Z).',
			),
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
			on(
				text,
				'"2019-11-14T18:16:05.568Z"',
				'warning',
				'"timestamp" is 2019-11-14T18:16:05.568Z, but the record in "payload" has the timestamp 1736942400123 (2025-01-15T12:00:00.123Z).',
			),
		]);
	});

	it("compares the cluster ARN and the brokers with the event's", () => {
		const text = s3(
			[[['KafkaBatchInfo', 'bootstrapServers'], 'other:9092']],
			[[['eventSourceArn'], 'arn:aws:kafka:us-east-1:123456789012:cluster/other/7c9e6679-7425-40de-944b-e07fc1f90ae7-1']],
		);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3"',
				'warning',
				'"eventSourceArn" is not the same as the "eventSourceArn" of the event in "payload", "arn:aws:kafka:us-east-1:123456789012:cluster/other/7c9e6679-7425-40de-944b-e07fc1f90ae7-1".',
			),
			on(
				text,
				'"other:9092"',
				'warning',
				'"bootstrapServers" is not the same as the "bootstrapServers" of the event in "payload", "b-1.example.com:9098,b-2.example.com:9098".',
			),
		]);
		assert.deepEqual(problemsWithCode(s3([[['KafkaBatchInfo', 'bootstrapServers'], '...']]), CODE), [], "the placeholder is bootstrap-servers' concern");
	});

	it('compares offsets above 2^53 - 1 exactly, from the digits of both sides', () => {
		const big = (first: string, last: string): string =>
			s3(
				[
					[[...ORDERS_0, 'firstRecordOffset'], first],
					[[...ORDERS_0, 'lastRecordOffset'], last],
				],
				[
					[[...FIRST_RECORD, 'offset'], '@A'],
					[[...SECOND_RECORD, 'offset'], '@B'],
				],
			)
				.replace('"@A"', '9007199254740993')
				.replace('"@B"', '9007199254740992');
		assert.deepEqual(problemsWithCode(big('9007199254740992', '9007199254740993'), CODE), []);
		const text = big('9007199254740992', '9007199254740994');
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"9007199254740994"',
				'warning',
				'"lastRecordOffset" is 9007199254740994, but the highest offset of "orders-0" in "payload" is 9007199254740993.',
			),
		]);
		const inString = s3(
			[
				[[...ORDERS_0, 'firstRecordOffset'], '9007199254740992'],
				[[...ORDERS_0, 'lastRecordOffset'], '9007199254740992'],
			],
			[
				[[...FIRST_RECORD, 'offset'], 9007199254740992],
				[[...SECOND_RECORD, 'offset'], '@B'],
			],
			true,
		).replace('\\"@B\\"', '9007199254740993');
		assert.deepEqual(
			problemsWithCode(inString, CODE).map((p) => p.message),
			['"lastRecordOffset" is 9007199254740992, but the highest offset of "orders-0" in "payload" is 9007199254740993.'],
		);
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
