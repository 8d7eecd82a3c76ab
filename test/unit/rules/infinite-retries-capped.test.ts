/** `infinite-retries-capped`: infinite retries with an on-failure destination stop after 10. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';

const CODE = 'infinite-retries-capped';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';
const DESTINATION = { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } };

describe('infinite-retries-capped', () => {
	it('notes the cap on an explicit -1', () => {
		const text = JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, MaximumRetryAttempts: -1, DestinationConfig: DESTINATION });
		const start = text.indexOf('"MaximumRetryAttempts":-1') + '"MaximumRetryAttempts":'.length;
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'info',
				message: 'AWS applies at most 10 retries when infinite retries (MaximumRetryAttempts -1) and an on-failure destination are both set.',
				range: [0, start, 0, start + 2],
				text: '-1',
				fixes: [],
			},
		]);
	});

	it('notes the cap on the destination when a create request leaves the default', () => {
		const text = JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, DestinationConfig: { OnFailure: { Destination: 'kafka://dlq' } } });
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(
			problem?.message,
			'AWS applies at most 10 retries when infinite retries (MaximumRetryAttempts defaults to -1) and an on-failure destination are both set.',
		);
		assert.equal(problem?.text, '"kafka://dlq"');
	});

	it('notes an explicit -1 in an update request', () => {
		const text = JSON.stringify({ UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2', MaximumRetryAttempts: -1, DestinationConfig: DESTINATION });
		assert.equal(problemsWithCode(text, CODE).length, 1);
	});

	it('is silent with finite retries, without a destination, with an empty or invalid one, for non-Kafka sources and for an update without the field', () => {
		const cases: Record<string, unknown>[] = [
			{ FunctionName: 'f', EventSourceArn: MSK, MaximumRetryAttempts: 3, DestinationConfig: DESTINATION },
			{ FunctionName: 'f', EventSourceArn: MSK, MaximumRetryAttempts: -1 },
			{ FunctionName: 'f', EventSourceArn: MSK, DestinationConfig: { OnFailure: { Destination: '' } } },
			{ FunctionName: 'f', EventSourceArn: MSK, DestinationConfig: { OnFailure: { Destination: 'not a destination' } } },
			{ FunctionName: 'f', EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', MaximumRetryAttempts: -1, DestinationConfig: DESTINATION },
			{ UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2', DestinationConfig: DESTINATION },
		];
		for (const members of cases) {
			assert.deepEqual(problemsWithCode(JSON.stringify(members), CODE), [], JSON.stringify(members));
		}
	});
});
