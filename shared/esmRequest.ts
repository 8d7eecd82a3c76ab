/**
 * Facts about an event source mapping request that several rules need: which source it reads,
 * whether it runs in provisioned mode, its topics. Every reader accepts any JSON value and looks
 * only at own properties, so keys such as `__proto__` are harmless.
 */
import { hasOwn, member } from './jsonPath';
import type { Arn } from './arn';
import { parseArn } from './arn';

export type EventSourceKind =
	/** `EventSourceArn` is an Amazon MSK ARN (service `kafka`: a cluster, or a VPC connection for cross-account). */
	| 'msk'
	/** `SelfManagedEventSource` is set (and `EventSourceArn` is not). */
	| 'self-managed-kafka'
	/** `EventSourceArn` names another service: SQS, Kinesis, DynamoDB, MQ, DocumentDB... */
	| 'other'
	/** No usable source in the document (an update request, or a source still being typed). */
	| 'unknown';

export interface EventSource {
	kind: EventSourceKind;
	/** The parsed `EventSourceArn`, when it is one. */
	arn?: Arn;
}

/** The source a request reads, from `EventSourceArn` first, then `SelfManagedEventSource`. */
export function eventSourceOf(request: unknown): EventSource {
	const sourceArn = member(request, 'EventSourceArn');
	if (typeof sourceArn === 'string') {
		const arn = parseArn(sourceArn);
		if (arn) {
			return { kind: arn.service.value === 'kafka' ? 'msk' : 'other', arn };
		}
		return { kind: 'unknown' };
	}
	if (hasOwn(request, 'SelfManagedEventSource')) {
		return { kind: 'self-managed-kafka' };
	}
	return { kind: 'unknown' };
}

export function isKafkaSource(source: EventSource): boolean {
	return source.kind === 'msk' || source.kind === 'self-managed-kafka';
}

/** A Kafka-specific source config (the source itself is not in an update request). */
export function hasKafkaSourceConfig(request: unknown): boolean {
	return hasOwn(request, 'AmazonManagedKafkaEventSourceConfig') || hasOwn(request, 'SelfManagedKafkaEventSourceConfig');
}

export type PollerMode =
	/** `ProvisionedPollerConfig` is an object with at least one member. */
	| 'provisioned'
	/** `ProvisionedPollerConfig` is `{}`, which switches the mapping back to on-demand mode. */
	| 'on-demand'
	/** No `ProvisionedPollerConfig`: on-demand on create, unchanged on update. */
	| 'absent'
	/** `ProvisionedPollerConfig` is not an object (the schema reports it). */
	| 'invalid';

export function pollerModeOf(request: unknown): PollerMode {
	if (!hasOwn(request, 'ProvisionedPollerConfig')) {
		return 'absent';
	}
	const config = member(request, 'ProvisionedPollerConfig');
	if (typeof config !== 'object' || config === null || Array.isArray(config)) {
		return 'invalid';
	}
	return Object.keys(config).length > 0 ? 'provisioned' : 'on-demand';
}

/** The string entries of `Topics`, with their indexes. */
export function sourceTopics(request: unknown): { index: number; topic: string }[] {
	const topics = member(request, 'Topics');
	if (!Array.isArray(topics)) {
		return [];
	}
	const result: { index: number; topic: string }[] = [];
	topics.forEach((topic: unknown, index) => {
		if (typeof topic === 'string') {
			result.push({ index, topic });
		}
	});
	return result;
}

/**
 * Members of CreateEventSourceMapping that UpdateEventSourceMapping does not take (facts sheet
 * §5.2; `Queues`, for Amazon MQ sources, is create-only in the same Lambda model). Shared by the
 * create-only-field rule and the client's request builder, so the two cannot drift.
 */
export const CREATE_ONLY_FIELDS: readonly string[] = [
	'EventSourceArn',
	'SelfManagedEventSource',
	'Topics',
	'Queues',
	'StartingPosition',
	'StartingPositionTimestamp',
	'Tags',
];

/** An ESM request's mode: `update` when it names the mapping's `UUID`, else `create`. */
export function requestModeOf(request: unknown): 'create' | 'update' {
	return hasOwn(request, 'UUID') ? 'update' : 'create';
}

/** UpdateEventSourceMapping's members besides UUID and FunctionName, in the order the document lists them. */
export const UPDATE_FIELDS: readonly string[] = [
	'Enabled',
	'BatchSize',
	'MaximumBatchingWindowInSeconds',
	'ProvisionedPollerConfig',
	'DestinationConfig',
	'MaximumRetryAttempts',
	'MaximumRecordAgeInSeconds',
	'BisectBatchOnFunctionError',
	'FunctionResponseTypes',
	'SourceAccessConfigurations',
	'AmazonManagedKafkaEventSourceConfig',
	'SelfManagedKafkaEventSourceConfig',
	'FilterCriteria',
	'KMSKeyArn',
	'MetricsConfig',
	'LoggingConfig',
	'ScalingConfig',
	'ParallelizationFactor',
	'TumblingWindowInSeconds',
	'DocumentDBEventSourceConfig',
];

/** Every member of an event source mapping request: the schema's properties (a test checks it). */
export const REQUEST_FIELDS: readonly string[] = ['UUID', 'FunctionName', ...CREATE_ONLY_FIELDS, ...UPDATE_FIELDS];
