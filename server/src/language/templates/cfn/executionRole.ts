/**
 * The execution role of a mapping's function, as a template declares it, with what its policies
 * grant and how to add a statement to it:
 *
 * - An `AWS::Serverless::Function` without `Role`: SAM makes the role from `Policies` (AWS SAM
 *   Developer Guide, AWS::Serverless::Function `Role` and `Policies`) and, for an event whose
 *   `DestinationConfig.OnFailure.Type` is SQS, SNS or S3, adds the send permission itself (never for
 *   Kafka: samtranslator `model/eventsources/pull.py`). The fix appends a policy document to
 *   `Policies`.
 * - A function whose `Role` is `!GetAtt <Role>.Arn` of an `AWS::IAM::Role` of the template: the
 *   role's `Policies` and `ManagedPolicyArns`, and the `AWS::IAM::Policy`,
 *   `AWS::IAM::ManagedPolicy` and `AWS::IAM::RolePolicy` resources that name it. The fix appends an
 *   inline policy to the role's `Policies`.
 * - Any other role (an ARN, a parameter, an import) is outside the template: nothing is checked.
 */
import * as l10n from '@vscode/l10n';
import type { NeededStatement, ResourceService, RoleFacts } from '../deploymentModel';
import type { Grants } from './policyStatements';
import { documentGrants, managedPolicyGrants, mergeGrants, noGrants, samPolicyGrants, statementResource } from './policyStatements';
import type { Resolver } from './resolve';
import type { Edit } from './listInsertion';
import { appendToListMember } from './listInsertion';
import type { TemplateNode } from './templateNodes';
import { deref, isSeq, memberNode, pairsOf, stringOf } from './templateNodes';
import type { Written } from './templateWriter';

/** How the mapping writes a needed resource in the template (the destination's own expression...). */
export type ResourceWriter = (statement: NeededStatement) => Written[] | undefined;

const SAM_DESTINATION_TYPES: Readonly<Record<string, ResourceService>> = { SQS: 'sqs', SNS: 'sns', S3: 's3' };
/** The actions of the policy SAM adds for each type (samtranslator `model/iam.py`, IAMRolePolicies). */
const SAM_DESTINATION_ACTIONS: Readonly<Record<string, string[]>> = { SQS: ['sqs:SendMessage'], SNS: ['sns:Publish'], S3: ['s3:PutObject', 's3:ListBucket'] };

/** The role of a function resource of the template (`functionId`), or of one outside it. */
export function functionRole(
	resolver: Resolver,
	functionId: string | undefined,
	samDestinationType: string | undefined,
	writeResources: ResourceWriter,
): RoleFacts {
	const type = functionId === undefined ? undefined : resolver.resourceType(functionId);
	if (functionId === undefined || (type !== 'AWS::Serverless::Function' && type !== 'AWS::Lambda::Function')) {
		return functionId === undefined ? { kind: 'unknown' } : { kind: 'external' };
	}
	const properties = memberNode(resolver.template, resolver.resource(functionId), 'Properties');
	const roleNode = memberNode(resolver.template, properties, 'Role');
	if (roleNode) {
		return iamRole(resolver, roleNode, writeResources);
	}
	if (type !== 'AWS::Serverless::Function') {
		return { kind: 'unknown' };
	}
	const globals = memberNode(resolver.template, memberNode(resolver.template, resolver.template.root, 'Globals'), 'Function');
	if (memberNode(resolver.template, globals, 'Role') || memberNode(resolver.template, globals, 'Policies')) {
		// Whatever SAM's Globals give every function is not read here: say nothing rather than guess.
		return { kind: 'unknown' };
	}
	const grants = noGrants();
	const policies = memberNode(resolver.template, properties, 'Policies');
	for (const entry of policies === undefined ? [] : isSeq(policies) && !policies.tag ? policies.items : [policies]) {
		mergeGrants(grants, samPolicyGrants(resolver, deref(resolver.template, entry)));
	}
	mergeGrants(grants, samDestinationGrants(resolver, properties));
	const granted =
		samDestinationType !== undefined && Object.prototype.hasOwnProperty.call(SAM_DESTINATION_TYPES, samDestinationType)
			? [SAM_DESTINATION_TYPES[samDestinationType]]
			: [];
	return declared(`${functionId}Role`, grants, granted, (statement) => {
		const document = statementDocument(statement, writeResources);
		return document === undefined ? undefined : appendToListMember(resolver.template, properties, 'Policies', document);
	});
}

