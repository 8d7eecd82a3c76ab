/**
 * `batch-size-offsets`: `KafkaBatchInfo.batchSize` is the number of records in the batch and each
 * `recordsInfo` entry gives the first and last offset of one partition's records (facts sheet
 * §3.1, seed doc with-msk-on-failure.html). A partition holds at most one record per offset, and
 * fewer where compaction or transaction markers leave gaps, so the batch can hold fewer records
 * than its ranges span but never more: a `batchSize` above the sum of (last - first + 1) is not a
 * record Lambda sent (a warning, on `batchSize`).
 *
 * Works without a payload (SQS and SNS records carry only this metadata); batch-consistency
 * compares `batchSize` with the payload's records when there is one, and where that count
 * differs from `batchSize` this rule leaves the warning to it. Offsets are compared
 * exactly (BigInt from the source text above 2^53 - 1). When any range cannot be read (invalid,
 * reversed or missing offsets, which offset-range and records-info-presence report), nothing is
 * said. `recordInfo` (one record per Kafka-topic destination message) has no range to sum.
 *
 * @example {"batchSize": 4, "recordsInfo": {"orders-0": {"firstRecordOffset": "41", "lastRecordOffset": "42"}}} → warning on 4
 */
import * as l10n from '@vscode/l10n';
import { hasOwn, isObject, member } from '../../../../shared/jsonPath';
import { partitionsOf } from '../util/kafkaRecord';
import { exactOffset, plainOffset } from '../util/offsets';
import type { Rule, RuleContext } from './types';

/** How many offsets `range` covers: a number when exact as one, a bigint when larger, or undefined when unreadable. */
function offsetsCovered(ctx: RuleContext, key: string, range: Record<string, unknown>): number | bigint | undefined {
	const firstValue = range['firstRecordOffset'];
	const lastValue = range['lastRecordOffset'];
	const firstPlain = plainOffset(firstValue);
	const lastPlain = plainOffset(lastValue);
	if (firstPlain >= 0 && lastPlain >= 0) {
		return lastPlain >= firstPlain ? lastPlain - firstPlain + 1 : undefined;
	}
	const first = exactOffset(firstValue, rawText(ctx, key, 'firstRecordOffset', firstValue));
	const last = exactOffset(lastValue, rawText(ctx, key, 'lastRecordOffset', lastValue));
	return first !== undefined && last !== undefined && last >= first ? last - first + 1n : undefined;
}

/** The source text of an offset written as a JSON number that JSON.parse may have rounded. */
function rawText(ctx: RuleContext, key: string, field: string, value: unknown): string | undefined {
	return typeof value === 'number' && !Number.isSafeInteger(value) ? ctx.rawNumber(['KafkaBatchInfo', 'recordsInfo', key, field]) : undefined;
}

/** How many records a parsed payload event holds, or undefined without one. */
function recordCount(payload: unknown): number | undefined {
	if (!isObject(payload) || !isObject(payload['records'])) {
		return undefined;
	}
	return partitionsOf(payload).reduce((sum, [, list]) => sum + list.length, 0);
}

function check(ctx: RuleContext): void {
	const info = member(ctx.value, 'KafkaBatchInfo');
	if (!isObject(info)) {
		return;
	}
	const batchSize = info['batchSize'];
	const ranges = info['recordsInfo'];
	if (typeof batchSize !== 'number' || !Number.isSafeInteger(batchSize) || batchSize < 1 || !isObject(ranges)) {
		return;
	}
	// A payload that holds another number of records is the sharper evidence, and batch-consistency
	// reports it on the same batchSize: one warning there, not two saying nearly the same.
	const payloadRecords = recordCount(ctx.payload);
	if (payloadRecords !== undefined && payloadRecords !== batchSize) {
		return;
	}
	// Summed as numbers: the loop stops once the sum reaches batchSize, so every count added is
	// below it, and a safe integer.
	let covered = 0;
	let entries = 0;
	for (const key in ranges) {
		if (!hasOwn(ranges, key)) {
			continue;
		}
		const range = ranges[key];
		const count = isObject(range) ? offsetsCovered(ctx, key, range) : undefined;
		if (count === undefined) {
			return;
		}
		entries++;
		if (count >= batchSize) {
			return;
		}
		covered += Number(count);
		if (covered >= batchSize) {
			return;
		}
	}
	if (entries === 0) {
		return;
	}
	ctx.report({
		severity: 'warning',
		message:
			covered === 1
				? l10n.t(
						'"batchSize" is {0}, but the ranges in "recordsInfo" cover only {1} offset: a batch holds at most one record per offset (fewer where compaction or transactions leave gaps), so Lambda does not send a record like this one.',
						batchSize,
						covered,
					)
				: l10n.t(
						'"batchSize" is {0}, but the ranges in "recordsInfo" cover only {1} offsets: a batch holds at most one record per offset (fewer where compaction or transactions leave gaps), so Lambda does not send a record like this one.',
						batchSize,
						covered,
					),
		path: ['KafkaBatchInfo', 'batchSize'],
	});
}

/** Checks that batchSize is no more than the offsets its recordsInfo ranges cover. */
export const batchSizeOffsets: Rule = {
	id: 'batch-size-offsets',
	kinds: ['failure-record'],
	description:
		'Warns when KafkaBatchInfo.batchSize is larger than the number of offsets its recordsInfo ranges cover (compared exactly): a batch holds at most one record per offset, fewer where compaction or transactions leave gaps.',
	check,
};
