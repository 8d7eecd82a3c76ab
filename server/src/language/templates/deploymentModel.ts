/**
 * The format-neutral model of an event source mapping declared in infrastructure code
 * (CloudFormation, SAM, Terraform...). Every format reaches the rules through the same thin
 * contract, so a rule is written once:
 *
 * 1. An adapter finds each Kafka mapping in its document and turns it into a `MappingSubject`:
 *    - `request`: the mapping as a CreateEventSourceMapping request, in Lambda API names and
 *      shapes (CloudFormation `SelfManagedEventSource.Endpoints.KafkaBootstrapServers` becomes
 *      `SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS`, SAM `Stream` becomes
 *      `EventSourceArn`, Terraform `destination_config.on_failure.destination_arn` becomes
 *      `DestinationConfig.OnFailure.Destination`...). A value the configuration does not
 *      determine (an import, an undecidable condition, a parameter without a default) is an
 *      `UnknownValue`; a string only partly determined (a `!Sub` of pseudo parameters) is written
 *      with placeholders that stand for valid values, and their decoded ranges are listed in
 *      `placeholders` under the string's path.
 *    - `locator`: from a request path to source ranges (see `SourceLocation`).
 *    - `writer`: how the format writes a key or a value, so fixes from the request rules can be
 *      placed where the source maps 1:1 (`SourceWriter`).
 *    - `facts`: what cross-resource rules need: what the destination refers to, the execution
 *      role and what it grants, and how to insert a policy statement (`MappingFacts`).
 * 2. `runMappingRules` (runMappingRules.ts) runs the event source mapping request rules (kind
 *    `esm-request`, mode `create`) on `request`, drops every report whose path reaches an unknown
 *    value or whose span touches a placeholder (rules must never alarm on what the configuration
 *    does not say), places the rest with the locator and the writer, then runs the cross-resource
 *    rules (`MappingRule`, which see only `MappingFacts` and the request) and places theirs.
 *
 * The contract only grows: fields are added, never renamed or removed (the Terraform adapter
 * builds on it).
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import type { LocatedFix, Severity } from '../validation/problem';

/**
 * A value the configuration does not determine. It reads as an object with no own keys to the
 * request rules (so `typeof x === 'string'` checks skip it), and the runner drops any report whose
 * path passes through it. `reason` is kept out of the object's keys on purpose.
 */
export class UnknownValue {
	readonly #reason: string;
	constructor(reason: string) {
		this.#reason = reason;
	}
	get reason(): string {
		return this.#reason;
	}
}

export function isUnknown(value: unknown): value is UnknownValue {
	return value instanceof UnknownValue;
}

/** A range of offsets in the document text, end exclusive. */
export interface SourceRange {
	start: number;
	end: number;
}

/** Where a request path is in the source. */
export interface SourceLocation {
	/**
	 * How many segments of the asked path the source has: the path's length when it was found,
	 * less when this is the deepest ancestor the source has (a missing member, or a value the
	 * adapter built from several source nodes).
	 */
	depth: number;
	/** The key of the member at that depth, when it is written in the source. */
	key?: SourceRange;
	/** The whole value at that depth. */
	value: SourceRange;
	/** The source's key is the request's key, spelt the same (renaming or removing it is a fix the source can take). */
	keyMapsExactly: boolean;
	/** The request's value was read as it is from this source node (replacing it is a fix the source can take). */
	valueMapsExactly: boolean;
	/**
	 * For a string written as a literal whose decoded characters map to the text: the text offset
	 * of a decoded offset (0..length); undefined for an offset the text does not show (inside a
	 * `${AWS::Region}`). Absent, or undefined for either end of a span: the span covers the whole value.
	 */
	stringOffset?: (decoded: number) => number | undefined;
}

export interface SubjectLocator {
	locate(path: JsonPath): SourceLocation;
}

/** How a format writes what a fix puts in place of a key or a value. */
export interface SourceWriter {
	/** The text of a key named `key` (undefined: the format cannot take the rename). */
	key(key: string, location: SourceLocation): string | undefined;
	/** The text of `value` in place of the value at `location` (undefined: cannot be placed). */
	value(value: unknown, location: SourceLocation): string | undefined;
	/** The edit that deletes the member at `location` (undefined: cannot be placed). */
	removeMember(location: SourceLocation): { start: number; end: number; newText: string } | undefined;
}

/** The service a referenced resource belongs to, in ARN service names. */
export type ResourceService = 'sqs' | 'sns' | 's3' | 'lambda' | 'events' | 'kafka' | 'other';

