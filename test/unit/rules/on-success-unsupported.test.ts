/** `on-success-unsupported`: OnSuccess is rejected for every event source mapping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../../helpers';

const CODE = 'on-success-unsupported';
const MESSAGE = 'AWS rejects "OnSuccess" for event source mappings: Unsupported DestinationConfig parameter for given event source mapping type.';

describe('on-success-unsupported', () => {
	it('reports OnSuccess in a destination config on its key, with a removal fix', () => {
		const text =
			'{\n  "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dlq"},\n  "OnSuccess": {"Destination": "arn:aws:sqs:us-east-1:123456789012:ok"}\n}';
		assert.deepEqual(problemsWithCode(text, CODE), [
			{ code: CODE, severity: 'error', message: MESSAGE, range: [2, 2, 2, 13], text: '"OnSuccess"', fixes: ['Remove OnSuccess'] },
		]);
		const problem = analyze(text).problems.find((p) => p.code === CODE)!;
		assert.equal(applyFix(text, problem), '{\n  "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dlq"}\n}');
	});

	it('reports OnSuccess alone, and its removal leaves an empty object', () => {
		const text = '{"OnSuccess": {}}';
		assert.deepEqual(problemsWithCode(text, CODE), [
			{ code: CODE, severity: 'error', message: MESSAGE, range: [0, 1, 0, 12], text: '"OnSuccess"', fixes: ['Remove OnSuccess'] },
		]);
		assert.equal(
			applyFix(
				text,
				analyze(text).problems.find((p) => p.code === CODE)!,
			),
			'{}',
		);
	});

	it('reports DestinationConfig.OnSuccess in an ESM request', () => {
		const text =
			'{"FunctionName": "f", "DestinationConfig": {"OnSuccess": {"Destination": "arn:aws:sqs:us-east-1:123456789012:ok"}, "OnFailure": {"Destination": ""}}}';
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, MESSAGE);
		assert.equal(problem?.text, '"OnSuccess"');
		assert.deepEqual(problem?.range, [0, 44, 0, 55]);
		assert.equal(
			applyFix(
				text,
				analyze(text).problems.find((p) => p.code === CODE)!,
			),
			'{"FunctionName": "f", "DestinationConfig": {"OnFailure": {"Destination": ""}}}',
		);
	});

	it('is silent without OnSuccess, and for OnSuccess outside DestinationConfig', () => {
		assert.deepEqual(problemsWithCode('{"OnFailure": {"Destination": "kafka://dlq"}}', CODE), []);
		assert.deepEqual(problemsWithCode('{"FunctionName": "f", "DestinationConfig": {"OnFailure": {}}}', CODE), []);
		// At the top of a request it is an unknown field, which the schema reports.
		const text = '{"FunctionName": "f", "OnSuccess": {}}';
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text, 'unknown-field').length, 1);
		assert.deepEqual(problemsWithCode('{"FunctionName": "f", "DestinationConfig": "OnSuccess"}', CODE), []);
	});
});
