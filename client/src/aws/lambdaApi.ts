/**
 * The extension's only door to AWS Lambda: the single importer of `@aws-sdk/client-lambda`. Other
 * code sees {@link LambdaApi}, whose values are plain JSON (dates as ISO strings), so commands and
 * the apply flow can be given a fake and the server can be sent a mapping as it is.
 *
 * Every failure is thrown as a {@link UserFacingException}; the details go to the log first.
 * Throttling and server faults are retried by the SDK (standard mode, exponential backoff with
 * jitter, `Retry-After` honoured); a busy mapping is not, since only the user can decide to retry.
 */
import * as l10n from '@vscode/l10n';
import type { EventSourceMappingConfiguration, FunctionConfiguration } from '@aws-sdk/client-lambda';
import {
	CreateEventSourceMappingCommand,
	GetEventSourceMappingCommand,
	LambdaClient,
	paginateListEventSourceMappings,
	paginateListFunctions,
	UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import type { CreateEventSourceMappingCommandInput, UpdateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import type { AwsContext } from './awsContext';
import type { CancellationLike } from './awsCall';
import { createAwsCaller } from './awsCall';
import { UserFacingException } from './errors';
import type { Logger } from './logger';
import { isKafkaMapping, TRANSITIONAL_STATES } from './mappingKinds';
import { endpointFor } from './resolveAwsContext';

export type JsonObject = Record<string, unknown>;

/** An event source mapping as GetEventSourceMapping returns it, as plain JSON. */
export interface MappingConfiguration extends JsonObject {
	UUID?: string;
	State?: string;
	StateTransitionReason?: string;
	LastProcessingResult?: string;
	/** ISO 8601. */
	LastModified?: string;
	FunctionArn?: string;
	EventSourceArn?: string;
	Topics?: string[];
	SelfManagedEventSource?: JsonObject;
	DestinationConfig?: { OnFailure?: { Destination?: string }; OnSuccess?: { Destination?: string } };
	ProvisionedPollerConfig?: { MinimumPollers?: number; MaximumPollers?: number; PollerGroupName?: string };
}

export interface FunctionSummary {
	name: string;
	arn?: string;
	runtime?: string;
	description?: string;
	/** ISO 8601 or AWS's own format, as returned. */
	lastModified?: string;
}

/** UpdateEventSourceMapping's input as JSON (the `--cli-input-json` of update-event-source-mapping). */
export type UpdateMappingRequest = { UUID: string } & JsonObject;
/** CreateEventSourceMapping's input as JSON. */
export type CreateMappingRequest = { FunctionName: string } & JsonObject;

export interface WaitOptions {
	/** Called with the mapping each time its `State` changes (and once at the start). */
	onState?: (mapping: MappingConfiguration) => void;
	token?: CancellationLike;
	/** Give up after this long (default 10 minutes); the change goes on in AWS. */
	timeoutMs?: number;
	/** First pause between polls (default 1 s); it grows by half each poll up to `maxDelayMs` (default 10 s). */
	initialDelayMs?: number;
	maxDelayMs?: number;
}

export interface LambdaApi {
	/** Every function in the region, all pages, sorted by name. */
	listFunctions(token?: CancellationLike): Promise<FunctionSummary[]>;
	/** The function's mappings that read Kafka (MSK or self-managed), all pages. */
	listKafkaMappings(functionName: string, token?: CancellationLike): Promise<MappingConfiguration[]>;
	getMapping(uuid: string, token?: CancellationLike): Promise<MappingConfiguration>;
	updateMapping(request: UpdateMappingRequest, token?: CancellationLike): Promise<MappingConfiguration>;
	createMapping(request: CreateMappingRequest, token?: CancellationLike): Promise<MappingConfiguration>;
	/** Polls GetEventSourceMapping until the state is no longer Creating, Updating, Enabling or Disabling. */
	waitForStableState(uuid: string, options?: WaitOptions): Promise<MappingConfiguration>;
	/** Closes the client's connections. */
	dispose(): void;
}

export interface LambdaApiOptions {
	logger?: Logger;
	/** Attempts per call including the first (default 4); the SDK backs off between them. */
	maxAttempts?: number;
	/** Milliseconds to wait for a connection (default 5000) and for a response (default 30000). */
	connectionTimeoutMs?: number;
	requestTimeoutMs?: number;
	env?: NodeJS.ProcessEnv;
}

export { isKafkaMapping, TRANSITIONAL_STATES } from './mappingKinds';
export type { CancellationLike } from './awsCall';

export function createLambdaApi(context: AwsContext, options: LambdaApiOptions = {}): LambdaApi {
	const endpoint = endpointFor(context, 'lambda', options.env);
	const { call, logger, credentials } = createAwsCaller(context, {
		logger: options.logger,
		where: `region=${context.region}${endpoint ? ` endpoint=${endpoint}` : ''}${context.profile ? ` profile=${context.profile}` : ''}`,
		errorContext: { profile: context.profile, region: context.region, endpoint },
	});
	const client = new LambdaClient({
		region: context.region,
		endpoint,
		credentials,
		maxAttempts: options.maxAttempts ?? 4,
		retryMode: 'standard',
		requestHandler: { connectionTimeout: options.connectionTimeoutMs ?? 5000, requestTimeout: options.requestTimeoutMs ?? 30000, throwOnRequestTimeout: true },
	});
	const getMapping = (uuid: string, token?: CancellationLike): Promise<MappingConfiguration> =>
		call('GetEventSourceMapping', { uuid }, token, async (abortSignal) =>
			toPlainMapping(await client.send(new GetEventSourceMappingCommand({ UUID: uuid }), { abortSignal })),
		);
	return {
		listFunctions: (token) => call('ListFunctions', {}, token, (abortSignal) => listAllFunctions(client, context.region, logger, abortSignal)),
		listKafkaMappings: (functionName, token) =>
			call('ListEventSourceMappings', { functionName }, token, (abortSignal) => listKafkaMappings(client, functionName, logger, abortSignal)),
		getMapping,
		updateMapping: (request, token) =>
			call('UpdateEventSourceMapping', { uuid: request.UUID }, token, async (abortSignal) => {
				const input = toSdkInput(request) as unknown as UpdateEventSourceMappingCommandInput;
				const result = toPlainMapping(await client.send(new UpdateEventSourceMappingCommand(input), { abortSignal }));
				logger.info(
					`UpdateEventSourceMapping ${request.UUID}: sent ${Object.keys(request)
						.filter((k) => k !== 'UUID')
						.join(', ')}; state ${result.State ?? '?'}`,
				);
				return result;
			}),
		createMapping: (request, token) =>
			call('CreateEventSourceMapping', { functionName: request.FunctionName }, token, async (abortSignal) => {
				const input = toSdkInput(request) as unknown as CreateEventSourceMappingCommandInput;
				const result = toPlainMapping(await client.send(new CreateEventSourceMappingCommand(input), { abortSignal }));
				logger.info(`CreateEventSourceMapping for ${request.FunctionName}: created ${result.UUID ?? '?'}; state ${result.State ?? '?'}`);
				return result;
			}),
		waitForStableState: (uuid, waitOptions = {}) => waitForStableState((token) => getMapping(uuid, token), uuid, logger, waitOptions),
		dispose: () => client.destroy(),
	};
}

async function listAllFunctions(client: LambdaClient, region: string, logger: Logger, abortSignal: AbortSignal): Promise<FunctionSummary[]> {
	const functions: FunctionSummary[] = [];
	for await (const page of paginateListFunctions({ client, pageSize: 50 }, {}, { abortSignal })) {
		for (const fn of page.Functions ?? []) {
			functions.push(toFunctionSummary(fn));
		}
	}
	logger.info(`ListFunctions: ${functions.length} functions in ${region}`);
	return functions.sort((a, b) => a.name.localeCompare(b.name));
}

async function listKafkaMappings(client: LambdaClient, functionName: string, logger: Logger, abortSignal: AbortSignal): Promise<MappingConfiguration[]> {
	const mappings: MappingConfiguration[] = [];
	let total = 0;
	for await (const page of paginateListEventSourceMappings({ client, pageSize: 100 }, { FunctionName: functionName }, { abortSignal })) {
		for (const mapping of page.EventSourceMappings ?? []) {
			total++;
			const plain = toPlainMapping(mapping);
			if (isKafkaMapping(plain)) {
				mappings.push(plain);
			}
		}
	}
	logger.info(`ListEventSourceMappings ${functionName}: ${mappings.length} Kafka mappings of ${total}`);
	return mappings;
}

/** Polls until the mapping's state is no longer transitional; see {@link LambdaApi.waitForStableState}. */
async function waitForStableState(
	getMapping: (token?: CancellationLike) => Promise<MappingConfiguration>,
	uuid: string,
	logger: Logger,
	waitOptions: WaitOptions,
): Promise<MappingConfiguration> {
	const timeoutMs = waitOptions.timeoutMs ?? 10 * 60_000;
	const maxDelayMs = waitOptions.maxDelayMs ?? 10_000;
	let delay = waitOptions.initialDelayMs ?? 1000;
	const deadline = Date.now() + timeoutMs;
	let lastState: string | undefined | null = null;
	let failures = 0;
	for (;;) {
		let mapping: MappingConfiguration;
		try {
			mapping = await getMapping(waitOptions.token);
			failures = 0;
		} catch (error) {
			// A throttled or dropped poll is no reason to stop following the mapping.
			const retryable = error instanceof UserFacingException && error.userFacing.retryable === true && error.userFacing.kind !== 'busy';
			if (!retryable || ++failures > 3) {
				throw error;
			}
			await sleep(delay, waitOptions.token);
			delay = Math.min(delay * 2, maxDelayMs);
			continue;
		}
		if (mapping.State !== lastState) {
			lastState = mapping.State;
			logger.info(`Event source mapping ${uuid}: ${mapping.State ?? 'no state'}${mapping.StateTransitionReason ? ` (${mapping.StateTransitionReason})` : ''}`);
			waitOptions.onState?.(mapping);
		}
		if (mapping.State === undefined || !TRANSITIONAL_STATES.has(mapping.State)) {
			return mapping;
		}
		if (Date.now() + delay > deadline) {
			throw new UserFacingException({
				kind: 'service',
				message: l10n.t(
					'Event source mapping {0} is still {1} after {2} seconds; AWS goes on with the change.',
					uuid,
					mapping.State,
					Math.round(timeoutMs / 1000),
				),
				nextStep: l10n.t('Run "Lambda Kafka: Open Current Configuration" later to see its state.'),
				retryable: false,
			});
		}
		await sleep(delay, waitOptions.token);
		delay = Math.min(Math.round(delay * 1.5), maxDelayMs);
	}
}

/** Waits `ms`, or throws a cancelled {@link UserFacingException} as soon as the token fires. */
function sleep(ms: number, token: CancellationLike | undefined): Promise<void> {
	return new Promise((resolve, reject) => {
		const cancelled = (): void => {
			clearTimeout(timer);
			subscription?.dispose();
			reject(new UserFacingException({ kind: 'cancelled', message: l10n.t('Stopped waiting for the event source mapping.') }));
		};
		const timer = setTimeout(() => {
			subscription?.dispose();
			resolve();
		}, ms);
		const subscription = token?.onCancellationRequested(cancelled);
		if (token?.isCancellationRequested) {
			cancelled();
		}
	});
}

/** Plain JSON: no `$metadata`, dates as ISO strings. */
function toPlain(value: unknown): unknown {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	}
	if (Array.isArray(value)) {
		return value.map(toPlain);
	}
	if (typeof value === 'object' && value !== null) {
		const result: JsonObject = {};
		for (const [key, member] of Object.entries(value)) {
			if (key !== '$metadata' && member !== undefined) {
				result[key] = toPlain(member);
			}
		}
		return result;
	}
	return value;
}

function toPlainMapping(mapping: EventSourceMappingConfiguration): MappingConfiguration {
	return toPlain(mapping) as MappingConfiguration;
}

function toFunctionSummary(fn: FunctionConfiguration): FunctionSummary {
	return { name: fn.FunctionName ?? '?', arn: fn.FunctionArn, runtime: fn.Runtime, description: fn.Description || undefined, lastModified: fn.LastModified };
}

/** The JSON request as SDK input: a `StartingPositionTimestamp` (epoch seconds or ISO text, as the CLI takes it) becomes a Date. */
function toSdkInput(request: JsonObject): JsonObject {
	const input: JsonObject = { ...request };
	const timestamp = input['StartingPositionTimestamp'];
	if (typeof timestamp === 'number') {
		input['StartingPositionTimestamp'] = new Date(timestamp * 1000);
	} else if (typeof timestamp === 'string') {
		input['StartingPositionTimestamp'] = new Date(/^\d+(\.\d+)?$/.test(timestamp) ? Number(timestamp) * 1000 : timestamp);
	}
	return input;
}
