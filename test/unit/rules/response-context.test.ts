/**
 * `response-context`: responseContext agrees with the condition (facts sheet §3.3, §9 rule 13):
 * expected when the function ran, documented as null for MaximumPayloadSizeExceeded, and absent
 * in AWS-validated RecordAgeExceeded records.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';

const CODE = 'response-context';

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

const CONDITION = ['requestContext', 'condition'];

describe('response-context', () => {
	it('accepts a response with RetryAttemptsExhausted, null with MaximumPayloadSizeExceeded and none with RecordAgeExceeded', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([CONDITION, 'MaximumPayloadSizeExceeded'], [['responseContext'], null]), CODE), []);
		assert.deepEqual(problemsWithCode(record([CONDITION, 'RecordAgeExceeded'], [['responseContext'], undefined]), CODE), []);
		assert.deepEqual(problemsWithCode(record([CONDITION, 'RecordAgeExceeded'], [['responseContext'], null]), CODE), []);
	});

	it('warns on a null responseContext when the function ran', () => {
		const text = record([['responseContext'], null]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, 'null', 'warning', '"responseContext" is null, but "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response here.'),
		]);
	});

	it('warns on a missing responseContext when the function ran, at the condition', () => {
		const text = record([['responseContext'], undefined]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"RetryAttemptsExhausted"', 'warning', 'This record has no "responseContext", but its "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response.'),
		]);
	});

	it('notes a response object where AWS documents null', () => {
		const text = record([CONDITION, 'MaximumPayloadSizeExceeded']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"responseContext"',
				'info',
				'"responseContext" is an object, but AWS documents it as null when "condition" is "MaximumPayloadSizeExceeded", as the function is not invoked with a batch that is too large.',
			),
		]);
	});

	it('leaves values of the wrong type to the schema', () => {
		for (const value of ['none', 42, [], true]) {
			assert.deepEqual(problemsWithCode(record([['responseContext'], value]), CODE), [], JSON.stringify(value));
			assert.deepEqual(problemsWithCode(record([CONDITION, 'MaximumPayloadSizeExceeded'], [['responseContext'], value]), CODE), [], JSON.stringify(value));
		}
		assert.deepEqual(problemsWithCode(record([['requestContext'], 'x']), CODE), []);
	});
});
