/**
 * A loopback AWS Lambda endpoint for the event-source-mapping operations the extension calls,
 * speaking rest-json exactly as the JS SDK v3 expects it (aws-facts §5): paths, status codes,
 * PascalCase members, epoch-second timestamps, state transitions over time, SigV4 checks and
 * error bodies whose `message`/`Message` casing follows the model.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from './faults';
import { FaultQueue } from './faults';
import { parseTarget, readBody, safeDecode, sleep, withoutSecrets } from './httpUtil';
import { LoopbackService } from './loopbackService';
import type { WireError } from './lambdaErrors';
import {
	accessDenied,
	authenticationError,
	invalidParameterValue,
	invalidRequestContent,
	resourceConflict,
	resourceInUse,
	resourceNotFound,
	serviceException,
	tooManyRequests,
	unknownOperation,
	validationException,
} from './lambdaErrors';
import type { EventSourceMappingWire, LambdaOperation, MappingSeed } from './lambdaModel';
import { CREATE_MEMBERS, epochSeconds, functionArn, functionNameOf, mappingArn, mappingFromSeed, UPDATABLE_MEMBERS } from './lambdaModel';
import { applyMembers, checkMaxItems, INVALID_JSON, paginate, parseJson, sameSource } from './lambdaRequests';
import { checkModelConstraints, checkServiceRules } from './lambdaValidation';
import type { SigV4Result } from './sigv4';
import { verifySigV4 } from './sigv4';

export type { EventSourceMappingWire, LambdaOperation, MappingSeed } from './lambdaModel';

/** Options of {@link LoopbackLambda.start}. */
export interface LoopbackLambdaOptions {
	/** The region requests must be signed for (default `us-east-1`). */
	region?: string;
	/** Default 0: any free port. */
	port?: number;
	/** How long Creating/Updating/Enabling/Disabling/Deleting last (default 300 ms). */
	transitionDelayMs?: number;
	/** Check SigV4 Authorization headers (default true). */
	requireSignature?: boolean;
	/** Accept access keys that were never registered, checking only the header's structure and scope (default false). */
	allowUnknownAccessKeys?: boolean;
}

/** One request the server received, with the status it answered. */
export interface RecordedLambdaRequest {
	/** Undefined when no operation matched the method and path. */
	operation: LambdaOperation | undefined;
	method: string;
	/** The decoded path. */
	path: string;
	query: Record<string, string>;
	/** Headers without `Authorization` and `X-Amz-Security-Token` (see `authorizationHeaders`). */
	headers: Record<string, string>;
	/** The parsed JSON body, or undefined when there was none. */
	body: unknown;
	requestId: string;
	/** 0 while pending, or when the connection was dropped on purpose. */
	status: number;
	/** The `X-Amzn-ErrorType` sent, for errors. */
	errorType?: string;
}

/** A fault for one Lambda operation (see {@link FaultSpec}). */
export type LambdaFault = FaultSpec<LambdaOperation>;

/** What ListFunctions reports for a registered function beyond its name (defaults: nodejs20.x, no description). */
export interface FunctionOptions {
	runtime?: string;
	description?: string;
}

interface StoredMapping {
	config: EventSourceMappingWire;
	timer?: NodeJS.Timeout;
}

type Body = Record<string, unknown>;
type Success = { status: number; body: unknown };
type Outcome = Success | WireError | 'drop';

const API_PREFIX = '/2015-03-31';
const TRANSITIONAL = new Set(['Creating', 'Enabling', 'Disabling', 'Updating', 'Deleting']);
const MAPPING_PAGE_LIMIT = 100;
const FUNCTION_PAGE_LIMIT = 50;

/** The loopback Lambda server. Start it with {@link LoopbackLambda.start}. */
export class LoopbackLambda extends LoopbackService {
	/** Every request received, oldest first. */
	readonly requests: RecordedLambdaRequest[] = [];
	/** How long transitional states last; tests may change it between calls. */
	transitionDelayMs: number;

	private readonly store = new Map<string, StoredMapping>();
	private readonly functions = new Map<string, FunctionOptions>();
	private readonly faults = new FaultQueue<LambdaOperation>();
	/** Tags by resource ARN (ListTags). */
	private readonly tags = new Map<string, Record<string, string>>();

