/**
 * `condition-value`: requestContext.condition holds one of the values event source mappings
 * report; asynchronous-invocation values (copied by AWS's Kafka-destination example) get an
 * explanation, anything else a did-you-mean (facts sheet §3.2, §9 rule 14).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../../helpers';
import { expectedProblem, record } from './recordFixtures';

const CODE = 'condition-value';
const on = expectedProblem(CODE);

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

	it("explains RetriesExhausted, the value AWS's Kafka-destination example copies from asynchronous invocation", () => {
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
			on(
				success,
				'"Success"',
				'warning',
				'"Success" is an asynchronous-invocation condition; event source mappings send records only on failure, with "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".',
			),
		]);
		const zero = record([CONDITION, 'ZeroReservedConcurrency']);
		assert.deepEqual(problemsWithCode(zero, CODE), [
			on(
				zero,
				'"ZeroReservedConcurrency"',
				'warning',
				'"ZeroReservedConcurrency" is an asynchronous-invocation condition; Kafka event source mappings report "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".',
			),
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
			on(
				text,
				'"Timeout"',
				'warning',
				'"Timeout" is not a condition Kafka event source mappings report; expected "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".',
			),
		]);
		const long = record([CONDITION, 'x'.repeat(100_000)]);
		const [problem] = problemsWithCode(long, CODE);
		assert.ok(problem && problem.message.length < 300);
		assert.equal(problemsWithCode(record([CONDITION, '']), CODE).length, 1);
	});
});
