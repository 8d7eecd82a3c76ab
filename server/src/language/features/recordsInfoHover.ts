/**
 * Hover on a `recordsInfo` entry (its key, or the value of one of its members) of a failure
 * record: the topic and partition, the offsets with the exact number of records (BigInt:
 * offsets are 64-bit), and the time the range spans. Hover on `recordInfo` shows the one record.
 * Every value from the document is rendered as inline code, so it cannot become Markdown.
 */
import * as l10n from '@vscode/l10n';
import { counted } from '../../../../shared/printable';
import type { JsonPath } from '../../../../shared/jsonPath';
import { isObject, member } from '../../../../shared/jsonPath';
import { splitTopicPartition } from '../util/kafkaTopic';
import { formatDuration } from '../../../../shared/format';
import { isoTimestampMillis, recordInfoKey } from '../util/kafkaRecord';
import { inlineCode } from '../util/markdown';
import { exactOffset, parsePartitionText } from '../util/offsets';
import type { PositionContext } from './documentPosition';
import { numberSourceText } from './hoverSource';

const MAX_SHOWN = 80;

/** An offset as written (string content or exact number text), and its exact value when it is a valid Kafka offset. */
function offsetOf(context: PositionContext, path: JsonPath, value: unknown): { shown: string | undefined; exact: bigint | undefined } {
	if (typeof value === 'string') {
		return { shown: value, exact: exactOffset(value, undefined) };
	}
	if (typeof value === 'number') {
		const raw = Number.isSafeInteger(value) ? String(value) : numberSourceText(context, path);
		return { shown: raw ?? String(value), exact: exactOffset(value, raw) };
	}
	return { shown: undefined, exact: undefined };
}

function code(text: string): string {
	return inlineCode(text, MAX_SHOWN);
}

function topicLine(key: string): string {
	const split = splitTopicPartition(key);
	if (!split || parsePartitionText(split.partition).issue) {
		return l10n.t('The key {0} is not `<topic>-<partition>`.', code(key));
	}
	return l10n.t('Topic {0}, partition {1}', code(split.topic), code(split.partition));
}

function offsetsLine(context: PositionContext, base: JsonPath, range: Record<string, unknown>): string {
	const first = offsetOf(context, [...base, 'firstRecordOffset'], range['firstRecordOffset']);
	const last = offsetOf(context, [...base, 'lastRecordOffset'], range['lastRecordOffset']);
	if (first.shown === undefined || last.shown === undefined) {
		return l10n.t('- Offsets: incomplete');
	}
	let count: string;
	if (first.exact === undefined || last.exact === undefined) {
		count = l10n.t('not valid Kafka offsets');
	} else if (last.exact < first.exact) {
		count = l10n.t('the last offset is before the first');
	} else {
		const n = last.exact - first.exact + 1n;
		count = `**${counted(n, l10n.t('{0} record'), l10n.t('{0} records'))}**`;
	}
	return l10n.t('- Offsets: {0} to {1}: {2}', code(first.shown), code(last.shown), count);
}

function timesLine(range: Record<string, unknown>): string {
	const firstText = range['firstRecordTimestamp'];
	const lastText = range['lastRecordTimestamp'];
	if (typeof firstText !== 'string' || typeof lastText !== 'string') {
		return l10n.t('- Timestamps: incomplete');
	}
	const first = isoTimestampMillis(firstText);
	const last = isoTimestampMillis(lastText);
	let span: string;
	if (first === undefined || last === undefined) {
		span = l10n.t('not ISO-8601 date-times');
	} else if (last < first) {
		span = l10n.t('the last is {0} before the first', formatDuration(first - last));
	} else {
		span = `spanning ${formatDuration(last - first)}`;
	}
	return l10n.t('- Timestamps: {0} to {1}, {2}', code(firstText), code(lastText), span);
}

function rangeHover(context: PositionContext, key: string, range: unknown): string {
	const lines = [`**recordsInfo** ${code(key)}`, '', topicLine(key), ''];
	if (isObject(range)) {
		const base = ['KafkaBatchInfo', 'recordsInfo', key];
		lines.push(offsetsLine(context, base, range), timesLine(range));
	}
	return lines.join('\n');
}

/** The topic-partition key of a single-record payload, which `recordInfo` does not name itself; a payload string is read through the parse's cache. */
function payloadKey(context: PositionContext): string | undefined {
	const payload = member(context.subject, 'payload');
	if (typeof payload !== 'string') {
		return recordInfoKey(payload);
	}
	const subjectPath = context.textPath.slice(0, context.textPath.length - context.path.length);
	return recordInfoKey(context.parsed.embedded([...subjectPath, 'payload'], payload)?.value);
}

function singleHover(context: PositionContext, single: unknown): string {
	const lines = [l10n.t('**recordInfo**: one record (the form Lambda writes to Kafka-topic destinations)'), ''];
	const key = payloadKey(context);
	if (key !== undefined) {
		lines.push(l10n.t('{0} (from {1} in `payload`)', topicLine(key), code(key)), '');
	}
	if (isObject(single)) {
		const offset = offsetOf(context, ['KafkaBatchInfo', 'recordInfo', 'offset'], single['offset']);
		if (offset.shown !== undefined) {
			lines.push(`- Offset: ${code(offset.shown)}${offset.exact === undefined ? l10n.t(' (not a valid Kafka offset)') : ''}`);
		}
		const time = single['timestamp'];
		if (typeof time === 'string') {
			lines.push(`- Timestamp: ${code(time)}${isoTimestampMillis(time) === undefined ? l10n.t(' (not an ISO-8601 date-time)') : ''}`);
		}
	}
	return lines.join('\n');
}

/** Hover for recordsInfo entries and recordInfo in failure records. */
export function recordsInfoHover(context: PositionContext): string | undefined {
	if (context.kind !== 'failure-record' || context.path[0] !== 'KafkaBatchInfo') {
		return undefined;
	}
	const path = context.path;
	const info = member(context.subject, 'KafkaBatchInfo');
	if (path[1] === 'recordsInfo' && typeof path[2] === 'string') {
		const onKey = path.length === 3 && context.isAtPropertyKey;
		const onValue = path.length === 4 && !context.isAtPropertyKey;
		return onKey || onValue ? rangeHover(context, path[2], member(member(info, 'recordsInfo'), path[2])) : undefined;
	}
	if (path[1] === 'recordInfo') {
		const onKey = path.length === 2 && context.isAtPropertyKey;
		const onValue = path.length === 3 && !context.isAtPropertyKey;
		return onKey || onValue ? singleHover(context, member(info, 'recordInfo')) : undefined;
	}
	return undefined;
}
