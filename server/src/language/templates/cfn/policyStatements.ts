/**
 * Reads what a policy grants, as far as the template shows it: IAM policy documents (IAM User
 * Guide, "IAM JSON policy element reference": Effect, Action/NotAction, Resource/NotResource,
 * Condition), SAM `Policies` entries (AWS SAM Developer Guide, AWS::Serverless::Function
 * `Policies`: a managed policy name or ARN, a policy document, or a policy template), the SAM
 * policy templates that grant what a destination needs (their definitions in
 * aws/serverless-application-model `samtranslator/policy_templates_data/policy_templates.json`),
 * and the AWS managed policies whose grants are known here.
 *
 * Whatever cannot be read makes the list incomplete, and an incomplete list never yields a warning.
 */
import type { PolicyStatementFacts, StatementResource } from '../deploymentModel';
import type { Resolved, Resolver } from './resolve';
import type { TemplateNode } from './templateNodes';
import { deref, intrinsicOf, isMap, isScalar, isSeq, memberNode, pairsOf, stringOf } from './templateNodes';

export interface Grants {
	statements: PolicyStatementFacts[];
	complete: boolean;
}

export function noGrants(): Grants {
	return { statements: [], complete: true };
}

/** Allow-everything on every resource: how a policy whose actions are known to include these reads. */
const allow = (...actions: string[]): PolicyStatementFacts => ({ effect: 'Allow', actions, resources: [{ kind: 'pattern', pattern: '*' }] });

/**
 * AWS managed policies, by name, with the grants that matter to a destination. The execution-role
 * policies SAM and the Lambda guide attach grant none of them (AWSLambdaMSKExecutionRole grants
 * kafka:Describe* and kafka:GetBootstrapBrokers, not kafka-cluster:WriteData).
 */
const MANAGED_POLICIES: Readonly<Record<string, readonly PolicyStatementFacts[]>> = {
	AdministratorAccess: [allow('*')],
	PowerUserAccess: [{ effect: 'Allow', actions: ['iam:*', 'organizations:*', 'account:*'], notAction: true, resources: [{ kind: 'pattern', pattern: '*' }] }],
	AmazonSQSFullAccess: [allow('sqs:*')],
	AmazonSNSFullAccess: [allow('sns:*')],
	AmazonS3FullAccess: [allow('s3:*')],
	AWSLambdaBasicExecutionRole: [],
	AWSLambdaMSKExecutionRole: [],
	AWSLambdaVPCAccessExecutionRole: [],
	AWSLambdaSQSQueueExecutionRole: [],
	AWSXRayDaemonWriteAccess: [],
	AWSLambdaExecute: [],
};

/** SAM policy templates that grant a destination's actions: their parameter, ARN form and actions. */
const POLICY_TEMPLATES: Readonly<Record<string, { parameter: string; arn: (name: string) => string[]; actions: string[] }>> = {
	SQSSendMessagePolicy: { parameter: 'QueueName', arn: (n) => [`arn:*:sqs:*:*:${n}`], actions: ['sqs:SendMessage*'] },
	SNSPublishMessagePolicy: { parameter: 'TopicName', arn: (n) => [`arn:*:sns:*:*:${n}`], actions: ['sns:Publish'] },
	SNSCrudPolicy: { parameter: 'TopicName', arn: (n) => [`arn:*:sns:*:*:${n}*`], actions: ['sns:Publish'] },
	S3CrudPolicy: { parameter: 'BucketName', arn: (n) => [`arn:*:s3:::${n}`, `arn:*:s3:::${n}/*`], actions: ['s3:ListBucket', 's3:PutObject'] },
	S3FullAccessPolicy: { parameter: 'BucketName', arn: (n) => [`arn:*:s3:::${n}`, `arn:*:s3:::${n}/*`], actions: ['s3:ListBucket', 's3:PutObject'] },
	S3WritePolicy: { parameter: 'BucketName', arn: (n) => [`arn:*:s3:::${n}`, `arn:*:s3:::${n}/*`], actions: ['s3:PutObject'] },
	S3ReadPolicy: { parameter: 'BucketName', arn: (n) => [`arn:*:s3:::${n}`, `arn:*:s3:::${n}/*`], actions: ['s3:ListBucket'] },
};

/** The statements of an IAM policy document node. */
export function documentGrants(resolver: Resolver, document: TemplateNode | undefined): Grants {
	const template = resolver.template;
	if (!isMap(document) || intrinsicOf(template, document)) {
		return { statements: [], complete: false };
	}
	const statementNode = memberNode(template, document, 'Statement');
	const list = isSeq(statementNode) && !statementNode.tag ? statementNode.items.map((item) => deref(template, item)) : [statementNode];
	const grants = noGrants();
	for (const node of list) {
		const statement = statementFacts(resolver, node);
		if (statement) {
			grants.statements.push(statement);
		} else {
			grants.complete = false;
		}
	}
	return grants;
}

