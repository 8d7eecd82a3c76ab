/**
 * The checks Lambda makes before it changes a mapping, in the order it makes them: the request
 * validator first (model constraints → ValidationException), then the service's own rules
 * (→ InvalidParameterValueException). Wording marked "assumed" is not confirmed by any source.
 */
import type { WireError } from './lambdaErrors';
import { invalidParameterValue, validationException } from './lambdaErrors';
import type { EventSourceMappingWire } from './lambdaModel';
import { isKafka, sourceKindOf } from './lambdaModel';

/** The `DestinationArn` pattern exactly as the model publishes it (unanchored; facts §1.2). */
export const DESTINATION_PATTERN =
	'$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:' +
	'((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)';

// The service matches patterns against the whole string, as Java does; unanchored, the leading
// `$` alternative would accept every string in JavaScript.
const DESTINATION_REGEX = new RegExp(`^(?:${DESTINATION_PATTERN})$`);

const UNSUPPORTED_DESTINATION = 'Unsupported DestinationConfig parameter for given event source mapping type.';

interface Violation {
	value: unknown;
	path: string;
	constraint: string;
}

type Body = Record<string, unknown>;

/**
 * Model constraints of Create/Update requests, reported the way the request validator words them:
 * `N validation error(s) detected: Value '…' at 'member.path' failed to satisfy constraint: …`.
 */
export function checkModelConstraints(body: Body, operation: 'create' | 'update'): WireError | undefined {
	const violations: Violation[] = [];
	if (operation === 'create' && (body.FunctionName === undefined || body.FunctionName === null)) {
		violations.push({ value: null, path: 'functionName', constraint: 'Member must not be null' });
	}
	range(violations, body.BatchSize, 'batchSize', 1, 10000);
	range(violations, body.MaximumBatchingWindowInSeconds, 'maximumBatchingWindowInSeconds', 0, 300);
	range(violations, body.ParallelizationFactor, 'parallelizationFactor', 1, 10);
	const destinations = asObject(body.DestinationConfig);
	destination(violations, asObject(destinations?.OnSuccess)?.Destination, 'destinationConfig.onSuccess.destination');
	destination(violations, asObject(destinations?.OnFailure)?.Destination, 'destinationConfig.onFailure.destination');
	range(violations, body.MaximumRecordAgeInSeconds, 'maximumRecordAgeInSeconds', -1, 604800);
	range(violations, body.MaximumRetryAttempts, 'maximumRetryAttempts', -1, 10000);
	range(violations, body.TumblingWindowInSeconds, 'tumblingWindowInSeconds', 0, 900);
	const pollers = asObject(body.ProvisionedPollerConfig);
	range(violations, pollers?.MinimumPollers, 'provisionedPollerConfig.minimumPollers', 1, 200);
	range(violations, pollers?.MaximumPollers, 'provisionedPollerConfig.maximumPollers', 1, 10000);
	if (typeof body.StartingPosition === 'string' && !['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'].includes(body.StartingPosition)) {
		violations.push({
			value: body.StartingPosition,
			path: 'startingPosition',
			constraint: 'Member must satisfy enum value set: [AT_TIMESTAMP, LATEST, TRIM_HORIZON]',
		});
	}
	if (Array.isArray(body.Topics) && body.Topics.length > 1) {
		violations.push({ value: body.Topics, path: 'topics', constraint: 'Member must have length less than or equal to 1' });
	}
	if (violations.length === 0) {
		return undefined;
	}
	const count = `${violations.length} validation error${violations.length > 1 ? 's' : ''} detected: `;
	return validationException(
		count + violations.map((v) => `Value ${formatValue(v.value)} at '${v.path}' failed to satisfy constraint: ${v.constraint}`).join('; '),
	);
}

/**
 * The service's own rules for a request, judged against the configuration it would produce
 * (`effective`), so a Kafka destination and the provisioned mode it needs may arrive in one call.
 */
export function checkServiceRules(body: Body, effective: EventSourceMappingWire, operation: 'create' | 'update'): WireError | undefined {
	const kind = sourceKindOf(effective);
	if (operation === 'create') {
		if (!effective.EventSourceArn && !effective.SelfManagedEventSource) {
			return invalidParameterValue('Unrecognized event source.');
		}
		// Assumed wording: the docs say Topics and StartingPosition are required for Kafka (facts §6.8).
		if (isKafka(kind) && !effective.Topics?.length) {
			return invalidParameterValue('Topics must be specified for an Apache Kafka event source.');
		}
		if (isKafka(kind) && !effective.StartingPosition) {
			return invalidParameterValue('StartingPosition must be specified for an Apache Kafka event source.');
		}
	}
	const destinations = asObject(body.DestinationConfig);
	if (destinations) {
		// Real wording, captured for an SQS mapping (facts §1.5); Kafka's is expected to match.
		if (destinations.OnSuccess !== undefined || !(isKafka(kind) || kind === 'stream')) {
			return invalidParameterValue(UNSUPPORTED_DESTINATION);
		}
	}
	const age = body.MaximumRecordAgeInSeconds;
	if (typeof age === 'number' && age >= 0 && age < 60) {
		return invalidParameterValue('MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)');
	}
	const target = effective.DestinationConfig?.OnFailure?.Destination ?? '';
	if (target.startsWith('kafka://')) {
		// Facts §8 item 8: how the service rejects these is UNCONFIRMED; all three messages are assumed.
		if (!isKafka(kind)) {
			return invalidParameterValue('Kafka topic destinations are supported only for Amazon MSK and self-managed Apache Kafka event sources.');
		}
		if (!effective.ProvisionedPollerConfig) {
			return invalidParameterValue('Kafka topic destinations require provisioned mode. Configure ProvisionedPollerConfig for the event source mapping.');
		}
		if (effective.Topics?.includes(target.slice('kafka://'.length))) {
			return invalidParameterValue('The Kafka destination topic must be different from the event source mapping topics.');
		}
	}
	return undefined;
}

/** True when `value` matches the model's DestinationArn pattern as a whole string. */
export function matchesDestinationPattern(value: string): boolean {
	return DESTINATION_REGEX.test(value);
}

function destination(violations: Violation[], value: unknown, path: string): void {
	if (typeof value !== 'string') {
		return;
	}
	if (value.length > 350) {
		violations.push({ value, path, constraint: 'Member must have length less than or equal to 350' });
	}
	if (!matchesDestinationPattern(value)) {
		violations.push({ value, path, constraint: `Member must satisfy regular expression pattern: ${DESTINATION_PATTERN}` });
	}
}

function range(violations: Violation[], value: unknown, path: string, min: number, max: number): void {
	if (typeof value !== 'number') {
		return;
	}
	if (value < min) {
		violations.push({ value, path, constraint: `Member must have value greater than or equal to ${min}` });
	} else if (value > max) {
		violations.push({ value, path, constraint: `Member must have value less than or equal to ${max}` });
	}
}

function formatValue(value: unknown): string {
	if (value === null || value === undefined) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return `'[${value.map((v) => formatScalar(v)).join(', ')}]'`;
	}
	return `'${formatScalar(value)}'`;
}

function formatScalar(value: unknown): string {
	return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function asObject(value: unknown): Body | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : undefined;
}
