import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsOf } from '../helpers';

const config = (body: string): string => `{"OnFailure": {"Destination": ${body}}}`;

describe('syntax problems', () => {
	it('reports a comment with a fix that removes its whole line', () => {
		const text = '{\n  // where failed batches go\n  "OnFailure": {"Destination": ""}\n}';
		const problems = problemsOf(text).filter((p) => p.code === 'syntax-comment');
		assert.deepEqual(problems, [
			{
				code: 'syntax-comment',
				severity: 'error',
				message: 'Comments are not allowed in JSON: AWS rejects this document until the comment is removed.',
				range: [1, 2, 1, 28],
				text: '// where failed batches go',
				fixes: ['Remove comment'],
			},
		]);
		const analysis = analyze(text);
		const problem = analysis.problems.find((p) => p.code === 'syntax-comment')!;
		assert.equal(applyFix(text, problem), '{\n  "OnFailure": {"Destination": ""}\n}');
	});

	it('reports a trailing comma with a fix', () => {
		const text = config('"",');
		const [problem] = analyze(text).problems.filter((p) => p.code === 'syntax-trailing-comma');
		assert.ok(problem);
		assert.equal(text.slice(problem.start, problem.end), ',');
		assert.equal(applyFix(text, problem), config('""'));
	});

	it('reports a union once, without an invented field, and offers each alternative', () => {
		const text =
			'{"requestContext": {"requestId": "r", "functionArn": "arn:aws:lambda:us-east-1:123456789012:function:f", "condition": "RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded", "approximateInvokeCount": 1}}';
		const problems = problemsOf(text);
		const union = problems.filter((p) => p.code === 'syntax-union');
		assert.equal(union.length, 1);
		assert.equal(union[0].text, '"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"');
		assert.deepEqual(union[0].fixes, ['Keep "RetryAttemptsExhausted"', 'Keep "MaximumPayloadSizeExceeded"']);
		assert.equal(problems.filter((p) => p.code === 'unknown-field').length, 0);
		assert.equal(problems.filter((p) => p.code === 'syntax-error').length, 0);
		const fixed = applyFix(text, analyze(text).problems.find((p) => p.code === 'syntax-union')!, 1);
		assert.match(fixed, /"condition": "MaximumPayloadSizeExceeded", "approximateInvokeCount"/);
	});

	it('reports an unterminated string clearly', () => {
		const text = '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q}}';
		const problems = problemsOf(text).filter((p) => p.code === 'syntax-error');
		assert.equal(problems[0]?.message, 'Unterminated string: add the closing double quote.');
	});

	it('leaves out what VS Code reports for json, but keeps comments for jsonc', () => {
		const text = '{\n  // c\n  "OnFailure": {"Destination": "",}\n}';
		const json = problemsOf(text, { languageId: 'json', hostReportsJsonSyntax: true });
		assert.deepEqual(json.filter((p) => p.code.startsWith('syntax-')), []);
		const jsonc = problemsOf(text, { languageId: 'jsonc', hostReportsJsonSyntax: true });
		assert.deepEqual(jsonc.filter((p) => p.code.startsWith('syntax-')).map((p) => p.code), ['syntax-comment']);
		const plain = problemsOf(text, { languageId: 'plaintext', hostReportsJsonSyntax: true });
		assert.deepEqual(plain.filter((p) => p.code.startsWith('syntax-')).map((p) => p.code), ['syntax-comment', 'syntax-trailing-comma']);
		// The hidden ones keep their fixes for code actions.
		assert.deepEqual(analyze(text, { languageId: 'json', hostReportsJsonSyntax: true }).hostProblems.map((p) => p.code), ['syntax-comment', 'syntax-trailing-comma']);
	});
});
