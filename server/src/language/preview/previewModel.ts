/**
 * The "Preview offsets" model: what a document's failure records say about the Kafka records
 * Lambda dropped, and how to read those records back.
 *
 * For each failure record (a single document, an array element or a JSON Lines line) its
 * topic-partition ranges come from `KafkaBatchInfo.recordsInfo`, from the Kafka destination's
 * `recordInfo` (one offset; the topic-partition is the payload's), or, for a bare Kafka event,
 * from its records. Ranges of the same partition are merged across records, with gaps and
 * overlaps; each merged range gets consumer commands and optional web-UI links. The original
 * records carried in `payload` are decoded for display. Offsets are compared as BigInt and
 * reported as decimal strings.
 */
import * as l10n from '@vscode/l10n';
import type { DocumentKind } from '../../../../shared/documentKinds';
import type {
	DecodedView,
	KafkaAuth,
	PreviewModel,
	PreviewNote,
	PreviewOptions,
	PreviewPartition,
	PreviewPayloadRecord,
	PreviewRange,
	PreviewRecord,
} from '../../../../shared/protocol';
import type { JsonPath } from '../../../../shared/jsonPath';
import { isObject, member } from '../../../../shared/jsonPath';
import type { ParsedJson } from '../json/parsedJson';
import { splitTopicPartition, topicNameProblem } from '../util/kafkaTopic';
import type { DecodedBytes, DisplayLimits } from '../util/kafkaRecord';
import { formatDuration } from '../../../../shared/format';
import { base64Bytes, describeBytes, epochMillisToIso, headerViews, isoTimestampMillis, partitionsOf, recordInfoKey } from '../util/kafkaRecord';
import { MAX_OFFSET_DIGITS, exactOffset, parseOffsetText, parsePartitionText } from '../util/offsets';
import type { DocumentAnalysis, DocumentUnit } from '../validation/pipeline';
import { parsePayload } from '../validation/payload';
import { noCommitNote } from '../../../../shared/kafkaAuth';
import { brokerList, chooseAuth, configTemplates, consumerCommands } from './consumerCommands';
import { akhqLink, clusterNameProblem, kafkaUiLink, mskClusterName } from './deepLinks';
import type { OffsetRange } from './ranges';
import { rangeCount, unionRanges } from './ranges';

export interface PreviewInput {
	uri: string;
	version: number;
	/** The whole document text the analysis was made from. */
	text: string;
	analysis: DocumentAnalysis;
	options?: PreviewOptions;
}

/** Most payload records listed; the rest are counted. */
export const MAX_PAYLOAD_RECORDS = 500;
/** Separate ranges of one partition that get their own commands and links; beyond, a note says how to read them all. */
export const MAX_COMMAND_RANGES = 20;
/** Kafka's default `log.retention.hours` (168), also Amazon MSK's. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000;
const PAYLOAD_LIMITS: DisplayLimits = { maxChars: 2000, maxHexBytes: 128 };
const MAX_HEADERS = 32;

/** A range entry on its way to a partition: the record it came from and its exact values. */
interface RangeEntry {
	recordIndex: number;
	cluster: string;
	bootstrapServers?: string;
	eventSourceArn?: string;
	topic: string;
	partition: number;
	first: bigint;
	last: bigint;
	firstMs?: number;
	lastMs?: number;
	firstTimestamp?: string;
	lastTimestamp?: string;
}

