/**
 * Decides what a JSON value is. Content decides first, so a record saved under its S3 key (no
 * extension) or a config in any file name is recognised; the file name only settles documents
 * whose content says nothing yet (an empty object being written in `orders.destination.json`).
 */
import type { DocumentKind } from '../../../../shared/documentKinds';
import { isObject } from '../json/jsonPath';

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
	}
	return fileName ? kindFromFileName(fileName) : 'unknown';
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
