/**
 * When a failure record carries its batch (`payload`, S3 and Kafka-topic destinations), the
 * metadata must describe that batch: `batchSize` is the number of records, each `recordsInfo`
 * entry covers exactly the offsets and times of its partition's records, `recordInfo` matches a
 * single record, and the ARN and brokers are the event's. A mismatch means the record was edited
 * or did not come from Lambda, so it is a warning, reported on the metadata (not the payload).
 *
 * One pass over the payload's records, with plain numbers; exact (BigInt) values only for the
 * few offsets above 2^53 - 1 that could be the lowest or highest.
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import { hasOwn, isObject, member } from '../../../../shared/jsonPath';
import { epochMillisToIso, isoTimestampMillis, partitionsOf } from '../util/kafkaRecord';
import { quoteText } from '../../../../shared/printable';
import { exactOffset, parseJsonIntegerText } from '../util/offsets';
import type { Rule, RuleContext } from './types';

const MAX_KEY_REPORTS = 10;
/** Most records with the same rounded extreme offset whose source text is read to find the exact one. */
const MAX_TIE_LOOKUPS = 8;

interface PartitionSummary {
	count: number;
	/** Exact lowest and highest offsets, or undefined when some offset is not a valid integer or the tie could not be settled. */
	minOffset: bigint | undefined;
	maxOffset: bigint | undefined;
	/** Lowest and highest timestamps, and the timestamps of the records with the lowest and highest offsets (NaN when unknown). */
	minTime: number;
	maxTime: number;
	timeAtMinOffset: number;
	timeAtMaxOffset: number;
}

function summarize(ctx: RuleContext, key: string, list: readonly unknown[]): PartitionSummary {
	let offsetsValid = list.length > 0;
	let timesValid = list.length > 0;
	let minNum = Infinity;
	let maxNum = -Infinity;
	let minIndex = -1;
	let maxIndex = -1;
	let minTime = Infinity;
	let maxTime = -Infinity;
	for (let i = 0; i < list.length; i++) {
		const record = list[i];
		const offset = member(record, 'offset');
		if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) {
			if (offset < minNum) {
				minNum = offset;
				minIndex = i;
			}
			if (offset > maxNum) {
				maxNum = offset;
				maxIndex = i;
			}
		} else {
			offsetsValid = false;
		}
		const time = member(record, 'timestamp');
		if (typeof time === 'number' && Number.isFinite(time)) {
			minTime = Math.min(minTime, time);
			maxTime = Math.max(maxTime, time);
		} else {
			timesValid = false;
		}
	}
	const summary: PartitionSummary = {
		count: list.length,
		minOffset: undefined,
		maxOffset: undefined,
		minTime: NaN,
		maxTime: NaN,
		timeAtMinOffset: NaN,
		timeAtMaxOffset: NaN,
	};
	if (offsetsValid) {
		const low = extreme(ctx, key, list, minNum, minIndex, 'min');
		const high = extreme(ctx, key, list, maxNum, maxIndex, 'max');
		summary.minOffset = low?.value;
		summary.maxOffset = high?.value;
		if (timesValid) {
			summary.timeAtMinOffset = low ? Number(member(list[low.index], 'timestamp')) : NaN;
			summary.timeAtMaxOffset = high ? Number(member(list[high.index], 'timestamp')) : NaN;
		}
	}
	if (timesValid) {
		summary.minTime = minTime;
		summary.maxTime = maxTime;
	}
	return summary;
}

/** The exact lowest or highest offset and its record's index. Safe integers are exact; above 2^53 - 1, ties in the rounded value are settled from the source text. */
function extreme(
	ctx: RuleContext,
	key: string,
	list: readonly unknown[],
	rounded: number,
	index: number,
	which: 'min' | 'max',
): { value: bigint; index: number } | undefined {
	if (Number.isSafeInteger(rounded)) {
		return { value: BigInt(rounded), index };
	}
	let best: { value: bigint; index: number } | undefined;
	let lookups = 0;
	for (let i = 0; i < list.length; i++) {
		if (member(list[i], 'offset') !== rounded) {
			continue;
		}
		if (++lookups > MAX_TIE_LOOKUPS) {
			return undefined;
		}
		const raw = ctx.rawNumber(['payload', 'records', key, i, 'offset']);
		const parsed = raw === undefined ? undefined : parseJsonIntegerText(raw);
		if (!parsed || parsed.form === 'other') {
			return undefined;
		}
		if (!best || (which === 'min' ? parsed.value < best.value : parsed.value > best.value)) {
			best = { value: parsed.value, index: i };
		}
	}
	return best;
}

