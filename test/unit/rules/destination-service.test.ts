/** `destination-service`: only SQS, SNS and S3 ARNs are destinations of an event source mapping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsOf, problemsWithCode } from '../../helpers';

const CODE = 'destination-service';

function config(destination: string): string {
	return `{"OnFailure": {"Destination": ${JSON.stringify(destination)}}}`;
}

function rangeOf(text: string, needle: string): [number, number, number, number] {
	const start = text.indexOf(needle);
	assert.ok(start >= 0, `${needle} not found in ${text}`);
	return [0, start, 0, start + needle.length];
}

describe('destination-service', () => {
	it('accepts sqs, sns and s3 ARNs and leaves other forms alone', () => {
		for (const destination of [
			'arn:aws:sqs:us-east-1:123456789012:q',
			'arn:aws:sns:us-east-1:123456789012:t',
			'arn:aws:s3:::bucket',
			'kafka://t',
			'',
			'lambda',
		]) {
			assert.deepEqual(problemsWithCode(config(destination), CODE), [], destination);
		}
	});

	it('reports a Lambda function on the service segment, as the only diagnostic', () => {
		const text = config('arn:aws:lambda:us-east-1:123456789012:function:handler');
		assert.deepEqual(problemsOf(text), [
			{
				code: CODE,
				severity: 'error',
				message:
					'The destination is a Lambda function (service "lambda"): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
				range: rangeOf(text, 'lambda'),
				text: 'lambda',
				fixes: [],
			},
		]);
	});

	it('reports an EventBridge bus', () => {
		const text = config('arn:aws:events:us-east-1:123456789012:event-bus/default');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(
			problem?.message,
			'The destination is an EventBridge event bus (service "events"): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
		);
		assert.deepEqual(problem?.range, rangeOf(text, 'events'));
	});

	it('points an MSK cluster ARN to kafka://', () => {
		const text = config('arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(
			problem?.message,
			'The destination is an Amazon MSK ARN (service "kafka"): to send failed records to a topic on the source cluster, write kafka://<topic>.',
		);
		assert.equal(problem?.text, 'kafka');
	});

	it('names any other service', () => {
		const text = config('arn:aws:dynamodb:us-east-1:123456789012:table/failures');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'The service "dynamodb" is not a supported destination for an event source mapping: expected an sqs, sns or s3 ARN, or kafka://<topic>.',
				range: rangeOf(text, 'dynamodb'),
				text: 'dynamodb',
				fixes: [],
			},
		]);
	});

	it('lower-cases a miscased service', () => {
		const text = config('arn:aws:SQS:us-east-1:123456789012:q');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, 'The service "SQS" must be written in lower case as sqs; ARN services are case-sensitive.');
		assert.deepEqual(problem?.fixes, ['Change to sqs']);
		assert.equal(
			applyFix(
				text,
				analyze(text).problems.find((p) => p.code === CODE)!,
			),
			config('arn:aws:sqs:us-east-1:123456789012:q'),
		);
	});

	it('marks the two colons of a missing service', () => {
		const text = config('arn:aws::us-east-1:123456789012:q');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, 'The destination ARN has no service; expected sqs, sns or s3.');
		assert.equal(problem?.text, '::');
	});

	it('checks the ESM request destination too', () => {
		const text = '{"FunctionName": "f", "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:lambda:us-east-1:123456789012:function:g"}}}';
		assert.equal(problemsWithCode(text, CODE)[0]?.text, 'lambda');
	});
});
