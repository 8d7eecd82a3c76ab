/**
 * `recordsInfo[k].firstRecordTimestamp` should not be after `lastRecordTimestamp`. Only a
 * warning: with CREATE_TIME timestamps the producer sets them, so a later offset can carry an
 * earlier time. Values that are not ISO-8601 date-times are left to the schema's format check.
 */
import * as l10n from '@vscode/l10n';
import { isObject, member } from '../../../../shared/jsonPath';
import { formatDuration } from '../../../../shared/format';
import { isoTimestampMillis } from '../util/kafkaRecord';
import type { Rule, RuleContext } from './types';

/** Fast path: two UTC timestamps of the same shape compare as strings, with no date parsing. */
function inUtcOrder(first: unknown, last: unknown): boolean {
	return typeof first === 'string' && typeof last === 'string' && first.length === last.length && first.endsWith('Z') && last.endsWith('Z') && first <= last;
}

function check(ctx: RuleContext): void {
	const ranges = member(member(ctx.value, 'KafkaBatchInfo'), 'recordsInfo');
	if (!isObject(ranges)) {
		return;
	}
	for (const key in ranges) {
		const range = member(ranges, key);
		const firstText = member(range, 'firstRecordTimestamp');
		const lastText = member(range, 'lastRecordTimestamp');
		if (inUtcOrder(firstText, lastText)) {
			continue;
		}
		const first = isoTimestampMillis(firstText);
		const last = isoTimestampMillis(lastText);
		if (first === undefined || last === undefined || last >= first) {
			continue;
		}
		ctx.report({
			severity: 'warning',
			message: l10n.t(
				'"lastRecordTimestamp" {0} is {1} before "firstRecordTimestamp" {2}; this happens only when producers set CREATE_TIME timestamps out of order.',
				String(lastText),
				formatDuration(first - last),
				String(firstText),
			),
			path: ['KafkaBatchInfo', 'recordsInfo', key, 'lastRecordTimestamp'],
		});
	}
}

/** Warns when a recordsInfo range's last timestamp is before its first. */
export const timestampOrder: Rule = {
	id: 'timestamp-order',
	kinds: ['failure-record'],
	description: "Warns when a recordsInfo entry's lastRecordTimestamp is before its firstRecordTimestamp.",
	check,
};