function statementFacts(resolver: Resolver, node: TemplateNode | undefined): PolicyStatementFacts | undefined {
	const template = resolver.template;
	if (!isMap(node) || intrinsicOf(template, node)) {
		return undefined;
	}
	const effect = stringOf(memberNode(template, node, 'Effect'));
	const notAction = memberNode(template, node, 'NotAction');
	const actionNode = notAction ?? memberNode(template, node, 'Action');
	const resourceNode = memberNode(template, node, 'Resource');
	return {
		// An effect the template does not spell is taken as Allow: it may grant.
		effect: effect === 'Deny' ? 'Deny' : 'Allow',
		actions: actionStrings(resolver, actionNode),
		...(notAction ? { notAction: true } : {}),
		resources: memberNode(template, node, 'NotResource')
			? undefined
			: resourceNode
				? listOf(resolver, resourceNode).map((n) => statementResource(resolver, n))
				: [],
		...(memberNode(template, node, 'Condition') ? { conditional: true } : {}),
	};
}

/** The items of a node that is a list or one value. */
function listOf(resolver: Resolver, node: TemplateNode): (TemplateNode | undefined)[] {
	return isSeq(node) && !node.tag ? node.items.map((item) => deref(resolver.template, item)) : [node];
}

function actionStrings(resolver: Resolver, node: TemplateNode | undefined): string[] | undefined {
	if (!node) {
		return [];
	}
	const actions: string[] = [];
	for (const item of listOf(resolver, node)) {
		const resolved = item ? resolver.resolve(item) : undefined;
		if (resolved?.kind !== 'known' || typeof resolved.value !== 'string') {
			return undefined;
		}
		actions.push(resolved.value);
	}
	return actions;
}

/** A statement's resource: a resource of the template, an ARN pattern (placeholders as `*`), or unknown. */
export function statementResource(resolver: Resolver, node: TemplateNode | undefined): StatementResource {
	if (!node) {
		return { kind: 'unknown' };
	}
	return resourceOfResolved(resolver.resolve(node));
}

function resourceOfResolved(resolved: Resolved): StatementResource {
	// A Ref or GetAtt of a resource carries its reference; a Sub built around one does not.
	if (resolved.kind !== 'no-value' && resolved.reference) {
		return { kind: 'resource', id: resolved.reference.id };
	}
	if (resolved.kind === 'known' && typeof resolved.value === 'string') {
		return { kind: 'pattern', pattern: withWildcards(resolved) };
	}
	return { kind: 'unknown' };
}

/** A resolved string with its placeholders read as wildcards. */
function withWildcards(resolved: Extract<Resolved, { kind: 'known' }>): string {
	const value = String(resolved.value);
	const placeholders = [...(resolved.text?.placeholders ?? [])].sort((a, b) => b.start - a.start);
	let pattern = value;
	for (const p of placeholders) {
		pattern = `${pattern.slice(0, p.start)}*${pattern.slice(p.end)}`;
	}
	return pattern;
}

/** What a managed policy given by name, ARN or reference grants. */
export function managedPolicyGrants(resolver: Resolver, node: TemplateNode | undefined): Grants {
	if (!node) {
		return noGrants();
	}
	const resolved = resolver.resolve(node);
	if (resolved.kind === 'unknown' && resolved.reference?.type === 'AWS::IAM::ManagedPolicy') {
		return documentGrants(resolver, resolver.resourceProperty(resolved.reference.id, 'PolicyDocument'));
	}
	if (resolved.kind !== 'known' || typeof resolved.value !== 'string') {
		return { statements: [], complete: false };
	}
	const name = resolved.value.replace(/^arn:[^:]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*/, '');
	const known = Object.prototype.hasOwnProperty.call(MANAGED_POLICIES, name) ? MANAGED_POLICIES[name] : undefined;
	return known ? { statements: [...known], complete: true } : { statements: [], complete: false };
}

/** What one entry of SAM's `Policies` grants: a managed policy, a document, or a policy template. */
export function samPolicyGrants(resolver: Resolver, node: TemplateNode | undefined): Grants {
	const template = resolver.template;
	if (!node) {
		return noGrants();
	}
	if (isScalar(node) || intrinsicOf(template, node)) {
		return managedPolicyGrants(resolver, node);
	}
	if (memberNode(template, node, 'Statement')) {
		return documentGrants(resolver, node);
	}
	const pairs = pairsOf(node);
	if (pairs.length !== 1) {
		return { statements: [], complete: false };
	}
	const name = pairs[0].key;
	const policyTemplate = Object.prototype.hasOwnProperty.call(POLICY_TEMPLATES, name) ? POLICY_TEMPLATES[name] : undefined;
	if (!policyTemplate) {
		// Every other SAM policy template grants none of a destination's actions (policy_templates.json).
		return noGrants();
	}
	const parameter = memberNode(template, deref(template, pairs[0].pair.value), policyTemplate.parameter);
	const resolved = parameter ? resolver.resolve(parameter) : undefined;
	let resources: StatementResource[];
	if (resolved?.reference) {
		resources = [{ kind: 'resource', id: resolved.reference.id }];
	} else if (resolved?.kind === 'known' && typeof resolved.value === 'string' && (resolved.text?.placeholders.length ?? 0) === 0) {
		resources = policyTemplate.arn(resolved.value).map((pattern) => ({ kind: 'pattern', pattern }));
	} else {
		resources = [{ kind: 'unknown' }];
	}
	return { statements: [{ effect: 'Allow', actions: policyTemplate.actions, resources }], complete: true };
}

export function mergeGrants(into: Grants, more: Grants): void {
	into.statements.push(...more.statements);
	into.complete &&= more.complete;
}