export function buildPreviewModel(input: PreviewInput): PreviewModel {
	const { analysis, options = {} } = input;
	const records: PreviewRecord[] = [];
	const entries: RangeEntry[] = [];
	const payloadRecords: PreviewPayloadRecord[] = [];
	let payloadTotal = 0;
	const units = previewUnits(analysis);
	const starts = unitStarts(units.map((u) => u.unit));
	const lines = lineNumbers(input.text, starts);
	units.forEach(({ unit, index }, k) => {
		const budget: PayloadBudget = { remaining: MAX_PAYLOAD_RECORDS - payloadRecords.length, total: 0 };
		const built = unit.kind === 'kafka-event' ? fromKafkaEvent(unit, index, budget) : fromFailureRecord(unit, index, budget);
		built.record.line = lines[k]!;
		records.push(built.record);
		entries.push(...built.entries);
		payloadRecords.push(...built.payload);
		payloadTotal += budget.total;
	});

	const partitions = buildPartitions(entries, options);
	const auths = [...new Set(partitions.map((p) => p.auth.kind))];
	const notes: PreviewNote[] = [];
	if (analysis.skipped === 'too-large') {
		notes.push({
			severity: 'warning',
			message: l10n.t('This file is above the size limit of the setting lambdaKafka.validation.maxFileSizeMB, so it was not read.'),
		});
	} else if (records.length === 0) {
		notes.push({ severity: 'info', message: l10n.t('This document has no failure records or Kafka events to preview.') });
	}
	if (partitions.length > 0) {
		notes.push({ severity: 'info', message: noCommitNote() });
	}
	if (records.some((r) => r.ranges.some((range) => isOverlong(range.firstOffset) || isOverlong(range.lastOffset)))) {
		notes.push({
			severity: 'warning',
			message: l10n.t(
				"Some offsets have more than {0} digits. No Kafka partition has such offsets: these are Kinesis sequence numbers, as in AWS's documentation example. Those ranges cannot be read back.",
				MAX_OFFSET_DIGITS,
			),
		});
	}
	if (payloadTotal > payloadRecords.length) {
		notes.push({ severity: 'info', message: l10n.t('Only the first {0} of {1} payload records are listed.', payloadRecords.length, payloadTotal) });
	}
	return {
		uri: input.uri,
		version: input.version,
		kind: analysis.kind,
		layout: analysis.layout,
		records,
		partitions,
		payloadRecords,
		payloadRecordsOmitted: payloadTotal - payloadRecords.length,
		configTemplates: auths.flatMap((auth: KafkaAuth) => configTemplates(auth)),
		notes,
	};
}

/** The units the preview shows: failure records and Kafka events, with their index in the document. */
function previewUnits(analysis: DocumentAnalysis): { unit: DocumentUnit; index: number }[] {
	const shown: DocumentKind[] = ['failure-record', 'kafka-event'];
	const result: { unit: DocumentUnit; index: number }[] = [];
	let index = 0;
	for (const unit of analysis.units) {
		if (shown.includes(unit.kind) && isObject(unit.value)) {
			result.push({ unit, index });
		}
		index++;
	}
	return result;
}

// ---- failure records ---------------------------------------------------------------------------

/** How many more payload records may be decoded, and how many there were in all. */
interface PayloadBudget {
	remaining: number;
	total: number;
}

interface Built {
	record: PreviewRecord;
	entries: RangeEntry[];
	payload: PreviewPayloadRecord[];
}

