/**
 * `responseContext` describes the function's last response. With RetryAttemptsExhausted the
 * function ran, so a record without a response is suspicious; with MaximumPayloadSizeExceeded the
 * documentation says it is null. A missing `responseContext` is normal for RecordAgeExceeded
 * (AWS-validated Kinesis record, facts sheet §3.3), so nothing is said there.
 */
import { hasOwn, member } from '../json/jsonPath';
import type { Rule, RuleContext } from './types';

function check(ctx: RuleContext): void {
	const condition = member(member(ctx.value, 'requestContext'), 'condition');
	const present = hasOwn(ctx.value, 'responseContext');
	const response = present ? ctx.value['responseContext'] : undefined;
	if (condition === 'RetryAttemptsExhausted') {
		if (!present) {
			ctx.report({
				severity: 'warning',
				message: 'This record has no "responseContext", but its "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response.',
				path: ['requestContext', 'condition'],
			});
		} else if (response === null) {
			ctx.report({
				severity: 'warning',
				message: '"responseContext" is null, but "condition" is "RetryAttemptsExhausted": the function ran, so Lambda records its last response here.',
				path: ['responseContext'],
			});
		}
	} else if (condition === 'MaximumPayloadSizeExceeded' && typeof response === 'object' && response !== null && !Array.isArray(response)) {
		ctx.report({
			severity: 'info',
			message: '"responseContext" is an object, but AWS documents it as null when "condition" is "MaximumPayloadSizeExceeded", as the function is not invoked with a batch that is too large.',
			path: ['responseContext'],
			target: 'key',
		});
	}
}

/** Checks that `responseContext` agrees with `condition`. */
export const responseContext: Rule = {
	id: 'response-context',
	kinds: ['failure-record'],
	description: 'Warns when responseContext is null or missing although the condition RetryAttemptsExhausted means the function ran, and notes a responseContext object where AWS documents null (MaximumPayloadSizeExceeded).',
	check,
};
