/** The Lambda API wrapper with the real SDK against the loopback server: paging, waiting, errors. */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { UserFacingException } from '../../client/src/aws/errors';
import type { CancellationLike } from '../../client/src/aws/lambdaApi';
import { createLambdaApi, isKafkaMapping } from '../../client/src/aws/lambdaApi';
import { MemoryLogger } from '../../client/src/aws/logger';
import type { LoopbackLambda } from '../loopback/lambdaServer';
import { apiFor, CLUSTER, kafkaSeed, startLoopback } from './harness';

async function rejection(promise: Promise<unknown>): Promise<UserFacingException> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof UserFacingException, `expected a UserFacingException, got ${String(error)}`);
		return error;
	}
	assert.fail('expected a rejection');
}

/** A cancellation token the test fires by hand. */
function cancellation(): { token: CancellationLike; cancel: () => void } {
	let cancelled = false;
	const listeners = new Set<() => void>();
	return {
		token: {
			get isCancellationRequested() {
				return cancelled;
			},
			onCancellationRequested(listener) {
				const wrapped = (): void => void listener(undefined);
				listeners.add(wrapped);
				return { dispose: () => listeners.delete(wrapped) };
			},
		},
		cancel: () => {
			cancelled = true;
			listeners.forEach((l) => l());
		},
	};
}

