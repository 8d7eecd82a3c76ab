/**
 * A loopback AWS IAM endpoint for the one call the pre-flight check makes,
 * `SimulatePrincipalPolicy` (awsQuery, version 2010-05-08): the identity policies seeded per role
 * (and any `ResourcePolicy` sent) are evaluated by ./iamPolicies.ts, one result per action and
 * resource, with the policies that matched.
 */
import type { NamedPolicy, PolicyStatement } from './iamPolicies';
import { evaluate, parsePolicy } from './iamPolicies';
import type { RpcLoopbackOptions, RpcOutcome } from './rpcLoopback';
import { queryList, RpcLoopback, textOf, xmlEscape } from './rpcLoopback';

export class LoopbackIam extends RpcLoopback {
	private readonly roles = new Map<string, NamedPolicy[]>();

	private constructor(options: RpcLoopbackOptions) {
		super('iam', { kind: 'query', xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/' }, options);
	}

	static async start(options: RpcLoopbackOptions = {}): Promise<LoopbackIam> {
		return new LoopbackIam(options).listen(options.port);
	}

	/** Seeds a role with identity policies (name → statements); replaces what it had. */
	addRole(roleArn: string, policies: Record<string, PolicyStatement[]>): void {
		this.roles.set(
			roleArn,
			Object.entries(policies).map(([id, statements]) => ({ id, type: 'IAM Policy', statements })),
		);
	}

	protected answer(operation: string, params: Record<string, unknown>): RpcOutcome {
		if (operation !== 'SimulatePrincipalPolicy') {
			return { status: 400, code: 'InvalidAction', message: `Could not find operation ${operation} for version 2010-05-08` };
		}
		const principal = textOf(params.PolicySourceArn);
		const policies = this.roles.get(principal);
		if (!policies) {
			return { status: 404, code: 'NoSuchEntity', message: `The role with name ${principal.split('/').pop() ?? ''} cannot be found.` };
		}
		const actions = queryList(params, 'ActionNames');
		if (actions.length === 0) {
			return {
				status: 400,
				code: 'ValidationError',
				message: "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null",
			};
		}
		const resources = queryList(params, 'ResourceArns');
		const all = [...policies];
		if (typeof params.ResourcePolicy === 'string') {
			try {
				all.push(parsePolicy('ResourcePolicy', 'Resource Policy', params.ResourcePolicy));
			} catch {
				return { status: 400, code: 'InvalidInput', message: 'The resource policy is not valid JSON.' };
			}
		}
		const members = actions.flatMap((action) => (resources.length > 0 ? resources : ['*']).map((resource) => resultXml(all, principal, action, resource)));
		return { xml: `<IsTruncated>false</IsTruncated><EvaluationResults>${members.join('')}</EvaluationResults>` };
	}
}

function resultXml(policies: NamedPolicy[], principal: string, action: string, resource: string): string {
	const evaluation = evaluate(policies, principal, action, resource);
	const matched = evaluation.matched
		.map(
			(m) =>
				`<member><SourcePolicyId>${xmlEscape(m.id)}</SourcePolicyId><SourcePolicyType>${m.type === 'IAM Policy' ? 'role' : 'resource'}</SourcePolicyType></member>`,
		)
		.join('');
	return `<member><EvalActionName>${xmlEscape(action)}</EvalActionName><EvalResourceName>${xmlEscape(resource)}</EvalResourceName><EvalDecision>${evaluation.decision}</EvalDecision><MatchedStatements>${matched}</MatchedStatements><MissingContextValues/></member>`;
}
