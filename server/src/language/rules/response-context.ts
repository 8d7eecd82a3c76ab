/**
 * `responseContext` describes the function's last response. With RetryAttemptsExhausted the
 * function ran, so a record without a response is suspicious; with MaximumPayloadSizeExceeded the
 * seed documentation says it is null (with-msk-on-failure.html, facts sheet §3.3: "null if record
 * is MaximumPayloadSizeExceeded"), so an object there is not what Lambda sends: a warning, like
 * the other "not what Lambda sends" checks. A missing `responseContext` is normal for
 * RecordAgeExceeded (AWS-validated Kinesis record, facts sheet §3.3), so nothing is said there.
 * No other field of the seed documents is documented null for a condition (`payload` is
 * "Only available in S3", which a record cannot show).
 */
import * as l10n from '@vscode/l10n';
import { hasOwn, member } from '../../../../shared/jsonPath';
import type { Rule, RuleContext } from './types';

function check(ctx: RuleContext): void {
	const condition = member(member(ctx.value, 'requestContext'), 'condition');
	const present = hasOwn(ctx.value, 'responseContext');
	const response = present ? ctx.value['responseContext'] : undefined;
	if (condition === 'RetryAttemptsExhausted') {
		if (!present) {
			ctx.report({
				severity: 'warning',
				message: l10n.t(
					'This record has no "responseContext", but its "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response.',
				),
				path: ['requestContext', 'condition'],
			});
		} else if (response === null) {
			ctx.report({
				severity: 'warning',
				message: l10n.t('"responseContext" is null, but "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response here.'),
				path: ['responseContext'],
			});
		}
	} else if (condition === 'MaximumPayloadSizeExceeded' && typeof response === 'object' && response !== null && !Array.isArray(response)) {
		ctx.report({
			severity: 'warning',
			message: l10n.t(
				'"responseContext" is an object, but AWS documents it as null when "condition" is "MaximumPayloadSizeExceeded": Lambda does not send a record like this one.',
			),
			path: ['responseContext'],
			target: 'key',
		});
	}
}

/** Checks that `responseContext` agrees with `condition`. */
export const responseContext: Rule = {
	id: 'response-context',
	kinds: ['failure-record'],
	description:
		'Warns when responseContext is null or missing although the condition RetryAttemptsExhausted means the function ran, and warns on a responseContext object where AWS documents null (MaximumPayloadSizeExceeded).',
	check,
};
