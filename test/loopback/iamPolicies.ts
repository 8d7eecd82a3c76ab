/**
 * Enough of IAM's policy evaluation for the loopback simulator: statements with Effect, Action or
 * NotAction, Resource or NotResource, and (in resource policies) Principal; `*` and `?` wildcards,
 * actions matched without regard to case. An explicit Deny wins, then any Allow, else the
 * implicit deny. Conditions are not evaluated (no test seeds one).
 */

export interface PolicyStatement {
	Sid?: string;
	Effect: 'Allow' | 'Deny';
	Action?: string | string[];
	NotAction?: string | string[];
	Resource?: string | string[];
	NotResource?: string | string[];
	Principal?: '*' | { AWS?: string | string[] };
}

export interface NamedPolicy {
	/** As the simulator names it in `MatchedStatements` (`SourcePolicyId`). */
	id: string;
	type: 'IAM Policy' | 'Resource Policy';
	statements: PolicyStatement[];
}

export type Decision = 'allowed' | 'implicitDeny' | 'explicitDeny';

export interface Evaluation {
	decision: Decision;
	matched: Array<{ id: string; type: string }>;
}

export function evaluate(policies: readonly NamedPolicy[], principalArn: string, action: string, resource: string): Evaluation {
	const allows: Evaluation['matched'] = [];
	const denies: Evaluation['matched'] = [];
	for (const policy of policies) {
		for (const statement of policy.statements) {
			if (!applies(statement, policy.type, principalArn, action, resource)) {
				continue;
			}
			(statement.Effect === 'Deny' ? denies : allows).push({ id: policy.id, type: policy.type });
		}
	}
	if (denies.length > 0) {
		return { decision: 'explicitDeny', matched: denies };
	}
	return allows.length > 0 ? { decision: 'allowed', matched: allows } : { decision: 'implicitDeny', matched: [] };
}

function applies(statement: PolicyStatement, type: NamedPolicy['type'], principalArn: string, action: string, resource: string): boolean {
	if (type === 'Resource Policy' && !namesPrincipal(statement.Principal, principalArn)) {
		return false;
	}
	const actionOk = statement.Action !== undefined ? matchesAny(statement.Action, action, true) : !matchesAny(statement.NotAction ?? [], action, true);
	const resourceOk =
		statement.Resource !== undefined ? matchesAny(statement.Resource, resource, false) : !matchesAny(statement.NotResource ?? [], resource, false);
	return actionOk && resourceOk;
}

function namesPrincipal(principal: PolicyStatement['Principal'], principalArn: string): boolean {
	if (principal === '*') {
		return true;
	}
	const aws = principal?.AWS;
	const list = aws === undefined ? [] : Array.isArray(aws) ? aws : [aws];
	return list.some((p) => p === '*' || p === principalArn);
}

function matchesAny(patterns: string | string[], value: string, ignoreCase: boolean): boolean {
	return (Array.isArray(patterns) ? patterns : [patterns]).some((pattern) => wildcard(pattern, ignoreCase).test(value));
}

function wildcard(pattern: string, ignoreCase: boolean): RegExp {
	const source = pattern
		.replace(/[.+^${}()|[\]\\]/g, '\\$&')
		.replace(/\*/g, '.*')
		.replace(/\?/g, '.');
	return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}

/** Parses a policy document; throws on what IAM would call MalformedPolicyDocument. */
export function parsePolicy(id: string, type: NamedPolicy['type'], document: string): NamedPolicy {
	const parsed = JSON.parse(document) as { Statement?: PolicyStatement | PolicyStatement[] };
	const statements = parsed.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
	return { id, type, statements };
}
