/**
 * Custom LSP messages between the extension's client and its language server. Each message is a
 * method name plus its parameter and result types (`XRequest.type`); both halves build their
 * typed RequestType from these so the names and types cannot drift apart. Other editors can send them too.
 */
import type { DocumentKind, DocumentLayout } from './documentKinds';

/**
 * A custom request: its method name and, for the type checker only, its parameter and result
 * types. Plain data, so the core needs no JSON-RPC library; each half turns it into its
 * library's RequestType in one place (server/src/lsp/requestTypes.ts, client/src/requestTypes.ts).
 */
export interface ProtocolRequest<Params, Result> {
	readonly method: string;
	/** Never set: carries the types. */
	readonly types?: { params: Params; result: Result };
}

function request<Params, Result>(method: string): ProtocolRequest<Params, Result> {
	return { method };
}

/** Parameters of {@link DocumentInfoRequest}. */
export interface DocumentInfoParams {
	/** URI of an open document. */
	uri: string;
}

/** What the server made of a document. */
export interface DocumentInfoResult {
	kind: DocumentKind;
	layout: DocumentLayout;
	/** For `esm-request`: whether the document is an update (it has a `UUID`) or a create request. */
	requestMode?: 'create' | 'update';
	/** Number of diagnostics of each severity the last validation produced. */
	counts: { error: number; warning: number; info: number; hint: number };
	/** The document's version the result describes. */
	version: number;
}

/**
 * Sent by the client to learn a document's kind and problem counts, e.g. before applying it to AWS
 * (a document with errors is never sent) and for the language status item.
 */
export namespace DocumentInfoRequest {
	export const method = 'lambdaKafka/documentInfo' as const;
	export const type = request<DocumentInfoParams, DocumentInfoResult | null>(method);
}

// ---- Fix all -------------------------------------------------------------------------------

/**
 * Kind of the server's code action that turns an example pasted from AWS's documentation into
 * JSON. It sits under `source.fixAll`, so `editor.codeActionsOnSave` can run it on save.
 */
export const FIX_ALL_KIND = 'source.fixAll.lambdaKafka';

/** A value the user must still fill in, as placed in the text after the fix (0-based line and character). */
export interface FixAllPlaceholder {
	/** The JSON path, as `KafkaBatchInfo.bootstrapServers`. */
	path: string;
	/** The value as written, quotes included. */
	text: string;
	line: number;
	character: number;
}

/** The `data` of the fix-all code action: what the fix leaves for the user. */
export interface FixAllActionData {
	placeholders: FixAllPlaceholder[];
	/** Whether the text after the fix is JSON (other syntax errors may remain). */
	isValidJson: boolean;
}

// ---- Preview offsets -------------------------------------------------------------------------
// Offsets and counts are decimal strings throughout: Kafka offsets are 64-bit, JSON numbers are
// read as doubles by most clients, and the server computes with BigInt.

/** How a consumer authenticates to the cluster, which decides its client properties. */
export type KafkaAuth = 'msk-iam' | 'sasl-scram-512' | 'sasl-scram-256' | 'sasl-plain' | 'mtls' | 'tls' | 'plaintext';

export const KAFKA_AUTHS: readonly KafkaAuth[] = ['msk-iam', 'sasl-scram-512', 'sasl-scram-256', 'sasl-plain', 'mtls', 'tls', 'plaintext'];

/** Settings and context the client adds to {@link PreviewModelParams}. All optional. */
export interface PreviewOptions {
	/** Base URL of a kafbat kafka-ui; deep links are made only when set (http or https). */
	kafkaUiBaseUrl?: string;
	/** Base URL of an AKHQ; deep links are made only when set (http or https). */
	akhqBaseUrl?: string;
	/** The cluster's name in kafka-ui / AKHQ; defaults to the name in the MSK cluster ARN. */
	clusterName?: string;
	/** The auth used when neither the mapping nor the brokers' ports tell (default `plaintext`). */
	defaultAuth?: KafkaAuth;
	/** `SourceAccessConfigurations[].Type` of the mapping the records came from, when the client knows it. */
	sourceAccessTypes?: string[];
	/** "Now" in epoch milliseconds, for the retention note; the server's clock when absent. */
	now?: number;
}

