/**
 * Questions 4 and 5, which look at the mapping's surroundings rather than its destination: has
 * delivery already failed (CloudWatch's `DestinationDeliveryFailures`, a per-function metric),
 * and does a CloudFormation stack own the mapping (its `aws:cloudformation:stack-name` tag), so a
 * direct change would be undone by the next deploy?
 */
import * as l10n from '@vscode/l10n';
import { couldNotCheck, row } from './rows';
import type { CheckRow, PreflightSources } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
export const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

export async function checkDelivery(functionName: string, now: Date, sources: PreflightSources): Promise<CheckRow> {
	const failures = await sources.deliveryFailures(functionName, new Date(now.getTime() - DAY_MS), now);
	if (!failures.ok) {
		return couldNotCheck('delivery', failures.failure, l10n.t('the DestinationDeliveryFailures metric'));
	}
	const count = failures.value ?? 0;
	if (count === 0) {
		return row('delivery', 'pass', l10n.t('CloudWatch reports no DestinationDeliveryFailures for {0} in the last 24 hours.', functionName));
	}
	return row(
		'delivery',
		'fail',
		l10n.t(
			'CloudWatch reports {0} DestinationDeliveryFailures for {1} in the last 24 hours: those records reached no destination and are lost.',
			count,
			functionName,
		),
		{ fix: l10n.t('Fix the failing checks above; then the metric stops growing. Records already counted cannot be recovered from Lambda.') },
	);
}

export async function checkDrift(mappingArn: string | undefined, sources: PreflightSources): Promise<CheckRow> {
	if (mappingArn === undefined) {
		return row('drift', 'unknown', l10n.t("Could not check: the mapping's ARN is not known."));
	}
	const tags = await sources.mappingTags(mappingArn);
	if (!tags.ok) {
		return couldNotCheck('drift', tags.failure, l10n.t("the mapping's tags"));
	}
	const stack = tags.value[STACK_NAME_TAG];
	if (stack === undefined) {
		return row('drift', 'pass', l10n.t('The mapping carries no {0} tag.', STACK_NAME_TAG));
	}
	return row(
		'drift',
		'warn',
		l10n.t("The mapping belongs to CloudFormation stack {0}: a change applied directly is undone by the stack's next deploy.", stack),
		{
			fix: l10n.t('Change DestinationConfig in the template of stack {0} and deploy it, rather than applying here.', stack),
		},
	);
}
