/**
 * Question 3: when the queue, topic or bucket encrypts with a customer managed KMS key, may the
 * role use that key? The simulator is asked with the key policy as the resource policy. A key
 * policy that does not let the account's IAM policies count (no statement for the account root)
 * is also read directly: then only the key policy itself can grant the role.
 */
import * as l10n from '@vscode/l10n';
import type { DestinationTarget } from './destinationTarget';
import { kmsActions } from './destinationTarget';
import { keyPolicyFix, rolePolicyFix } from './policyFixes';
import { couldNotCheck, notApplicable, row } from './rows';
import { matchesIamPattern } from '../iamPattern';
import type { CheckRow, DestinationFacts, KeyFacts, PreflightSources, Read } from './types';

/** Aliases of the AWS managed keys, which every identity of the account may use through the service. */
const AWS_MANAGED_ALIAS = /^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\//;

export async function checkEncryption(
	target: DestinationTarget,
	role: Read<string>,
	facts: DestinationFacts | undefined,
	region: string,
	sources: PreflightSources,
): Promise<CheckRow> {
	if (target.kind !== 'sqs' && target.kind !== 'sns' && target.kind !== 's3') {
		return notApplicable('encryption', target.kind === 'kafka' ? l10n.t('A Kafka topic destination uses no KMS key.') : l10n.t('No destination to encrypt.'));
	}
	if (!facts) {
		return row('encryption', 'unknown', l10n.t('Could not check: the destination itself could not be read.'));
	}
	if (facts.encryptionUnreadable) {
		return couldNotCheck('encryption', facts.encryptionUnreadable, l10n.t("the destination's encryption settings"));
	}
	if (facts.kmsKey === undefined || AWS_MANAGED_ALIAS.test(facts.kmsKey)) {
		return row('encryption', 'pass', facts.kmsKey ? l10n.t('It uses the AWS managed key {0}.', facts.kmsKey) : l10n.t('It uses no customer managed KMS key.'));
	}
	const keyRegion = 'region' in target ? target.region : region;
	const key = await sources.describeKey(facts.kmsKey, keyRegion);
	if (!key.ok) {
		return couldNotCheck('encryption', key.failure, l10n.t('the KMS key {0}', facts.kmsKey));
	}
	if (key.value.manager !== 'CUSTOMER') {
		return row('encryption', 'pass', l10n.t('It uses the AWS managed key {0}.', key.value.arn));
	}
	if (!role.ok) {
		return couldNotCheck('encryption', role.failure, l10n.t("the function's execution role"));
	}
	return checkCustomerKey(target.kind, role.value, key.value, keyRegion, sources);
}

async function checkCustomerKey(kind: 'sqs' | 'sns' | 's3', roleArn: string, key: KeyFacts, region: string, sources: PreflightSources): Promise<CheckRow> {
	const roleAccount = roleArn.split(':')[4] ?? '';
	const actions = kmsActions(kind, key.account !== roleAccount);
	const policy = await sources.keyPolicy(key.arn, region);
	const simulated = await sources.simulate({ principalArn: roleArn, actions, resource: key.arn, resourcePolicy: policy.ok ? policy.value : undefined });
	if (!simulated.ok) {
		return couldNotCheck('encryption', simulated.failure, l10n.t('whether {0} may use {1}', roleArn, key.arn));
	}
	let denied = simulated.value.filter((r) => r.decision !== 'allowed').map((r) => r.action);
	const delegates = policy.ok ? keyPolicyTrustsAccount(policy.value, roleAccount) : true;
	if (!delegates && policy.ok) {
		// IAM policies count for a key only when its key policy says so; otherwise only the key policy grants.
		denied = actions.filter((a) => denied.includes(a) || !keyPolicyAllows(policy.value, roleArn, a));
	}
	const policyNote = policy.ok ? '' : ` ${l10n.t('The key policy could not be read ({0}), so only IAM policies were evaluated.', policy.failure.action)}`;
	if (denied.length === 0) {
		return row('encryption', 'pass', `${l10n.t('{0} may use the customer managed key {1} ({2}).', roleArn, key.arn, actions.join(', '))}${policyNote}`);
	}
	const fixes = [keyPolicyFix(roleArn, denied, key.arn)];
	if (delegates) {
		fixes.push(rolePolicyFix(roleArn, [{ actions: denied, resource: key.arn }], 'AllowDestinationKey'));
	}
	return row(
		'encryption',
		'fail',
		`${l10n.t('The destination is encrypted with {0}, and {1} may not {2} with it.', key.arn, roleArn, denied.join(', '))}${policyNote}`,
		{
			fix: delegates
				? l10n.t(
						'Allow the role {0} on the key: add the statement below to the key policy, or the policy below to the role (the key policy lets IAM policies count).',
						denied.join(', '),
					)
				: l10n.t('Add the statement below to the key policy: it does not let IAM policies of account {0} grant use of the key.', roleAccount),
			policies: fixes,
		},
	);
}

interface Statement {
	Effect?: string;
	Principal?: unknown;
	Action?: unknown;
}

function statementsOf(policyJson: string): Statement[] {
	try {
		const parsed = JSON.parse(policyJson) as { Statement?: Statement | Statement[] };
		return Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
	} catch {
		return [];
	}
}

function principalsOf(statement: Statement): string[] {
	const principal = statement.Principal;
	if (principal === '*') {
		return ['*'];
	}
	const aws = typeof principal === 'object' && principal !== null ? (principal as { AWS?: unknown }).AWS : undefined;
	return (Array.isArray(aws) ? aws : [aws]).filter((p): p is string => typeof p === 'string');
}

function actionMatches(patterns: unknown, action: string): boolean {
	const list = (Array.isArray(patterns) ? patterns : [patterns]).filter((p): p is string => typeof p === 'string');
	return list.some((p) => matchesIamPattern(p, action, true));
}

/** Whether the key policy allows the account root, which lets IAM policies of the account grant use. */
function keyPolicyTrustsAccount(policyJson: string, account: string): boolean {
	return statementsOf(policyJson).some(
		(s) =>
			s.Effect === 'Allow' &&
			principalsOf(s).some((p) => p === account || p.endsWith(`:iam::${account}:root`)) &&
			actionMatches(s.Action, 'kms:GenerateDataKey'),
	);
}

function keyPolicyAllows(policyJson: string, roleArn: string, action: string): boolean {
	return statementsOf(policyJson).some(
		(s) => s.Effect === 'Allow' && principalsOf(s).some((p) => p === roleArn || p === '*') && actionMatches(s.Action, action),
	);
}
