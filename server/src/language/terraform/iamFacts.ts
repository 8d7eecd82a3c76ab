/**
 * The execution role of a mapping's function, as the Terraform configuration declares it, and the
 * policy statements attached to it: `inline_policy` blocks of the `aws_iam_role`,
 * `aws_iam_role_policy` resources, `aws_iam_role_policy_attachment`s of `aws_iam_policy`
 * resources, and `managed_policy_arns`. Policies are read from `jsonencode(...)`, JSON strings and
 * heredocs, and `data "aws_iam_policy_document"` blocks. Whatever the configuration cannot show (a
 * managed policy, a policy built elsewhere, a role chosen by a variable) makes the facts
 * incomplete, and the permission rule then stays silent.
 */
import type { PolicyStatementFacts, RoleFacts, StatementResource } from '../templates/deploymentModel';
import type { ReferenceFacts } from './evaluate';
import { evaluate, isKnown, Unknown } from './evaluate';
import type { HclExpr } from './hclSyntax';
import { blockBody as readBlockBody } from './hclSyntax';
import type { Declaration, TerraformModule } from './terraformModule';

/**
 * AWS managed policies that functions commonly carry and that grant nothing a destination needs
 * (logs, ENIs, reading MSK clusters): attaching them leaves the facts complete.
 */
/** In policies an undetermined part of an ARN may be anything: it reads as IAM's `*`. */
const WILDCARDS = { placeholder: '*' } as const;

const IRRELEVANT_MANAGED_POLICIES =
	/^arn:aws[a-z-]*:iam::aws:policy\/service-role\/(AWSLambdaBasicExecutionRole|AWSLambdaVPCAccessExecutionRole|AWSLambdaMSKExecutionRole)$/;

/** The roles read during a check (declarations live as long as one check). */
const rolesRead = new WeakMap<Declaration, DeclaredRole>();

export interface DeclaredRole {
	/** `aws_iam_role.<name>`. */
	address: string;
	name: string;
	statements: PolicyStatementFacts[];
	complete: boolean;
}

/** The function's role: declared in the module, outside it, or not determined. */
export function executionRole(
	functionReference: ReferenceFacts | undefined,
	functionIsLiteral: boolean,
	module: TerraformModule,
): DeclaredRole | Exclude<RoleFacts, { kind: 'declared' }> {
	if (functionIsLiteral) {
		return { kind: 'external' };
	}
	if (functionReference?.resourceType !== 'aws_lambda_function' || functionReference.data) {
		return { kind: 'unknown' };
	}
	const lambda = module.resources.get(`aws_lambda_function.${functionReference.resourceName}`);
	const roleAttribute = lambda?.body().attributes.find((attribute) => attribute.name === 'role');
	if (!lambda || !roleAttribute) {
		return { kind: 'unknown' };
	}
	const role = evaluate(roleAttribute.value, module, lambda.file).value;
	if (typeof role === 'string') {
		return { kind: 'external' };
	}
	const reference = role instanceof Unknown ? role.reference : undefined;
	const declaration =
		reference?.resourceType === 'aws_iam_role' && !reference.data ? module.resources.get(`aws_iam_role.${reference.resourceName}`) : undefined;
	if (!reference || !declaration) {
		return { kind: 'unknown' };
	}
	// Mappings often share a function, hence a role: its statements are read once per check.
	let read = rolesRead.get(declaration);
	if (!read) {
		read = collectStatements(declaration, reference.resourceName, module);
		rolesRead.set(declaration, read);
	}
	return read;
}

function collectStatements(role: Declaration, name: string, module: TerraformModule): DeclaredRole {
	const found: DeclaredRole = { address: `aws_iam_role.${name}`, name, statements: [], complete: true };
	const add = (statements: PolicyStatementFacts[] | undefined): void => {
		if (statements) {
			found.statements.push(...statements);
		} else {
			found.complete = false;
		}
	};
	for (const block of role.body().blocks) {
		if (block.type === 'dynamic') {
			found.complete = false;
		} else if (block.type === 'inline_policy') {
			const inline: Declaration = { block, file: role.file, body: () => readBlockBody(block, role.file.source) };
			const policy = attributeOf(inline, 'policy');
			add(policy ? policyStatements(policy, inline, module) : []);
		}
	}
	const managed = attributeOf(role, 'managed_policy_arns');
	if (managed) {
		addManaged(found, evaluate(managed, module, role.file).value, module);
	}
	for (const attachment of module.resourcesOfType('aws_iam_role_policy')) {
		const target = roleOf(attachment, 'role', module);
		if (target === name || target === undefined) {
			const policy = attributeOf(attachment, 'policy');
			add(target === name && policy ? policyStatements(policy, attachment, module) : undefined);
		}
	}
	for (const attachment of module.resourcesOfType('aws_iam_role_policy_attachment')) {
		const target = roleOf(attachment, 'role', module);
		if (target === name || target === undefined) {
			const arn = attributeOf(attachment, 'policy_arn');
			addManaged(found, target === name && arn ? [evaluate(arn, module, attachment.file).value] : [new Unknown()], module);
		}
	}
	if (module.resourcesOfType('aws_iam_policy_attachment').length > 0 || module.resourcesOfType('aws_iam_role_policies_exclusive').length > 0) {
		// Attachments to several roles at once: not read; the role may get a grant from one.
		found.complete = false;
	}
	return found;
}

function attributeOf(declaration: Declaration, name: string): HclExpr | undefined {
	return declaration.body().attributes.find((attribute) => attribute.name === name)?.value;
}