/** A resource of the configuration that a field refers to. */
export interface ReferencedResource {
	/** Its name in the configuration: a CloudFormation logical id, a Terraform address. */
	id: string;
	/** Its type as the format spells it: `AWS::SQS::Queue`, `aws_sqs_queue`. */
	type: string;
	service: ResourceService;
	/** What the reference gives: an ARN, a queue URL, a bucket name, or something else. */
	yields: 'arn' | 'url' | 'name' | 'other';
	/** How the reference reads in the source, for messages: `!Ref Dlq`, `aws_sqs_queue.dlq.url`. */
	expression: string;
	/** The fix that refers to the resource's ARN instead, when the format can write it. */
	arnFix?: LocatedFix;
}

/** What the on-failure destination refers to. */
export interface DestinationFacts {
	/** Request path of the destination (`['DestinationConfig', 'OnFailure', 'Destination']`). */
	path: JsonPath;
	/** The resource of the configuration it refers to, when it refers to one. */
	resource?: ReferencedResource;
}

/** A resource of a policy statement, as far as the configuration shows it. */
export type StatementResource =
	/** An ARN or an ARN pattern with `*` and `?` wildcards (placeholders already resolved as `*`). */
	| { kind: 'pattern'; pattern: string }
	/** The ARN (or another attribute) of a resource of the configuration. */
	| { kind: 'resource'; id: string }
	/** Not determined by the configuration: taken to cover anything (no false alarms). */
	| { kind: 'unknown' };

/** One statement of a policy attached to the execution role. */
export interface PolicyStatementFacts {
	effect: 'Allow' | 'Deny';
	/** Action patterns (`sqs:SendMessage`, `sqs:*`, `*`); undefined when not determined. */
	actions: readonly string[] | undefined;
	/** True when the statement lists `NotAction` (then `actions` are the excluded ones). */
	notAction?: boolean;
	resources: readonly StatementResource[] | undefined;
	/** True when the statement has a `Condition` (which may narrow what it grants). */
	conditional?: boolean;
}

/** What a permission quick fix should insert, in neutral terms the adapter writes in its format. */
export interface NeededStatement {
	actions: readonly string[];
	resources: readonly NeededResource[];
}

export type NeededResource =
	/** The destination resource (its ARN): the referenced resource, or the literal destination ARN. */
	| { kind: 'destination' }
	/** The objects of the destination bucket (its ARN followed by `/*`). */
	| { kind: 'destination-objects' }
	/** The mapping's MSK cluster (`EventSourceArn`). */
	| { kind: 'kafka-cluster' }
	/** A topic of the mapping's MSK cluster. */
	| { kind: 'kafka-topic'; topic: string };

/** The function's execution role. */
export type RoleFacts =
	/** Defined outside the configuration (an ARN literal, a parameter, an import): nothing to check. */
	| { kind: 'external' }
	/** The configuration does not say which role (or no function is found): nothing to check. */
	| { kind: 'unknown' }
	| {
			kind: 'declared';
			/** The role's name in the configuration, for messages (`MyFunctionRole`, `aws_iam_role.lambda`). */
			id: string;
			statements: readonly PolicyStatementFacts[];
			/**
			 * False when some policy attached to the role is not known (a managed policy the
			 * model does not list, a statement built by an intrinsic): a missing grant may then
			 * be there, so nothing is reported.
			 */
			complete: boolean;
			/** The destination services for which the format itself adds the permission (SAM: sqs, sns, s3 when it makes the role). */
			grantedByFormat: readonly ResourceService[];
			/** The quick fix that inserts the statement, when the format can write it here. */
			insertStatement?: (statement: NeededStatement) => LocatedFix | undefined;
	  };

export interface MappingFacts {
	/** The kind of Kafka source, as the configuration declares it even when its ARN is unknown (SAM `Type: MSK`). */
	source: 'msk' | 'self-managed' | 'unknown';
	destination?: DestinationFacts;
	role: RoleFacts;
	/** Range to report a mapping-level finding on (the mapping's type or event key). */
	anchor: SourceRange;
	/** How the format names the mapping in messages: `EventSourceMapping "Orders"`, `event "Kafka" of function "Fn"`. */
	name: string;
}

/** One mapping found in a document, ready for the rules. */
export interface MappingSubject {
	request: Record<string, unknown>;
	locator: SubjectLocator;
	writer: SourceWriter;
	/** Decoded ranges that stand for values the configuration does not give, by path key (`pathKey`). */
	placeholders: ReadonlyMap<string, readonly SourceRange[]>;
	facts: MappingFacts;
}

/** What a cross-resource rule reports: on a request path, or on the mapping's anchor. */
export interface MappingReport {
	severity: Severity;
	message: string;
	/** Request path to report on; absent: the mapping's anchor. */
	path?: JsonPath;
	target?: 'key' | 'value';
	fixes?: LocatedFix[];
}

/**
 * A rule that needs more than the request: what the destination refers to and what the role
 * grants. It sees only neutral facts, so every format's adapter feeds it unchanged. The id is the
 * file name under rules/ and the diagnostic code.
 */
export interface MappingRule {
	readonly id: string;
	readonly description: string;
	check(subject: MappingSubject, report: (report: MappingReport) => void): void;
}
