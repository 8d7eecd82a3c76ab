import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	GetEventSourceMappingCommand,
	LambdaClient,
	LambdaServiceException,
	ListEventSourceMappingsCommand,
	ResourceConflictException,
	ResourceInUseException,
	ResourceNotFoundException,
	ServiceException,
	TooManyRequestsException,
	UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import type { LambdaClientConfig } from '@aws-sdk/client-lambda';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { LoopbackLambda } from './lambdaServer';
import type { EventSourceMappingWire } from './lambdaServer';
import { LOOPBACK_CREDENTIALS } from './sigv4';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';

async function failure(call: Promise<unknown>): Promise<LambdaServiceException> {
	try {
		await call;
	} catch (error) {
		assert.ok(error instanceof LambdaServiceException, `expected a LambdaServiceException, got ${String(error)}`);
		return error;
	}
	assert.fail('expected the call to fail');
}

describe('LoopbackLambda faults and authentication through the real SDK', () => {
	let server: LoopbackLambda;
	let mapping: EventSourceMappingWire;
	const clients: LambdaClient[] = [];

	function lambda(config: Partial<LambdaClientConfig> = {}): LambdaClient {
		const client = new LambdaClient({
			region: 'us-east-1',
			endpoint: server.endpoint,
			credentials: { ...LOOPBACK_CREDENTIALS },
			maxAttempts: 1,
			...config,
		});
		clients.push(client);
		return client;
	}

	function get(client: LambdaClient): Promise<unknown> {
		return client.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }));
	}

	before(async () => {
		server = await LoopbackLambda.start({ transitionDelayMs: 50 });
		mapping = server.addMapping({ FunctionName: 'orders-consumer', EventSourceArn: CLUSTER, Topics: ['order-events'], StartingPosition: 'LATEST' });
	});

	after(async () => {
		for (const client of clients) {
			client.destroy();
		}
		await server.close();
	});

	it('surfaces a throttle as TooManyRequestsException with Retry-After and Reason', async () => {
		server.injectFault({ operation: 'GetEventSourceMapping', kind: 'throttle' });
		const error = await failure(get(lambda()));
		assert.ok(error instanceof TooManyRequestsException);
		assert.equal(error.message, 'Rate Exceeded.');
		assert.equal(error.Reason, 'CallerRateLimitExceeded');
		assert.equal(error.retryAfterSeconds, '1');
		assert.equal(error.$metadata.httpStatusCode, 429);
		assert.equal(server.requests.at(-1)?.errorType, 'TooManyRequestsException');
	});

	it('retries throttles with the default strategy: two 429s, then success on the third request', async () => {
		const before = server.requestsFor('GetEventSourceMapping').length;
		server.injectFault({ operation: 'GetEventSourceMapping', kind: 'throttle', times: 2, retryAfterSeconds: 0 });
		const result = await lambda({ maxAttempts: 3 }).send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }));
		assert.equal(result.UUID, mapping.UUID);
		assert.equal(result.$metadata.attempts, 3);
		const seen = server.requestsFor('GetEventSourceMapping').slice(before);
		assert.deepEqual(
			seen.map((r) => r.status),
			[429, 429, 200],
		);
		assert.deepEqual(
			seen.map((r) => r.headers['amz-sdk-request']),
			['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3'],
		);
	});

	it('makes the SDK wait at least Retry-After before retrying', async () => {
		server.injectFault({ operation: 'GetEventSourceMapping', kind: 'throttle', retryAfterSeconds: 0.4 });
		// A near-zero backoff of our own, so the only long wait can come from Retry-After.
		const client = lambda({ retryStrategy: new ConfiguredRetryStrategy(2, 5) });
		const started = Date.now();
		const result = await client.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }));
		assert.equal(result.$metadata.attempts, 2);
		assert.ok(Date.now() - started >= 380, `retried after ${Date.now() - started} ms`);
	});

	it('surfaces each injected fault as the matching exception class and message', async () => {
		server.injectFault({ kind: 'conflict' });
		const conflict = await failure(get(lambda()));
		assert.ok(conflict instanceof ResourceConflictException);
		assert.equal(conflict.$metadata.httpStatusCode, 409);

		server.injectFault({ kind: 'in-use' });
		const inUse = await failure(get(lambda()));
		assert.ok(inUse instanceof ResourceInUseException);
		assert.equal(inUse.message, 'Cannot update the event source mapping because it is in use.');

		server.injectFault({ kind: 'not-found', message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:gone' });
		const notFound = await failure(get(lambda()));
		assert.ok(notFound instanceof ResourceNotFoundException);
		assert.equal(notFound.message, 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:gone');

		server.injectFault({ kind: 'server-error' });
		const internal = await failure(get(lambda()));
		assert.ok(internal instanceof ServiceException);
		assert.equal(internal.$fault, 'server');
		assert.equal(internal.$metadata.httpStatusCode, 500);

		server.injectFault({ kind: 'validation', message: 'custom validation text' });
		const validation = await failure(get(lambda()));
		assert.equal(validation.name, 'ValidationException');
		assert.equal(validation.message, 'custom validation text');
	});

	it('answers an IAM denial with AccessDeniedException naming the action and mapping ARN', async () => {
		server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'access-denied' });
		const error = await failure(lambda().send(new UpdateEventSourceMappingCommand({ UUID: mapping.UUID, BatchSize: 10 })));
		assert.equal(error.name, 'AccessDeniedException');
		assert.equal(error.$metadata.httpStatusCode, 403);
		assert.equal(
			error.message,
			'User: arn:aws:sts::123456789012:assumed-role/dev/me is not authorized to perform: ' +
				`lambda:UpdateEventSourceMapping on resource: arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${mapping.UUID} ` +
				'because no identity-based policy allows the lambda:UpdateEventSourceMapping action',
		);
		assert.equal(server.getMapping(mapping.UUID)?.BatchSize, 100, 'a denied update changes nothing');
	});

	it('only applies a fault to its operation, and only as many times as asked', async () => {
		server.injectFault({ operation: 'ListEventSourceMappings', kind: 'server-error' });
		await get(lambda());
		assert.ok((await failure(lambda().send(new ListEventSourceMappingsCommand({})))) instanceof ServiceException);
		await lambda().send(new ListEventSourceMappingsCommand({}));
	});

	it('lets the SDK retry a dropped connection', async () => {
		const before = server.requests.length;
		server.injectFault({ kind: 'drop-connection' });
		const result = await lambda({ retryStrategy: new ConfiguredRetryStrategy(2, 5) }).send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }));
		assert.equal(result.UUID, mapping.UUID);
		assert.deepEqual(
			server.requests.slice(before).map((r) => r.status),
			[0, 200],
		);
	});

	it('holds a delayed request long enough for the caller to abort it', async () => {
		server.injectFault({ kind: 'delay', delayMs: 500 });
		await assert.rejects(
			lambda().send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }), { abortSignal: AbortSignal.timeout(50) }),
			(error: Error) => error.name === 'AbortError' || error.name === 'TimeoutError',
		);
	});

	it('rejects a client configured for another region (InvalidSignatureException)', async () => {
		const error = await failure(get(lambda({ region: 'eu-west-1' })));
		assert.equal(error.name, 'InvalidSignatureException');
		assert.equal(error.$metadata.httpStatusCode, 403);
		assert.equal(error.message, "Credential should be scoped to a valid region, not 'eu-west-1'. ");
	});

	it('verifies the signature itself: a wrong secret fails, an unknown key is unrecognized', async () => {
		const wrongSecret = await failure(get(lambda({ credentials: { accessKeyId: LOOPBACK_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } })));
		assert.equal(wrongSecret.name, 'InvalidSignatureException');
		assert.match(wrongSecret.message, /^The request signature we calculated does not match the signature you provided\./);

		const unknown = await failure(get(lambda({ credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' } })));
		assert.equal(unknown.name, 'UnrecognizedClientException');
		assert.equal(unknown.message, 'The security token included in the request is invalid.');
	});

	it('accepts temporary credentials with their session token and rejects them once expired', async () => {
		server.addCredentials('ASIALOOPBACKTEMP', 'temp-secret', 'session-token-1');
		const temporary = { accessKeyId: 'ASIALOOPBACKTEMP', secretAccessKey: 'temp-secret', sessionToken: 'session-token-1' };
		await get(lambda({ credentials: { ...temporary } }));

		const wrongToken = await failure(get(lambda({ credentials: { ...temporary, sessionToken: 'other' } })));
		assert.equal(wrongToken.name, 'UnrecognizedClientException');

		server.expireCredentials('ASIALOOPBACKTEMP');
		const expired = await failure(get(lambda({ credentials: { ...temporary } })));
		assert.equal(expired.name, 'ExpiredTokenException');
		assert.equal(expired.message, 'The security token included in the request is expired');
		assert.equal(expired.$metadata.httpStatusCode, 403);
	});

	it('records the Authorization header apart from the other headers', () => {
		const authorization = server.authorizationHeaders.at(-1) ?? '';
		assert.match(
			authorization,
			/^AWS4-HMAC-SHA256 Credential=ASIALOOPBACKTEMP\/\d{8}\/us-east-1\/lambda\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
		);
		assert.ok(server.requests.every((r) => r.headers.authorization === undefined && r.headers['x-amz-security-token'] === undefined));
	});
});
