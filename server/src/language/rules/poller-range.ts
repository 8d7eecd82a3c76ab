/**
 * `poller-range`: `ProvisionedPollerConfig` limits the schema cannot express. The model allows
 * `MaximumPollers` up to 10000 but the Lambda documentation gives 2000 (facts sheet §2, §8 #12),
 * so more is a warning; `MinimumPollers` above `MaximumPollers` is an error.
 *
 * @example {"MinimumPollers": 5, "MaximumPollers": 3} → error on 5
 */
import * as l10n from '@vscode/l10n';
import { member } from '../../../../shared/jsonPath';
import type { Rule } from './types';

export const DOCUMENTED_MAX_POLLERS = 2000;

export const pollerRange: Rule = {
	id: 'poller-range',
	kinds: ['esm-request'],
	description: 'ProvisionedPollerConfig with MaximumPollers above the documented 2000, or MinimumPollers above MaximumPollers.',
	check(context) {
		const config = member(context.value, 'ProvisionedPollerConfig');
		const minimum = member(config, 'MinimumPollers');
		const maximum = member(config, 'MaximumPollers');
		const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
		if (isCount(maximum) && maximum > DOCUMENTED_MAX_POLLERS && maximum <= 10000) {
			context.report({
				severity: 'warning',
				message: l10n.t(
					'MaximumPollers is {0}, above the {1} the Lambda documentation gives as the limit (the API model allows up to 10000).',
					maximum,
					DOCUMENTED_MAX_POLLERS,
				),
				path: ['ProvisionedPollerConfig', 'MaximumPollers'],
			});
		}
		// Values outside the model's ranges are the schema's. Without MaximumPollers its default, 200, is at least any valid MinimumPollers.
		if (isCount(minimum) && minimum <= 200 && isCount(maximum) && maximum <= 10000 && minimum > maximum) {
			context.report({
				severity: 'error',
				message: l10n.t('MinimumPollers is {0}, above MaximumPollers ({1}); MinimumPollers must not exceed MaximumPollers.', minimum, maximum),
				path: ['ProvisionedPollerConfig', 'MinimumPollers'],
			});
		}
	},
};
