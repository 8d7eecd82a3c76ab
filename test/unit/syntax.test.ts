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
		const fixed = applyFix(
			text,
			analyze(text).problems.find((p) => p.code === 'syntax-union')!,
			1,
		);
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
		assert.deepEqual(
			json.filter((p) => p.code.startsWith('syntax-')),
			[],
		);
		const jsonc = problemsOf(text, { languageId: 'jsonc', hostReportsJsonSyntax: true });
		assert.deepEqual(
			jsonc.filter((p) => p.code.startsWith('syntax-')).map((p) => p.code),
			['syntax-comment'],
		);
		const plain = problemsOf(text, { languageId: 'plaintext', hostReportsJsonSyntax: true });
		assert.deepEqual(
			plain.filter((p) => p.code.startsWith('syntax-')).map((p) => p.code),
			['syntax-comment', 'syntax-trailing-comma'],
		);
		// The hidden ones keep their fixes for code actions.
		assert.deepEqual(
			analyze(text, { languageId: 'json', hostReportsJsonSyntax: true }).hostProblems.map((p) => p.code),
			['syntax-comment', 'syntax-trailing-comma'],
		);
	});
});

describe('a union in a json file (issue 17, item 7)', () => {
	it('is published with its explanation and fixes even where VS Code reports JSON syntax itself', () => {
		const text = '{\n  "requestContext": {\n    "condition": "RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded",\n  }\n}';
		const options = { languageId: 'json', hostReportsJsonSyntax: true };
		assert.deepEqual(
			problemsOf(text, options).filter((p) => p.code.startsWith('syntax-')),
			[
				{
					code: 'syntax-union',
					severity: 'error',
					message:
						'"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded" is a TypeScript-style union from AWS\'s documentation, not JSON: a record holds exactly one of these values.',
					range: [2, 17, 2, 72],
					text: '"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"',
					fixes: ['Keep "RetryAttemptsExhausted"', 'Keep "MaximumPayloadSizeExceeded"'],
				},
			],
		);
		// The trailing comma is still left to the editor, with its fix kept for the editor's diagnostic.
		assert.deepEqual(
			analyze(text, options).hostProblems.map((p) => p.code),
			['syntax-trailing-comma'],
		);
	});
});

describe('numbers JSON does not allow (issue 11, item 12)', () => {
	it('names leading zeros once, offers the number without them, and reads the number meant', () => {
		const text =
			'{"FunctionName": "f", "EventSourceArn": "arn:aws:kafka:eu-west-1:123456789012:cluster/c/abc", "Topics": ["orders"], "StartingPosition": "LATEST", "BatchSize": 00012}';
		const problems = problemsOf(text);
		assert.deepEqual(problems, [
			{
				code: 'syntax-error',
				severity: 'error',
				message: 'Leading zeros are not allowed in JSON numbers: write 12, not 00012.',
				range: [0, 159, 0, 164],
				text: '00012',
				fixes: ['Write 12'],
			},
		]);
		const problem = analyze(text).problems[0];
		assert.equal(applyFix(text, problem), text.replace('00012', '12'));
	});

	it('keeps the sign and the fraction, and leaves zeros inside strings alone', () => {
		const text = '{"OnFailure": {"Destination": "arn:aws:sqs:eu-west-1:000123456789:q-007"}, "x": -00.50e1}';
		const zeros = problemsOf(text).filter((p) => p.message.startsWith('Leading zeros'));
		assert.deepEqual(
			zeros.map((p) => [p.text, p.message, p.fixes]),
			[['-00.50e1', 'Leading zeros are not allowed in JSON numbers: write -0.50e1, not -00.50e1.', ['Write -0.50e1']]],
		);
	});

	it('calls a number beyond what JSON readers hold out of range, not "not an integer"', () => {
		const text =
			'{"FunctionName": "f", "EventSourceArn": "arn:aws:kafka:eu-west-1:123456789012:cluster/c/abc", "Topics": ["orders"], "StartingPosition": "LATEST", "BatchSize": 1e309}';
		assert.deepEqual(
			problemsOf(text).map((p) => [p.code, p.text, p.message]),
			[['schema-range', '1e309', '"BatchSize" is out of range: the number is larger than 1.8e308, beyond what a JSON reader can hold (allowed: 1 to 10000).']],
		);
	});
});

describe('a byte order mark (issue 11, item 8)', () => {
	const destination = '{"OnFailure": {"Destination": "arn:aws:sqs:eu-west-1:123456789012:q"}}';

	it('is an error before a destination config, as the AWS CLI rejects it, with a fix that removes it', () => {
		const text = `\ufeff${destination}`;
		assert.deepEqual(problemsOf(text), [
			{
				code: 'syntax-bom',
				severity: 'error',
				message:
					'The file starts with a byte order mark (U+FEFF): the AWS CLI does not remove it when it reads file:// parameters and rejects the JSON ("Unexpected UTF-8 BOM"). Save the file as UTF-8 without BOM.',
				range: [0, 0, 0, 1],
				text: '\ufeff',
				fixes: ['Remove the byte order mark'],
			},
		]);
		assert.equal(applyFix(text, analyze(text).problems[0]), destination);
	});

	it('is reported also where the editor reports JSON syntax itself (VS Code removes a BOM before the server sees it; other editors do not)', () => {
		const codes = problemsOf(`\ufeff${destination}`, { languageId: 'json', hostReportsJsonSyntax: true }).map((p) => p.code);
		assert.deepEqual(codes, ['syntax-bom']);
	});

	it('leaves content that is JSON Lines read as JSON Lines', () => {
		const lines = `${destination}\n${destination}\n`;
		const analysis = analyze(`\ufeff${lines}`, { fileName: 'batch.json' });
		assert.equal(analysis.layout, 'json-lines');
		assert.deepEqual(
			analysis.problems.map((p) => p.code),
			['syntax-bom'],
		);
	});

	it('is read as whitespace before a failure record, which is only read, with every other problem in place', () => {
		const record = '{"requestContext": {}}';
		const withMark = problemsOf(`\ufeff${record}`, { fileName: 'r.json' });
		const without = problemsOf(` ${record}`, { fileName: 'r.json' });
		assert.ok(withMark.length > 0);
		assert.deepEqual(withMark, without);
	});
});
