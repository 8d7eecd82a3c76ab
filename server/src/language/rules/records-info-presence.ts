/**
 * A failure record says which records failed in `KafkaBatchInfo.recordsInfo` (SQS, SNS and S3
 * destinations: a range per partition) or `KafkaBatchInfo.recordInfo` (Kafka-topic
 * destinations: the one record, facts sheet §3.5). The schema cannot require one of the two
 * without `anyOf`, which the schema conventions avoid, so this rule does.
 */
import * as l10n from '@vscode/l10n';
import { hasNoOwnKeys, hasOwn, isObject, member } from '../../../../shared/jsonPath';
import type { Rule, RuleContext } from './types';

function check(ctx: RuleContext): void {
	const info = member(ctx.value, 'KafkaBatchInfo');
	if (!isObject(info)) {
		return;
	}
	const hasRange = hasOwn(info, 'recordsInfo');
	const hasSingle = hasOwn(info, 'recordInfo');
	if (!hasRange && !hasSingle) {
		ctx.report({
			severity: 'error',
			message: l10n.t('"KafkaBatchInfo" has neither "recordsInfo" nor "recordInfo", so the record does not say which Kafka records failed.'),
			path: ['KafkaBatchInfo'],
			target: 'key',
		});
	} else if (hasRange && hasSingle) {
		ctx.report({
			severity: 'warning',
			message: l10n.t(
				'"KafkaBatchInfo" has both "recordsInfo" and "recordInfo"; Lambda writes "recordsInfo" to SQS, SNS and S3 destinations and "recordInfo" to Kafka-topic destinations, never both.',
			),
			path: ['KafkaBatchInfo', 'recordInfo'],
			target: 'key',
		});
	} else if (hasRange) {
		const range = info['recordsInfo'];
		if (isObject(range) && hasNoOwnKeys(range)) {
			ctx.report({
				severity: 'warning',
				message: l10n.t('"recordsInfo" is empty; a failed batch has at least one partition with at least one record.'),
				path: ['KafkaBatchInfo', 'recordsInfo'],
			});
		}
	}
}

/** Requires exactly one of recordsInfo and recordInfo in KafkaBatchInfo. */
export const recordsInfoPresence: Rule = {
	id: 'records-info-presence',
	kinds: ['failure-record'],
	description: 'Reports a KafkaBatchInfo without recordsInfo or recordInfo (error), with both (warning), or with an empty recordsInfo (warning).',
	check,
};
