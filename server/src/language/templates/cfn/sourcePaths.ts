/**
 * How property paths of a template's mapping read as request paths, and back: the renames of
 * templateMappings.ts's header, for hover and completion, which start from the template's keys.
 * CloudFormation: `SelfManagedEventSource.Endpoints.KafkaBootstrapServers` and `KmsKeyArn` (API
 * `KMSKeyArn`). SAM: `Stream`, `KafkaBootstrapServers`, `ConsumerGroupId`, `SchemaRegistryConfig`
 * and `KmsKeyArn` at the event's top level.
 */
import type { JsonPath, PathSegment } from '../../../../../shared/jsonPath';

export type MappingFormat = 'cloudformation' | 'sam-msk' | 'sam-self-managed';

/** The API's name of a CloudFormation property at `path` (a request path); undefined to leave it out. */
export function cloudFormationKey(key: string, path: JsonPath): string | undefined {
	if (path.length === 0) {
		return key === 'Tags' ? undefined : key === 'KmsKeyArn' ? 'KMSKeyArn' : key;
	}
	return path.length === 2 && path[0] === 'SelfManagedEventSource' && path[1] === 'Endpoints' && key === 'KafkaBootstrapServers'
		? 'KAFKA_BOOTSTRAP_SERVERS'
		: key;
}

/** The source config a SAM event's ConsumerGroupId and SchemaRegistryConfig go into. */
export function samConfigKey(format: MappingFormat): string {
	return format === 'sam-msk' ? 'AmazonManagedKafkaEventSourceConfig' : 'SelfManagedKafkaEventSourceConfig';
}

/** The request path of a path of the template's properties; undefined for what is the format's own (SAM's `OnFailure.Type`). */
export function requestPathOf(format: MappingFormat, source: readonly PathSegment[]): JsonPath | undefined {
	if (format === 'cloudformation') {
		const path: PathSegment[] = [];
		for (const segment of source) {
			path.push(typeof segment === 'string' ? (cloudFormationKey(segment, path) ?? segment) : segment);
		}
		return path;
	}
	const [first, ...rest] = source;
	if (first === 'DestinationConfig' && rest[0] === 'OnFailure' && rest[1] === 'Type') {
		return undefined;
	}
	switch (first) {
		case 'Stream':
			return ['EventSourceArn', ...rest];
		case 'KafkaBootstrapServers':
			return ['SelfManagedEventSource', 'Endpoints', 'KAFKA_BOOTSTRAP_SERVERS', ...rest];
		case 'ConsumerGroupId':
		case 'SchemaRegistryConfig':
			return [samConfigKey(format), first, ...rest];
		case 'KmsKeyArn':
			return ['KMSKeyArn', ...rest];
		default:
			return [...source];
	}
}

/** Request keys of the top level that a SAM event writes otherwise or not at all, with the event's key. */
export const SAM_TOP_LEVEL: Readonly<Record<string, string | undefined>> = {
	FunctionName: undefined,
	UUID: undefined,
	Tags: undefined,
	EventSourceArn: 'Stream',
	SelfManagedEventSource: 'KafkaBootstrapServers',
	AmazonManagedKafkaEventSourceConfig: undefined,
	SelfManagedKafkaEventSourceConfig: undefined,
	KMSKeyArn: 'KmsKeyArn',
};

/** How the template spells a request key at a request path (for completion); undefined when it has none there. */
export function sourceKeyOf(format: MappingFormat, requestPath: JsonPath, key: string): string | undefined {
	if (requestPath.length === 0) {
		if (format === 'cloudformation') {
			return key === 'UUID' || key === 'Tags' ? undefined : key === 'KMSKeyArn' ? 'KmsKeyArn' : key;
		}
		if (Object.prototype.hasOwnProperty.call(SAM_TOP_LEVEL, key)) {
			const renamed = SAM_TOP_LEVEL[key];
			// Stream is MSK's, KafkaBootstrapServers the self-managed event's.
			if ((renamed === 'Stream' && format !== 'sam-msk') || (renamed === 'KafkaBootstrapServers' && format !== 'sam-self-managed')) {
				return undefined;
			}
			return renamed;
		}
		return key;
	}
	return key === 'KAFKA_BOOTSTRAP_SERVERS' ? 'KafkaBootstrapServers' : key;
}
