/**
 * `destination-format`: the form of the on-failure destination, the model's whole-string pattern
 * and the AWS examples of accepted and rejected values (facts sheet §1.2).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DESTINATION_ARN_PATTERN } from '../../../server/src/language/util/destination';
import { analyze, applyFix, problemsOf, problemsWithCode } from '../../helpers';

const CODE = 'destination-format';
const EXPECTED = 'expected an SQS queue ARN, SNS topic ARN, S3 bucket ARN, kafka://topic or ""';

/** A one-line destination config holding `destination` (JSON-encoded). */
function config(destination: string): string {
	return `{"OnFailure": {"Destination": ${JSON.stringify(destination)}}}`;
}

/** The range of `needle` in a one-line text. */
function rangeOf(text: string, needle: string): [number, number, number, number] {
	const start = text.indexOf(needle);
	assert.ok(start >= 0, `${needle} not found in ${text}`);
	return [0, start, 0, start + needle.length];
}

function fixed(text: string, code: string, fixIndex = 0): string {
	const problem = analyze(text).problems.find((p) => p.code === code);
	assert.ok(problem, `no ${code} problem in ${text}`);
	return applyFix(text, problem, fixIndex);
}

describe('destination-format', () => {
	it('accepts every supported form without a diagnostic', () => {
		for (const destination of [
			'arn:aws:sqs:us-east-1:123456789012:dest-queue',
			'arn:aws:sns:us-east-1:123456789012:dest-topic',
			'arn:aws:s3:::dest-bucket',
			'kafka://failed-records-topic',
			// Other rules own these: the service, the topic characters.
			'arn:aws:lambda:us-east-1:123456789012:function:f',
			'kafka://#bad',
		]) {
			assert.deepEqual(problemsWithCode(config(destination), CODE), [], destination);
		}
	});

	it('notes that an empty destination in a destination config removes the destination', () => {
		const text = config('');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'info',
				message: 'An empty destination removes the on-failure destination (UpdateEventSourceMapping only).',
				range: rangeOf(text, '""'),
				text: '""',
				fixes: [],
			},
		]);
	});

	it('warns about an empty destination in a create request, marked unnecessary', () => {
		const text = '{"FunctionName": "f", "DestinationConfig": {"OnFailure": {"Destination": ""}}}';
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message: 'An empty destination in a create request sets no destination; remove DestinationConfig or name a destination.',
				range: rangeOf(text, '""'),
				text: '""',
				fixes: [],
			},
		]);
		assert.deepEqual(analyze(text).problems.find((p) => p.code === CODE)?.tags, ['unnecessary']);
	});

	it('notes that an empty destination in an update request removes the current destination', () => {
		const text = '{"UUID": "14e0db71-5d35-4eb5-b481-8945cf9d10c2", "DestinationConfig": {"OnFailure": {"Destination": ""}}}';
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.severity, 'info');
		assert.equal(problem?.message, "An empty destination removes the mapping's current on-failure destination.");
	});

	it('reports KAFKA:// on the scheme, with a fix to lower case', () => {
		const text = config('KAFKA://x');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'The scheme "KAFKA://" must be written in lower case as kafka://; the Lambda API\'s destination pattern is case-sensitive.',
				range: rangeOf(text, 'KAFKA://'),
				text: 'KAFKA://',
				fixes: ['Change to kafka://'],
			},
		]);
		assert.equal(fixed(text, CODE), config('kafka://x'));
	});

	it('maps the scheme span through JSON escapes', () => {
		const text = '{"OnFailure": {"Destination": "Kafka:\\/\\/x"}}';
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.text, 'Kafka:\\/\\/');
		assert.equal(fixed(text, CODE), config('kafka://x'));
	});

	it('reports a miscased arn: prefix, with a fix', () => {
		const text = config('ARN:aws:sqs:us-east-1:123456789012:q');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, 'The prefix "ARN:" must be written in lower case as arn:; the Lambda API\'s destination pattern is case-sensitive.');
		assert.deepEqual(problem?.range, rangeOf(text, 'ARN:'));
		assert.equal(fixed(text, CODE), config('arn:aws:sqs:us-east-1:123456789012:q'));
	});

	it('offers kafka:// for a bare topic name', () => {
		const text = config('orders-dlq');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message:
					'The destination "orders-dlq" has no kafka:// prefix; a Kafka topic is written kafka://orders-dlq, and an SQS queue, SNS topic or S3 bucket needs its full ARN.',
				range: rangeOf(text, '"orders-dlq"'),
				text: '"orders-dlq"',
				fixes: ['Add kafka:// prefix'],
			},
		]);
		assert.equal(fixed(text, CODE), config('kafka://orders-dlq'));
	});

	it('repairs kafka: without its slashes', () => {
		const text = config('kafka:/orders');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, 'The destination "kafka:/orders" lacks the two slashes of kafka://; a Kafka topic is written kafka://<topic>.');
		assert.deepEqual(problem?.fixes, ['Change to kafka://orders']);
		assert.equal(fixed(text, CODE), config('kafka://orders'));
	});

	it('removes white space around the value', () => {
		const text = config(' kafka://orders\n');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, 'The destination " kafka://orders\\n" has white space around it, which is no part of an ARN or topic name.');
		assert.equal(fixed(text, CODE), config('kafka://orders'));
		// The other destination rules wait for the value to be trimmed.
		assert.deepEqual(
			problemsOf(text).map((p) => p.code),
			[CODE],
		);
	});

	it('converts an SQS queue URL to the queue ARN, in the right partition', () => {
		const text = config('https://sqs.us-east-1.amazonaws.com/123456789012/dest-queue');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(
			problem?.message,
			'The destination "https://sqs.us-east-1.amazonaws.com/123456789012/dest-queue" is an SQS queue URL; the destination must be the queue ARN, arn:aws:sqs:us-east-1:123456789012:dest-queue.',
		);
		assert.equal(fixed(text, CODE), config('arn:aws:sqs:us-east-1:123456789012:dest-queue'));
		const china = config('https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q');
		assert.equal(fixed(china, CODE), config('arn:aws-cn:sqs:cn-north-1:123456789012:q'));
	});

	it('converts an s3:// URI to the bucket ARN', () => {
		const text = config('s3://dest-bucket/failures/');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(
			problem?.message,
			'The destination "s3://dest-bucket/failures/" is an S3 URI; the destination must be the bucket ARN, arn:aws:s3:::dest-bucket.',
		);
		assert.equal(fixed(text, CODE), config('arn:aws:s3:::dest-bucket'));
	});

	it('reports an ARN under a kafka:// prefix once, marking the prefix, with a fix that removes it', () => {
		const arn = 'arn:aws:sqs:us-east-1:123456789012:dest-queue';
		const text = config(`kafka://${arn}`);
		// One diagnostic in all: not also a topic-name error for the ":" of the ARN.
		assert.deepEqual(problemsOf(text), [
			{
				code: CODE,
				severity: 'error',
				message: `The destination "kafka://${arn}" is an ARN under a kafka:// prefix; an SQS queue, SNS topic or S3 bucket destination is written as the ARN alone, "${arn}".`,
				range: rangeOf(text, 'kafka://'),
				text: 'kafka://',
				fixes: ['Remove the kafka:// prefix'],
			},
		]);
		assert.equal(fixed(text, CODE), config(arn));
		const miscased = config('KAFKA://arn:aws:sns:us-east-1:123456789012:dest-topic');
		assert.deepEqual(
			problemsOf(miscased).map((p) => [p.code, p.text]),
			[[CODE, 'KAFKA://']],
		);
		assert.equal(fixed(miscased, CODE), config('arn:aws:sns:us-east-1:123456789012:dest-topic'));
	});

	it('reports an incomplete ARN', () => {
		const text = config('arn:aws:sqs:us-east-1');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'The destination "arn:aws:sqs:us-east-1" is not a complete ARN: expected arn:<partition>:<service>:<region>:<account>:<resource>.',
				range: rangeOf(text, '"arn:aws:sqs:us-east-1"'),
				text: '"arn:aws:sqs:us-east-1"',
				fixes: [],
			},
		]);
	});

	it('reports anything else as unsupported', () => {
		for (const destination of ['https://example.com/hook', 'my queue', '.hidden', 'kafka']) {
			const text = config(destination);
			assert.deepEqual(
				problemsWithCode(text, CODE).map((p) => [p.severity, p.message]),
				destination === 'kafka'
					? [
							[
								'error',
								`The destination "kafka" has no kafka:// prefix; a Kafka topic is written kafka://kafka, and an SQS queue, SNS topic or S3 bucket needs its full ARN.`,
							],
						]
					: [['error', `Unsupported destination ${JSON.stringify(destination)} for an event source mapping: ${EXPECTED}.`]],
				destination,
			);
		}
	});

	it('checks the destination of an ESM request at DestinationConfig.OnFailure.Destination', () => {
		const text = '{\n  "FunctionName": "f",\n  "DestinationConfig": {"OnFailure": {"Destination": "dlq topic"}}\n}';
		const [problem] = problemsWithCode(text, CODE);
		assert.deepEqual(problem?.range, [2, 53, 2, 64]);
		assert.equal(problem?.text, '"dlq topic"');
	});

	it('leaves non-strings and over-long values to the schema', () => {
		const number = '{"OnFailure": {"Destination": 42}}';
		assert.deepEqual(problemsWithCode(number, CODE), []);
		assert.equal(problemsWithCode(number, 'schema-type').length, 1);
		const long = config(`x y${'z'.repeat(400)}`);
		assert.deepEqual(
			problemsOf(long).map((p) => p.code),
			['schema-length'],
		);
		assert.deepEqual(problemsWithCode('{"OnFailure": null}', CODE), []);
		assert.deepEqual(problemsWithCode('{"OnFailure": {"Destination": null}}', CODE), []);
	});
});

