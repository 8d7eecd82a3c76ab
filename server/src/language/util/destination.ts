/**
 * The on-failure destination of an event source mapping: where it sits in each document kind, the
 * Lambda model's `DestinationArn` pattern, and a classification of the value that the destination
 * rules share, so that each problem is reported by exactly one rule.
 */
import type { DocumentKind } from '../../../../shared/documentKinds';
import type { JsonPath } from '../../../../shared/jsonPath';
import { valueAt } from '../../../../shared/jsonPath';
import type { Arn } from '../../../../shared/arn';
import { parseArnIgnoringPrefixCase, partitionOfRegion } from '../../../../shared/arn';
import { hasMoreCodePointsThan } from './codePoints';

/**
 * The model's `DestinationArn` pattern (botocore Lambda `service-2.json`), anchored: Java matches
 * it against the whole string, while an unanchored JavaScript test accepts every string because of
 * the leading empty alternative. `u` makes `[^.]` match one code point, as in Java. Linear: no
 * quantified group contains another quantifier.
 */
export const DESTINATION_ARN_PATTERN =
	/^(?:|kafka:\/\/[^.][a-zA-Z0-9_.-]{0,248}|arn:aws[a-zA-Z0-9-]*:[a-zA-Z0-9-]+:(?:(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)?:(?:\d{12})?:.*)$/u;

export const KAFKA_SCHEME = 'kafka://';

/** Where the on-failure destination is in a document of this kind, relative to the document. */
export function destinationPath(kind: DocumentKind): JsonPath | undefined {
	switch (kind) {
		case 'destination-config':
			return ['OnFailure', 'Destination'];
		case 'esm-request':
			return ['DestinationConfig', 'OnFailure', 'Destination'];
		default:
			return undefined;
	}
}

export interface DestinationSite {
	/** Path of the `Destination` string, relative to the subject. */
	path: JsonPath;
	value: string;
}

/** The model's maximum length of `DestinationArn`, which the schema checks (in code points, as Ajv counts). */
export const MAX_DESTINATION_LENGTH = 350;

/**
 * The on-failure destination string of a subject, when the rules should look at it: a non-string
 * or a value over the maximum length is the schema's to report, and nothing more is said about it.
 */
export function onFailureDestination(kind: DocumentKind, subject: unknown): DestinationSite | undefined {
	const path = destinationPath(kind);
	if (!path) {
		return undefined;
	}
	const value = valueAt(subject, path);
	if (typeof value !== 'string' || hasMoreCodePointsThan(value, MAX_DESTINATION_LENGTH)) {
		return undefined;
	}
	return { path, value };
}

/** What a destination string is. Each variant is reported on by one rule (see the rule files). */
export type DestinationClass =
	| { type: 'empty' }
	/** Leading or trailing white space; the other rules look at nothing else until it is trimmed. */
	| { type: 'whitespace'; trimmed: string }
	/** `kafka://<topic>`; `prefixMiscased` when the scheme is written in another case (`KAFKA://`). */
	| { type: 'kafka'; topic: string; topicStart: number; prefixMiscased: boolean }
	/**
	 * `kafka://arn:...`: an ARN written under the Kafka scheme. No Kafka topic can hold a `:`, so the
	 * intent is the ARN; this is its own form so that the topic-name rule does not report it too.
	 */
	| { type: 'kafka-arn'; arn: string }
	/** `kafka:topic` or `kafka:/topic`: the scheme without its two slashes. */
	| { type: 'kafka-malformed'; topic: string }
	/** A complete ARN (six parts); `prefixMiscased` when it starts `ARN:` or `Arn:`. */
	| { type: 'arn'; arn: Arn; prefixMiscased: boolean }
	/** Starts with `arn:` but has fewer than six colon-separated parts. */
	| { type: 'incomplete-arn' }
	/** An SQS queue URL, with the ARN it stands for. */
	| { type: 'sqs-url'; arn: string }
	/** An `s3://bucket[/key]` URI, with the bucket ARN it stands for. */
	| { type: 's3-uri'; arn: string }
	/** A name that would be a valid Kafka topic, written without `kafka://`. */
	| { type: 'bare-topic' }
	| { type: 'other' };

const SQS_URL = /^https?:\/\/sqs\.([a-z0-9-]{1,40})\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([A-Za-z0-9_.-]{1,80})\/?$/;
const S3_URI = /^s3:\/\/([^/]{1,255})(?:\/.*)?$/s;
const BARE_TOPIC = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,248}$/;

/** The services of the ARNs an event source mapping accepts as on-failure destination. */
export const DESTINATION_SERVICES = ['sqs', 'sns', 's3'] as const;
export type DestinationService = (typeof DESTINATION_SERVICES)[number];

export function isDestinationService(service: string): service is DestinationService {
	return (DESTINATION_SERVICES as readonly string[]).includes(service);
}

/** The on-failure destination of a subject when it is an ARN (the rules about ARN destinations start here). */
export function arnDestination(kind: DocumentKind, subject: unknown): { site: DestinationSite; arn: Arn; prefixMiscased: boolean } | undefined {
	const site = onFailureDestination(kind, subject);
	const found = site && classifyDestination(site.value);
	return site && found?.type === 'arn' ? { site, arn: found.arn, prefixMiscased: found.prefixMiscased } : undefined;
}

export function classifyDestination(value: string): DestinationClass {
	if (value === '') {
		return { type: 'empty' };
	}
	const trimmed = value.trim();
	if (trimmed !== value) {
		return { type: 'whitespace', trimmed };
	}
	const lower = value.toLowerCase();
	if (lower.startsWith(`${KAFKA_SCHEME}arn:`)) {
		return { type: 'kafka-arn', arn: value.slice(KAFKA_SCHEME.length) };
	}
	if (lower.startsWith(KAFKA_SCHEME)) {
		return { type: 'kafka', topic: value.slice(KAFKA_SCHEME.length), topicStart: KAFKA_SCHEME.length, prefixMiscased: !value.startsWith(KAFKA_SCHEME) };
	}
	if (lower.startsWith('kafka:')) {
		return { type: 'kafka-malformed', topic: value.slice('kafka:'.length).replace(/^\/+/, '') };
	}
	if (lower.startsWith('arn:')) {
		const arn = parseArnIgnoringPrefixCase(value);
		return arn ? { type: 'arn', arn, prefixMiscased: !value.startsWith('arn:') } : { type: 'incomplete-arn' };
	}
	const sqs = SQS_URL.exec(value);
	if (sqs) {
		const [, region, account, queue] = sqs as unknown as [string, string, string, string];
		return { type: 'sqs-url', arn: `arn:${partitionOfRegion(region) ?? 'aws'}:sqs:${region}:${account}:${queue}` };
	}
	const s3 = S3_URI.exec(value);
	if (s3) {
		return { type: 's3-uri', arn: `arn:aws:s3:::${s3[1]}` };
	}
	if (BARE_TOPIC.test(value)) {
		return { type: 'bare-topic' };
	}
	return { type: 'other' };
}