/** What SAM grants each event's destination that has an `OnFailure.Type` (the role is shared by the function's events). */
function samDestinationGrants(resolver: Resolver, properties: TemplateNode | undefined): Grants {
	const template = resolver.template;
	const grants = noGrants();
	for (const { pair } of pairsOf(memberNode(template, properties, 'Events'))) {
		const onFailure = memberNode(
			template,
			memberNode(template, memberNode(template, deref(template, pair.value), 'Properties'), 'DestinationConfig'),
			'OnFailure',
		);
		const type = stringOf(memberNode(template, onFailure, 'Type'));
		const actions = type === undefined || !Object.prototype.hasOwnProperty.call(SAM_DESTINATION_ACTIONS, type) ? undefined : SAM_DESTINATION_ACTIONS[type];
		if (actions) {
			grants.statements.push({ effect: 'Allow', actions, resources: [statementResource(resolver, memberNode(template, onFailure, 'Destination'))] });
		}
	}
	return grants;
}

function iamRole(resolver: Resolver, roleNode: TemplateNode, writeResources: ResourceWriter): RoleFacts {
	const resolved = resolver.resolve(roleNode);
	const reference = resolved.reference;
	if (!reference || reference.type !== 'AWS::IAM::Role') {
		// An ARN literal, a parameter or an import: the role lives outside the template.
		return resolved.kind === 'unknown' && !reference && /Fn::If|condition/i.test(resolved.reason) ? { kind: 'unknown' } : { kind: 'external' };
	}
	const template = resolver.template;
	const roleId = reference.id;
	const properties = memberNode(template, resolver.resource(roleId), 'Properties');
	const grants = noGrants();
	const policies = memberNode(template, properties, 'Policies');
	if (policies && !(isSeq(policies) && !policies.tag)) {
		grants.complete = false;
	}
	for (const policy of isSeq(policies) && !policies.tag ? policies.items : []) {
		mergeGrants(grants, documentGrants(resolver, memberNode(template, deref(template, policy), 'PolicyDocument')));
	}
	const managed = memberNode(template, properties, 'ManagedPolicyArns');
	for (const arn of isSeq(managed) && !managed.tag ? managed.items : managed ? [managed] : []) {
		mergeGrants(grants, managedPolicyGrants(resolver, deref(template, arn)));
	}
	mergeGrants(grants, attachedPolicies(resolver, roleId));
	return declared(roleId, grants, [], (statement) => {
		const document = statementDocument(statement, writeResources);
		return document === undefined
			? undefined
			: appendToListMember(template, properties, 'Policies', { PolicyName: 'OnFailureDestination', PolicyDocument: document });
	});
}

/** Policies of the template that attach themselves to the role (their `Roles` or `RoleName` refer to it). */
function attachedPolicies(resolver: Resolver, roleId: string): Grants {
	const grants = noGrants();
	for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy']) {
		for (const id of resolver.idsOfType(type)) {
			mergeGrants(grants, attachedPolicy(resolver, type, id, roleId));
		}
	}
	return grants;
}

/** What one policy resource grants the role: its document when it names the role, else nothing. */
function attachedPolicy(resolver: Resolver, type: string, id: string, roleId: string): Grants {
	const template = resolver.template;
	const grants = noGrants();
	const properties = memberNode(template, resolver.resource(id), 'Properties');
	const roles = type === 'AWS::IAM::RolePolicy' ? memberNode(template, properties, 'RoleName') : memberNode(template, properties, 'Roles');
	const names = isSeq(roles) && !roles.tag ? roles.items.map((r) => deref(template, r)) : [roles];
	let attached = false;
	for (const name of names) {
		const resolved = name ? resolver.resolve(name) : undefined;
		if (resolved?.reference?.id === roleId) {
			attached = true;
		} else if (resolved && resolved.kind !== 'known' && !resolved.reference) {
			// A role given by something the template does not decide may be this one.
			grants.complete = false;
		}
	}
	if (attached) {
		mergeGrants(grants, documentGrants(resolver, memberNode(template, properties, 'PolicyDocument')));
	}
	return grants;
}

function declared(id: string, grants: Grants, grantedByFormat: ResourceService[], insert: (statement: NeededStatement) => Edit | undefined): RoleFacts {
	return {
		kind: 'declared',
		id,
		statements: grants.statements,
		complete: grants.complete,
		grantedByFormat,
		insertStatement: (statement) => {
			const edit = insert(statement);
			return edit ? { title: l10n.t('Add a statement granting {0} to {1}', statement.actions.join(', '), id), edits: [edit] } : undefined;
		},
	};
}

/** The policy document holding one least-privilege statement. */
function statementDocument(statement: NeededStatement, writeResources: ResourceWriter): Written | undefined {
	const resources = writeResources(statement);
	if (!resources || resources.length === 0) {
		return undefined;
	}
	return { Statement: [{ Effect: 'Allow', Action: [...statement.actions], Resource: resources }] };
}
