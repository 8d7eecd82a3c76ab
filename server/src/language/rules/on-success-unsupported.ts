/**
 * `on-success-unsupported`: event source mappings take only an on-failure destination. AWS
 * answers `OnSuccess` in CreateEventSourceMapping or UpdateEventSourceMapping with HTTP 400
 * `InvalidParameterValueException` (message captured from real AWS for an SQS mapping; the model
 * says the same holds for every mapping type, Kafka included).
 *
 * @example {"OnFailure": {...}, "OnSuccess": {"Destination": "arn:aws:sqs:..."}}
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import { hasOwn, member } from '../../../../shared/jsonPath';
import type { Rule } from './types';

// AWS's own error text, quoted as AWS returns it (in English in every locale). l10n-ignore
export const AWS_ON_SUCCESS_MESSAGE = 'Unsupported DestinationConfig parameter for given event source mapping type.';

export const onSuccessUnsupported: Rule = {
	id: 'on-success-unsupported',
	kinds: ['destination-config', 'esm-request'],
	description: 'OnSuccess in a destination config, which AWS rejects for every event source mapping: only OnFailure is supported.',
	check(context) {
		const config = context.kind === 'esm-request' ? member(context.value, 'DestinationConfig') : context.value;
		if (!hasOwn(config, 'OnSuccess')) {
			return;
		}
		const path: JsonPath = context.kind === 'esm-request' ? ['DestinationConfig', 'OnSuccess'] : ['OnSuccess'];
		context.report({
			severity: 'error',
			message: l10n.t('AWS rejects "OnSuccess" for event source mappings: {0}', AWS_ON_SUCCESS_MESSAGE),
			path,
			target: 'key',
			fixes: [{ kind: 'removeMember', title: l10n.t('Remove OnSuccess') }],
		});
	},
};
