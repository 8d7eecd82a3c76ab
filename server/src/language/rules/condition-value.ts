/**
 * `requestContext.condition`: the reason Lambda gave up on the batch. Event source mappings
 * report RetryAttemptsExhausted, MaximumPayloadSizeExceeded or RecordAgeExceeded; the
 * asynchronous-invocation values turn up in records copied from AWS's Kafka-destination example,
 * which reuses the asynchronous-invocation record (facts sheet §3.2, §6 item 10).
 */
import * as l10n from '@vscode/l10n';
import { closest } from '../util/suggest';
import { hasOwn, member } from '../../../../shared/jsonPath';
import { quoteText } from '../../../../shared/printable';
import type { Rule, RuleContext } from './types';

const ESM_CONDITIONS = ['RetryAttemptsExhausted', 'MaximumPayloadSizeExceeded', 'RecordAgeExceeded'] as const;

/** Asynchronous-invocation conditions, and the event source mapping condition that corresponds, if any. */
const ASYNC_CONDITIONS: Record<string, string | undefined> = {
	RetriesExhausted: 'RetryAttemptsExhausted',
	EventAgeExceeded: 'RecordAgeExceeded',
	Success: undefined,
	ZeroReservedConcurrency: undefined,
};

const PATH = ['requestContext', 'condition'];

function check(ctx: RuleContext): void {
	const condition = member(member(ctx.value, 'requestContext'), 'condition');
	if (typeof condition !== 'string' || (ESM_CONDITIONS as readonly string[]).includes(condition)) {
		return;
	}
	if (hasOwn(ASYNC_CONDITIONS, condition)) {
		const replacement = ASYNC_CONDITIONS[condition];
		const message =
			condition === 'RetriesExhausted'
				? l10n.t(
						'"RetriesExhausted" is an asynchronous-invocation condition; Kafka event source mappings report "RetryAttemptsExhausted" (AWS\'s Kafka-destination example shows "RetriesExhausted" because it copies the asynchronous-invocation record).',
					)
				: condition === 'EventAgeExceeded'
					? l10n.t(
							'"EventAgeExceeded" is an asynchronous-invocation condition; Kafka event source mappings report "RecordAgeExceeded" when a record is older than MaximumRecordAgeInSeconds.',
						)
					: condition === 'Success'
						? l10n.t(
								'"Success" is an asynchronous-invocation condition; event source mappings send records only on failure, with "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".',
							)
						: l10n.t(
								'"{0}" is an asynchronous-invocation condition; Kafka event source mappings report "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".',
								condition,
							);
		ctx.report({
			severity: 'warning',
			message,
			path: PATH,
			fixes: replacement ? [{ kind: 'replaceValue', title: l10n.t('Change to "{0}"', replacement), newText: JSON.stringify(replacement) }] : undefined,
		});
		return;
	}
	const suggestion = condition.length <= 64 ? closest(condition, ESM_CONDITIONS) : undefined;
	ctx.report({
		severity: 'warning',
		message: l10n.t(
			'{0} is not a condition Kafka event source mappings report; expected "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded" or "RecordAgeExceeded".{1}',
			quoteText(condition),
			suggestion ? ` Did you mean "${suggestion}"?` : '',
		),
		path: PATH,
		fixes: suggestion ? [{ kind: 'replaceValue', title: l10n.t('Change to "{0}"', suggestion), newText: JSON.stringify(suggestion) }] : undefined,
	});
}

/** Warns on a `condition` that is not one of the values event source mappings report, naming the asynchronous-invocation mix-up. */
export const conditionValue: Rule = {
	id: 'condition-value',
	kinds: ['failure-record'],
	description:
		"Warns when requestContext.condition is not RetryAttemptsExhausted, MaximumPayloadSizeExceeded or RecordAgeExceeded, such as the asynchronous-invocation values AWS's Kafka-destination example copies.",
	check,
};
