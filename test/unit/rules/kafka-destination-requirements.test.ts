/** `kafka-destination-requirements`: what a kafka:// destination needs from its mapping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';

const CODE = 'kafka-destination-requirements';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';
const UUID = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';
const SAME_CLUSTER = 'The destination topic must be on the same cluster as the source.';
const POLLERS = { MinimumPollers: 1, MaximumPollers: 3 };

function request(members: Record<string, unknown>, destination = 'kafka://orders-dlq'): string {
	return JSON.stringify({ FunctionName: 'f', ...members, DestinationConfig: { OnFailure: { Destination: destination } } });
}

function summary(text: string): [string, string, string][] {
	return problemsWithCode(text, CODE).map((p) => [p.severity, p.message, p.text]);
}

describe('kafka-destination-requirements', () => {
	it('only notes the same-cluster rule for a complete MSK request', () => {
		const text = request({ EventSourceArn: MSK, Topics: ['orders'], StartingPosition: 'LATEST', ProvisionedPollerConfig: POLLERS });
		assert.deepEqual(summary(text), [['info', SAME_CLUSTER, '"kafka://orders-dlq"']]);
	});

	it('accepts a self-managed Kafka source', () => {
		const text = request({
			SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.example.com:9092'] } },
			Topics: ['orders'],
			ProvisionedPollerConfig: POLLERS,
		});
		assert.deepEqual(summary(text), [['info', SAME_CLUSTER, '"kafka://orders-dlq"']]);
	});

	it('requires provisioned mode on create (an error)', () => {
		const text = request({ EventSourceArn: MSK, Topics: ['orders'] });
		assert.deepEqual(summary(text), [
			[
				'error',
				'A kafka:// destination requires provisioned mode: add ProvisionedPollerConfig, for example {"MinimumPollers": 1, "MaximumPollers": 3}.',
				'"kafka://orders-dlq"',
			],
			['info', SAME_CLUSTER, '"kafka://orders-dlq"'],
		]);
	});

	it('asks to make sure of provisioned mode on update (a warning)', () => {
		const text = request({ UUID });
		assert.deepEqual(summary(text), [
			[
				'warning',
				'A kafka:// destination requires provisioned mode: make sure the mapping is in provisioned mode (ProvisionedPollerConfig).',
				'"kafka://orders-dlq"',
			],
			['info', SAME_CLUSTER, '"kafka://orders-dlq"'],
		]);
	});

	it('reports an empty ProvisionedPollerConfig, which selects on-demand mode, on create and update', () => {
		for (const members of [{ EventSourceArn: MSK, Topics: ['orders'] }, { UUID }]) {
			const text = request({ ...members, ProvisionedPollerConfig: {} });
			const [problem] = problemsWithCode(text, CODE);
			assert.equal(problem?.severity, 'error');
			assert.equal(
				problem?.message,
				'An empty ProvisionedPollerConfig selects on-demand mode, but a kafka:// destination requires provisioned mode; set pollers, for example {"MinimumPollers": 1, "MaximumPollers": 3}.',
			);
			assert.equal(problem?.text, '{}');
		}
	});

	it('reports the source topic as destination on the topic (a loop)', () => {
		const text = request({ EventSourceArn: MSK, Topics: ['orders'], ProvisionedPollerConfig: POLLERS }, 'kafka://orders');
		const start = text.indexOf('kafka://orders') + 'kafka://'.length;
		assert.deepEqual(
			problemsWithCode(text, CODE).find((p) => p.severity === 'error'),
			{
				code: CODE,
				severity: 'error',
				message: 'The destination topic "orders" is also the source topic: Lambda blocks this to prevent a loop.',
				range: [0, start, 0, start + 'orders'.length],
				text: 'orders',
				fixes: [],
			},
		);
	});

	it('reports a non-Kafka source', () => {
		for (const [arn, service] of [
			['arn:aws:sqs:us-east-1:123456789012:source', 'sqs'],
			['arn:aws:kinesis:us-east-1:123456789012:stream/clicks', 'kinesis'],
			['arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000', 'dynamodb'],
		]) {
			assert.deepEqual(summary(request({ EventSourceArn: arn, StartingPosition: 'LATEST' })), [
				[
					'error',
					`A kafka:// destination needs a Kafka event source (Amazon MSK or self-managed Kafka), but EventSourceArn is from the "${service}" service.`,
					'"kafka://orders-dlq"',
				],
			]);
		}
	});

	it('adds the cluster and provisioned-mode note to a destination config', () => {
		const text = '{"OnFailure": {"Destination": "kafka://orders-dlq"}}';
		assert.deepEqual(summary(text), [
			[
				'info',
				'The destination topic must be on the same cluster as the source, and the mapping must run in provisioned mode (ProvisionedPollerConfig).',
				'"kafka://orders-dlq"',
			],
		]);
	});

	it('is silent for other destinations', () => {
		for (const destination of ['', 'arn:aws:sqs:us-east-1:123456789012:q', 'orders-dlq']) {
			assert.deepEqual(summary(request({ EventSourceArn: MSK }, destination)), [], destination);
		}
	});
});