function exactAt(ctx: RuleContext, path: JsonPath, value: unknown): bigint | undefined {
	const raw = typeof value === 'number' && !Number.isSafeInteger(value) ? ctx.rawNumber(path) : undefined;
	return exactOffset(value, raw);
}

function timeText(millis: number): string {
	const iso = epochMillisToIso(millis);
	return iso ? `${millis} (${iso})` : String(millis);
}

function compareRange(ctx: RuleContext, key: string, range: Record<string, unknown>, summary: PartitionSummary): void {
	const base = ['KafkaBatchInfo', 'recordsInfo', key];
	const where = l10n.t('of {0} in "payload"', quoteText(key));
	const firstPath = [...base, 'firstRecordOffset'];
	const lastPath = [...base, 'lastRecordOffset'];
	const first = exactAt(ctx, firstPath, range['firstRecordOffset']);
	const last = exactAt(ctx, lastPath, range['lastRecordOffset']);
	if (first !== undefined && summary.minOffset !== undefined && first !== summary.minOffset) {
		ctx.report({
			severity: 'warning',
			message: l10n.t('"firstRecordOffset" is {0}, but the lowest offset {1} is {2}.', String(first), String(where), String(summary.minOffset)),
			path: firstPath,
		});
	}
	if (last !== undefined && summary.maxOffset !== undefined && last !== summary.maxOffset) {
		ctx.report({
			severity: 'warning',
			message: l10n.t('"lastRecordOffset" is {0}, but the highest offset {1} is {2}.', String(last), String(where), String(summary.maxOffset)),
			path: lastPath,
		});
	}
	const firstTime = isoTimestampMillis(range['firstRecordTimestamp']);
	if (firstTime !== undefined && !Number.isNaN(summary.minTime) && firstTime !== summary.minTime && firstTime !== summary.timeAtMinOffset) {
		ctx.report({
			severity: 'warning',
			message: l10n.t(
				'"firstRecordTimestamp" is {0}, but the earliest record {1} has the timestamp {2}.',
				String(range['firstRecordTimestamp']),
				where,
				timeText(summary.minTime),
			),
			path: [...base, 'firstRecordTimestamp'],
		});
	}
	const lastTime = isoTimestampMillis(range['lastRecordTimestamp']);
	if (lastTime !== undefined && !Number.isNaN(summary.maxTime) && lastTime !== summary.maxTime && lastTime !== summary.timeAtMaxOffset) {
		ctx.report({
			severity: 'warning',
			message: l10n.t(
				'"lastRecordTimestamp" is {0}, but the latest record {1} has the timestamp {2}.',
				String(range['lastRecordTimestamp']),
				where,
				timeText(summary.maxTime),
			),
			path: [...base, 'lastRecordTimestamp'],
		});
	}
}

function compareSingle(ctx: RuleContext, single: Record<string, unknown>, records: Record<string, unknown>): void {
	const keys = Object.keys(records);
	const list = keys.length === 1 ? records[keys[0]] : undefined;
	if (!Array.isArray(list) || list.length !== 1) {
		return;
	}
	const record: unknown = list[0];
	const path = ['KafkaBatchInfo', 'recordInfo', 'offset'];
	const offset = exactAt(ctx, path, single['offset']);
	const payloadOffset = exactAt(ctx, ['payload', 'records', keys[0], 0, 'offset'], member(record, 'offset'));
	if (offset !== undefined && payloadOffset !== undefined && offset !== payloadOffset) {
		ctx.report({
			severity: 'warning',
			message: l10n.t('"offset" is {0}, but the record in "payload" has the offset {1}.', String(offset), String(payloadOffset)),
			path,
		});
	}
	const time = isoTimestampMillis(single['timestamp']);
	const payloadTime = member(record, 'timestamp');
	if (time !== undefined && typeof payloadTime === 'number' && Number.isFinite(payloadTime) && time !== payloadTime) {
		ctx.report({
			severity: 'warning',
			message: l10n.t('"timestamp" is {0}, but the record in "payload" has the timestamp {1}.', String(single['timestamp']), timeText(payloadTime)),
			path: ['KafkaBatchInfo', 'recordInfo', 'timestamp'],
		});
	}
}

