/**
 * What fetched records are called, without VS Code: the file names of their read-only documents
 * (the tab title, and the name "Save As" proposes) and the message that says what was fetched.
 * Untitled documents were titled with their first line of raw JSON, or "Untitled-2".
 */
import * as l10n from '@vscode/l10n';
import { counted } from '../../../shared/printable';
import { compactJson, isJson, prettyJson } from './recordText';

/** The scheme of the read-only documents that hold fetched records. */
export const FETCHED_SCHEME = 'lambda-kafka-fetched';

/** Where records were fetched from: an SQS queue, or S3 objects (keys as listed). */
export type FetchOrigin = { kind: 'sqs'; queueName: string } | { kind: 's3'; bucket: string; keys: readonly string[] };

/** One fetched record: its text and its message ID (SQS) or object key (S3). */
export interface NamedRecord {
	text: string;
	name: string;
}

/** A document to open: its file name, language and content. */
export interface PlannedDocument {
	name: string;
	language: 'json' | 'jsonl' | 'plaintext';
	content: string;
}

/** One JSON Lines document for all records (`asLines`; every record must be JSON), else one document a record. */
export function planDocuments(origin: FetchOrigin, records: readonly NamedRecord[], asLines: boolean): PlannedDocument[] {
	if (asLines) {
		const content = records.map((r) => compactJson(r.text) ?? '').join('\n') + '\n';
		return [{ name: linesDocumentName(origin, records), language: 'jsonl', content }];
	}
	return records.map((record) => ({
		name: recordDocumentName(origin, record),
		language: isJson(record.text) ? 'json' : 'plaintext',
		content: prettyJson(record.text),
	}));
}

// Characters no file name may hold on Windows, macOS or Linux; "Save As" proposes the name as is.
const UNSAFE = new Set(['\\', '/', ':', '*', '?', '"', '<', '>', '|']);

function fileName(text: string): string {
	const safe = [...text]
		.map((c) => (UNSAFE.has(c) || c.charCodeAt(0) < 0x20 ? '_' : c))
		.join('')
		.trim();
	return safe === '' ? 'record' : safe;
}

/** The last segment of an object key (a key ending in `/` gives the segment before it; a key of slashes only, nothing). */
export function lastKeySegment(key: string): string {
	const segments = key.split('/').filter((segment) => segment !== '');
	return segments.at(-1) ?? '';
}

/** The name of the one JSON Lines document holding several records. */
export function linesDocumentName(origin: FetchOrigin, records: readonly Pick<NamedRecord, 'name'>[]): string {
	const first = records[0]?.name ?? 'records';
	const source = origin.kind === 'sqs' ? origin.queueName : origin.bucket;
	return fileName(`${source}-${origin.kind === 'sqs' ? first : lastKeySegment(first)}.records.jsonl`);
}

/** The name of one record's own document: `<message id>.record.json`, or the object key's last segment. */
export function recordDocumentName(origin: FetchOrigin, record: Pick<NamedRecord, 'name'>): string {
	return fileName(origin.kind === 'sqs' ? `${record.name}.record.json` : lastKeySegment(record.name));
}

/** "Fetched N records from <queue>", or from the object (one) or the bucket (several). */
export function fetchedMessage(origin: FetchOrigin, count: number): string {
	const records = counted(count, l10n.t('{0} record'), l10n.t('{0} records'));
	if (origin.kind === 'sqs') {
		return l10n.t('Fetched {0} from {1}', records, origin.queueName);
	}
	const from = origin.keys.length === 1 ? `s3://${origin.bucket}/${origin.keys[0]}` : l10n.t('{0} objects in s3://{1}', origin.keys.length, origin.bucket);
	return l10n.t('Fetched {0} from {1}', records, from);
}