describe('createLambdaApi against the loopback Lambda', () => {
	let server: LoopbackLambda;
	const logger = new MemoryLogger();

	before(async () => {
		server = await startLoopback(80);
	});
	after(async () => {
		await server.close();
	});

	it('lists all mappings of a function over several pages and keeps only Kafka ones', async () => {
		for (let i = 0; i < 250; i++) {
			server.addMapping(
				i % 10 === 0
					? { FunctionName: 'paged', EventSourceArn: `arn:aws:kinesis:us-east-1:123456789012:stream/s-${i}`, StartingPosition: 'LATEST' }
					: i % 10 === 1
						? kafkaSeed({
								FunctionName: 'paged',
								EventSourceArn: undefined,
								SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.example.com:9092'] } },
								Topics: [`sm-${i}`],
							})
						: kafkaSeed({ FunctionName: 'paged', Topics: [`t-${i}`] }),
			);
		}
		const api = apiFor(server, logger);
		const mappings = await api.listKafkaMappings('paged');
		assert.equal(mappings.length, 225);
		assert.equal(mappings.filter((m) => m.SelfManagedEventSource).length, 25);
		assert.ok(mappings.every(isKafkaMapping));
		assert.equal(server.requestsFor('ListEventSourceMappings').filter((r) => r.query['FunctionName'] === 'paged').length, 3);
		// Dates arrive as ISO strings, and no SDK metadata leaks into the plain JSON.
		assert.match(mappings[0].LastModified ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
		assert.equal('$metadata' in mappings[0], false);
		api.dispose();
	});

	it('follows Updating → Enabled, reporting each state once', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'waits' }));
		const api = apiFor(server, logger);
		await api.updateMapping({ UUID: mapping.UUID, BatchSize: 10 });
		const states: string[] = [];
		const final = await api.waitForStableState(mapping.UUID, { onState: (m) => states.push(m.State ?? '?'), initialDelayMs: 15, maxDelayMs: 30 });
		assert.equal(final.State, 'Enabled');
		assert.deepEqual(states, ['Updating', 'Enabled']);
	});

	it('follows Disabling → Disabled', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'disables' }));
		const api = apiFor(server, logger);
		const sent = await api.updateMapping({ UUID: mapping.UUID, Enabled: false });
		assert.equal(sent.State, 'Disabling');
		const final = await api.waitForStableState(mapping.UUID, { initialDelayMs: 15, maxDelayMs: 30 });
		assert.equal(final.State, 'Disabled');
	});

	it('stops waiting at once when cancelled, without failing the change', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'cancels' }));
		server.setState(mapping.UUID, 'Updating');
		const api = apiFor(server, logger);
		const { token, cancel } = cancellation();
		const started = Date.now();
		const waiting = api.waitForStableState(mapping.UUID, { token, initialDelayMs: 10_000, onState: () => setTimeout(cancel, 20) });
		const error = await rejection(waiting);
		assert.equal(error.userFacing.kind, 'cancelled');
		assert.ok(Date.now() - started < 2000, 'did not sit out the poll interval');
		assert.equal(server.getMapping(mapping.UUID)!.State, 'Updating');
	});

	it('gives up after its time limit with a message saying AWS goes on', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'stuck' }));
		server.setState(mapping.UUID, 'Creating');
		const api = apiFor(server, logger);
		const error = await rejection(api.waitForStableState(mapping.UUID, { initialDelayMs: 20, timeoutMs: 100 }));
		assert.match(error.userFacing.message, /is still Creating after 0 seconds; AWS goes on with the change\.$/);
	});

	it('keeps polling through a throttled poll', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'throttled-poll' }));
		server.setState(mapping.UUID, 'Updating');
		const api = createLambdaApi(
			{
				region: 'us-east-1',
				profile: undefined,
				endpoint: server.endpoint,
				credentials: () => Promise.resolve({ accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'secret' }),
			},
			{ maxAttempts: 1, env: {} },
		);
		server.injectFault({ operation: 'GetEventSourceMapping', kind: 'throttle', times: 2, retryAfterSeconds: 0 });
		setTimeout(() => server.setState(mapping.UUID, 'Enabled'), 50);
		const final = await api.waitForStableState(mapping.UUID, { initialDelayMs: 20, maxDelayMs: 40 });
		assert.equal(final.State, 'Enabled');
	});

	it('creates with the SDK input shapes (a StartingPositionTimestamp in epoch seconds becomes a date)', async () => {
		server.addFunction('creates');
		const api = apiFor(server, logger);
		const created = await api.createMapping({
			FunctionName: 'creates',
			EventSourceArn: CLUSTER,
			Topics: ['clicks'],
			StartingPosition: 'AT_TIMESTAMP',
			StartingPositionTimestamp: 1735689600,
		});
		assert.equal(created.State, 'Creating');
		const body = server.requestsFor('CreateEventSourceMapping').slice(-1)[0].body as Record<string, unknown>;
		assert.equal(body['StartingPositionTimestamp'], 1735689600);
	});

	it('says plainly when a mapping does not exist', async () => {
		const api = apiFor(server, logger);
		const error = await rejection(api.getMapping('00000000-0000-4000-8000-000000000000'));
		assert.equal(error.userFacing.kind, 'not-found');
		assert.equal(error.userFacing.message, 'The event source mapping 00000000-0000-4000-8000-000000000000 was not found in us-east-1.');
	});

	it('says plainly when the endpoint refuses connections', async () => {
		const port = await new Promise<number>((resolve) => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const address = probe.address();
				probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
			});
		});
		const endpoint = `http://127.0.0.1:${port}`;
		const api = createLambdaApi(
			{ region: 'us-east-1', profile: undefined, endpoint, credentials: () => Promise.resolve({ accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'secret' }) },
			{ maxAttempts: 1, env: {} },
		);
		const error = await rejection(api.listFunctions());
		assert.equal(error.userFacing.kind, 'network');
		assert.equal(error.userFacing.message, `Could not reach ${endpoint}: the connection was refused.`);
		assert.equal(error.userFacing.retryable, true);
	});

	it('times out a request that gets no answer', async () => {
		const api = createLambdaApi(
			{
				region: 'us-east-1',
				profile: undefined,
				endpoint: server.endpoint,
				credentials: () => Promise.resolve({ accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'secret' }),
			},
			{ maxAttempts: 1, requestTimeoutMs: 100, env: {} },
		);
		server.injectFault({ operation: 'ListFunctions', kind: 'delay', delayMs: 600 });
		const error = await rejection(api.listFunctions());
		assert.equal(error.userFacing.kind, 'network');
		assert.match(error.userFacing.message, /the request timed out|the connection/);
	});

	it('says plainly when the connection drops', async () => {
		const api = createLambdaApi(
			{
				region: 'us-east-1',
				profile: undefined,
				endpoint: server.endpoint,
				credentials: () => Promise.resolve({ accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'secret' }),
			},
			{ maxAttempts: 1, env: {} },
		);
		server.injectFault({ operation: 'ListFunctions', kind: 'drop-connection' });
		const error = await rejection(api.listFunctions());
		assert.equal(error.userFacing.kind, 'network');
		assert.equal(error.userFacing.retryable, true);
	});

	it('signs for the configured region, so a region mismatch is an authentication error, not a hang', async () => {
		const api = createLambdaApi(
			{
				region: 'eu-west-1',
				profile: 'dev',
				endpoint: server.endpoint,
				credentials: () => Promise.resolve({ accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'secret' }),
			},
			{ maxAttempts: 1, env: {} },
		);
		const error = await rejection(api.listFunctions());
		assert.equal(error.userFacing.kind, 'invalid-credentials');
		assert.match(error.userFacing.message, /profile "dev"/);
	});
});