/** Parameters of {@link PreviewModelRequest}. */
export interface PreviewModelParams {
	/** URI of an open document. */
	uri: string;
	options?: PreviewOptions;
}

/** A remark about a record, a partition or the whole preview. */
export interface PreviewNote {
	severity: 'info' | 'warning';
	message: string;
}

/** One topic-partition entry of a failure record (a `recordsInfo` entry, a `recordInfo`, or a Kafka event's records). */
export interface PreviewRange {
	/** The `recordsInfo` key (`<topic>-<partition>`), or the key of the payload's records for `recordInfo`. */
	key: string;
	/** Topic and partition, split on the key's last hyphen; absent when the key does not split. */
	topic?: string;
	partition?: number;
	/** The offsets as written (a 56-digit example number stays as it is). */
	firstOffset: string;
	lastOffset: string;
	/** last - first + 1, exact; only when both offsets are valid Kafka offsets in order. */
	count?: string;
	firstTimestamp?: string;
	lastTimestamp?: string;
	/** lastTimestamp - firstTimestamp in milliseconds. */
	spanMs?: number;
	/** Whether the range can be read back (valid topic-partition and offsets); `problem` says why not. */
	valid: boolean;
	problem?: string;
}

/** One failure record (or bare Kafka event) of the document. */
export interface PreviewRecord {
	/** Position among the document's values (0 for a single document; array index; JSON Lines line among non-empty lines). */
	index: number;
	/** 0-based line where the record starts. */
	line: number;
	source: 'recordsInfo' | 'recordInfo' | 'kafka-event';
	requestId?: string;
	condition?: string;
	/** The record's `timestamp` (when Lambda gave up). */
	timestamp?: string;
	functionArn?: string;
	/** The function name from `functionArn`. */
	functionName?: string;
	bootstrapServers?: string;
	eventSourceArn?: string;
	batchSize?: number;
	ranges: PreviewRange[];
	/** Whether the record carries the original batch (`payload`, S3 and Kafka destinations). */
	hasPayload: boolean;
	notes: PreviewNote[];
}

/** Ranges of one partition joined across records (overlapping or adjacent ones). */
export interface PreviewMergedRange {
	firstOffset: string;
	lastOffset: string;
	count: string;
	/** Indexes ({@link PreviewRecord.index}) of the records whose ranges make it up. */
	recordIndexes: number[];
	firstTimestamp?: string;
	lastTimestamp?: string;
}

export interface PreviewGap {
	firstOffset: string;
	lastOffset: string;
	size: string;
}

export interface PreviewOverlap {
	firstOffset: string;
	lastOffset: string;
	size: string;
	recordIndexes: number[];
	/** The overlapping records name the very same range. */
	duplicate: boolean;
}

/** Which auth the commands assume, and why. */
export interface AuthChoice {
	kind: KafkaAuth;
	source: 'mapping' | 'port' | 'setting';
	reason: string;
}

/** A ready-to-run command reading one merged range. */
export interface ConsumerCommand {
	tool: 'kcat' | 'kafka-console-consumer';
	variant: 'offsets' | 'json' | 'timestamps';
	label: string;
	/** The command line; every value from the record is shell-quoted. */
	command: string;
	/** The merged range it reads. */
	firstOffset: string;
	note?: string;
}

export interface DeepLink {
	tool: 'kafka-ui' | 'akhq';
	label: string;
	/** An http(s) URL under the configured base, every component percent-encoded. */
	url: string;
	firstOffset: string;
}

/** A client properties file to fill in for the auth the commands assume. */
export interface ConsumerConfigTemplate {
	auth: KafkaAuth;
	tool: 'kafka-console-consumer' | 'kcat';
	fileName: string;
	/** Placeholders only (`<username>`...), never a secret. */
	text: string;
}