function fromFailureRecord(unit: DocumentUnit, index: number, budget: PayloadBudget): Built {
	const value = unit.value as Record<string, unknown>;
	const requestContext = member(value, 'requestContext');
	const batch = member(value, 'KafkaBatchInfo');
	const functionArn = stringMember(requestContext, 'functionArn');
	const bootstrapServers = stringMember(batch, 'bootstrapServers');
	const eventSourceArn = stringMember(batch, 'eventSourceArn');
	const batchSize = member(batch, 'batchSize');
	const hasPayload = Object.prototype.hasOwnProperty.call(value, 'payload') && value['payload'] !== null;
	const payload = hasPayload ? parsePayload(unit.parsed, [...unit.path, 'payload'], value['payload']) : undefined;
	const payloadValue = isObject(payload?.value) ? payload.value : undefined;
	// Raw numbers inside the payload: from its own parse when it is a string, else from the document.
	const payloadSource: NumberSource = payload?.embedded ? { parsed: payload.embedded, path: [] } : { parsed: unit.parsed, path: [...unit.path, 'payload'] };
	const notes: PreviewNote[] = [];
	const recordsInfo = member(batch, 'recordsInfo');
	const recordInfo = member(batch, 'recordInfo');
	const record: PreviewRecord = {
		index,
		line: 0,
		source: recordInfo !== undefined && recordsInfo === undefined ? 'recordInfo' : 'recordsInfo',
		requestId: stringMember(requestContext, 'requestId'),
		condition: stringMember(requestContext, 'condition'),
		timestamp: stringMember(value, 'timestamp'),
		functionArn,
		functionName: functionArn ? functionNameOf(functionArn) : undefined,
		bootstrapServers,
		eventSourceArn,
		batchSize: typeof batchSize === 'number' ? batchSize : undefined,
		ranges: [],
		hasPayload,
		notes,
	};
	const cluster = clusterOf(eventSourceArn, bootstrapServers);
	const entries: RangeEntry[] = [];
	const batchPath: JsonPath = [...unit.path, 'KafkaBatchInfo'];
	if (isObject(recordsInfo)) {
		for (const key of Object.keys(recordsInfo)) {
			const info = recordsInfo[key];
			const rangePath = [...batchPath, 'recordsInfo', key];
			const first = offsetInput(unit, rangePath, info, 'firstRecordOffset');
			const last = offsetInput(unit, rangePath, info, 'lastRecordOffset');
			const range = readRange(key, first, last, member(info, 'firstRecordTimestamp'), member(info, 'lastRecordTimestamp'));
			record.ranges.push(range.view);
			if (range.entry) {
				entries.push({ ...range.entry, recordIndex: index, cluster, bootstrapServers, eventSourceArn });
			}
		}
	} else if (isObject(recordInfo)) {
		const key = recordInfoKey(payloadValue);
		const offset = offsetInput(unit, [...batchPath, 'recordInfo'], recordInfo, 'offset');
		const timestamp = member(recordInfo, 'timestamp');
		const range = readRange(key ?? '', offset, offset, timestamp, timestamp);
		if (key === undefined) {
			range.view.valid = false;
			range.view.problem = l10n.t('recordInfo names no topic-partition, and the payload does not give exactly one.');
			range.entry = undefined;
		}
		record.ranges.push(range.view);
		if (range.entry) {
			entries.push({ ...range.entry, recordIndex: index, cluster, bootstrapServers, eventSourceArn });
		}
		notes.push({ severity: 'info', message: l10n.t('A Kafka-destination record names one offset; its topic-partition is taken from the payload.') });
	} else {
		notes.push({ severity: 'warning', message: l10n.t('KafkaBatchInfo has no recordsInfo: there are no offsets to read back.') });
	}
	if (bootstrapServers !== undefined && !brokerList(bootstrapServers)) {
		notes.push({
			severity: 'warning',
			message: l10n.t('bootstrapServers is not a host:port list (AWS\'s example has "..."): the commands use $BOOTSTRAP_SERVERS instead.'),
		});
	}
	if (hasPayload && !payloadValue) {
		notes.push({ severity: 'warning', message: l10n.t('The payload is not a Kafka event object, so its records cannot be shown.') });
	}
	const payloadRecords = payloadValue ? decodePayload(payloadValue, payloadSource, index, record.ranges, budget) : [];
	return { record, entries, payload: payloadRecords };
}

interface OffsetInput {
	value: unknown;
	raw: () => string | undefined;
	name: string;
}

/** The offset member `name` of `holder` (at `path` in the unit), with its source text for numbers JSON.parse may round. */
function offsetInput(unit: DocumentUnit, path: JsonPath, holder: unknown, name: string): OffsetInput {
	return { value: member(holder, name), raw: () => rawNumber({ parsed: unit.parsed, path: [...path, name] }), name };
}

