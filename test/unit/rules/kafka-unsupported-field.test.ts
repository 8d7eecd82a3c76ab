/** `kafka-unsupported-field`: fields for other sources on a Kafka mapping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../../helpers';

const CODE = 'kafka-unsupported-field';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';
const BASE = { FunctionName: 'f', EventSourceArn: MSK, Topics: ['orders'], StartingPosition: 'LATEST' };

describe('kafka-unsupported-field', () => {
	it('warns on the key of a stream-only field, with a removal fix', () => {
		const text = JSON.stringify({ ...BASE, ParallelizationFactor: 2 });
		const start = text.indexOf('"ParallelizationFactor"');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message: 'ParallelizationFactor applies to Kinesis and DynamoDB streams event sources, not to Kafka; AWS is likely to reject it.',
				range: [0, start, 0, start + '"ParallelizationFactor"'.length],
				text: '"ParallelizationFactor"',
				fixes: ['Remove ParallelizationFactor'],
			},
		]);
		assert.equal(
			applyFix(
				text,
				analyze(text).problems.find((p) => p.code === CODE)!,
			),
			JSON.stringify(BASE),
		);
	});

	it('covers TumblingWindowInSeconds, Queues, DocumentDBEventSourceConfig and ScalingConfig', () => {
		const text = JSON.stringify({
			...BASE,
			TumblingWindowInSeconds: 60,
			Queues: ['q'],
			DocumentDBEventSourceConfig: {},
			ScalingConfig: { MaximumConcurrency: 2 },
		});
		assert.deepEqual(
			problemsWithCode(text, CODE).map((p) => p.message),
			[
				'TumblingWindowInSeconds applies to Kinesis and DynamoDB streams event sources, not to Kafka; AWS is likely to reject it.',
				'Queues applies to Amazon MQ event sources, not to Kafka; AWS is likely to reject it.',
				'DocumentDBEventSourceConfig applies to Amazon DocumentDB event sources, not to Kafka; AWS is likely to reject it.',
				'ScalingConfig applies to Amazon SQS event sources, not to Kafka; AWS is likely to reject it.',
			],
		);
	});

	it('accepts FilterCriteria, KMSKeyArn and the retry settings on Kafka', () => {
		const text = JSON.stringify({
			...BASE,
			FilterCriteria: { Filters: [{ Pattern: '{"value": {"a": [1]}}' }] },
			KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
			MaximumRetryAttempts: 2,
			BisectBatchOnFunctionError: true,
		});
		assert.deepEqual(problemsWithCode(text, CODE), []);
	});

	it('renames the MSK config of a self-managed source and the reverse', () => {
		const selfManaged = JSON.stringify({ FunctionName: 'f', SelfManagedEventSource: {}, AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g' } });
		const [problem] = problemsWithCode(selfManaged, CODE);
		assert.equal(problem?.message, 'AmazonManagedKafkaEventSourceConfig does not apply to a self-managed Kafka source; use SelfManagedKafkaEventSourceConfig.');
		assert.equal(
			applyFix(
				selfManaged,
				analyze(selfManaged).problems.find((p) => p.code === CODE)!,
			),
			JSON.stringify({ FunctionName: 'f', SelfManagedEventSource: {}, SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g' } }),
		);
		const msk = JSON.stringify({ ...BASE, SelfManagedKafkaEventSourceConfig: {} });
		assert.equal(
			problemsWithCode(msk, CODE)[0]?.message,
			'SelfManagedKafkaEventSourceConfig does not apply to an Amazon MSK source; use AmazonManagedKafkaEventSourceConfig.',
		);
		// No rename onto a key that already exists.
		assert.deepEqual(
			problemsWithCode(JSON.stringify({ ...BASE, SelfManagedKafkaEventSourceConfig: {}, AmazonManagedKafkaEventSourceConfig: {} }), CODE)[0]?.fixes,
			[],
		);
	});

	it('recognises Kafka in an update request by its source config', () => {
		const text = JSON.stringify({ UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2', AmazonManagedKafkaEventSourceConfig: {}, TumblingWindowInSeconds: 30 });
		assert.equal(problemsWithCode(text, CODE).length, 1);
	});

	it('is silent for other or unknown sources', () => {
		assert.deepEqual(
			problemsWithCode(
				JSON.stringify({ FunctionName: 'f', EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', ParallelizationFactor: 2 }),
				CODE,
			),
			[],
		);
		assert.deepEqual(problemsWithCode(JSON.stringify({ UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2', ParallelizationFactor: 2 }), CODE), []);
	});
});
