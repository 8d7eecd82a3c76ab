/**
 * `response-context`: responseContext agrees with the condition (facts sheet §3.3, §9 rule 13):
 * expected when the function ran, documented as null for MaximumPayloadSizeExceeded, and absent
 * in AWS-validated RecordAgeExceeded records.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import { expectedProblem, record } from './recordFixtures';

const CODE = 'response-context';
const on = expectedProblem(CODE);

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
			on(
				text,
				'null',
				'warning',
				'"responseContext" is null, but "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response here.',
			),
		]);
	});

	it('warns on a missing responseContext when the function ran, at the condition', () => {
		const text = record([['responseContext'], undefined]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"RetryAttemptsExhausted"',
				'warning',
				'This record has no "responseContext", but its "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response.',
			),
		]);
	});

	it('warns on a response object where AWS documents null: Lambda does not send such a record', () => {
		const text = record([CONDITION, 'MaximumPayloadSizeExceeded']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"responseContext"',
				'warning',
				'"responseContext" is an object, but AWS documents it as null when "condition" is "MaximumPayloadSizeExceeded": Lambda does not send a record like this one.',
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
