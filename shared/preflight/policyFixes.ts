/**
 * The least-privilege policies a failed check offers to paste: an identity policy for the
 * execution role, or a statement for the key's (or queue's, topic's) resource policy. Never
 * applied by the extension: IAM changes stay with the user.
 */
import * as l10n from '@vscode/l10n';
import type { PolicyFix } from './types';

/** An identity policy granting exactly these actions on exactly these resources. */
export function rolePolicyFix(roleArn: string, grants: ReadonlyArray<{ actions: string[]; resource: string }>, sid: string): PolicyFix {
	const statements = grants.map((grant, index) => ({
		Sid: grants.length === 1 ? sid : `${sid}${index + 1}`,
		Effect: 'Allow',
		Action: grant.actions.length === 1 ? grant.actions[0] : grant.actions,
		Resource: grant.resource,
	}));
	return {
		target: l10n.t('the execution role {0} (add as an inline policy or a managed policy attached to it)', roleName(roleArn)),
		json: JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2),
	};
}

/** One statement for a key policy: in a key policy the resource is always `*` (the key itself). */
export function keyPolicyFix(roleArn: string, actions: string[], keyArn: string): PolicyFix {
	const statement = { Sid: 'AllowLambdaDestinationDelivery', Effect: 'Allow', Principal: { AWS: roleArn }, Action: actions, Resource: '*' };
	return { target: l10n.t('the key policy of {0} (add to its Statement list)', keyArn), json: JSON.stringify(statement, null, 2) };
}

/** The name of a role from its ARN (`arn:aws:iam::1:role/path/name` → `name`). */
export function roleName(roleArn: string): string {
	const slash = roleArn.lastIndexOf('/');
	return slash >= 0 ? roleArn.slice(slash + 1) : roleArn;
}