/** One topic-partition across all records of the document. */
export interface PreviewPartition {
	/** A stable id within the model, for element ids. */
	id: string;
	topic: string;
	partition: number;
	/** The cluster it belongs to: the MSK ARN or the broker list, as the records name it. */
	cluster: string;
	bootstrapServers?: string;
	eventSourceArn?: string;
	/** The failure records that touch the partition. */
	recordIndexes: number[];
	/** How many ranges (one per record entry) went into the merge. */
	rangeCount: number;
	/** Distinct offsets the ranges cover, exact. */
	total: string;
	merged: PreviewMergedRange[];
	gaps: PreviewGap[];
	overlaps: PreviewOverlap[];
	firstTimestamp?: string;
	lastTimestamp?: string;
	spanMs?: number;
	auth: AuthChoice;
	commands: ConsumerCommand[];
	links: DeepLink[];
	notes: PreviewNote[];
}

/** Bytes decoded for display. */
export interface DecodedView {
	/** `missing`: no such field; `invalid`: not base64 / not a byte array. */
	form: 'empty' | 'json' | 'text' | 'hex' | 'missing' | 'invalid';
	/** The text to show (plain, not escaped). */
	text: string;
	byteLength: number;
	truncated: boolean;
}

/** One original Kafka record from a record's `payload` (or a bare Kafka event). */
export interface PreviewPayloadRecord {
	/** The failure record ({@link PreviewRecord.index}) that carries it. */
	recordIndex: number;
	topic: string;
	partition?: number;
	offset?: string;
	/** ISO-8601 from the epoch-millisecond timestamp. */
	timestamp?: string;
	timestampType?: string;
	key: DecodedView;
	value: DecodedView;
	headers: { name: string; value: DecodedView }[];
	/** The `recordsInfo` key whose range holds this offset, if any. */
	rangeKey?: string;
	/** Where the offset falls in that range. */
	position: 'first' | 'last' | 'only' | 'inside' | 'outside' | 'unknown';
}

/** Everything the preview shows, computed by the server from the document. */
export interface PreviewModel {
	uri: string;
	/** The document version the model describes. */
	version: number;
	kind: DocumentKind;
	layout: DocumentLayout;
	records: PreviewRecord[];
	partitions: PreviewPartition[];
	payloadRecords: PreviewPayloadRecord[];
	/** Payload records left out of `payloadRecords` to keep the view small. */
	payloadRecordsOmitted: number;
	configTemplates: ConsumerConfigTemplate[];
	notes: PreviewNote[];
}

/**
 * Sent by the client for the "Preview offsets" view: the document's failure records turned into
 * offset ranges per partition, consumer commands and decoded payload records. Null when the
 * document is not open.
 */
export namespace PreviewModelRequest {
	export const method = 'lambdaKafka/previewModel' as const;
	export const type = request<PreviewModelParams, PreviewModel | null>(method);
}

/** Parameters of {@link CheckAgainstMappingRequest}. */
export interface CheckAgainstMappingParams {
	/** URI of an open destination-config or esm-request (update) document. */
	uri: string;
	/** The mapping the document will change: GetEventSourceMapping's response as plain JSON (dates as ISO strings). */
	mapping: Record<string, unknown>;
}

/** One problem of the combination of a document and a mapping. */
export interface MappingProblem {
	/** The rule that found it (a diagnostic code). */
	code: string;
	severity: 'error' | 'warning' | 'info' | 'hint';
	message: string;
}

/** Result of {@link CheckAgainstMappingRequest}. */
export interface CheckAgainstMappingResult {
	/** Problems the change would introduce, in document order; empty when the combination is fine. */
	problems: MappingProblem[];
	/** Set when the check could not run: the document is not open, or not a document that updates a mapping. */
	unavailable?: string;
}

/**
 * Sent by the client before it applies a document to an existing event source mapping. The server
 * builds the configuration the mapping will have after the update (the mapping's create-time fields
 * and current settings overlaid with the document's fields) and returns the problems of the rules
 * that concern the combination: a `kafka://` destination on a mapping that is not Kafka, not in
 * provisioned mode or that reads the same topic; retry settings the mapping's mode ignores.
 */
export namespace CheckAgainstMappingRequest {
	export const method = 'lambdaKafka/checkAgainstMapping' as const;
	export const type = request<CheckAgainstMappingParams, CheckAgainstMappingResult>(method);
}
