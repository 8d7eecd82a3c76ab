/**
 * Question 2: may the execution role deliver? IAM's policy simulator is asked for exactly the
 * actions the destination needs on its ARN, with the queue's, topic's or bucket's own policy
 * when it could be read, so an explicit Deny there is found too.
 */
import * as l10n from '@vscode/l10n';
import type { DestinationTarget, Permission } from './destinationTarget';
import { mskCluster, rolePermissions } from './destinationTarget';
import { rolePolicyFix } from './policyFixes';
import { couldNotCheck, notApplicable, row } from './rows';
import type { CheckRow, DestinationFacts, PlannedMapping, PreflightSources, Read, SimulationResult } from './types';

export async function checkRole(
	target: DestinationTarget,
	mapping: PlannedMapping,
	role: Read<string>,
	facts: DestinationFacts | undefined,
	sources: PreflightSources,
): Promise<CheckRow> {
	if (target.kind === 'none' || target.kind === 'unsupported') {
		return notApplicable('role', l10n.t('No destination to deliver to.'));
	}
	if (target.kind === 'kafka' && !mskCluster(mapping.EventSourceArn)) {
		return notApplicable('role', l10n.t("IAM does not govern writes to a self-managed cluster; the topic's ACLs do."));
	}
	if (!role.ok) {
		return couldNotCheck('role', role.failure, l10n.t("the function's execution role"));
	}
	const permissions = rolePermissions(target, mskCluster(mapping.EventSourceArn));
	const denied: SimulationResult[] = [];
	for (const permission of permissions) {
		const simulated = await sources.simulate({
			principalArn: role.value,
			actions: permission.actions,
			resource: permission.resource,
			resourcePolicy: facts?.policy,
		});
		if (!simulated.ok) {
			return couldNotCheck('role', simulated.failure, l10n.t('what {0} may do', role.value));
		}
		denied.push(...simulated.value.filter((result) => result.decision !== 'allowed'));
	}
	const asked = permissions.map((p) => l10n.t('{0} on {1}', p.actions.join(', '), p.resource)).join('; ');
	const policyNote = facts?.policyUnreadable
		? ` ${l10n.t("The resource policy could not be read ({0}), so only the role's policies were evaluated.", facts.policyUnreadable.action)}`
		: '';
	if (denied.length === 0) {
		return row('role', 'pass', `${l10n.t('{0} is allowed {1}.', role.value, asked)}${policyNote}`);
	}
	return deniedRow(role.value, permissions, denied, policyNote);
}

function deniedRow(roleArn: string, permissions: Permission[], denied: SimulationResult[], policyNote: string): CheckRow {
	const explicit = denied.filter((d) => d.decision === 'explicitDeny');
	const implicit = denied.filter((d) => d.decision === 'implicitDeny');
	const describe = (results: SimulationResult[]): string => results.map((r) => l10n.t('{0} on {1}', r.action, r.resource)).join(', ');
	const parts: string[] = [];
	if (implicit.length > 0) {
		parts.push(l10n.t('{0} is not allowed {1} (no policy grants it).', roleArn, describe(implicit)));
	}
	if (explicit.length > 0) {
		const sources = [...new Set(explicit.flatMap((d) => d.matchedPolicies))];
		parts.push(
			sources.length > 0
				? l10n.t('{0} is explicitly denied by {1}.', describe(explicit), sources.join(', '))
				: l10n.t('{0} is explicitly denied.', describe(explicit)),
		);
	}
	const missing = permissions
		.map((p) => ({ actions: p.actions.filter((a) => implicit.some((d) => d.action === a && d.resource === p.resource)), resource: p.resource }))
		.filter((p) => p.actions.length > 0);
	const fixes: string[] = [];
	if (missing.length > 0) {
		fixes.push(
			l10n.t('Grant the execution role {0} (the policy below).', missing.map((m) => l10n.t('{0} on {1}', m.actions.join(', '), m.resource)).join('; ')),
		);
	}
	if (explicit.length > 0) {
		fixes.push(l10n.t('Remove or narrow the Deny statement for {0} in the policy that denies it.', [...new Set(explicit.map((d) => d.action))].join(', ')));
	}
	return row('role', 'fail', `${parts.join(' ')}${policyNote}`, {
		fix: fixes.join(' '),
		policies: missing.length > 0 ? [rolePolicyFix(roleArn, missing, 'AllowOnFailureDestination')] : undefined,
	});
}
