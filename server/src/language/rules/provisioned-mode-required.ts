/**
 * `provisioned-mode-required`: Kafka's error-handling controls (`MaximumRetryAttempts`,
 * `MaximumRecordAgeInSeconds`, `BisectBatchOnFunctionError`, `FunctionResponseTypes`) are
 * documented for provisioned mode only (facts sheet §2, [S4][S8]). A create request for a Kafka
 * source that sets one of them to anything but its default without `ProvisionedPollerConfig`
 * gets a warning: whether AWS rejects or ignores them in on-demand mode is not documented.
 * Update requests are left alone, as the mapping may already be provisioned. A `kafka://`
 * destination, which also needs provisioned mode, is `kafka-destination-requirements`' to report.
 *
 * @example {"EventSourceArn": "arn:aws:kafka:...", "MaximumRetryAttempts": 3} → warning on the key
 */
import * as l10n from '@vscode/l10n';
import { eventSourceOf, isKafkaSource, pollerModeOf } from '../../../../shared/esmRequest';
import type { Rule } from './types';
import { member } from '../../../../shared/jsonPath';

/** Each control, and whether a value of it asks for error handling (the defaults do not). */
const CONTROLS: [string, (value: unknown) => boolean][] = [
	['MaximumRetryAttempts', (v) => typeof v === 'number' && v !== -1],
	['MaximumRecordAgeInSeconds', (v) => typeof v === 'number' && v !== -1],
	['BisectBatchOnFunctionError', (v) => v === true],
	['FunctionResponseTypes', (v) => Array.isArray(v) && v.length > 0],
];

export const provisionedModeRequired: Rule = {
	id: 'provisioned-mode-required',
	kinds: ['esm-request'],
	description:
		'A Kafka create request that sets retry, record-age, bisect or partial-batch settings without ProvisionedPollerConfig, although AWS documents them for provisioned mode only.',
	check(context) {
		if (context.requestMode !== 'create' || !isKafkaSource(eventSourceOf(context.value))) {
			return;
		}
		const mode = pollerModeOf(context.value);
		if (mode !== 'absent' && mode !== 'on-demand') {
			return;
		}
		const advice =
			mode === 'absent'
				? l10n.t('add ProvisionedPollerConfig')
				: l10n.t('set MinimumPollers and MaximumPollers, as an empty ProvisionedPollerConfig selects on-demand mode');
		for (const [field, isSet] of CONTROLS) {
			if (isSet(member(context.value, field))) {
				context.report({
					severity: 'warning',
					message: l10n.t('{0} is documented for Kafka mappings in provisioned mode only; {1}, or AWS may reject or ignore it.', field, advice),
					path: [field],
					target: 'key',
				});
			}
		}
	},
};