function readRange(
	key: string,
	firstInput: OffsetInput,
	lastInput: OffsetInput,
	firstTs: unknown,
	lastTs: unknown,
): { view: PreviewRange; entry?: Omit<RangeEntry, 'recordIndex' | 'cluster'> } {
	const view: PreviewRange = { key, firstOffset: offsetText(firstInput.value), lastOffset: offsetText(lastInput.value), valid: false };
	const split = splitTopicPartition(key);
	const partition = split ? parsePartitionText(split.partition).value : undefined;
	if (split && partition !== undefined) {
		view.topic = split.topic;
		view.partition = Number(partition);
	}
	const firstMs = isoTimestampMillis(firstTs);
	const lastMs = isoTimestampMillis(lastTs);
	if (typeof firstTs === 'string') {
		view.firstTimestamp = firstTs;
	}
	if (typeof lastTs === 'string') {
		view.lastTimestamp = lastTs;
	}
	if (firstMs !== undefined && lastMs !== undefined) {
		view.spanMs = lastMs - firstMs;
	}
	const first = readOffset(firstInput);
	const last = readOffset(lastInput);
	const problems: string[] = [];
	if (view.topic === undefined) {
		problems.push(l10n.t('{0} is not "<topic>-<partition>".', JSON.stringify(key)));
	}
	for (const [offset, input] of [
		[first, firstInput],
		[last, lastInput],
	] as const) {
		const message = typeof offset === 'string' ? offset.replace('%s', input.name) : undefined;
		if (message !== undefined && !problems.includes(message)) {
			problems.push(message);
		}
	}
	if (typeof first === 'bigint' && typeof last === 'bigint' && first > last) {
		problems.push(l10n.t('The first offset {0} is after the last offset {1}.', String(first), String(last)));
	}
	if (view.spanMs !== undefined && view.spanMs < 0) {
		problems.push(l10n.t('The first timestamp is after the last one.'));
	}
	if (problems.length > 0 || typeof first !== 'bigint' || typeof last !== 'bigint' || view.topic === undefined || view.partition === undefined) {
		view.problem = problems.join(' ');
		return { view };
	}
	view.valid = true;
	view.count = rangeCount(first, last).toString();
	return {
		view,
		entry: {
			topic: view.topic,
			partition: view.partition,
			first,
			last,
			firstMs,
			lastMs,
			firstTimestamp: view.firstTimestamp,
			lastTimestamp: view.lastTimestamp,
		},
	};
}

/** The exact offset, or a problem message (with `%s` for the field name). */
function readOffset(input: OffsetInput): bigint | string {
	const { value } = input;
	if (value === undefined || value === null) {
		return l10n.t('%s is missing.');
	}
	const raw = typeof value === 'number' && !Number.isSafeInteger(value) ? input.raw() : undefined;
	const exact = exactOffset(value, raw);
	if (exact !== undefined) {
		return exact;
	}
	if (typeof value === 'string') {
		const parsed = parseOffsetText(value);
		if (parsed.issue?.reason === 'too-many-digits') {
			return l10n.t('%s has {0} digits: a Kinesis sequence number, not a Kafka offset (at most {1} digits).', parsed.issue.digits, MAX_OFFSET_DIGITS);
		}
	}
	return l10n.t('%s is not a Kafka offset (0 to 9223372036854775807).');
}

function offsetText(value: unknown): string {
	if (typeof value === 'string') {
		return value;
	}
	if (typeof value === 'number') {
		return String(value);
	}
	return '';
}

function isOverlong(offset: string): boolean {
	return /^[0-9]+$/.test(offset) && offset.length > MAX_OFFSET_DIGITS;
}

// ---- bare Kafka events -----------------------------------------------------------------------

function fromKafkaEvent(unit: DocumentUnit, index: number, budget: PayloadBudget): Built {
	const event = unit.value as Record<string, unknown>;
	const bootstrapServers = stringMember(event, 'bootstrapServers');
	const eventSourceArn = stringMember(event, 'eventSourceArn');
	const record: PreviewRecord = {
		index,
		line: 0,
		source: 'kafka-event',
		bootstrapServers,
		eventSourceArn,
		ranges: [],
		hasPayload: true,
		notes: [],
	};
	const cluster = clusterOf(eventSourceArn, bootstrapServers);
	const source: NumberSource = { parsed: unit.parsed, path: unit.path };
	const entries: RangeEntry[] = [];
	for (const [key, list] of partitionsOf(event)) {
		let first: bigint | undefined;
		let last: bigint | undefined;
		let firstMs: number | undefined;
		let lastMs: number | undefined;
		list.forEach((item, i) => {
			const offset = payloadOffset(item, source, key, i);
			if (offset !== undefined) {
				first = first === undefined || offset < first ? offset : first;
				last = last === undefined || offset > last ? offset : last;
			}
			const ts = member(item, 'timestamp');
			if (typeof ts === 'number' && epochMillisToIso(ts) !== undefined) {
				firstMs = firstMs === undefined ? ts : Math.min(firstMs, ts);
				lastMs = lastMs === undefined ? ts : Math.max(lastMs, ts);
			}
		});
		const range = readRange(
			key,
			{ value: first?.toString(), raw: () => undefined, name: l10n.t('The first offset') },
			{ value: last?.toString(), raw: () => undefined, name: l10n.t('The last offset') },
			epochMillisToIso(firstMs),
			epochMillisToIso(lastMs),
		);
		if (first === undefined) {
			range.view.problem = l10n.t('No record of this partition has a valid offset.');
		}
		record.ranges.push(range.view);
		if (range.entry) {
			entries.push({ ...range.entry, recordIndex: index, cluster, bootstrapServers, eventSourceArn });
		}
	}
	return { record, entries, payload: decodePayload(event, source, index, record.ranges, budget) };
}

