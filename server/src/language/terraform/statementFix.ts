/**
 * The quick fix for a missing destination permission in Terraform: a new `aws_iam_role_policy`
 * on the function's role, written right after the mapping, granting exactly the needed actions
 * on the destination (by reference when the configuration declares it, so the ARN stays right).
 * A resource of its own rather than an edit of an existing policy: it is valid whatever form the
 * role's other policies take (jsonencode, heredoc, policy documents, managed policies).
 */
import * as l10n from '@vscode/l10n';
import type { LocatedFix } from '../validation/problem';
import type { NeededResource, NeededStatement } from '../templates/deploymentModel';
import type { MappedResource } from './esmAdapter';
import type { Located } from './evaluate';
import { hclString } from './hclWriting';
import type { Declaration, TerraformModule } from './terraformModule';

export interface StatementContext {
	mapped: MappedResource;
	declaration: Declaration;
	module: TerraformModule;
	/** `aws_iam_role.<name>`. */
	role: string;
}

export function statementInsertion(statement: NeededStatement, context: StatementContext): LocatedFix | undefined {
	const { declaration, module } = context;
	if (!declaration.file.isDocument) {
		return undefined;
	}
	const resources = statement.resources.map((resource) => resourceExpression(resource, context));
	if (resources.some((resource) => resource === undefined)) {
		return undefined;
	}
	const name = freeName(`${declaration.block.labels[1]?.value ?? 'mapping'}_on_failure`, module);
	const text = [
		'',
		'',
		`resource "aws_iam_role_policy" "${name}" {`,
		`  role = ${context.role}.id`,
		// l10n-ignore: HCL code
		'  policy = jsonencode({',
		'    Version = "2012-10-17"',
		'    Statement = [{',
		'      Effect   = "Allow"',
		`      Action   = [${statement.actions.map(hclString).join(', ')}]`,
		`      Resource = [${resources.join(', ')}]`,
		'    }]',
		'  })',
		'}',
	].join('\n');
	const at = declaration.block.range.end;
	return {
		title: l10n.t('Add an aws_iam_role_policy granting {0} to {1}', statement.actions.join(', '), context.role),
		edits: [{ start: at, end: at, newText: text }],
	};
}

/** A resource address not taken yet: `<name>`, `<name>_2`... */
function freeName(base: string, module: TerraformModule): string {
	let name = base;
	for (let n = 2; module.resources.has(`aws_iam_role_policy.${name}`); n++) {
		name = `${base}_${n}`;
	}
	return name;
}

/** How the statement names a resource: a reference where the configuration declares it, else the literal ARN. */
function resourceExpression(resource: NeededResource, context: StatementContext): string | undefined {
	switch (resource.kind) {
		case 'destination':
		case 'destination-objects': {
			const arn = arnExpression(['DestinationConfig', 'OnFailure', 'Destination'], context);
			if (!arn) {
				return undefined;
			}
			return resource.kind === 'destination' ? arn.expression : arn.literal ? hclString(`${arn.literal}/*`) : `"\${${arn.expression}}/*"`;
		}
		case 'kafka-cluster':
			return arnExpression(['EventSourceArn'], context)?.expression;
		case 'kafka-topic': {
			const cluster = arnExpression(['EventSourceArn'], context);
			if (!cluster) {
				return undefined;
			}
			// A topic's ARN is its cluster's with `:topic/` for `:cluster/`, followed by the topic name.
			return cluster.literal
				? hclString(`${cluster.literal.replace(':cluster/', ':topic/')}/${resource.topic}`)
				: `"\${replace(${cluster.expression}, ":cluster/", ":topic/")}/${resource.topic}"`;
		}
	}
}

/** The ARN at a request path: a literal, or a reference to a resource's `arn`. */
function arnExpression(path: string[], context: StatementContext): { expression: string; literal?: string } | undefined {
	const { mapped } = context;
	const reference = mapped.references.get(path.join('.'));
	if (reference) {
		const attribute = reference.attribute.length === 0 ? [] : reference.attribute;
		if (attribute.length !== 1 || attribute[0] !== 'arn') {
			return undefined;
		}
		return { expression: `${reference.data ? 'data.' : ''}${reference.resourceType}.${reference.resourceName}.arn` };
	}
	let value: unknown = mapped.request;
	let location: Located | undefined = mapped.loc;
	for (const segment of path) {
		value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
		location = location?.children?.get(segment);
	}
	// A partly determined ARN ("arn:aws:sqs:${var.region}:...") is not written out with its stand-ins.
	if (typeof value !== 'string' || !value.startsWith('arn:') || location?.placeholders || location?.unknown) {
		return undefined;
	}
	return { expression: hclString(value), literal: value };
}
