/**
 * `KafkaBatchInfo.payloadSize` is the batch's size in bytes. The schema checks that it is an
 * integer of at least 0; a batch holds at least one record (`batchSize` >= 1), so a size of 0
 * cannot come from Lambda.
 */
import * as l10n from '@vscode/l10n';
import { member } from '../../../../shared/jsonPath';
import type { Rule, RuleContext } from './types';

function check(ctx: RuleContext): void {
	const info = member(ctx.value, 'KafkaBatchInfo');
	if (member(info, 'payloadSize') === 0) {
		ctx.report({
			severity: 'warning',
			message: l10n.t('"payloadSize" is 0, but a failed batch holds at least one record, so its payload is never empty.'),
			path: ['KafkaBatchInfo', 'payloadSize'],
		});
	}
}

/** Warns on a payloadSize of 0. */
export const payloadSize: Rule = {
	id: 'payload-size',
	kinds: ['failure-record'],
	description: 'Warns when KafkaBatchInfo.payloadSize is 0, which no batch of one or more records has.',
	check,
};