// ---- payload records ---------------------------------------------------------------------------

/** Where to read the source text of numbers of a Kafka event: a parse, and the event's path in it. */
interface NumberSource {
	parsed: ParsedJson;
	path: JsonPath;
}

/** The source text of a number JSON.parse may have rounded (see ParsedJson.numberText). */
function rawNumber(source: NumberSource): string | undefined {
	return source.parsed.numberText(source.path);
}

function payloadOffset(item: unknown, source: NumberSource, key: string, i: number): bigint | undefined {
	const value = member(item, 'offset');
	const raw =
		typeof value === 'number' && !Number.isSafeInteger(value)
			? rawNumber({ parsed: source.parsed, path: [...source.path, 'records', key, i, 'offset'] })
			: undefined;
	return exactOffset(value, raw);
}

/** Decodes the event's records while the budget lasts; counts them all in `budget.total`. */
function decodePayload(
	event: Record<string, unknown>,
	source: NumberSource,
	recordIndex: number,
	ranges: readonly PreviewRange[],
	budget: PayloadBudget,
): PreviewPayloadRecord[] {
	const result: PreviewPayloadRecord[] = [];
	for (const [key, list] of partitionsOf(event)) {
		const split = splitTopicPartition(key);
		list.forEach((item, i) => {
			if (!isObject(item)) {
				return;
			}
			budget.total++;
			if (budget.remaining <= 0) {
				return;
			}
			budget.remaining--;
			const topic = typeof item['topic'] === 'string' ? item['topic'] : (split?.topic ?? key);
			const partitionValue = item['partition'];
			const partition =
				typeof partitionValue === 'number' && Number.isInteger(partitionValue)
					? partitionValue
					: split
						? toNumber(parsePartitionText(split.partition).value)
						: undefined;
			const offset = payloadOffset(item, source, key, i);
			const timestampValue = item['timestamp'];
			const headers = headerViews(item['headers'], MAX_HEADERS, PAYLOAD_LIMITS).headers.map((h) => ({
				name: h.name,
				value: h.value ? toView(h.value) : { form: 'invalid' as const, text: '', byteLength: 0, truncated: false },
			}));
			const placed = placeInRanges(ranges, topic, partition, offset);
			result.push({
				recordIndex,
				topic,
				partition,
				offset: offset?.toString(),
				timestamp: typeof timestampValue === 'number' ? epochMillisToIso(timestampValue) : undefined,
				timestampType: typeof item['timestampType'] === 'string' ? item['timestampType'] : undefined,
				key: decodeField(item['key']),
				value: decodeField(item['value']),
				headers,
				rangeKey: placed.rangeKey,
				position: placed.position,
			});
		});
	}
	return result;
}

function placeInRanges(
	ranges: readonly PreviewRange[],
	topic: string,
	partition: number | undefined,
	offset: bigint | undefined,
): Pick<PreviewPayloadRecord, 'rangeKey' | 'position'> {
	if (offset === undefined || partition === undefined) {
		return { position: 'unknown' };
	}
	for (const range of ranges) {
		if (!range.valid || range.topic !== topic || range.partition !== partition) {
			continue;
		}
		const first = BigInt(range.firstOffset);
		const last = BigInt(range.lastOffset);
		if (offset < first || offset > last) {
			continue;
		}
		const position = first === last ? 'only' : offset === first ? 'first' : offset === last ? 'last' : 'inside';
		return { rangeKey: range.key, position };
	}
	return { position: 'outside' };
}