	private constructor(region: string, requireSignature: boolean, allowUnknownAccessKeys: boolean, transitionDelayMs: number) {
		super(region, requireSignature, allowUnknownAccessKeys);
		this.transitionDelayMs = transitionDelayMs;
	}

	/** Starts a server on 127.0.0.1. */
	static async start(options: LoopbackLambdaOptions = {}): Promise<LoopbackLambda> {
		const lambda = new LoopbackLambda(
			options.region ?? 'us-east-1',
			options.requireSignature ?? true,
			options.allowUnknownAccessKeys ?? false,
			options.transitionDelayMs ?? 300,
		);
		return lambda.listen(options.port);
	}

	/** Stops the server and every pending state transition. */
	override async close(): Promise<void> {
		for (const stored of this.store.values()) {
			clearTimeout(stored.timer);
		}
		await super.close();
	}

	/** Registers a function (for ListFunctions and as a target of CreateEventSourceMapping); returns its ARN. */
	addFunction(name: string, options: FunctionOptions = {}): string {
		this.functions.set(name, options);
		return this.functionArn(name);
	}

	/** The ARN of a function in this server's region and account. */
	functionArn(name: string): string {
		return functionArn(this.region, name);
	}

	/** Stores a mapping as if it already existed, registering its function; returns the stored configuration. */
	addMapping(seed: MappingSeed): EventSourceMappingWire {
		const config = mappingFromSeed(seed, this.region);
		if (this.store.has(config.UUID)) {
			throw new Error(`Mapping ${config.UUID} already exists.`);
		}
		const name = functionNameOf(config.FunctionArn);
		if (!this.functions.has(name)) {
			this.functions.set(name, {});
		}
		this.store.set(config.UUID, { config });
		return structuredClone(config);
	}

	/** Tags a function or mapping by its ARN, as CloudFormation does (`aws:cloudformation:stack-name`). */
	tagResource(arn: string, tags: Record<string, string>): void {
		this.tags.set(arn, { ...this.tags.get(arn), ...tags });
	}

	/** A copy of a stored mapping, or undefined once it is gone. */
	getMapping(uuid: string): EventSourceMappingWire | undefined {
		const stored = this.store.get(uuid);
		return stored ? structuredClone(stored.config) : undefined;
	}

	/** Copies of all stored mappings, in creation order. */
	mappings(): EventSourceMappingWire[] {
		return [...this.store.values()].map((s) => structuredClone(s.config));
	}

	/** Forces a state (cancelling any pending transition), e.g. to hold a mapping in `Updating`. */
	setState(uuid: string, state: string, reason?: string): void {
		const stored = this.store.get(uuid);
		if (!stored) {
			throw new Error(`No mapping ${uuid}.`);
		}
		clearTimeout(stored.timer);
		stored.timer = undefined;
		stored.config.State = state;
		if (reason !== undefined) {
			stored.config.StateTransitionReason = reason;
		}
	}

	/** Queues a fault for the next matching request(s). */
	injectFault(fault: LambdaFault): void {
		this.faults.add(fault);
	}

	/** Drops all queued faults. */
	clearFaults(): void {
		this.faults.clear();
	}

	/** The recorded requests for one operation. */
	requestsFor(operation: LambdaOperation): RecordedLambdaRequest[] {
		return this.requests.filter((r) => r.operation === operation);
	}

	protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = randomUUID();
		const target = parseTarget(request.url);
		const method = request.method ?? 'GET';
		const route = this.route(method, target.rawPath);
		const record: RecordedLambdaRequest = {
			operation: route?.operation,
			method,
			path: safeDecode(target.rawPath),
			query: target.query,
			headers: withoutSecrets(request.headers),
			body: undefined,
			requestId,
			status: 0,
		};
		this.requests.push(record);
		if (request.headers.authorization) {
			this.authorizationHeaders.push(request.headers.authorization);
		}
		let outcome: Outcome;
		try {
			const raw = await readBody(request);
			const parsed = parseJson(raw);
			record.body = parsed === INVALID_JSON ? raw.toString('utf8') : parsed;
			outcome = await this.dispatch(route, method, target, request, raw, parsed);
		} catch (error) {
			outcome = serviceException(error instanceof Error ? error.message : String(error));
		}
		if (outcome === 'drop') {
			request.socket.destroy();
			return;
		}
		const error = 'errorType' in outcome ? outcome : undefined;
		record.status = outcome.status;
		record.errorType = error?.errorType;
		const payload = Buffer.from(JSON.stringify(outcome.body), 'utf8');
		response.writeHead(outcome.status, {
			'Content-Type': 'application/json',
			'Content-Length': String(payload.length),
			'x-amzn-RequestId': requestId,
			...(error ? { 'X-Amzn-ErrorType': error.errorType, ...error.headers } : {}),
		});
		response.end(payload);
	}

	private async dispatch(
		route: Route | undefined,
		method: string,
		target: ReturnType<typeof parseTarget>,
		request: IncomingMessage,
		raw: Buffer,
		parsed: unknown,
	): Promise<Outcome> {
		if (this.requireSignature) {
			const verdict = verifySigV4(
				{ method, rawPath: target.rawPath, rawQuery: target.rawQuery, headers: request.headers, body: raw },
				{
					service: 'lambda',
					region: this.signingRegion,
					credentials: this.credentials,
					allowUnknownAccessKeys: this.allowUnknownAccessKeys,
					uriEscapePath: true,
				},
			);
			if (!verdict.ok) {
				return signatureError(verdict);
			}
		}
		if (!route) {
			return unknownOperation();
		}
		const fault = this.faults.take(route.operation);
		if (fault) {
			if (fault.kind === 'delay') {
				await sleep(fault.delayMs ?? 1000);
			} else if (fault.kind === 'drop-connection') {
				return 'drop';
			} else {
				return this.faultError(fault, route);
			}
		}
		if (parsed === INVALID_JSON) {
			return invalidRequestContent();
		}
		const body = (parsed ?? {}) as Body;
		switch (route.operation) {
			case 'CreateEventSourceMapping':
				return this.create(body);
			case 'GetEventSourceMapping':
				return this.get(route.uuid);
			case 'UpdateEventSourceMapping':
				return this.update(route.uuid, body);
			case 'DeleteEventSourceMapping':
				return this.delete(route.uuid);
			case 'ListEventSourceMappings':
				return this.list(target.query);
			case 'ListFunctions':
				return this.listFunctions(target.query);
			case 'GetFunctionConfiguration':
				return this.knownFunctionNames().has(route.uuid)
					? { status: 200, body: this.functionConfiguration(route.uuid) }
					: resourceNotFound(`Function not found: ${this.functionArn(route.uuid)}`);
			case 'ListTags':
				return this.listTags(route.uuid);
		}
	}

	/** ListTags names a function or mapping by ARN; one that does not exist is not found. */
	private listTags(arn: string): Outcome {
		const uuid = /:event-source-mapping:([^:]+)$/.exec(arn)?.[1];
		const name = /:function:([^:]+)$/.exec(arn)?.[1];
		const exists = uuid !== undefined ? this.store.has(uuid) : name !== undefined && this.knownFunctionNames().has(name);
		return exists ? { status: 200, body: { Tags: this.tags.get(arn) ?? {} } } : resourceNotFound(`Resource not found: ${arn}`);
	}

	private route(method: string, rawPath: string): Route | undefined {
		// ListTags has its own API version; the "uuid" of its route is the resource ARN.
		if (rawPath.startsWith('/2017-03-31/tags/') && method === 'GET') {
			return { operation: 'ListTags', uuid: safeDecode(rawPath.slice('/2017-03-31/tags/'.length)) };
		}
		if (!rawPath.startsWith(`${API_PREFIX}/`)) {
			return undefined;
		}
		const parts = rawPath
			.slice(API_PREFIX.length + 1)
			.split('/')
			.filter((p) => p !== '')
			.map(safeDecode);
		if (parts[0] === 'functions' && parts.length === 1 && method === 'GET') {
			return { operation: 'ListFunctions', uuid: '' };
		}
		if (parts[0] === 'functions' && parts.length === 3 && parts[2] === 'configuration' && method === 'GET') {
			// The "uuid" of this route is the function's name (or the last segment of its ARN).
			return { operation: 'GetFunctionConfiguration', uuid: (parts[1] ?? '').split(':').pop() ?? '' };
		}
		if (parts[0] !== 'event-source-mappings') {
			return undefined;
		}
		if (parts.length === 1) {
			if (method === 'POST') {
				return { operation: 'CreateEventSourceMapping', uuid: '' };
			}
			return method === 'GET' ? { operation: 'ListEventSourceMappings', uuid: '' } : undefined;
		}
		if (parts.length !== 2) {
			return undefined;
		}
		const byMethod: Record<string, LambdaOperation> = {
			GET: 'GetEventSourceMapping',
			PUT: 'UpdateEventSourceMapping',
			DELETE: 'DeleteEventSourceMapping',
		};
		const operation = byMethod[method];
		return operation ? { operation, uuid: parts[1] } : undefined;
	}

	private faultError(fault: LambdaFault, route: Route): WireError {
		switch (fault.kind) {
			case 'throttle':
				return tooManyRequests(fault.retryAfterSeconds ?? 1, fault.message);
			case 'conflict':
				return resourceConflict(
					fault.message ?? 'The operation cannot be performed at this time. Another operation is in progress on the event source mapping.',
				);
			case 'in-use':
				return resourceInUse(fault.message);
			case 'access-denied':
				return accessDenied(route.operation, this.resourceOf(route), fault.message);
			case 'not-found':
				return resourceNotFound(fault.message);
			case 'validation':
				return validationException(
					fault.message ?? "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
				);
			default:
				return serviceException(fault.message);
		}
	}

	private resourceOf(route: Route): string {
		if (route.operation === 'GetFunctionConfiguration') {
			return this.functionArn(route.uuid);
		}
		if (route.operation === 'ListTags') {
			return route.uuid;
		}
		if (route.operation === 'ListFunctions') {
			return '*';
		}
		return mappingArn(this.region, route.uuid === '' ? '*' : route.uuid);
	}

	private create(body: Body): Outcome {
		const invalid = checkModelConstraints(body, 'create');
		if (invalid) {
			return invalid;
		}
		const name = functionNameOf(String(body.FunctionName));
		if (!this.knownFunctionNames().has(name)) {
			return invalidParameterValue('Function does not exist');
		}
		const fields: MappingSeed = { FunctionArn: this.functionArn(name) };
		applyMembers(fields, body, CREATE_MEMBERS);
		const config = mappingFromSeed(fields, this.region);
		const rejected = checkServiceRules(body, config, 'create');
		if (rejected) {
			return rejected;
		}
		const duplicate = [...this.store.values()].find((s) => sameSource(s.config, config));
		if (duplicate) {
			const source = config.EventSourceArn ?? (config.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? []).join(',');
			return resourceConflict(
				`The event source arn (" ${source} ") and function (" ${name} ") provided mapping already exists. ` +
					`Please update or delete the existing mapping with UUID ${duplicate.config.UUID}`,
			);
		}
		config.State = 'Creating';
		const stored: StoredMapping = { config };
		this.store.set(config.UUID, stored);
		this.transition(stored, body.Enabled === false ? 'Disabled' : 'Enabled');
		return { status: 202, body: config };
	}

	private get(uuid: string): Outcome {
		const stored = this.store.get(uuid);
		return stored ? { status: 200, body: stored.config } : resourceNotFound();
	}

	private update(uuid: string, body: Body): Outcome {
		const invalid = checkModelConstraints(body, 'update');
		if (invalid) {
			return invalid;
		}
		const stored = this.store.get(uuid);
		if (!stored) {
			return resourceNotFound();
		}
		if (TRANSITIONAL.has(stored.config.State)) {
			return resourceInUse();
		}
		const next = structuredClone(stored.config);
		if (typeof body.FunctionName === 'string') {
			const name = functionNameOf(body.FunctionName);
			if (!this.knownFunctionNames().has(name)) {
				return invalidParameterValue('Function does not exist');
			}
			next.FunctionArn = this.functionArn(name);
		}
		applyMembers(next, body, UPDATABLE_MEMBERS);
		const rejected = checkServiceRules(body, next, 'update');
		if (rejected) {
			return rejected;
		}
		const wasEnabled = stored.config.State !== 'Disabled';
		const enabled = typeof body.Enabled === 'boolean' ? body.Enabled : wasEnabled;
		next.State = enabled === wasEnabled ? 'Updating' : enabled ? 'Enabling' : 'Disabling';
		next.StateTransitionReason = 'User action';
		next.LastModified = epochSeconds();
		stored.config = next;
		this.transition(stored, enabled ? 'Enabled' : 'Disabled');
		return { status: 202, body: next };
	}

	private delete(uuid: string): Outcome {
		const stored = this.store.get(uuid);
		if (!stored) {
			return resourceNotFound();
		}
		// The model marks Delete idempotent, so a repeat while Deleting answers like the first call.
		if (stored.config.State === 'Deleting') {
			return { status: 202, body: stored.config };
		}
		if (TRANSITIONAL.has(stored.config.State)) {
			// Assumed wording, by analogy with the captured Update message.
			return resourceInUse('Cannot delete the event source mapping because it is in use.');
		}
		stored.config.State = 'Deleting';
		stored.config.StateTransitionReason = 'User action';
		stored.config.LastModified = epochSeconds();
		this.transition(stored, undefined);
		return { status: 202, body: stored.config };
	}

	private list(query: Record<string, string>): Outcome {
		const maxItems = checkMaxItems(query.MaxItems);
		if (typeof maxItems !== 'number') {
			return maxItems;
		}
		const wanted = query.FunctionName ? functionNameOf(query.FunctionName) : undefined;
		const matching = [...this.store.values()]
			.map((s) => s.config)
			.filter((c) => wanted === undefined || functionNameOf(c.FunctionArn) === wanted)
			.filter((c) => !query.EventSourceArn || c.EventSourceArn === query.EventSourceArn);
		const page = paginate(matching, query.Marker, Math.min(maxItems, MAPPING_PAGE_LIMIT));
		if (!page) {
			return invalidParameterValue('Invalid pagination marker.');
		}
		return { status: 200, body: { EventSourceMappings: page.items, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) } };
	}

	private listFunctions(query: Record<string, string>): Outcome {
		const maxItems = checkMaxItems(query.MaxItems);
		if (typeof maxItems !== 'number') {
			return maxItems;
		}
		const names = [...this.knownFunctionNames()].sort();
		const page = paginate(names, query.Marker, Math.min(maxItems, FUNCTION_PAGE_LIMIT));
		if (!page) {
			return invalidParameterValue('Invalid pagination marker.');
		}
		const functions = page.items.map((name) => this.functionConfiguration(name));
		return { status: 200, body: { Functions: functions, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) } };
	}

	private functionConfiguration(name: string): Record<string, unknown> {
		const options = this.functions.get(name) ?? {};
		return {
			FunctionName: name,
			FunctionArn: this.functionArn(name),
			Runtime: options.runtime ?? 'nodejs20.x',
			Role: `arn:aws:iam::123456789012:role/${name}-role`,
			Handler: 'index.handler',
			CodeSize: 2048,
			Description: options.description ?? '',
			Timeout: 30,
			MemorySize: 256,
			// FunctionConfiguration.LastModified is a string in the model, unlike the ESM's epoch seconds.
			LastModified: '2025-01-10T09:30:00.000+0000',
			CodeSha256: createHash('sha256').update(name).digest('base64'),
			Version: '$LATEST',
			TracingConfig: { Mode: 'PassThrough' },
			RevisionId: '4f0c8b1e-6d2a-4b57-9c1e-0a3b5d7f9e21',
			PackageType: 'Zip',
			Architectures: ['x86_64'],
			EphemeralStorage: { Size: 512 },
			SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
			LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
		};
	}

	private knownFunctionNames(): Set<string> {
		const names = new Set(this.functions.keys());
		for (const stored of this.store.values()) {
			names.add(functionNameOf(stored.config.FunctionArn));
		}
		return names;
	}

	/** Moves a mapping to `finalState` after the delay, or removes it when `finalState` is undefined. */
	private transition(stored: StoredMapping, finalState: string | undefined): void {
		clearTimeout(stored.timer);
		stored.timer = setTimeout(() => {
			stored.timer = undefined;
			if (finalState === undefined) {
				this.store.delete(stored.config.UUID);
			} else {
				stored.config.State = finalState;
			}
		}, this.transitionDelayMs);
		stored.timer.unref();
	}
}

interface Route {
	operation: LambdaOperation;
	/** `''` for operations without one. */
	uuid: string;
}

function signatureError(verdict: Exclude<SigV4Result, { ok: true }>): WireError {
	switch (verdict.failure) {
		case 'missing':
			return authenticationError('MissingAuthenticationTokenException', verdict.message);
		case 'incomplete':
			return authenticationError('IncompleteSignatureException', verdict.message);
		case 'unknown-key':
		case 'invalid-token':
			return authenticationError('UnrecognizedClientException', verdict.message);
		case 'expired-token':
			return authenticationError('ExpiredTokenException', verdict.message);
		default:
			return authenticationError('InvalidSignatureException', verdict.message);
	}
}
