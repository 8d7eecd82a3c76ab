/** `create-only-field`: fields UpdateEventSourceMapping does not take. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../../helpers';

const CODE = 'create-only-field';
const UUID = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';

describe('create-only-field', () => {
	it('reports each create-only field of an update request on its key, with a removal fix', () => {
		const text = `{\n  "UUID": "${UUID}",\n  "Topics": ["orders"],\n  "BatchSize": 10\n}`;
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'Topics can only be set when the mapping is created (CreateEventSourceMapping); UpdateEventSourceMapping rejects it.',
				range: [2, 2, 2, 10],
				text: '"Topics"',
				fixes: ['Remove Topics'],
			},
		]);
		const problem = analyze(text).problems.find((p) => p.code === CODE)!;
		assert.equal(applyFix(text, problem), `{\n  "UUID": "${UUID}",\n  "BatchSize": 10\n}`);
	});

	it('covers EventSourceArn, SelfManagedEventSource, StartingPosition, StartingPositionTimestamp and Tags', () => {
		const text = JSON.stringify({
			UUID,
			EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/u-1',
			SelfManagedEventSource: {},
			StartingPosition: 'AT_TIMESTAMP',
			StartingPositionTimestamp: 1700000000,
			Tags: { team: 'orders' },
		});
		assert.deepEqual(
			problemsWithCode(text, CODE).map((p) => p.text),
			['"EventSourceArn"', '"SelfManagedEventSource"', '"StartingPosition"', '"StartingPositionTimestamp"', '"Tags"'],
		);
	});

	it('covers Queues (Amazon MQ), which the client request builder also refuses in an update', () => {
		const text = JSON.stringify({ UUID, Queues: ['orders'] });
		assert.deepEqual(
			problemsWithCode(text, CODE).map((p) => [p.text, p.message]),
			[['"Queues"', 'Queues can only be set when the mapping is created (CreateEventSourceMapping); UpdateEventSourceMapping rejects it.']],
		);
	});

	it('warns about a ConsumerGroupId in an update request', () => {
		const text = JSON.stringify({ UUID, AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-consumer' } });
		const start = text.indexOf('"ConsumerGroupId"');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message: 'AmazonManagedKafkaEventSourceConfig.ConsumerGroupId cannot be changed after creation; leave it out of an update request.',
				range: [0, start, 0, start + '"ConsumerGroupId"'.length],
				text: '"ConsumerGroupId"',
				fixes: ['Remove ConsumerGroupId'],
			},
		]);
		const problem = analyze(text).problems.find((p) => p.code === CODE)!;
		assert.equal(applyFix(text, problem), `{"UUID":"${UUID}","AmazonManagedKafkaEventSourceConfig":{}}`);
		const selfManaged = JSON.stringify({ UUID, SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g' } });
		assert.equal(
			problemsWithCode(selfManaged, CODE)[0]?.message,
			'SelfManagedKafkaEventSourceConfig.ConsumerGroupId cannot be changed after creation; leave it out of an update request.',
		);
	});

	it('is silent on create requests and for fields Update accepts', () => {
		const create = JSON.stringify({
			FunctionName: 'f',
			EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/u-1',
			Topics: ['t'],
			StartingPosition: 'LATEST',
			Tags: {},
			AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g' },
		});
		assert.deepEqual(problemsWithCode(create, CODE), []);
		const update = JSON.stringify({
			UUID,
			FunctionName: 'f',
			BatchSize: 10,
			DestinationConfig: { OnFailure: { Destination: '' } },
			AmazonManagedKafkaEventSourceConfig: { SchemaRegistryConfig: {} },
		});
		assert.deepEqual(problemsWithCode(update, CODE), []);
	});
});
