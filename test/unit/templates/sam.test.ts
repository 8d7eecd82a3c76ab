/**
 * SAM `AWS::Serverless::Function` events of `Type: MSK` and `SelfManagedKafka`: SAM's shapes map
 * onto the request (Stream, KafkaBootstrapServers, ConsumerGroupId, OnFailure.Type), and problems
 * land on SAM's keys.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mskEvent, rangeOf, samTemplate, templateProblems, withCode } from './templateHelpers';

describe('SAM Kafka events', () => {
	it('checks an MSK event: Stream is the event source, OnFailure.Type is SAM’s own', () => {
		const text = samTemplate(mskEvent('kafka://orders-dlq'));
		assert.deepEqual(
			templateProblems(text).map((p) => [p.code, p.severity, p.range]),
			[
				['kafka-destination-requirements', 'error', rangeOf(text, 'kafka://orders-dlq')],
				['kafka-destination-requirements', 'info', rangeOf(text, 'kafka://orders-dlq')],
				['infinite-retries-capped', 'info', rangeOf(text, 'kafka://orders-dlq')],
				['destination-permissions', 'warning', rangeOf(text, 'kafka://orders-dlq')],
			],
		);
		// OnFailure.Type is not a request field: it is never reported as unknown or unsupported.
		const typed = samTemplate(
			mskEvent('arn:aws:sqs:us-east-1:123456789012:dlq').replace('              OnFailure:\n', '              OnFailure:\n                Type: SQS\n'),
		);
		assert.deepEqual(
			templateProblems(typed).map((p) => p.code),
			['infinite-retries-capped'],
		);
	});

	it('reports what the event lacks on the event’s name', () => {
		const text = samTemplate('            Stream: arn:aws:kafka:us-east-1:123456789012:cluster/c/u\n            Topics: [orders]\n');
		assert.deepEqual(
			templateProblems(text).map((p) => [p.code, p.message, p.range]),
			[
				[
					'create-required-fields',
					'Missing required field "StartingPosition": a Kafka event source mapping needs TRIM_HORIZON, LATEST or AT_TIMESTAMP.',
					rangeOf(text, 'Orders'),
				],
			],
		);
	});

	it('reads KafkaBootstrapServers as a self-managed source, and reports a field for MSK on it on SAM’s key', () => {
		const text = samTemplate(
			`            KafkaBootstrapServers: [b-1.example.com:9092]
            Topics: [orders]
            StartingPosition: LATEST
            SourceAccessConfigurations:
              - Type: VIRTUAL_HOST
                URI: vhost
`,
			'',
			'',
			'SelfManagedKafka',
		);
		const problems = withCode(text, 'source-access-type');
		assert.deepEqual(
			problems.map((p) => p.text),
			['VIRTUAL_HOST'],
		);
	});

	it('puts ConsumerGroupId in the source config: no MSK config is reported on a self-managed event', () => {
		const text = samTemplate(
			`            KafkaBootstrapServers: [b-1.example.com:9092]
            Topics: [orders]
            StartingPosition: LATEST
            ConsumerGroupId: group-1
`,
			'',
			'',
			'SelfManagedKafka',
		);
		assert.deepEqual(templateProblems(text), []);
	});

	it('leaves other event types and a function without events alone', () => {
		const sqs = samTemplate(
			'            Queue: arn:aws:sqs:us-east-1:123456789012:q\n            DestinationConfig: {OnSuccess: {Destination: x}}\n',
			'',
			'',
			'SQS',
		);
		assert.deepEqual(templateProblems(sqs), []);
		assert.deepEqual(
			templateProblems('Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {}\n'),
			[],
		);
	});
});
