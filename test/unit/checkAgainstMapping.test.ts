import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAgainstMapping, mappingAsCreateRequest } from '../../server/src/language/apply/checkAgainstMapping';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders-consumer';
const UUID = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';

/** A GetEventSourceMapping response as the client sends it (plain JSON, ISO dates). */
function mapping(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		UUID,
		FunctionArn: FUNCTION_ARN,
		EventSourceArn: CLUSTER,
		Topics: ['orders'],
		StartingPosition: 'LATEST',
		BatchSize: 100,
		ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
		AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: UUID },
		DestinationConfig: { OnFailure: {} },
		MaximumRetryAttempts: 3,
		State: 'Enabled',
		StateTransitionReason: 'User action',
		LastModified: '2025-01-10T09:30:00.000Z',
		LastProcessingResult: 'No records processed',
		EventSourceMappingArn: `arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${UUID}`,
		...overrides,
	};
}

const destinationConfig = (destination: string): string => JSON.stringify({ OnFailure: { Destination: destination } }, null, 2);

function codes(result: { problems: { code: string; severity: string }[] }): string[] {
	return result.problems.map((p) => `${p.severity}:${p.code}`);
}

describe('checkAgainstMapping', () => {
	it('finds nothing wrong with an SQS destination for a provisioned MSK mapping', () => {
		const result = checkAgainstMapping(destinationConfig('arn:aws:sqs:us-east-1:123456789012:orders-failures'), mapping());
		assert.equal(result.unavailable, undefined);
		assert.deepEqual(
			result.problems.filter((p) => p.severity === 'error' || p.severity === 'warning'),
			[],
		);
	});

	it('refuses a kafka:// destination that names the source topic', () => {
		const result = checkAgainstMapping(destinationConfig('kafka://orders'), mapping());
		const errors = result.problems.filter((p) => p.severity === 'error');
		assert.equal(errors.length, 1);
		assert.equal(errors[0].code, 'kafka-destination-requirements');
		assert.equal(errors[0].message, 'The destination topic "orders" is also the source topic: Lambda blocks this to prevent a loop.');
	});

	it('refuses a kafka:// destination config for an on-demand mapping, saying how to switch the mapping', () => {
		// A destination config cannot hold ProvisionedPollerConfig, so "add it" would be advice the user cannot follow.
		const result = checkAgainstMapping(destinationConfig('kafka://orders-dlq'), mapping({ ProvisionedPollerConfig: undefined }));
		const errors = result.problems.filter((p) => p.severity === 'error');
		assert.deepEqual(errors, [
			{
				code: 'kafka-destination-requirements',
				severity: 'error',
				message: `A kafka:// destination requires provisioned mode, and this mapping is in on-demand mode, which a destination config cannot change: first send an update request such as {"UUID": "${UUID}", "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 2}} (aws lambda update-event-source-mapping, or this extension's Apply Destination Config to Event Source Mapping on that request).`,
			},
		]);
	});

	it('keeps the advice to add ProvisionedPollerConfig for an update request on an on-demand mapping', () => {
		const update = JSON.stringify({ UUID, DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } } });
		const result = checkAgainstMapping(update, mapping({ ProvisionedPollerConfig: undefined }));
		assert.deepEqual(
			result.problems.filter((p) => p.severity === 'error').map((p) => p.message),
			['A kafka:// destination requires provisioned mode: add ProvisionedPollerConfig, for example {"MinimumPollers": 1, "MaximumPollers": 3}.'],
		);
	});

	it('accepts a kafka:// destination when the same update switches the mapping to provisioned mode', () => {
		const update = JSON.stringify({
			UUID,
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2 },
			DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } },
		});
		const result = checkAgainstMapping(update, mapping({ ProvisionedPollerConfig: undefined }));
		assert.deepEqual(
			result.problems.filter((p) => p.severity === 'error'),
			[],
		);
	});

	it('refuses an update that switches to on-demand mode while the mapping keeps a kafka:// destination', () => {
		const update = JSON.stringify({ UUID, ProvisionedPollerConfig: {} });
		const result = checkAgainstMapping(update, mapping({ DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } } }));
		assert.deepEqual(
			codes(result).filter((c) => c.startsWith('error:')),
			['error:kafka-destination-requirements'],
		);
	});

	it('refuses a kafka:// destination on a self-managed mapping reading the same topic', () => {
		const selfManaged = mapping({
			EventSourceArn: undefined,
			SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.example.com:9092'] } },
			AmazonManagedKafkaEventSourceConfig: undefined,
		});
		const result = checkAgainstMapping(destinationConfig('kafka://orders'), selfManaged);
		assert.deepEqual(
			codes(result).filter((c) => c.startsWith('error:')),
			['error:kafka-destination-requirements'],
		);
	});

	it('warns about retry settings the on-demand mapping ignores', () => {
		const update = JSON.stringify({ UUID, MaximumRetryAttempts: 5 });
		const result = checkAgainstMapping(update, mapping({ ProvisionedPollerConfig: undefined, MaximumRetryAttempts: -1 }));
		assert.deepEqual(codes(result), ['warning:provisioned-mode-required']);
	});

	it('notes the 10-retry cap when a destination is added to a mapping with infinite retries', () => {
		const result = checkAgainstMapping(destinationConfig('arn:aws:sqs:us-east-1:123456789012:orders-failures'), mapping({ MaximumRetryAttempts: -1 }));
		assert.deepEqual(codes(result), ['info:infinite-retries-capped']);
	});

	it('reports nothing the mapping already had before the change', () => {
		// The mapping's retry settings on on-demand mode are the mapping's own, not the document's.
		const result = checkAgainstMapping(
			destinationConfig('arn:aws:sqs:us-east-1:123456789012:orders-failures'),
			mapping({ ProvisionedPollerConfig: undefined, MaximumRetryAttempts: 3 }),
		);
		assert.deepEqual(codes(result), []);
	});

	it('has no schema noise from response-only fields', () => {
		const result = checkAgainstMapping(
			destinationConfig('arn:aws:sqs:us-east-1:123456789012:orders-failures'),
			mapping({ FilterCriteriaError: { ErrorCode: 'x' }, MetricsConfig: { Metrics: ['EventCount'] } }),
		);
		assert.ok(
			result.problems.every((p) => !p.code.startsWith('schema-') && p.code !== 'unknown-field'),
			JSON.stringify(result.problems),
		);
	});

	it('treats removing the destination as a mapping without one', () => {
		const result = checkAgainstMapping(destinationConfig(''), mapping({ DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } } }));
		assert.deepEqual(result.problems, []);
	});

	it('says when the document cannot be checked', () => {
		assert.match(checkAgainstMapping('{"FunctionName":"f","EventSourceArn":"x"}', mapping()).unavailable ?? '', /create request/);
		assert.match(checkAgainstMapping('{"requestContext":{}}', mapping()).unavailable ?? '', /neither/);
		assert.match(checkAgainstMapping(destinationConfig('kafka://x'), 'nope').unavailable ?? '', /not a JSON object/);
	});

	it('projects a mapping onto request members only', () => {
		assert.deepEqual(mappingAsCreateRequest(mapping()), {
			FunctionName: FUNCTION_ARN,
			EventSourceArn: CLUSTER,
			Topics: ['orders'],
			StartingPosition: 'LATEST',
			BatchSize: 100,
			AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: UUID },
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
			MaximumRetryAttempts: 3,
		});
	});
});
