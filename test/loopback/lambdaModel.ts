/**
 * The Lambda wire shapes the loopback server stores and returns: PascalCase members exactly as the
 * rest-json protocol carries them, with `LastModified` as epoch seconds (a JSON number).
 */
import { randomUUID } from 'node:crypto';
import { ACCOUNT_ID, partitionOf } from './httpUtil';

/** The operations the loopback Lambda serves. */
export type LambdaOperation =
	| 'CreateEventSourceMapping'
	| 'GetEventSourceMapping'
	| 'UpdateEventSourceMapping'
	| 'DeleteEventSourceMapping'
	| 'ListEventSourceMappings'
	| 'ListFunctions'
	| 'GetFunctionConfiguration'
	| 'ListTags';

/** `DestinationConfig` as sent and returned. */
export interface DestinationConfigWire {
	OnSuccess?: { Destination?: string };
	OnFailure?: { Destination?: string };
}

/** `ProvisionedPollerConfig` as sent and returned. */
export interface ProvisionedPollerConfigWire {
	MinimumPollers?: number;
	MaximumPollers?: number;
	PollerGroupName?: string;
}

/** `AmazonManagedKafkaEventSourceConfig` / `SelfManagedKafkaEventSourceConfig`. */
export interface KafkaEventSourceConfigWire {
	ConsumerGroupId?: string;
	SchemaRegistryConfig?: Record<string, unknown>;
}

/** An `EventSourceMappingConfiguration` on the wire. */
export interface EventSourceMappingWire {
	UUID: string;
	FunctionArn: string;
	EventSourceArn?: string;
	SelfManagedEventSource?: { Endpoints?: Record<string, string[]> };
	Topics?: string[];
	Queues?: string[];
	StartingPosition?: string;
	/** Epoch seconds. */
	StartingPositionTimestamp?: number;
	BatchSize?: number;
	MaximumBatchingWindowInSeconds?: number;
	ParallelizationFactor?: number;
	FilterCriteria?: { Filters?: Array<{ Pattern?: string }> };
	KMSKeyArn?: string;
	MetricsConfig?: { Metrics?: string[] };
	LoggingConfig?: { SystemLogLevel?: string };
	ScalingConfig?: { MaximumConcurrency?: number };
	DestinationConfig?: DestinationConfigWire;
	MaximumRetryAttempts?: number;
	MaximumRecordAgeInSeconds?: number;
	BisectBatchOnFunctionError?: boolean;
	TumblingWindowInSeconds?: number;
	FunctionResponseTypes?: string[];
	ProvisionedPollerConfig?: ProvisionedPollerConfigWire;
	SourceAccessConfigurations?: Array<{ Type?: string; URI?: string }>;
	AmazonManagedKafkaEventSourceConfig?: KafkaEventSourceConfigWire;
	SelfManagedKafkaEventSourceConfig?: KafkaEventSourceConfigWire;
	DocumentDBEventSourceConfig?: Record<string, unknown>;
	State: string;
	StateTransitionReason: string;
	/** Epoch seconds with a millisecond fraction. */
	LastModified: number;
	LastProcessingResult: string;
	EventSourceMappingArn: string;
}

/**
 * What `addMapping` accepts: any wire member, plus `FunctionName` (a name or ARN) in place of
 * `FunctionArn`, and `LastModified` as a Date if that is handier.
 */
export type MappingSeed = Partial<Omit<EventSourceMappingWire, 'LastModified'>> & {
	FunctionName?: string;
	LastModified?: number | Date;
};

/** The members Update may change (the SDK's `UpdateEventSourceMappingRequest`, less UUID). */
export const UPDATABLE_MEMBERS = [
	'Enabled',
	'BatchSize',
	'FilterCriteria',
	'KMSKeyArn',
	'MetricsConfig',
	'LoggingConfig',
	'ScalingConfig',
	'MaximumBatchingWindowInSeconds',
	'ParallelizationFactor',
	'DestinationConfig',
	'MaximumRecordAgeInSeconds',
	'BisectBatchOnFunctionError',
	'MaximumRetryAttempts',
	'TumblingWindowInSeconds',
	'SourceAccessConfigurations',
	'FunctionResponseTypes',
	'AmazonManagedKafkaEventSourceConfig',
	'SelfManagedKafkaEventSourceConfig',
	'DocumentDBEventSourceConfig',
	'ProvisionedPollerConfig',
] as const;

/** The members Create stores as given (besides FunctionName, Enabled and Tags). */
export const CREATE_MEMBERS = [
	...UPDATABLE_MEMBERS.filter((m) => m !== 'Enabled'),
	'EventSourceArn',
	'SelfManagedEventSource',
	'Topics',
	'Queues',
	'StartingPosition',
	'StartingPositionTimestamp',
] as const;

