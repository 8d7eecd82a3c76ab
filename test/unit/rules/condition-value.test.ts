/**
 * `condition-value`: requestContext.condition holds one of the values event source mappings
 * report; asynchronous-invocation values (copied by AWS's Kafka-destination example) get an
 * explanation, anything else a did-you-mean (facts sheet §3.2, §9 rule 14).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { analyze, applyFix, problemsWithCode } from '../../helpers';

const CODE = 'condition-value';

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

function fixed(text: string, fixIndex = 0): string {
	const problem = analyze(text).problems.find((p) => p.code === CODE);
	assert.ok(problem, `no ${CODE} problem in ${text}`);
	return applyFix(text, problem, fixIndex);
}

const CONDITION = ['requestContext', 'condition'];

describe('condition-value', () => {
	it('accepts the three conditions event source mappings report', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([CONDITION, 'MaximumPayloadSizeExceeded'], [['responseContext'], null]), CODE), []);
		assert.deepEqual(problemsWithCode(record([CONDITION, 'RecordAgeExceeded'], [['responseContext'], undefined]), CODE), []);
	});

	it('leaves a condition that is not a string to the schema', () => {
		const text = record([CONDITION, 42]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text, 'schema-type').length, 1);
	});

	it('explains RetriesExhausted, the value AWS\'s Kafka-destination example copies from asynchronous invocation', () => {
		const text = record([CONDITION, 'RetriesExhausted']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"RetriesExhausted"',
				'warning',
				'"RetriesExhausted" is an asynchronous-invocation condition; Kafka event source mappings report "RetryAttemptsExhausted" (AWS\'s Kafka-destination example shows "RetriesExhausted" because it copies the asynchronous-invocation record).',
				['Change to "RetryAttemptsExhausted"'],
			),
		]);
		assert.equal(fixed(text), record());
	});

	it('maps EventAgeExceeded to RecordAgeExceeded', () => {
		const text = record([CONDITION, 'EventAgeExceeded']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"EventAgeExceeded"',
				'warning',
				'"EventAgeExceeded" is an asynchronous-invocation condition; Kafka event source mappings report "RecordAgeExceeded" when a record is older than MaximumRecordAgeInSeconds.',
				['Change to "RecordAgeExceeded"'],
			),
		]);
		assert.equal(fixed(text), record([CONDITION, 'RecordAgeExceeded']));
	});

	it('warns on Success and ZeroReservedConcurrency without a fix', () => {
		const success = record([CONDITION, 'Success']);
		assert.deepEqual(problemsWithCode(success, CODE), [
			on(success, '"Success"', 'warning', '"Success" is an asynchronous-invocation condition; event source mappings send records only on failure, with "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".'),
		]);
		const zero = record([CONDITION, 'ZeroReservedConcurrency']);
		assert.deepEqual(problemsWithCode(zero, CODE), [
			on(zero, '"ZeroReservedConcurrency"', 'warning', '"ZeroReservedConcurrency" is an asynchronous-invocation condition; Kafka event source mappings report "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".'),
		]);
	});

	it('suggests the known value for a different case or a typo', () => {
		const lower = record([CONDITION, 'retryattemptsexhausted']);
		assert.deepEqual(problemsWithCode(lower, CODE), [
			on(
				lower,
				'"retryattemptsexhausted"',
				'warning',
				'"retryattemptsexhausted" is not a condition Kafka event source mappings report; expected "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded". Did you mean "RetryAttemptsExhausted"?',
				['Change to "RetryAttemptsExhausted"'],
			),
		]);
		assert.equal(fixed(lower), record());
		const typo = record([CONDITION, 'MaximumPayloadSizeExeeded']);
		assert.deepEqual(
			problemsWithCode(typo, CODE).map((p) => p.fixes),
			[['Change to "MaximumPayloadSizeExceeded"']],
		);
	});

	it('warns without a suggestion on anything else, and shortens a long value in the message', () => {
		const text = record([CONDITION, 'Timeout']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"Timeout"', 'warning', '"Timeout" is not a condition Kafka event source mappings report; expected "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".'),
		]);
		const long = record([CONDITION, 'x'.repeat(100_000)]);
		const [problem] = problemsWithCode(long, CODE);
		assert.ok(problem && problem.message.length < 300);
		assert.equal(problemsWithCode(record([CONDITION, '']), CODE).length, 1);
	});
});
