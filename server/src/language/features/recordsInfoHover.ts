/**
 * Hover on a `recordsInfo` entry (its key, or the value of one of its members) of a failure
 * record: the topic and partition, the offsets with the exact number of records (BigInt:
 * offsets are 64-bit), and the time the range spans. Hover on `recordInfo` shows the one record.
 * Every value from the document is rendered as inline code, so it cannot become Markdown.
 */
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
		return `The key ${code(key)} is not \`<topic>-<partition>\`.`;
	}
	return `Topic ${code(split.topic)}, partition ${code(split.partition)}`;
}

function offsetsLine(context: PositionContext, base: JsonPath, range: Record<string, unknown>): string {
	const first = offsetOf(context, [...base, 'firstRecordOffset'], range['firstRecordOffset']);
	const last = offsetOf(context, [...base, 'lastRecordOffset'], range['lastRecordOffset']);
	if (first.shown === undefined || last.shown === undefined) {
		return '- Offsets: incomplete';
	}
	let count: string;
	if (first.exact === undefined || last.exact === undefined) {
		count = 'not valid Kafka offsets';
	} else if (last.exact < first.exact) {
		count = 'the last offset is before the first';
	} else {
		const n = last.exact - first.exact + 1n;
		count = `**${n} record${n === 1n ? '' : 's'}**`;
	}
	return `- Offsets: ${code(first.shown)} to ${code(last.shown)}: ${count}`;
}

function timesLine(range: Record<string, unknown>): string {
	const firstText = range['firstRecordTimestamp'];
	const lastText = range['lastRecordTimestamp'];
	if (typeof firstText !== 'string' || typeof lastText !== 'string') {
		return '- Timestamps: incomplete';
	}
	const first = isoTimestampMillis(firstText);
	const last = isoTimestampMillis(lastText);
	let span: string;
	if (first === undefined || last === undefined) {
		span = 'not ISO-8601 date-times';
	} else if (last < first) {
		span = `the last is ${formatDuration(first - last)} before the first`;
	} else {
		span = `spanning ${formatDuration(last - first)}`;
	}
	return `- Timestamps: ${code(firstText)} to ${code(lastText)}, ${span}`;
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
	const lines = ['**recordInfo**: one record (the form Lambda writes to Kafka-topic destinations)', ''];
	const key = payloadKey(context);
	if (key !== undefined) {
		lines.push(`${topicLine(key)} (from ${code(key)} in \`payload\`)`, '');
	}
	if (isObject(single)) {
		const offset = offsetOf(context, ['KafkaBatchInfo', 'recordInfo', 'offset'], single['offset']);
		if (offset.shown !== undefined) {
			lines.push(`- Offset: ${code(offset.shown)}${offset.exact === undefined ? ' (not a valid Kafka offset)' : ''}`);
		}
		const time = single['timestamp'];
		if (typeof time === 'string') {
			lines.push(`- Timestamp: ${code(time)}${isoTimestampMillis(time) === undefined ? ' (not an ISO-8601 date-time)' : ''}`);
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
