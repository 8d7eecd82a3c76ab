import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	CreateEventSourceMappingCommand,
	DeleteEventSourceMappingCommand,
	GetEventSourceMappingCommand,
	InvalidParameterValueException,
	LambdaClient,
	LambdaServiceException,
	ResourceConflictException,
	ResourceInUseException,
	ResourceNotFoundException,
	UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import type { CreateEventSourceMappingCommandInput, CreateEventSourceMappingCommandOutput } from '@aws-sdk/client-lambda';
import { LoopbackLambda } from './lambdaServer';
import { DESTINATION_PATTERN } from './lambdaValidation';
import { LOOPBACK_CREDENTIALS } from './sigv4';
import { waitFor } from './waitFor';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';
const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:orders-consumer-failures';

async function failure(call: Promise<unknown>): Promise<LambdaServiceException> {
	try {
		await call;
	} catch (error) {
		assert.ok(error instanceof LambdaServiceException, `expected a LambdaServiceException, got ${String(error)}`);
		return error;
	}
	assert.fail('expected the call to fail');
}

describe('LoopbackLambda event source mappings through the real SDK', () => {
	let server: LoopbackLambda;
	let client: LambdaClient;

	before(async () => {
		server = await LoopbackLambda.start({ transitionDelayMs: 50 });
		server.addFunction('orders-consumer');
		client = new LambdaClient({ region: 'us-east-1', endpoint: server.endpoint, credentials: { ...LOOPBACK_CREDENTIALS }, maxAttempts: 1 });
	});

	after(async () => {
		client.destroy();
		await server.close();
	});

	async function createKafkaMapping(topic: string, extra: Partial<CreateEventSourceMappingCommandInput> = {}): Promise<CreateEventSourceMappingCommandOutput> {
		return client.send(
			new CreateEventSourceMappingCommand({
				FunctionName: 'orders-consumer',
				EventSourceArn: CLUSTER,
				Topics: [topic],
				StartingPosition: 'TRIM_HORIZON',
				...extra,
			}),
		);
	}

	async function stateOf(uuid: string): Promise<string | undefined> {
		return (await client.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State;
	}

	async function settled(uuid: string, state: string): Promise<void> {
		await waitFor(async () => ((await stateOf(uuid)) === state ? true : undefined), { what: `state ${state}` });
	}

	it('creates a mapping: 202, State Creating, typed members, then Enabled', async () => {
		const created = await createKafkaMapping('order-events', {
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
			DestinationConfig: { OnFailure: { Destination: QUEUE } },
			MaximumRetryAttempts: 2,
		});
		assert.equal(created.$metadata.httpStatusCode, 202);
		assert.match(created.$metadata.requestId ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		assert.equal(created.State, 'Creating');
		assert.equal(created.StateTransitionReason, 'User action');
		assert.equal(created.UUID?.length, 36);
		assert.ok(created.LastModified instanceof Date);
		assert.ok(Math.abs(created.LastModified.getTime() - Date.now()) < 5000);
		assert.equal(created.FunctionArn, 'arn:aws:lambda:us-east-1:123456789012:function:orders-consumer');
		assert.equal(created.EventSourceMappingArn, `arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${created.UUID}`);
		assert.deepEqual(created.Topics, ['order-events']);
		assert.deepEqual(created.DestinationConfig, { OnFailure: { Destination: QUEUE } });
		assert.deepEqual(created.ProvisionedPollerConfig, { MinimumPollers: 1, MaximumPollers: 3 });
		assert.equal(created.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId, created.UUID);
		assert.equal(created.LastProcessingResult, 'No records processed');
		assert.equal(created.BatchSize, 100);

		const [request] = server.requestsFor('CreateEventSourceMapping');
		assert.equal(request.method, 'POST');
		assert.equal(request.path, '/2015-03-31/event-source-mappings');
		assert.equal(request.headers['content-type'], 'application/json');
		assert.equal((request.body as { FunctionName: string }).FunctionName, 'orders-consumer');

		await settled(created.UUID, 'Enabled');
		assert.equal(server.getMapping(created.UUID)?.State, 'Enabled');
	});

	it('reads seeded mappings with LastModified converted from epoch seconds to a Date', async () => {
		const seeded = server.addMapping({
			FunctionName: 'orders-consumer',
			EventSourceArn: CLUSTER,
			Topics: ['seeded-topic'],
			StartingPosition: 'LATEST',
			LastModified: new Date('2025-01-15T12:00:00.500Z'),
			LastProcessingResult: 'OK',
		});
		const got = await client.send(new GetEventSourceMappingCommand({ UUID: seeded.UUID }));
		assert.equal(got.$metadata.httpStatusCode, 200);
		assert.equal(got.LastModified?.toISOString(), '2025-01-15T12:00:00.500Z');
		assert.equal(got.State, 'Enabled');
		assert.equal(got.LastProcessingResult, 'OK');
		assert.equal(seeded.LastModified, 1736942400.5);
	});

	it('reports an unknown UUID as ResourceNotFoundException with the capital-M Message', async () => {
		const error = await failure(client.send(new GetEventSourceMappingCommand({ UUID: '00000000-0000-4000-8000-000000000000' })));
		assert.ok(error instanceof ResourceNotFoundException);
		assert.equal(error.message, 'The resource you requested does not exist.');
		assert.equal(error.Type, 'User');
		assert.equal(error.$metadata.httpStatusCode, 404);
		for (const command of [
			new UpdateEventSourceMappingCommand({ UUID: '00000000-0000-4000-8000-000000000000', BatchSize: 5 }),
			new DeleteEventSourceMappingCommand({ UUID: '00000000-0000-4000-8000-000000000000' }),
		]) {
			assert.ok((await failure(client.send(command))) instanceof ResourceNotFoundException);
		}
	});

	it('updates only the members sent: Updating, then back to Enabled', async () => {
		const created = await createKafkaMapping('update-me', {
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2 },
			DestinationConfig: { OnFailure: { Destination: QUEUE } },
		});
		await settled(created.UUID!, 'Enabled');
		const updated = await client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, BatchSize: 250 }));
		assert.equal(updated.$metadata.httpStatusCode, 202);
		assert.equal(updated.State, 'Updating');
		assert.equal(updated.BatchSize, 250);
		assert.deepEqual(updated.DestinationConfig, { OnFailure: { Destination: QUEUE } });
		assert.deepEqual(updated.Topics, ['update-me']);
		assert.deepEqual(updated.ProvisionedPollerConfig, { MinimumPollers: 1, MaximumPollers: 2 });
		const [request] = server.requestsFor('UpdateEventSourceMapping').slice(-1);
		assert.equal(request.method, 'PUT');
		assert.equal(request.path, `/2015-03-31/event-source-mappings/${created.UUID}`);
		assert.deepEqual(request.body, { BatchSize: 250 });

		await settled(created.UUID!, 'Enabled');
		assert.equal(server.getMapping(created.UUID!)?.BatchSize, 250);
	});

	it('refuses a second Update while the first is in progress (ResourceInUseException)', async () => {
		const created = await createKafkaMapping('busy');
		await settled(created.UUID!, 'Enabled');
		// A transition far longer than the test, so the second call cannot race the first one's end.
		server.transitionDelayMs = 60_000;
		try {
			const first = await client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, BatchSize: 20 }));
			assert.equal(first.State, 'Updating');
			const inUse = await failure(client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, BatchSize: 10 })));
			assert.ok(inUse instanceof ResourceInUseException);
			assert.equal(inUse.message, 'Cannot update the event source mapping because it is in use.');
			assert.equal(inUse.$metadata.httpStatusCode, 400);
			assert.equal(server.getMapping(created.UUID!)?.BatchSize, 20);
		} finally {
			server.transitionDelayMs = 50;
			server.setState(created.UUID!, 'Enabled');
		}
	});

	it('goes through Disabling to Disabled when Enabled is false', async () => {
		const created = await createKafkaMapping('disable-me');
		await settled(created.UUID!, 'Enabled');
		const updated = await client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, Enabled: false }));
		assert.equal(updated.State, 'Disabling');
		await settled(created.UUID!, 'Disabled');
	});

	it('removes a destination when OnFailure.Destination is empty', async () => {
		const created = await createKafkaMapping('remove-destination', { DestinationConfig: { OnFailure: { Destination: QUEUE } } });
		await settled(created.UUID!, 'Enabled');
		const updated = await client.send(
			new UpdateEventSourceMappingCommand({
				UUID: created.UUID,
				DestinationConfig: { OnFailure: { Destination: '' } },
			}),
		);
		assert.equal(updated.DestinationConfig?.OnFailure?.Destination, undefined);
		assert.deepEqual(server.getMapping(created.UUID!)?.DestinationConfig, { OnFailure: {} });
	});

	it('refuses a destination that fails the model pattern as a whole string (ValidationException)', async () => {
		const created = await createKafkaMapping('pattern');
		await settled(created.UUID!, 'Enabled');
		for (const value of ['KAFKA://x', 'kafka://', 'arn:aws:sqs:us-east-1:12345:q']) {
			const error = await failure(
				client.send(
					new UpdateEventSourceMappingCommand({
						UUID: created.UUID,
						DestinationConfig: { OnFailure: { Destination: value } },
					}),
				),
			);
			assert.equal(error.name, 'ValidationException');
			assert.equal(error.$metadata.httpStatusCode, 400);
			assert.equal(
				error.message,
				`1 validation error detected: Value '${value}' at 'destinationConfig.onFailure.destination' ` +
					`failed to satisfy constraint: Member must satisfy regular expression pattern: ${DESTINATION_PATTERN}`,
			);
		}
		assert.equal(server.getMapping(created.UUID!)?.State, 'Enabled');
	});

	it('refuses OnSuccess with the lower-case message of InvalidParameterValueException', async () => {
		const created = await createKafkaMapping('on-success');
		await settled(created.UUID!, 'Enabled');
		const error = await failure(
			client.send(
				new UpdateEventSourceMappingCommand({
					UUID: created.UUID,
					DestinationConfig: { OnSuccess: { Destination: QUEUE } },
				}),
			),
		);
		assert.ok(error instanceof InvalidParameterValueException);
		assert.equal(error.message, 'Unsupported DestinationConfig parameter for given event source mapping type.');
		assert.equal(error.Type, 'User');
	});

	it('refuses MaximumRecordAgeInSeconds below 60 but accepts -1', async () => {
		const created = await createKafkaMapping('record-age', { ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2 } });
		await settled(created.UUID!, 'Enabled');
		const error = await failure(client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, MaximumRecordAgeInSeconds: 30 })));
		assert.ok(error instanceof InvalidParameterValueException);
		assert.equal(error.message, 'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)');
		const updated = await client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, MaximumRecordAgeInSeconds: -1 }));
		assert.equal(updated.MaximumRecordAgeInSeconds, -1);
	});

	it('refuses a kafka:// destination without provisioned mode, and accepts it with ProvisionedPollerConfig in the same call', async () => {
		const created = await createKafkaMapping('kafka-destination');
		await settled(created.UUID!, 'Enabled');
		const error = await failure(
			client.send(
				new UpdateEventSourceMappingCommand({
					UUID: created.UUID,
					DestinationConfig: { OnFailure: { Destination: 'kafka://failed-orders' } },
				}),
			),
		);
		assert.ok(error instanceof InvalidParameterValueException);
		assert.match(error.message, /provisioned mode/);
		const updated = await client.send(
			new UpdateEventSourceMappingCommand({
				UUID: created.UUID,
				DestinationConfig: { OnFailure: { Destination: 'kafka://failed-orders' } },
				ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
			}),
		);
		assert.equal(updated.DestinationConfig?.OnFailure?.Destination, 'kafka://failed-orders');
		await settled(created.UUID!, 'Enabled');
		const back = await failure(client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, ProvisionedPollerConfig: {} })));
		assert.ok(back instanceof InvalidParameterValueException, 'leaving provisioned mode would orphan the kafka:// destination');
	});

	it('deletes: 202 Deleting, then the mapping is gone', async () => {
		const created = await createKafkaMapping('delete-me');
		await settled(created.UUID!, 'Enabled');
		const deleted = await client.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
		assert.equal(deleted.$metadata.httpStatusCode, 202);
		assert.equal(deleted.State, 'Deleting');
		assert.equal(server.requestsFor('DeleteEventSourceMapping').at(-1)?.method, 'DELETE');
		await waitFor(
			async () => {
				try {
					await client.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
					return undefined;
				} catch (error) {
					return error instanceof ResourceNotFoundException ? true : undefined;
				}
			},
			{ what: 'the mapping to disappear' },
		);
		assert.equal(server.getMapping(created.UUID!), undefined);
	});

	it('refuses an Update while a test holds the mapping in a transitional state', async () => {
		const seeded = server.addMapping({ FunctionName: 'orders-consumer', EventSourceArn: CLUSTER, Topics: ['held'], StartingPosition: 'LATEST' });
		server.setState(seeded.UUID, 'Updating', 'User action');
		assert.ok((await failure(client.send(new UpdateEventSourceMappingCommand({ UUID: seeded.UUID, BatchSize: 1 })))) instanceof ResourceInUseException);
		server.setState(seeded.UUID, 'Enabled');
		const updated = await client.send(new UpdateEventSourceMappingCommand({ UUID: seeded.UUID, BatchSize: 1 }));
		assert.equal(updated.BatchSize, 1);
	});

	it('refuses a Create for an unknown function, a duplicate source, and a Kafka source without topics', async () => {
		const unknown = await failure(
			client.send(
				new CreateEventSourceMappingCommand({
					FunctionName: 'no-such-function',
					EventSourceArn: CLUSTER,
					Topics: ['t'],
					StartingPosition: 'LATEST',
				}),
			),
		);
		assert.ok(unknown instanceof InvalidParameterValueException);
		assert.equal(unknown.message, 'Function does not exist');

		const first = await createKafkaMapping('duplicated');
		const duplicate = await failure(createKafkaMapping('duplicated'));
		assert.ok(duplicate instanceof ResourceConflictException);
		assert.equal(duplicate.$metadata.httpStatusCode, 409);
		assert.match(duplicate.message, new RegExp(`existing mapping with UUID ${first.UUID}$`));

		const noTopics = await failure(
			client.send(
				new CreateEventSourceMappingCommand({
					FunctionName: 'orders-consumer',
					EventSourceArn: CLUSTER,
					StartingPosition: 'LATEST',
				}),
			),
		);
		assert.ok(noTopics instanceof InvalidParameterValueException);
	});

	it('reports several model violations in one ValidationException', async () => {
		const error = await failure(createKafkaMapping('invalid', { BatchSize: 0, MaximumRetryAttempts: 10001 }));
		assert.equal(error.name, 'ValidationException');
		assert.equal(
			error.message,
			'2 validation errors detected: ' +
				"Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
				"Value '10001' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 10000",
		);
	});
});
