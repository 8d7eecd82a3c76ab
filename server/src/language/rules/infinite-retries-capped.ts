/**
 * `infinite-retries-capped`: with infinite retries (`MaximumRetryAttempts` -1, the default) and an
 * on-failure destination both set, Lambda retries a Kafka batch at most 10 times (facts sheet §2,
 * [S3][S4]). Information only: the request is valid, but "infinite" does not mean infinite.
 * Reported on `MaximumRetryAttempts` when it is written, else on the destination of a create
 * request (an update that leaves the field out keeps the mapping's unknown current value).
 *
 * @example {"MaximumRetryAttempts": -1, "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:..."}}}
 */
import * as l10n from '@vscode/l10n';
import { classifyDestination, onFailureDestination } from '../util/destination';
import { eventSourceOf } from '../../../../shared/esmRequest';
import type { Rule } from './types';
import { hasOwn, member } from '../../../../shared/jsonPath';

export const infiniteRetriesCapped: Rule = {
	id: 'infinite-retries-capped',
	kinds: ['esm-request'],
	description: 'Infinite retries (MaximumRetryAttempts -1, the default) together with an on-failure destination, for which AWS applies at most 10 retries.',
	check(context) {
		const site = onFailureDestination(context.kind, context.value);
		const type = site ? classifyDestination(site.value).type : undefined;
		if (!site || (type !== 'arn' && type !== 'kafka') || eventSourceOf(context.value).kind === 'other') {
			return;
		}
		if (hasOwn(context.value, 'MaximumRetryAttempts')) {
			if (member(context.value, 'MaximumRetryAttempts') === -1) {
				context.report({
					severity: 'info',
					message: l10n.t('AWS applies at most 10 retries when infinite retries (MaximumRetryAttempts -1) and an on-failure destination are both set.'),
					path: ['MaximumRetryAttempts'],
				});
			}
		} else if (context.requestMode === 'create') {
			context.report({
				severity: 'info',
				message: l10n.t(
					'AWS applies at most 10 retries when infinite retries (MaximumRetryAttempts defaults to -1) and an on-failure destination are both set.',
				),
				path: site.path,
			});
		}
	},
};