function decodeField(value: unknown): DecodedView {
	if (value === undefined || value === null) {
		return { form: 'missing', text: '', byteLength: 0, truncated: false };
	}
	const bytes = base64Bytes(value);
	if (!bytes) {
		const text = typeof value === 'string' ? value.slice(0, PAYLOAD_LIMITS.maxChars) : JSON.stringify(value).slice(0, PAYLOAD_LIMITS.maxChars);
		return { form: 'invalid', text, byteLength: 0, truncated: false };
	}
	return toView(describeBytes(bytes, PAYLOAD_LIMITS));
}

function toView(decoded: DecodedBytes): DecodedView {
	return { form: decoded.form, text: decoded.text, byteLength: decoded.byteLength, truncated: decoded.truncated };
}

// ---- partitions --------------------------------------------------------------------------------

function buildPartitions(entries: readonly RangeEntry[], options: PreviewOptions): PreviewPartition[] {
	const groups = new Map<string, RangeEntry[]>();
	for (const entry of entries) {
		const id = JSON.stringify([entry.cluster, entry.topic, entry.partition]);
		const group = groups.get(id) ?? [];
		group.push(entry);
		groups.set(id, group);
	}
	const sorted = [...groups.values()].sort(
		(a, b) => compareText(a[0].cluster, b[0].cluster) || compareText(a[0].topic, b[0].topic) || a[0].partition - b[0].partition,
	);
	const now = options.now ?? Date.now();
	return sorted.map((group, n) => buildPartition(`p${n}`, group, options, now));
}

function buildPartition(id: string, group: readonly RangeEntry[], options: PreviewOptions, now: number): PreviewPartition {
	const head = group[0];
	const bootstrapServers = group.find((e) => brokerList(e.bootstrapServers))?.bootstrapServers ?? head.bootstrapServers;
	const eventSourceArn = group.find((e) => e.eventSourceArn !== undefined)?.eventSourceArn;
	const union = unionRanges(group.map((e, source): OffsetRange => ({ first: e.first, last: e.last, source })));
	const recordsOf = (sources: readonly number[]): number[] => [...new Set(sources.map((s) => group[s].recordIndex))].sort((a, b) => a - b);
	const auth = chooseAuth({ sourceAccessTypes: options.sourceAccessTypes, bootstrapServers, defaultAuth: options.defaultAuth });
	const clusterName = options.clusterName?.trim() || mskClusterName(eventSourceArn);
	const { from: firstMs, to: lastMs } = timeSpan(group);
	const notes = partitionNotes(head.topic, clusterName, options, now, lastMs);
	const partition: PreviewPartition = {
		id,
		topic: head.topic,
		partition: head.partition,
		cluster: eventSourceArn ?? bootstrapServers ?? l10n.t('unknown cluster'),
		bootstrapServers,
		eventSourceArn,
		recordIndexes: recordsOf(group.map((_, i) => i)),
		rangeCount: group.length,
		total: union.total.toString(),
		merged: [],
		gaps: union.gaps.map((g) => ({ firstOffset: g.first.toString(), lastOffset: g.last.toString(), size: g.size.toString() })),
		overlaps: union.overlaps.map((o) => ({
			firstOffset: o.first.toString(),
			lastOffset: o.last.toString(),
			size: o.size.toString(),
			recordIndexes: recordsOf(o.sources),
			duplicate: o.duplicate,
		})),
		firstTimestamp: firstMs !== undefined ? new Date(firstMs).toISOString() : undefined,
		lastTimestamp: lastMs !== undefined ? new Date(lastMs).toISOString() : undefined,
		spanMs: firstMs !== undefined && lastMs !== undefined ? lastMs - firstMs : undefined,
		auth,
		commands: [],
		links: [],
		notes,
	};
	union.merged.forEach((merged, n) => {
		const { from, to } = timeSpan(merged.sources.map((s) => group[s]));
		partition.merged.push({
			firstOffset: merged.first.toString(),
			lastOffset: merged.last.toString(),
			count: merged.count.toString(),
			recordIndexes: recordsOf(merged.sources),
			firstTimestamp: from !== undefined ? new Date(from).toISOString() : undefined,
			lastTimestamp: to !== undefined ? new Date(to).toISOString() : undefined,
		});
		if (n < MAX_COMMAND_RANGES) {
			addReadersOf(partition, { ...merged, from, to }, clusterName, options);
		}
	});
	if (union.merged.length > MAX_COMMAND_RANGES) {
		notes.push({
			severity: 'info',
			message: l10n.t(
				'Commands are listed for the first {0} of {1} separate ranges; to read them all at once, read from offset {2} to {3}, gaps included.',
				String(MAX_COMMAND_RANGES),
				String(union.merged.length),
				String(union.merged[0].first),
				String(union.merged[union.merged.length - 1].last),
			),
		});
	}
	if (!clusterName && (options.kafkaUiBaseUrl || options.akhqBaseUrl)) {
		notes.push({ severity: 'info', message: l10n.t("No web-UI links: set lambdaKafka.preview.clusterName to the cluster's name in kafka-ui / AKHQ.") });
	}
	return partition;
}

