/**
 * `payload` (the original Kafka event) is sent only to S3 and Kafka-topic destinations; SQS and
 * SNS records hold metadata only (facts sheet §1.1). A record does not say where it was sent, so
 * the one case this rule can judge is the Kafka-topic form: `recordInfo` (singular) always comes
 * with the record in `payload` (§3.5).
 */
import * as l10n from '@vscode/l10n';
import { hasOwn, isObject, member } from '../../../../shared/jsonPath';
import type { Rule, RuleContext } from './types';

function check(ctx: RuleContext): void {
	const info = member(ctx.value, 'KafkaBatchInfo');
	if (!isObject(info) || !hasOwn(info, 'recordInfo') || hasOwn(info, 'recordsInfo')) {
		return;
	}
	if (!hasOwn(ctx.value, 'payload')) {
		ctx.report({
			severity: 'info',
			message: l10n.t(
				'This record has "recordInfo", the form Lambda writes to Kafka-topic destinations, but no "payload"; such records carry the failed Kafka record in "payload".',
			),
			path: ['KafkaBatchInfo', 'recordInfo'],
			target: 'key',
		});
	}
}

/** Notes a Kafka-destination record (recordInfo) without its payload. */
export const payloadLocation: Rule = {
	id: 'payload-location',
	kinds: ['failure-record'],
	description:
		'Notes a record in the Kafka-topic destination form (recordInfo) that has no payload, although Kafka-topic destinations receive the failed record with the metadata.',
	check,
};