describe('the model pattern and the AWS examples (facts sheet §1.2)', () => {
	const accepted = [
		'',
		'kafka://a',
		`kafka://${'a'.repeat(249)}`,
		'arn:aws:s3:::b',
		'arn:aws-cn:sqs:cn-north-1:123456789012:dest-queue',
		'arn:aws-us-gov:sns:us-gov-west-1:123456789012:dest-topic',
		'arn:aws-iso-b:sqs:us-isob-east-1:123456789012:dest-queue',
		'arn:aws-eusc:sqs:eusc-de-east-1:123456789012:dest-queue',
	];
	const rejected = [
		'kafka://',
		'kafka://.x',
		`kafka://${'a'.repeat(250)}`,
		'KAFKA://x',
		'arn:aws:sqs:us-east-1:12345:dest-queue',
		'arn:azure:sqs:us-east-1:123456789012:dest-queue',
		'arn:aws:sqs:ap-southeast-10:123456789012:dest-queue',
	];
	const destinationCodes = new Set(['destination-format', 'destination-service', 'destination-arn-structure', 'kafka-topic-name']);

	it('is matched as a whole string', () => {
		for (const value of accepted) {
			assert.ok(DESTINATION_ARN_PATTERN.test(value), `accepted: ${value}`);
		}
		for (const value of rejected) {
			assert.ok(!DESTINATION_ARN_PATTERN.test(value), `rejected: ${value}`);
		}
		// The pitfalls: the model's pattern accepts what Kafka or the service list does not.
		assert.ok(DESTINATION_ARN_PATTERN.test('kafka://#bad'));
		assert.ok(DESTINATION_ARN_PATTERN.test('arn:aws:lambda:us-east-1:123456789012:function:f'));
	});

	it('gives every rejected example exactly one error', () => {
		for (const value of rejected) {
			const errors = problemsOf(config(value)).filter((p) => p.severity === 'error');
			assert.equal(errors.length, 1, `${value}: ${JSON.stringify(errors)}`);
			assert.ok(destinationCodes.has(errors[0].code), value);
		}
	});

	it('gives the accepted examples no error, except the S3 naming rule for the one-letter bucket', () => {
		for (const value of accepted) {
			const errors = problemsOf(config(value)).filter((p) => p.severity === 'error');
			assert.deepEqual(
				errors.map((p) => p.code),
				value === 'arn:aws:s3:::b' ? ['destination-arn-structure'] : [],
				value,
			);
		}
	});
});
