/**
 * `record-age-range`: `MaximumRecordAgeInSeconds` takes -1 (forever) or 60 to 604800. The model's
 * range is -1 to 604800, which the schema checks; AWS rejects 0 to 59 with the message reported
 * here (quoted in hashicorp/terraform-provider-aws#16113).
 *
 * @example "MaximumRecordAgeInSeconds": 30 → error, fixes: 60 or -1
 */
import * as l10n from '@vscode/l10n';
import { member } from '../../../../shared/jsonPath';
import type { Rule } from './types';

// AWS's own error text, quoted as AWS returns it (in English in every locale). l10n-ignore
export const AWS_RECORD_AGE_MESSAGE = 'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)';

export const recordAgeRange: Rule = {
	id: 'record-age-range',
	kinds: ['esm-request'],
	description: 'MaximumRecordAgeInSeconds between 0 and 59, which AWS rejects although the model allows it: the value must be -1 or 60 to 604800.',
	check(context) {
		const age = member(context.value, 'MaximumRecordAgeInSeconds');
		if (typeof age !== 'number' || !Number.isInteger(age) || age < 0 || age > 59) {
			return;
		}
		context.report({
			severity: 'error',
			message: l10n.t({
				message: '{0}.',
				comment: ['AWS error text, quoted in English; translate as an explanation that quotes it'],
				args: [AWS_RECORD_AGE_MESSAGE],
			}),
			path: ['MaximumRecordAgeInSeconds'],
			fixes: [
				{ kind: 'replaceValue', title: l10n.t('Change to 60'), newText: '60' },
				{ kind: 'replaceValue', title: l10n.t('Change to -1 (forever)'), newText: '-1' },
			],
		});
	},
};
