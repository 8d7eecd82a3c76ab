/** `record-age-range`: MaximumRecordAgeInSeconds 0..59 is rejected by AWS although the model allows it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../../helpers';

const CODE = 'record-age-range';
const AWS_MESSAGE = 'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive).';

describe('record-age-range', () => {
	it("reports 0 to 59 with AWS's message, on the value", () => {
		const text = '{\n  "FunctionName": "f",\n  "MaximumRecordAgeInSeconds": 30\n}';
		assert.deepEqual(problemsWithCode(text, CODE), [
			{ code: CODE, severity: 'error', message: AWS_MESSAGE, range: [2, 31, 2, 33], text: '30', fixes: ['Change to 60', 'Change to -1 (forever)'] },
		]);
		const problem = analyze(text).problems.find((p) => p.code === CODE)!;
		assert.equal(applyFix(text, problem, 0), '{\n  "FunctionName": "f",\n  "MaximumRecordAgeInSeconds": 60\n}');
		assert.equal(applyFix(text, problem, 1), '{\n  "FunctionName": "f",\n  "MaximumRecordAgeInSeconds": -1\n}');
		for (const age of [0, 59]) {
			assert.equal(problemsWithCode(`{"FunctionName": "f", "MaximumRecordAgeInSeconds": ${age}}`, CODE).length, 1, String(age));
		}
	});

	it('accepts -1 and 60 to 604800', () => {
		for (const age of [-1, 60, 3600, 604800]) {
			assert.deepEqual(problemsWithCode(`{"FunctionName": "f", "MaximumRecordAgeInSeconds": ${age}}`, CODE), [], String(age));
		}
	});

	it('leaves the model range and types to the schema', () => {
		for (const [value, schemaCode] of [
			['-2', 'schema-range'],
			['604801', 'schema-range'],
			['"30"', 'schema-type'],
			['30.5', 'schema-type'],
		]) {
			const text = `{"FunctionName": "f", "MaximumRecordAgeInSeconds": ${value}}`;
			assert.deepEqual(problemsWithCode(text, CODE), [], value);
			assert.equal(problemsWithCode(text, schemaCode).length, 1, value);
		}
	});
});
