/** `destination-region-mismatch`: a soft warning for a destination outside the mapping's region or partition. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';

const CODE = 'destination-region-mismatch';
const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:consumer';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';

function request(members: Record<string, unknown>, destination: string): string {
	return JSON.stringify({ ...members, DestinationConfig: { OnFailure: { Destination: destination } } });
}

function rangeOf(text: string, needle: string, after: string): [number, number, number, number] {
	const start = text.indexOf(needle, text.indexOf(after) + after.length);
	assert.ok(start >= 0);
	return [0, start, 0, start + needle.length];
}

describe('destination-region-mismatch', () => {
	it('warns when the destination region differs from the function ARN', () => {
		const text = request({ FunctionName: FUNCTION, EventSourceArn: MSK }, 'arn:aws:sqs:eu-west-1:123456789012:dlq');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message:
					'The destination\'s region "eu-west-1" differs from the region "us-east-1" of FunctionName; same-region is not documented as required, but a cross-region destination is unusual.',
				range: rangeOf(text, 'eu-west-1', 'Destination'),
				text: 'eu-west-1',
				fixes: [],
			},
		]);
	});

	it('falls back to EventSourceArn when FunctionName is a plain name', () => {
		const text = request({ FunctionName: 'consumer', EventSourceArn: MSK }, 'arn:aws:sns:us-west-2:123456789012:alerts');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(
			problem?.message,
			'The destination\'s region "us-west-2" differs from the region "us-east-1" of EventSourceArn; same-region is not documented as required, but a cross-region destination is unusual.',
		);
	});

	it('warns about another partition, for S3 too', () => {
		const text = request({ FunctionName: FUNCTION }, 'arn:aws-cn:s3:::dlq-bucket');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message:
					'The destination\'s partition "aws-cn" differs from the partition "aws" of FunctionName; AWS partitions are separate, so a cross-partition destination is almost surely a mistake.',
				range: rangeOf(text, 'aws-cn', 'Destination'),
				text: 'aws-cn',
				fixes: [],
			},
		]);
	});

	it('is silent when regions match, for S3 in the same partition, and without a reference ARN', () => {
		assert.deepEqual(problemsWithCode(request({ FunctionName: FUNCTION }, 'arn:aws:sqs:us-east-1:210987654321:dlq'), CODE), []);
		assert.deepEqual(problemsWithCode(request({ FunctionName: FUNCTION }, 'arn:aws:s3:::dlq-bucket'), CODE), []);
		assert.deepEqual(problemsWithCode(request({ FunctionName: 'consumer', SelfManagedEventSource: {} }, 'arn:aws:sqs:eu-west-1:123456789012:dlq'), CODE), []);
		assert.deepEqual(problemsWithCode(request({ FunctionName: FUNCTION }, 'kafka://dlq'), CODE), []);
	});

	it('compares only well-formed parts, leaving malformed ones to destination-arn-structure', () => {
		assert.deepEqual(problemsWithCode(request({ FunctionName: FUNCTION }, 'arn:aws:sqs:ap-southeast-10:123456789012:dlq'), CODE), []);
		assert.deepEqual(problemsWithCode(request({ FunctionName: FUNCTION }, 'arn:aws:sqs:cn-north-1:123456789012:dlq'), CODE), []);
		assert.deepEqual(problemsWithCode(request({ FunctionName: FUNCTION }, 'arn:aws-mars:sqs:us-east-1:123456789012:dlq'), CODE), []);
		assert.deepEqual(
			problemsWithCode(request({ FunctionName: 'arn:aws:lambda:us-east-10:123456789012:function:f' }, 'arn:aws:sqs:eu-west-1:123456789012:dlq'), CODE),
			[],
		);
	});

	it('does not run on a destination config, which names no function', () => {
		assert.deepEqual(problemsWithCode('{"OnFailure": {"Destination": "arn:aws:sqs:eu-west-1:123456789012:dlq"}}', CODE), []);
	});
});
