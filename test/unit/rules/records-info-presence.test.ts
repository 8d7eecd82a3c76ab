/**
 * `records-info-presence`: KafkaBatchInfo names the failed records with recordsInfo (SQS, SNS,
 * S3) or recordInfo (Kafka-topic destinations), exactly one of them (facts sheet §3.5, §9 rule 16).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';

const CODE = 'records-info-presence';

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

const SINGLE = { offset: '42', timestamp: '2025-01-15T12:00:00.456Z' };

describe('records-info-presence', () => {
	it('accepts recordsInfo alone and recordInfo alone', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo', 'recordsInfo'], undefined], [['KafkaBatchInfo', 'recordInfo'], SINGLE]), CODE), []);
	});

	it('reports a KafkaBatchInfo with neither, on its key', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo'], undefined]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"KafkaBatchInfo"', 'error', '"KafkaBatchInfo" has neither "recordsInfo" nor "recordInfo", so the record does not say which Kafka records failed.'),
		]);
	});

	it('warns when both are present, on recordInfo', () => {
		const text = record([['KafkaBatchInfo', 'recordInfo'], SINGLE]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"recordInfo"',
				'warning',
				'"KafkaBatchInfo" has both "recordsInfo" and "recordInfo"; Lambda writes "recordsInfo" to SQS, SNS and S3 destinations and "recordInfo" to Kafka-topic destinations, never both.',
			),
		]);
	});

	it('warns on an empty recordsInfo', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo'], {}]);
		assert.deepEqual(problemsWithCode(text, CODE), [on(text, '{}', 'warning', '"recordsInfo" is empty; a failed batch has at least one partition with at least one record.')]);
	});

	it('says nothing when KafkaBatchInfo is not an object (the schema reports it)', () => {
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo'], []]), CODE), []);
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo'], null]), CODE), []);
	});
});
