/**
 * Decides what a JSON value is. Content decides first, so a record saved under its S3 key (no
 * extension) or a config in any file name is recognised; the file name only settles documents
 * whose content says nothing yet (an empty object being written in `orders.destination.json`).
 */
import type { DocumentKind } from '../../../../shared/documentKinds';
import { isObject } from '../../../../shared/jsonPath';
import { editDistance } from '../util/suggest';

const ESM_REQUEST_KEYS = new Set([
	'UUID',
	'FunctionName',
	'EventSourceArn',
	'SelfManagedEventSource',
	'Topics',
	'StartingPosition',
	'StartingPositionTimestamp',
	'DestinationConfig',
	'BatchSize',
	'MaximumBatchingWindowInSeconds',
	'MaximumRetryAttempts',
	'MaximumRecordAgeInSeconds',
	'ProvisionedPollerConfig',
	'ProvisionedPollersConfig',
	'SourceAccessConfigurations',
	'AmazonManagedKafkaEventSourceConfig',
	'SelfManagedKafkaEventSourceConfig',
]);

/** File-name patterns (documented in the README) that name a kind when the content does not. */
const FILE_NAME_KINDS: [RegExp, DocumentKind][] = [
	[/(^|[./\\_-])destination(-config)?\.jsonc?$/i, 'destination-config'],
	[/(^|[./\\_-])esm(-request)?\.jsonc?$/i, 'esm-request'],
	[/(^|[./\\_-])(failure-record|record)s?\.(jsonc?|jsonl|ndjson)$/i, 'failure-record'],
	[/(^|[./\\_-])kafka-event\.jsonc?$/i, 'kafka-event'],
];

/** The kind of one JSON value (a single document, one array element or one JSON Lines line). */
export function detectKind(value: unknown, fileName?: string): DocumentKind {
	if (isObject(value)) {
		if ('requestContext' in value || 'KafkaBatchInfo' in value) {
			return 'failure-record';
		}
		if ('eventSource' in value && 'records' in value) {
			return 'kafka-event';
		}
		if (Object.keys(value).some((key) => ESM_REQUEST_KEYS.has(key))) {
			return 'esm-request';
		}
		if ('OnFailure' in value || 'OnSuccess' in value) {
			return 'destination-config';
		}
		const nearMiss = kindOfMisspeltKeys(value);
		if (nearMiss !== 'unknown') {
			return nearMiss;
		}
	}
	return fileName ? kindFromFileName(fileName) : 'unknown';
}

/**
 * The keys that tell a kind, for near misses: `{"OnFailur": {...}}` in a file with no telling name
 * was not recognised, so it got no diagnostic at all, not even the misspelling. A near miss counts
 * only when its object also holds a member the real key's object has: on its own, two edits turn
 * everyday words into telling keys (`success` is two edits from `OnSuccess`), and an i18n file
 * with `{"success": {"title": "Saved"}}` would be taken for a destination config.
 */
const TELLING_KEYS: readonly { key: string; kind: DocumentKind; confirmedBy: (member: string) => boolean }[] = [
	{ key: 'requestContext', kind: 'failure-record', confirmedBy: oneOf('requestId', 'functionArn', 'condition', 'approximateInvokeCount') },
	{ key: 'KafkaBatchInfo', kind: 'failure-record', confirmedBy: oneOf('batchSize', 'recordsInfo', 'recordInfo', 'eventSourceArn', 'bootstrapServers') },
	{ key: 'OnFailure', kind: 'destination-config', confirmedBy: (member) => isNear(member, 'Destination') },
	{ key: 'OnSuccess', kind: 'destination-config', confirmedBy: (member) => isNear(member, 'Destination') },
];

/** How far a misspelt key may be from the real one (edits, any case). */
const NEAR_MISS_EDITS = 2;

/** A destination as Lambda takes it: an ARN or a kafka:// topic (the scheme in any case). */
const DESTINATION_VALUE = /^(arn:|kafka:\/\/)/i;

function isNear(key: string, real: string): boolean {
	return editDistance(key.toLowerCase(), real.toLowerCase(), NEAR_MISS_EDITS) <= NEAR_MISS_EDITS;
}

function oneOf(...members: string[]): (member: string) => boolean {
	return (member) => members.includes(member);
}

function ownKeys(value: Record<string, unknown>): string[] {
	return Object.keys(value);
}

function kindOfMisspeltKeys(value: Record<string, unknown>): DocumentKind {
	for (const key of ownKeys(value)) {
		const inner = value[key];
		if (!isObject(inner)) {
			continue;
		}
		const innerKeys = ownKeys(inner);
		for (const telling of TELLING_KEYS) {
			if (isNear(key, telling.key) && innerKeys.some(telling.confirmedBy)) {
				return telling.kind;
			}
		}
		// `{"Failure": {"Destination": "arn:..."}}`: the inner member is unmistakably a destination.
		for (const innerKey of innerKeys) {
			const destination = inner[innerKey];
			if (typeof destination === 'string' && DESTINATION_VALUE.test(destination) && isNear(innerKey, 'Destination')) {
				return 'destination-config';
			}
		}
	}
	return 'unknown';
}

export function kindFromFileName(fileName: string): DocumentKind {
	for (const [pattern, kind] of FILE_NAME_KINDS) {
		if (pattern.test(fileName)) {
			return kind;
		}
	}
	return 'unknown';
}

/** Whether a file name says the file is JSON Lines. */
export function isJsonLinesFileName(fileName: string | undefined): boolean {
	return fileName !== undefined && /\.(jsonl|ndjson)$/i.test(fileName);
}
