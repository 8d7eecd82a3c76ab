/**
 * Facts about mappings that do not need the SDK, so modules that only classify mappings (the
 * apply flow, the pickers) can be loaded without loading the AWS SDK at activation.
 */

/** The part of a mapping these helpers read. */
export interface MappingSource {
	EventSourceArn?: unknown;
	SelfManagedEventSource?: unknown;
}

/** States in which a mapping is still changing. */
export const TRANSITIONAL_STATES: ReadonlySet<string> = new Set(['Creating', 'Updating', 'Enabling', 'Disabling']);

/** MSK (`arn:…:kafka:…`) or self-managed Kafka. */
export function isKafkaMapping(mapping: MappingSource): boolean {
	if (mapping.SelfManagedEventSource !== undefined && mapping.SelfManagedEventSource !== null) {
		return true;
	}
	return typeof mapping.EventSourceArn === 'string' && /^arn:[^:]+:kafka:/.test(mapping.EventSourceArn);
}