/** Notes about the partition as a whole: a topic no cluster can have, a cluster name links cannot use, records past retention. */
function partitionNotes(topic: string, clusterName: string | undefined, options: PreviewOptions, now: number, lastMs: number | undefined): PreviewNote[] {
	const notes: PreviewNote[] = [];
	const topicProblem = topicNameProblem(topic);
	if (topicProblem) {
		notes.push({
			severity: 'warning',
			message: l10n.t('{0} No Kafka cluster has such a topic, so no consumer commands or web-UI links are made for it; check the record.', topicProblem),
		});
	}
	const wantsLinks = options.kafkaUiBaseUrl !== undefined || options.akhqBaseUrl !== undefined;
	const clusterProblem = clusterName ? clusterNameProblem(clusterName) : undefined;
	if (clusterProblem && wantsLinks && !topicProblem) {
		notes.push({
			severity: 'info',
			message: l10n.t("{0} No web-UI links are made; check lambdaKafka.preview.clusterName or the record's event source ARN.", clusterProblem),
		});
	}
	if (lastMs !== undefined && now - lastMs > DEFAULT_RETENTION_MS) {
		notes.push({
			severity: 'warning',
			message: l10n.t(
				"The newest of these records is {0} old, past Kafka's default retention of 7 days: they may have been deleted. Check the topic's retention.ms.",
				formatDuration(now - lastMs),
			),
		});
	}
	return notes;
}

/** The consumer commands and web-UI links that read one merged range of the partition. */
function addReadersOf(
	partition: PreviewPartition,
	range: { first: bigint; last: bigint; count: bigint; from?: number; to?: number },
	clusterName: string | undefined,
	options: PreviewOptions,
): void {
	const { topic, partition: number, bootstrapServers, auth } = partition;
	partition.commands.push(
		...consumerCommands(
			{ topic, partition: number, first: range.first, last: range.last, firstTimestampMs: range.from, lastTimestampMs: range.to },
			bootstrapServers,
			auth.kind,
		),
	);
	if (clusterName) {
		const target = { cluster: clusterName, topic, partition: number, first: range.first, count: range.count };
		const links = [kafkaUiLink(options.kafkaUiBaseUrl, target), akhqLink(options.akhqBaseUrl, target)];
		partition.links.push(...links.filter((l) => l !== undefined));
	}
}

/** The earliest first and latest last timestamp of entries that have both (a loop: spreading thousands of values into Math.min would overflow the stack). */
function timeSpan(entries: readonly RangeEntry[]): { from?: number; to?: number } {
	let from: number | undefined;
	let to: number | undefined;
	for (const e of entries) {
		if (e.firstMs !== undefined && e.lastMs !== undefined) {
			from = from === undefined || e.firstMs < from ? e.firstMs : from;
			to = to === undefined || e.lastMs > to ? e.lastMs : to;
		}
	}
	return { from, to };
}

// ---- code lens anchors and lines ---------------------------------------------------------------