/** What kind of source a mapping reads; decides defaults and which destinations are allowed. */
export type SourceKind = 'msk' | 'self-managed-kafka' | 'sqs' | 'stream' | 'other';

/** Classifies a mapping by its event source. */
export function sourceKindOf(mapping: { EventSourceArn?: string; SelfManagedEventSource?: unknown }): SourceKind {
	if (mapping.SelfManagedEventSource) {
		return 'self-managed-kafka';
	}
	const service = (mapping.EventSourceArn ?? '').split(':')[2] ?? '';
	switch (service) {
		case 'kafka':
			return 'msk';
		case 'sqs':
			return 'sqs';
		case 'kinesis':
		case 'dynamodb':
			return 'stream';
		default:
			return 'other';
	}
}

/** True for MSK and self-managed Kafka sources. */
export function isKafka(kind: SourceKind): boolean {
	return kind === 'msk' || kind === 'self-managed-kafka';
}

/** The function name inside a name, a partial ARN (`123456789012:function:name`) or a full ARN, without qualifier. */
export function functionNameOf(reference: string): string {
	const marker = reference.indexOf('function:');
	const tail = marker < 0 ? reference : reference.slice(marker + 'function:'.length);
	return tail.split(':')[0];
}

/** `arn:<partition>:lambda:<region>:<account>:function:<name>`. */
export function functionArn(region: string, name: string): string {
	return `arn:${partitionOf(region)}:lambda:${region}:${ACCOUNT_ID}:function:${name}`;
}

/** `arn:<partition>:lambda:<region>:<account>:event-source-mapping:<uuid>`. */
export function mappingArn(region: string, uuid: string): string {
	return `arn:${partitionOf(region)}:lambda:${region}:${ACCOUNT_ID}:event-source-mapping:${uuid}`;
}

/** Now, in the epoch-seconds form `LastModified` uses. */
export function epochSeconds(date = new Date()): number {
	return date.getTime() / 1000;
}

/** The defaults Lambda reports for members the caller did not set, by source kind. */
export function defaultsFor(kind: SourceKind): Partial<EventSourceMappingWire> {
	switch (kind) {
		case 'msk':
		case 'self-managed-kafka':
			return { BatchSize: 100 };
		case 'sqs':
			return { BatchSize: 10, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: [] };
		case 'stream':
			return {
				BatchSize: 100,
				MaximumBatchingWindowInSeconds: 0,
				ParallelizationFactor: 1,
				DestinationConfig: { OnFailure: {} },
				MaximumRecordAgeInSeconds: -1,
				BisectBatchOnFunctionError: false,
				MaximumRetryAttempts: -1,
				TumblingWindowInSeconds: 0,
				FunctionResponseTypes: [],
			};
		default:
			return { BatchSize: 100 };
	}
}

/**
 * A complete stored configuration from a seed: random UUID, state Enabled, LastModified now, the
 * source's defaults, and Kafka's consumer group defaulting to the UUID as Lambda does.
 */
export function mappingFromSeed(seed: MappingSeed, region: string): EventSourceMappingWire {
	const uuid = seed.UUID ?? randomUUID();
	const name = seed.FunctionArn ? functionNameOf(seed.FunctionArn) : seed.FunctionName ? functionNameOf(seed.FunctionName) : undefined;
	if (!name) {
		throw new Error('A mapping seed needs FunctionName or FunctionArn.');
	}
	const { FunctionName: _name, LastModified, ...rest } = seed;
	const kind = sourceKindOf(seed);
	const mapping: EventSourceMappingWire = {
		...defaultsFor(kind),
		...kafkaGroupDefault(kind, uuid, seed),
		...structuredClone(rest),
		UUID: uuid,
		FunctionArn: seed.FunctionArn ?? functionArn(region, name),
		State: seed.State ?? 'Enabled',
		StateTransitionReason: seed.StateTransitionReason ?? 'User action',
		LastModified: LastModified instanceof Date ? epochSeconds(LastModified) : (LastModified ?? epochSeconds()),
		LastProcessingResult: seed.LastProcessingResult ?? 'No records processed',
		EventSourceMappingArn: seed.EventSourceMappingArn ?? mappingArn(region, uuid),
	};
	return mapping;
}

function kafkaGroupDefault(kind: SourceKind, uuid: string, seed: MappingSeed): Partial<EventSourceMappingWire> {
	if (kind === 'msk' && !seed.AmazonManagedKafkaEventSourceConfig) {
		return { AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: uuid } };
	}
	if (kind === 'self-managed-kafka' && !seed.SelfManagedKafkaEventSourceConfig) {
		return { SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: uuid } };
	}
	return {};
}
