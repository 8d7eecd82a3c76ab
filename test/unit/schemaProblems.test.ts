/**
 * The mapping from Ajv errors to ranges: one test per keyword we surface, asserting the exact
 * highlighted text, since Ajv reports paths and this code decides what the user sees.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../helpers';

const RECORD_HEAD =
	'{"requestContext": {"requestId": "11111111-2222-3333-4444-555555555555", "functionArn": "arn:aws:lambda:us-east-1:123456789012:function:consumer", "condition": "RetryAttemptsExhausted", "approximateInvokeCount": 1}';

describe('schema errors mapped to ranges', () => {
	it('additionalProperties: the unknown key, a did-you-mean and a rename fix', () => {
		const text = '{\n  "FunctionName": "f",\n  "ProvisionedPollersConfig": {"MinimumPollers": 1}\n}';
		const [problem] = problemsWithCode(text, 'unknown-field');
		assert.deepEqual(problem, {
			code: 'unknown-field',
			severity: 'error',
			message: 'Unknown field "ProvisionedPollersConfig": AWS rejects fields it does not define. Did you mean "ProvisionedPollerConfig"?',
			range: [2, 2, 2, 28],
			text: '"ProvisionedPollersConfig"',
			fixes: ['Rename to "ProvisionedPollerConfig"', 'Remove "ProvisionedPollersConfig"'],
		});
		const located = analyze(text).problems.find((p) => p.code === 'unknown-field')!;
		assert.equal(applyFix(text, located, 0), '{\n  "FunctionName": "f",\n  "ProvisionedPollerConfig": {"MinimumPollers": 1}\n}');
		assert.equal(applyFix(text, located, 1), '{\n  "FunctionName": "f"\n}');
	});

	it('type: the value, with a fix for a quoted number', () => {
		const text = '{"FunctionName": "f", "BatchSize": "100"}';
		const [problem] = problemsWithCode(text, 'schema-type');
		assert.equal(problem?.message, '"BatchSize" must be an integer, not a string.');
		assert.equal(problem?.text, '"100"');
		const located = analyze(text).problems.find((p) => p.code === 'schema-type')!;
		assert.equal(applyFix(text, located), '{"FunctionName": "f", "BatchSize": 100}');
	});

	it('enum: the value, the allowed values and a case fix', () => {
		const text = '{"FunctionName": "f", "StartingPosition": "latest"}';
		const [problem] = problemsWithCode(text, 'schema-enum');
		assert.equal(problem?.text, '"latest"');
		assert.equal(problem?.message, '"latest" is not a valid value for "StartingPosition". Expected one of: "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP".');
		assert.deepEqual(problem?.fixes, ['Change to "LATEST"']);
	});

	it('minimum and maximum: the value and the allowed range', () => {
		const text = '{"FunctionName": "f", "BatchSize": 20000}';
		const [problem] = problemsWithCode(text, 'schema-range');
		assert.equal(problem?.text, '20000');
		assert.equal(problem?.message, '"BatchSize" is 20000, above the maximum of 10000 (allowed: 1 to 10000).');
	});

	it('maxLength: the value', () => {
		const destination = `arn:aws:sqs:us-east-1:123456789012:${'q'.repeat(330)}`;
		const text = `{"OnFailure": {"Destination": "${destination}"}}`;
		const [problem] = problemsWithCode(text, 'schema-length');
		assert.equal(problem?.range[1], 30);
		assert.equal(problem?.message, `"Destination" is ${destination.length} characters long; the maximum is 350.`);
	});

	it('maxItems / minItems: exactly one topic', () => {
		const text = '{"FunctionName": "f", "Topics": ["a", "b"]}';
		const [problem] = problemsWithCode(text, 'schema-items');
		assert.equal(problem?.text, '["a", "b"]');
		assert.equal(problem?.message, '"Topics" must have exactly 1 item.');
	});

	it('required: the key of the object that lacks the field', () => {
		const text = `${RECORD_HEAD.replace(', "approximateInvokeCount": 1', '')}, "version": "1.0", "timestamp": "2025-01-01T00:00:05.000Z", "KafkaBatchInfo": {"batchSize": 1, "recordsInfo": {}}}`;
		const [problem] = problemsWithCode(text, 'schema-required');
		assert.equal(problem?.message, 'Missing required field "approximateInvokeCount" in requestContext.');
		assert.equal(problem?.text, '"requestContext"');
	});

	it('required at the root: the opening brace', () => {
		const text = `${RECORD_HEAD}, "timestamp": "2025-01-01T00:00:05.000Z", "KafkaBatchInfo": {"batchSize": 1, "recordsInfo": {}}}`;
		const [problem] = problemsWithCode(text, 'schema-required');
		assert.equal(problem?.message, 'Missing required field "version".');
		assert.deepEqual(problem?.range, [0, 0, 0, 1]);
	});

	it('const and format', () => {
		const text = `${RECORD_HEAD}, "version": "2.0", "timestamp": "yesterday", "KafkaBatchInfo": {"batchSize": 1, "recordsInfo": {}}}`;
		const [constant] = problemsWithCode(text, 'schema-const');
		assert.equal(constant?.text, '"2.0"');
		assert.equal(constant?.message, '"version" must be "1.0".');
		assert.deepEqual(constant?.fixes, ['Change to "1.0"']);
		const [format] = problemsWithCode(text, 'schema-format');
		assert.equal(format?.text, '"yesterday"');
		assert.equal(format?.message, '"timestamp" must be an ISO-8601 date-time with a time zone, such as 2025-01-01T00:00:00.000Z.');
	});

	it('pattern: the schema’s own message', () => {
		const text = `{"requestContext": {"requestId": "r", "functionArn": "arn:aws:sqs:us-east-1:123456789012:q", "condition": "RetryAttemptsExhausted", "approximateInvokeCount": 1}, "version": "1.0", "timestamp": "2025-01-01T00:00:05.000Z", "KafkaBatchInfo": {"batchSize": 1, "recordsInfo": {}}}`;
		const [problem] = problemsWithCode(text, 'schema-pattern');
		assert.equal(problem?.text, '"arn:aws:sqs:us-east-1:123456789012:q"');
		assert.match(problem?.message ?? '', /^"functionArn": /);
	});

	it('an error inside the escaped payload string is placed inside the string', () => {
		const event = {
			eventSource: 'aws:kafka',
			bootstrapServers: 'b-1.x:9098',
			records: { 'orders-0': [{ topic: 'orders', partition: 0, offset: 5, timestamp: 1735689600000, timestampType: 'SOMETIME' }] },
		};
		const text = `${RECORD_HEAD}, "version": "1.0", "timestamp": "2025-01-01T00:00:05.000Z", "KafkaBatchInfo": {"batchSize": 1, "recordsInfo": {}}, "payload": ${JSON.stringify(JSON.stringify(event))}}`;
		const [problem] = problemsWithCode(text, 'schema-enum');
		assert.equal(problem?.text, '\\"SOMETIME\\"');
		assert.deepEqual(problem?.fixes, [], 'no fix inside an escaped string');
	});
});