function compareStrings(ctx: RuleContext, info: Record<string, unknown>, event: Record<string, unknown>, field: 'eventSourceArn' | 'bootstrapServers'): void {
	const ours = info[field];
	const theirs = event[field];
	if (typeof ours !== 'string' || typeof theirs !== 'string' || ours === theirs || ours.trim() === '...' || theirs.trim() === '...') {
		return;
	}
	ctx.report({
		severity: 'warning',
		message: l10n.t('"{0}" is not the same as the "{1}" of the event in "payload", {2}.', field, field, quoteText(theirs, 200)),
		path: ['KafkaBatchInfo', field],
	});
}

function check(ctx: RuleContext): void {
	const event = ctx.payload;
	const info = member(ctx.value, 'KafkaBatchInfo');
	if (!isObject(event) || !isObject(info)) {
		return;
	}
	const records = member(event, 'records');
	if (!isObject(records)) {
		return;
	}
	compareStrings(ctx, info, event, 'eventSourceArn');
	compareStrings(ctx, info, event, 'bootstrapServers');

	const ranges = member(info, 'recordsInfo');
	const needSummaries = isObject(ranges);
	let total = 0;
	const summaries = new Map<string, PartitionSummary>();
	for (const [key, list] of partitionsOf(event)) {
		total += list.length;
		if (needSummaries) {
			summaries.set(key, summarize(ctx, key, list));
		}
	}

	const batchSize = info['batchSize'];
	if (typeof batchSize === 'number' && Number.isInteger(batchSize) && batchSize >= 1 && batchSize !== total) {
		ctx.report({
			severity: 'warning',
			message:
				total === 1
					? l10n.t('"batchSize" is {0}, but "payload" holds {1} record.', batchSize, total)
					: l10n.t('"batchSize" is {0}, but "payload" holds {1} records.', batchSize, total),
			path: ['KafkaBatchInfo', 'batchSize'],
		});
	}

	if (isObject(ranges)) {
		let keyReports = 0;
		for (const key of Object.keys(ranges)) {
			const range = ranges[key];
			const summary = summaries.get(key);
			if (!summary) {
				if (keyReports++ < MAX_KEY_REPORTS && hasOwn(records, key) === false) {
					ctx.report({
						severity: 'warning',
						message: l10n.t('recordsInfo {0} has no records in "payload".', quoteText(key)),
						path: ['KafkaBatchInfo', 'recordsInfo', key],
						target: 'key',
					});
				}
				continue;
			}
			if (isObject(range)) {
				compareRange(ctx, key, range, summary);
			}
		}
		for (const key of summaries.keys()) {
			if (!hasOwn(ranges, key) && keyReports++ < MAX_KEY_REPORTS) {
				ctx.report({
					severity: 'warning',
					message: l10n.t('"payload" has records of {0}, which "recordsInfo" does not list.', quoteText(key)),
					path: ['KafkaBatchInfo', 'recordsInfo'],
					target: 'key',
				});
			}
		}
	}

	const single = member(info, 'recordInfo');
	if (isObject(single)) {
		compareSingle(ctx, single, records);
	}
}

/** Checks that a failure record's metadata describes the batch in its payload. */
export const batchConsistency: Rule = {
	id: 'batch-consistency',
	kinds: ['failure-record'],
	description:
		"Warns when KafkaBatchInfo does not describe the batch in payload: batchSize against the number of records, each recordsInfo range against its partition's offsets and timestamps, recordInfo against the single record, and the same cluster ARN and brokers.",
	check,
};
