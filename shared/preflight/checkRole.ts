/**
 * Question 2: may the execution role deliver? IAM's policy simulator is asked for exactly the
 * actions the destination needs on its ARN, with the queue's, topic's or bucket's own policy
 * when it could be read, so an explicit Deny there is found too.
 */
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
		return notApplicable('role', 'No destination to deliver to.');
	}
	if (target.kind === 'kafka' && !mskCluster(mapping.EventSourceArn)) {
		return notApplicable('role', "IAM does not govern writes to a self-managed cluster; the topic's ACLs do.");
	}
	if (!role.ok) {
		return couldNotCheck('role', role.failure, "the function's execution role");
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
			return couldNotCheck('role', simulated.failure, `what ${role.value} may do`);
		}
		denied.push(...simulated.value.filter((result) => result.decision !== 'allowed'));
	}
	const asked = permissions.map((p) => `${p.actions.join(', ')} on ${p.resource}`).join('; ');
	const policyNote = facts?.policyUnreadable
		? ` The resource policy could not be read (${facts.policyUnreadable.action}), so only the role's policies were evaluated.`
		: '';
	if (denied.length === 0) {
		return row('role', 'pass', `${role.value} is allowed ${asked}.${policyNote}`);
	}
	return deniedRow(role.value, permissions, denied, policyNote);
}

function deniedRow(roleArn: string, permissions: Permission[], denied: SimulationResult[], policyNote: string): CheckRow {
	const explicit = denied.filter((d) => d.decision === 'explicitDeny');
	const implicit = denied.filter((d) => d.decision === 'implicitDeny');
	const describe = (results: SimulationResult[]): string => results.map((r) => `${r.action} on ${r.resource}`).join(', ');
	const parts: string[] = [];
	if (implicit.length > 0) {
		parts.push(`${roleArn} is not allowed ${describe(implicit)} (no policy grants it).`);
	}
	if (explicit.length > 0) {
		const sources = [...new Set(explicit.flatMap((d) => d.matchedPolicies))];
		parts.push(`${describe(explicit)} is explicitly denied${sources.length > 0 ? ` by ${sources.join(', ')}` : ''}.`);
	}
	const missing = permissions
		.map((p) => ({ actions: p.actions.filter((a) => implicit.some((d) => d.action === a && d.resource === p.resource)), resource: p.resource }))
		.filter((p) => p.actions.length > 0);
	const fixes: string[] = [];
	if (missing.length > 0) {
		fixes.push(`Grant the execution role ${missing.map((m) => `${m.actions.join(', ')} on ${m.resource}`).join('; ')} (the policy below).`);
	}
	if (explicit.length > 0) {
		fixes.push(`Remove or narrow the Deny statement for ${[...new Set(explicit.map((d) => d.action))].join(', ')} in the policy that denies it.`);
	}
	return row('role', 'fail', `${parts.join(' ')}${policyNote}`, {
		fix: fixes.join(' '),
		policies: missing.length > 0 ? [rolePolicyFix(roleArn, missing, 'AllowOnFailureDestination')] : undefined,
	});
}
