import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	LambdaClient,
	ListEventSourceMappingsCommand,
	ListFunctionsCommand,
	paginateListEventSourceMappings,
	paginateListFunctions,
} from '@aws-sdk/client-lambda';
import type { EventSourceMappingConfiguration, FunctionConfiguration, LambdaServiceException } from '@aws-sdk/client-lambda';
import { LoopbackLambda } from './lambdaServer';
import { LOOPBACK_CREDENTIALS } from './sigv4';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';
const OTHER_CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/audit/0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6-1';

describe('LoopbackLambda listings through the real SDK', () => {
	let server: LoopbackLambda;
	let client: LambdaClient;

	before(async () => {
		server = await LoopbackLambda.start({ transitionDelayMs: 50 });
		for (let i = 0; i < 250; i++) {
			server.addMapping({ FunctionName: 'bulk-consumer', EventSourceArn: CLUSTER, Topics: [`topic-${i}`], StartingPosition: 'LATEST' });
		}
		server.addMapping({ FunctionName: 'audit-consumer', EventSourceArn: OTHER_CLUSTER, Topics: ['audit'], StartingPosition: 'LATEST' });
		server.addFunction('idle-function', { runtime: 'python3.12' });
		for (let i = 0; i < 60; i++) {
			server.addFunction(`fn-${String(i).padStart(2, '0')}`);
		}
		client = new LambdaClient({ region: 'us-east-1', endpoint: server.endpoint, credentials: { ...LOOPBACK_CREDENTIALS }, maxAttempts: 1 });
	});

	after(async () => {
		client.destroy();
		await server.close();
	});

	it('pages 250 mappings as 100/100/50 with an opaque NextMarker', async () => {
		const sizes: number[] = [];
		const markers: Array<string | undefined> = [];
		let marker: string | undefined;
		do {
			const page = await client.send(new ListEventSourceMappingsCommand({ FunctionName: 'bulk-consumer', Marker: marker }));
			sizes.push(page.EventSourceMappings?.length ?? 0);
			markers.push(page.NextMarker);
			marker = page.NextMarker;
		} while (marker);
		assert.deepEqual(sizes, [100, 100, 50]);
		assert.equal(markers[2], undefined);
		assert.equal(typeof markers[0], 'string');
		const requests = server.requestsFor('ListEventSourceMappings').slice(-3);
		assert.deepEqual(
			requests.map((r) => r.path),
			Array(3).fill('/2015-03-31/event-source-mappings'),
		);
		assert.equal(requests[0].query.FunctionName, 'bulk-consumer');
		assert.equal(requests[1].query.Marker, markers[0]);
	});

	it('gets all 250 through paginateListEventSourceMappings, each with a Date LastModified', async () => {
		const all: EventSourceMappingConfiguration[] = [];
		for await (const page of paginateListEventSourceMappings({ client }, { FunctionName: 'bulk-consumer' })) {
			all.push(...(page.EventSourceMappings ?? []));
		}
		assert.equal(all.length, 250);
		assert.equal(new Set(all.map((m) => m.UUID)).size, 250);
		assert.ok(all.every((m) => m.LastModified instanceof Date));
	});

	it('honours a MaxItems smaller than 100', async () => {
		const page = await client.send(new ListEventSourceMappingsCommand({ FunctionName: 'bulk-consumer', MaxItems: 30 }));
		assert.equal(page.EventSourceMappings?.length, 30);
		assert.ok(page.NextMarker);
		const large = await client.send(new ListEventSourceMappingsCommand({ FunctionName: 'bulk-consumer', MaxItems: 5000 }));
		assert.equal(large.EventSourceMappings?.length, 100, 'a page never holds more than 100');
	});

	it('matches FunctionName given as an ARN, and filters by EventSourceArn', async () => {
		const byArn = await client.send(new ListEventSourceMappingsCommand({ FunctionName: server.functionArn('audit-consumer') }));
		assert.deepEqual(
			byArn.EventSourceMappings?.map((m) => m.Topics?.[0]),
			['audit'],
		);
		const bySource = await client.send(new ListEventSourceMappingsCommand({ EventSourceArn: OTHER_CLUSTER }));
		assert.equal(bySource.EventSourceMappings?.length, 1);
		const none = await client.send(new ListEventSourceMappingsCommand({ FunctionName: 'nobody' }));
		assert.deepEqual(none.EventSourceMappings, []);
		assert.equal(none.$metadata.httpStatusCode, 200);
	});

	it('rejects MaxItems 0 with the validator wording', async () => {
		await assert.rejects(client.send(new ListEventSourceMappingsCommand({ MaxItems: 0 })), (error: LambdaServiceException) => {
			assert.equal(error.name, 'ValidationException');
			assert.equal(
				error.message,
				"1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: " + 'Member must have value greater than or equal to 1',
			);
			return true;
		});
	});

	it('lists functions registered and derived from mappings, 50 per page', async () => {
		const first = await client.send(new ListFunctionsCommand({}));
		assert.equal(first.Functions?.length, 50);
		assert.ok(first.NextMarker);
		const all: FunctionConfiguration[] = [];
		for await (const page of paginateListFunctions({ client }, {})) {
			all.push(...(page.Functions ?? []));
		}
		const names = all.map((f) => f.FunctionName);
		assert.equal(all.length, 63);
		assert.ok(names.includes('bulk-consumer') && names.includes('audit-consumer') && names.includes('idle-function'));
		const idle = all.find((f) => f.FunctionName === 'idle-function');
		assert.equal(idle?.FunctionArn, 'arn:aws:lambda:us-east-1:123456789012:function:idle-function');
		assert.equal(idle?.Runtime, 'python3.12');
		const [request] = server.requestsFor('ListFunctions');
		assert.equal(request.method, 'GET');
		assert.match(request.path, /^\/2015-03-31\/functions\/?$/);
	});
});