/** Each attachment's role, read once: every mapping of a module asks about every attachment. */
const rolesOfAttachments = new WeakMap<Declaration, string | null | undefined>();

/** The role an attachment names (`aws_iam_role.r.name`, `.id` or `.arn`): its name, null for another resource, undefined when not determined. */
function roleOf(attachment: Declaration, attribute: string, module: TerraformModule): string | null | undefined {
	if (rolesOfAttachments.has(attachment)) {
		return rolesOfAttachments.get(attachment);
	}
	const role = readRoleOf(attachment, attribute, module);
	rolesOfAttachments.set(attachment, role);
	return role;
}

function readRoleOf(attachment: Declaration, attribute: string, module: TerraformModule): string | null | undefined {
	const expr = attributeOf(attachment, attribute);
	const value = expr ? evaluate(expr, module, attachment.file).value : undefined;
	if (value instanceof Unknown && value.reference?.resourceType === 'aws_iam_role' && !value.reference.data) {
		return value.reference.resourceName;
	}
	// A literal role name may be the same role; a reference to something else is not.
	return typeof value === 'string' || value instanceof Unknown ? (value instanceof Unknown && value.reference ? null : undefined) : null;
}

function addManaged(found: DeclaredRole, arns: unknown, module: TerraformModule): void {
	const list = Array.isArray(arns) ? arns : [arns];
	for (const arn of list) {
		if (typeof arn === 'string' && IRRELEVANT_MANAGED_POLICIES.test(arn)) {
			continue;
		}
		const reference = arn instanceof Unknown ? arn.reference : undefined;
		const policy =
			reference?.resourceType === 'aws_iam_policy' && !reference.data ? module.resources.get(`aws_iam_policy.${reference.resourceName}`) : undefined;
		const document = policy ? attributeOf(policy, 'policy') : undefined;
		const statements = policy && document ? policyStatements(document, policy, module) : undefined;
		if (statements) {
			found.statements.push(...statements);
		} else {
			found.complete = false;
		}
	}
}

/** The statements of a policy expression, or undefined when the configuration does not show them. */
export function policyStatements(expr: HclExpr, owner: Declaration, module: TerraformModule): PolicyStatementFacts[] | undefined {
	if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args.length === 1) {
		return statementsOf(evaluate(expr.args[0], module, owner.file, WILDCARDS).value);
	}
	const value = evaluate(expr, module, owner.file, WILDCARDS).value;
	if (typeof value === 'string') {
		try {
			return statementsOf(JSON.parse(value));
		} catch {
			return undefined;
		}
	}
	const reference = value instanceof Unknown ? value.reference : undefined;
	if (reference?.data && reference.resourceType === 'aws_iam_policy_document' && reference.attribute[0] === 'json') {
		const document = module.dataSources.get(`aws_iam_policy_document.${reference.resourceName}`);
		return document ? policyDocumentStatements(document, module) : undefined;
	}
	return undefined;
}

function statementsOf(document: unknown): PolicyStatementFacts[] | undefined {
	const statement =
		typeof document === 'object' && document !== null && !(document instanceof Unknown) ? (document as Record<string, unknown>)['Statement'] : undefined;
	const list = Array.isArray(statement) ? statement : statement === undefined ? undefined : [statement];
	if (!list) {
		return undefined;
	}
	return list.map((entry): PolicyStatementFacts => {
		const get = (key: string): unknown => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[key] : undefined);
		const notAction = get('NotAction') !== undefined;
		return {
			effect: get('Effect') === 'Deny' ? 'Deny' : 'Allow',
			actions: strings(notAction ? get('NotAction') : get('Action')),
			notAction,
			resources: resourcesOf(get('NotResource') !== undefined ? new Unknown() : get('Resource')),
			conditional: get('Condition') !== undefined,
		};
	});
}

/** `data "aws_iam_policy_document"`: its `statement` blocks (`actions`, `not_actions`, `resources`, `effect`, `condition`). */
function policyDocumentStatements(document: Declaration, module: TerraformModule): PolicyStatementFacts[] | undefined {
	const statements: PolicyStatementFacts[] = [];
	for (const block of document.body().blocks) {
		if (block.type === 'dynamic') {
			return undefined;
		}
		if (block.type !== 'statement') {
			continue;
		}
		const body = readBlockBody(block, document.file.source);
		const read = (name: string): unknown => {
			const attribute = body.attributes.find((candidate) => candidate.name === name);
			return attribute ? evaluate(attribute.value, module, document.file, WILDCARDS).value : undefined;
		};
		const notActions = read('not_actions');
		statements.push({
			effect: read('effect') === 'Deny' ? 'Deny' : 'Allow',
			actions: strings(notActions ?? read('actions')),
			notAction: notActions !== undefined,
			resources: resourcesOf(read('not_resources') !== undefined ? new Unknown() : read('resources')),
			conditional: body.blocks.some((inner) => inner.type === 'condition'),
		});
	}
	return statements;
}

function strings(value: unknown): string[] | undefined {
	const list = Array.isArray(value) ? value : [value];
	return isKnown(list) && list.every((item) => typeof item === 'string') ? list : undefined;
}

function resourcesOf(value: unknown): StatementResource[] | undefined {
	if (value === undefined || value instanceof Unknown) {
		return undefined;
	}
	const list = Array.isArray(value) ? value : [value];
	return list.map((item): StatementResource => {
		if (typeof item === 'string') {
			return { kind: 'pattern', pattern: item };
		}
		const reference = item instanceof Unknown ? item.reference : undefined;
		return reference ? { kind: 'resource', id: `${reference.resourceType}.${reference.resourceName}` } : { kind: 'unknown' };
	});
}
