/**
 * The Terraform adapter to the format-neutral rules (templates/deploymentModel.ts): a mapped
 * `aws_lambda_event_source_mapping` becomes a `MappingSubject` with a locator over the source
 * map, a writer of HCL, the placeholders of partly determined strings, and the facts the rules
 * across resources need (source kind, what the destination refers to, the execution role).
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import { pathKey } from '../../../../shared/jsonPath';
import type { MappingSubject, ReferencedResource, ResourceService, RoleFacts, SourceLocation, SourceRange, SourceWriter } from '../templates/deploymentModel';
import type { Located, ReferenceFacts } from './evaluate';
import type { MappedResource } from './esmAdapter';
import { executionRole } from './iamFacts';
import { hclString, lineRemoval } from './hclWriting';
import { statementInsertion } from './statementFix';
import type { Declaration, TerraformModule } from './terraformModule';

const DESTINATION_PATH = ['DestinationConfig', 'OnFailure', 'Destination'];

/** The ARN service of each resource type a destination may refer to. */
const SERVICES: Record<string, ResourceService> = {
	aws_sqs_queue: 'sqs',
	aws_sns_topic: 'sns',
	aws_s3_bucket: 's3',
	aws_lambda_function: 'lambda',
	aws_lambda_alias: 'lambda',
	aws_cloudwatch_event_bus: 'events',
	aws_msk_cluster: 'kafka',
	aws_msk_serverless_cluster: 'kafka',
};

/** What each attribute gives, by resource type (the provider's attribute references: an SQS queue's `id` is its URL, a bucket's its name). */
const YIELDS: Record<string, Record<string, ReferencedResource['yields']>> = {
	aws_sqs_queue: { arn: 'arn', id: 'url', url: 'url', name: 'name' },
	aws_sns_topic: { arn: 'arn', id: 'arn', name: 'name' },
	aws_s3_bucket: { arn: 'arn', id: 'name', bucket: 'name' },
};

export function terraformSubject(mapped: MappedResource, declaration: Declaration, module: TerraformModule): MappingSubject {
	const source = declaration.file.source;
	return {
		request: mapped.request,
		locator: { locate: (path) => locateIn(mapped.loc, path) },
		writer: terraformWriter(source),
		placeholders: placeholdersOf(mapped.loc),
		facts: {
			source: sourceKind(mapped),
			destination: destinationFacts(mapped, declaration, module),
			role: roleFacts(mapped, declaration, module),
			anchor: mapped.loc.keyRange ?? mapped.loc.range,
			name: `aws_lambda_event_source_mapping.${declaration.block.labels[1]?.value ?? ''}`,
		},
	};
}

function locateIn(root: Located, path: JsonPath): SourceLocation {
	let node = root;
	let depth = 0;
	for (const segment of path) {
		const child = node.children?.get(segment);
		if (!child) {
			break;
		}
		node = child;
		depth++;
	}
	const direct = !node.indirect && !node.unknown;
	// Offsets also map the written parts of a template; problems on its placeholders are dropped before.
	const offsets = direct ? node.offsets : undefined;
	return {
		depth,
		...(node.keyRange ? { key: node.keyRange } : {}),
		value: node.range,
		// Terraform spells members its own way: a key can be removed, never renamed to the API's name.
		keyMapsExactly: direct && node.memberRange !== undefined,
		// A template's placeholders are stand-ins: its text cannot be rewritten from the request's value.
		valueMapsExactly: direct && !node.placeholders && (node.offsets !== undefined || node.children === undefined),
		...(offsets ? { stringOffset: (decoded: number) => offsets[Math.min(decoded, offsets.length - 1)] } : {}),
	};
}

function terraformWriter(source: string): SourceWriter {
	return {
		key: () => undefined,
		value: (value) => (typeof value === 'string' ? hclString(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined),
		removeMember: (location) => (location.key ? lineRemoval(source, { start: location.key.start, end: location.value.end }) : undefined),
	};
}

function placeholdersOf(root: Located): Map<string, SourceRange[]> {
	const found = new Map<string, SourceRange[]>();
	const visit = (node: Located, path: (string | number)[]): void => {
		if (node.placeholders && node.placeholders.length > 0) {
			found.set(pathKey(path), node.placeholders);
		}
		for (const [segment, child] of node.children ?? []) {
			visit(child, [...path, segment]);
		}
	};
	visit(root, []);
	return found;
}

function sourceKind(mapped: MappedResource): 'msk' | 'self-managed' | 'unknown' {
	const reference = mapped.references.get('EventSourceArn');
	const arn = mapped.request['EventSourceArn'];
	if ((reference && SERVICES[reference.resourceType] === 'kafka') || (typeof arn === 'string' && /^arn:[^:]*:kafka:/.test(arn))) {
		return 'msk';
	}
	return 'SelfManagedEventSource' in mapped.request && arn === undefined ? 'self-managed' : 'unknown';
}

function destinationFacts(
	mapped: MappedResource,
	declaration: Declaration,
	module: TerraformModule,
): { path: JsonPath; resource?: ReferencedResource } | undefined {
	const location = mapped.loc.children?.get('DestinationConfig')?.children?.get('OnFailure')?.children?.get('Destination');
	if (!location) {
		return undefined;
	}
	const reference = mapped.references.get(DESTINATION_PATH.join('.'));
	const resource = reference ? referencedResource(reference, location, declaration, module) : undefined;
	return { path: DESTINATION_PATH, ...(resource ? { resource } : {}) };
}

function referencedResource(reference: ReferenceFacts, location: Located, declaration: Declaration, module: TerraformModule): ReferencedResource | undefined {
	const address = `${reference.resourceType}.${reference.resourceName}`;
	const declared = reference.data ? module.dataSources.has(address) : module.resources.has(address);
	if (!declared) {
		return undefined;
	}
	const attribute = typeof reference.attribute[0] === 'string' ? reference.attribute[0] : '';
	const service = SERVICES[reference.resourceType] ?? 'other';
	const yields = YIELDS[reference.resourceType]?.[attribute] ?? (attribute === 'arn' ? 'arn' : 'other');
	const prefix = reference.data ? 'data.' : '';
	const expression = declaration.file.source.slice(location.range.start, location.range.end);
	const arnText = `${prefix}${address}.arn`;
	const editable = !location.indirect && reference.attribute.length === 1;
	return {
		id: `${prefix}${address}`,
		type: reference.resourceType,
		service,
		yields,
		expression,
		...(editable && yields !== 'arn'
			? { arnFix: { title: l10n.t('Use {0}', arnText), edits: [{ start: location.range.start, end: location.range.end, newText: arnText }] } }
			: {}),
	};
}

function roleFacts(mapped: MappedResource, declaration: Declaration, module: TerraformModule): RoleFacts {
	const functionLocation = mapped.loc.children?.get('FunctionName');
	const literal = typeof mapped.request['FunctionName'] === 'string' && !functionLocation?.unknown;
	const role = executionRole(mapped.references.get('FunctionName'), literal, module);
	if (!('address' in role)) {
		return role;
	}
	return {
		kind: 'declared',
		id: role.address,
		statements: role.statements,
		complete: role.complete,
		grantedByFormat: [],
		insertStatement: (statement) => statementInsertion(statement, { mapped, declaration, module, role: role.address }),
	};
}
