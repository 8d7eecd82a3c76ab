import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LoopbackLambda } from './lambdaServer';
import type { EventSourceMappingWire } from './lambdaServer';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Raw HTTP, without the SDK, to pin down the bytes the SDK tests rely on.
describe('LoopbackLambda wire format', () => {
	let open: LoopbackLambda;
	let signed: LoopbackLambda;
	let mapping: EventSourceMappingWire;

	before(async () => {
		open = await LoopbackLambda.start({ requireSignature: false, transitionDelayMs: 50 });
		signed = await LoopbackLambda.start();
		mapping = open.addMapping({ FunctionName: 'orders-consumer', EventSourceArn: CLUSTER, Topics: ['order-events'], StartingPosition: 'LATEST' });
	});

	after(async () => {
		await open.close();
		await signed.close();
	});

	async function call(server: LoopbackLambda, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
		const response = await fetch(`${server.endpoint}${path}`, init);
		return { status: response.status, headers: response.headers, body: JSON.parse(await response.text()) as unknown };
	}

	it('sends LastModified as epoch seconds and members in PascalCase', async () => {
		const { status, headers, body } = await call(open, `/2015-03-31/event-source-mappings/${mapping.UUID}`);
		assert.equal(status, 200);
		assert.equal(headers.get('content-type'), 'application/json');
		assert.match(headers.get('x-amzn-requestid') ?? '', UUID_PATTERN);
		const wire = body as Record<string, unknown>;
		assert.equal(typeof wire.LastModified, 'number');
		assert.ok(Math.abs((wire.LastModified as number) - Date.now() / 1000) < 60);
		assert.deepEqual(
			Object.keys(wire).filter((k) => !/^[A-Z]/.test(k)),
			[],
		);
		assert.equal(wire.EventSourceMappingArn, `arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${mapping.UUID}`);
	});

	it('sends a 404 with X-Amzn-ErrorType and a capital-M Message', async () => {
		const { status, headers, body } = await call(open, '/2015-03-31/event-source-mappings/00000000-0000-4000-8000-000000000000');
		assert.equal(status, 404);
		assert.equal(headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
		assert.equal(headers.get('content-type'), 'application/json');
		assert.match(headers.get('x-amzn-requestid') ?? '', UUID_PATTERN);
		assert.deepEqual(body, { Type: 'User', Message: 'The resource you requested does not exist.' });
	});

	it('sends InvalidParameterValueException with a lower-case message', async () => {
		const { status, headers, body } = await call(open, `/2015-03-31/event-source-mappings/${mapping.UUID}`, {
			method: 'PUT',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } } }),
		});
		assert.equal(status, 400);
		assert.equal(headers.get('x-amzn-errortype'), 'InvalidParameterValueException');
		assert.deepEqual(body, { Type: 'User', message: 'Unsupported DestinationConfig parameter for given event source mapping type.' });
	});

	it('sends 429 with Retry-After and Reason', async () => {
		open.injectFault({ kind: 'throttle' });
		const { status, headers, body } = await call(open, '/2015-03-31/event-source-mappings');
		assert.equal(status, 429);
		assert.equal(headers.get('retry-after'), '1');
		assert.equal(headers.get('x-amzn-errortype'), 'TooManyRequestsException');
		assert.deepEqual(body, { Reason: 'CallerRateLimitExceeded', Type: 'User', message: 'Rate Exceeded.' });
	});

	it('rejects bodies that are not JSON and paths no operation serves', async () => {
		const bad = await call(open, '/2015-03-31/event-source-mappings', { method: 'POST', body: '{not json' });
		assert.equal(bad.status, 400);
		assert.equal(bad.headers.get('x-amzn-errortype'), 'InvalidRequestContentException');
		const unknown = await call(open, '/2015-03-31/layers');
		assert.equal(unknown.status, 404);
		assert.equal(unknown.headers.get('x-amzn-errortype'), 'UnknownOperationException');
	});

	it('refuses unsigned and malformed requests with 403', async () => {
		const unsigned = await call(signed, '/2015-03-31/event-source-mappings');
		assert.equal(unsigned.status, 403);
		assert.equal(unsigned.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
		assert.deepEqual(unsigned.body, { message: 'Missing Authentication Token' });
		const malformed = await call(signed, '/2015-03-31/event-source-mappings', {
			headers: { Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK/20250101/us-east-1/lambda/aws4_request, Signature=abc' },
		});
		assert.equal(malformed.status, 403);
		assert.equal(malformed.headers.get('x-amzn-errortype'), 'IncompleteSignatureException');
	});
});