/** Where a "Preview offsets" lens goes: an offset in the text and the record it previews. */
export interface PreviewAnchor {
	offset: number;
	recordIndex: number;
}

/**
 * Lens positions: each record's `recordsInfo` / `recordInfo` key (a Kafka event's `records`
 * key), and for arrays and JSON Lines also the start of each record. One locate pass per parse.
 */
export function previewAnchors(analysis: DocumentAnalysis): PreviewAnchor[] {
	const units = previewUnits(analysis);
	const anchors: PreviewAnchor[] = [];
	const byParse = new Map<ParsedJson, { unit: DocumentUnit; index: number }[]>();
	for (const entry of units) {
		const list = byParse.get(entry.unit.parsed) ?? [];
		list.push(entry);
		byParse.set(entry.unit.parsed, list);
	}
	for (const [parsed, list] of byParse) {
		const requests = list.flatMap(({ unit }) => [
			{ path: unit.path },
			{ path: [...unit.path, 'KafkaBatchInfo', 'recordsInfo'] },
			{ path: [...unit.path, 'KafkaBatchInfo', 'recordInfo'] },
			{ path: [...unit.path, 'records'] },
		]);
		const located = parsed.locateMany(requests);
		list.forEach(({ unit, index }, k) => {
			const [start, recordsInfo, recordInfo, records] = located.slice(k * 4, k * 4 + 4) as [
				(typeof located)[0],
				(typeof located)[0],
				(typeof located)[0],
				(typeof located)[0],
			];
			const depth = unit.path.length;
			if (analysis.layout !== 'single') {
				anchors.push({ offset: unit.baseOffset + start.valueStart, recordIndex: index });
			}
			const key =
				unit.kind === 'kafka-event' ? (records.depth === depth + 1 ? records : undefined) : [recordsInfo, recordInfo].find((l) => l.depth === depth + 2);
			if (key && key.keyStart >= 0) {
				anchors.push({ offset: unit.baseOffset + key.keyStart, recordIndex: index });
			} else if (analysis.layout === 'single') {
				anchors.push({ offset: unit.baseOffset + start.valueStart, recordIndex: index });
			}
		});
	}
	return anchors.sort((a, b) => a.offset - b.offset);
}

/** The offset in the whole text where each unit's value starts. */
function unitStarts(units: readonly DocumentUnit[]): number[] {
	const starts = new Array<number>(units.length);
	const byParse = new Map<ParsedJson, number[]>();
	units.forEach((unit, i) => {
		const list = byParse.get(unit.parsed) ?? [];
		list.push(i);
		byParse.set(unit.parsed, list);
	});
	for (const [parsed, indexes] of byParse) {
		const located = parsed.locateMany(indexes.map((i) => ({ path: units[i].path })));
		indexes.forEach((i, k) => {
			starts[i] = units[i].baseOffset + located[k].valueStart;
		});
	}
	return starts;
}

/** 0-based line numbers of ascending-or-not offsets, in one pass over the text. */
function lineNumbers(text: string, offsets: readonly number[]): number[] {
	const order = offsets.map((offset, i) => ({ offset, i })).sort((a, b) => a.offset - b.offset);
	const lines = new Array<number>(offsets.length);
	let line = 0;
	let position = 0;
	for (const { offset, i } of order) {
		while (position < offset) {
			const next = text.indexOf('\n', position);
			if (next < 0 || next >= offset) {
				position = offset;
				break;
			}
			line++;
			position = next + 1;
		}
		lines[i] = line;
	}
	return lines;
}

// ---- small helpers -----------------------------------------------------------------------------

function stringMember(value: unknown, key: string): string | undefined {
	const v = member(value, key);
	return typeof v === 'string' ? v : undefined;
}

function functionNameOf(functionArn: string): string {
	const match = /:function:([^:]+)/.exec(functionArn);
	return match?.[1] ?? functionArn;
}

function clusterOf(eventSourceArn: string | undefined, bootstrapServers: string | undefined): string {
	return eventSourceArn ?? brokerList(bootstrapServers)?.join(',') ?? bootstrapServers ?? '';
}

function toNumber(value: bigint | undefined): number | undefined {
	return value === undefined ? undefined : Number(value);
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
