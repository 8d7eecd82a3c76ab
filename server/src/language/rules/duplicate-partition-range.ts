/**
 * AWS's SQS/SNS/S3 record example lists the same offsets and timestamps under `Topic-0` and
 * `Topic-1` (facts sheet §6 item 5). Partitions have independent offsets, so two entries whose
 * four values are all identical are almost certainly copied; identical offsets alone (two new
 * partitions both at offset 0) can be real and are not reported.
 */
import * as l10n from '@vscode/l10n';
import { isObject, member } from '../../../../shared/jsonPath';
import { quoteText } from '../../../../shared/printable';
import { isUnsafeInteger } from '../util/offsets';
import type { Rule, RuleContext } from './types';

const FIELDS = ['firstRecordOffset', 'lastRecordOffset', 'firstRecordTimestamp', 'lastRecordTimestamp'] as const;

/** Whether two ranges hold the same four values (large JSON numbers compared by their source text). */
function sameRange(ctx: RuleContext, keyA: string, a: unknown, keyB: string, b: unknown): boolean {
	if (!isObject(a) || !isObject(b)) {
		return false;
	}
	for (const field of FIELDS) {
		const x = a[field];
		const y = b[field];
		if ((typeof x !== 'string' && typeof x !== 'number') || x !== y) {
			return false;
		}
	}
	for (const field of FIELDS) {
		const x = a[field];
		if (typeof x === 'number' && isUnsafeInteger(x)) {
			const rawA = ctx.rawNumber(['KafkaBatchInfo', 'recordsInfo', keyA, field]);
			const rawB = ctx.rawNumber(['KafkaBatchInfo', 'recordsInfo', keyB, field]);
			if (rawA === undefined || rawA !== rawB) {
				return false;
			}
		}
	}
	return true;
}

/** Most entries compared pairwise; a copy is looked for among the first ones only. */
const MAX_COMPARED = 64;

function check(ctx: RuleContext): void {
	const ranges = member(member(ctx.value, 'KafkaBatchInfo'), 'recordsInfo');
	if (!isObject(ranges)) {
		return;
	}
	// Nested for...in rather than Object.keys: no array per record (most have one or two entries).
	let compared = 0;
	for (const key in ranges) {
		if (++compared > MAX_COMPARED) {
			break;
		}
		for (const earlier in ranges) {
			if (earlier === key) {
				break;
			}
			if (sameRange(ctx, earlier, member(ranges, earlier), key, member(ranges, key))) {
				ctx.report({
					severity: 'warning',
					message: l10n.t(
						'recordsInfo {0} has the same offsets and timestamps as {1}; partitions have independent offsets, so this range looks copied.',
						quoteText(key),
						quoteText(earlier),
					),
					path: ['KafkaBatchInfo', 'recordsInfo', key],
					target: 'key',
				});
				break;
			}
		}
	}
}

/** Warns when two recordsInfo entries hold identical offsets and timestamps. */
export const duplicatePartitionRange: Rule = {
	id: 'duplicate-partition-range',
	kinds: ['failure-record'],
	description: "Warns when two recordsInfo entries have identical offsets and timestamps, as in AWS's example that copies one range under Topic-0 and Topic-1.",
	check,
};
