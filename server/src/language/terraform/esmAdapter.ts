/**
 * Turns one `resource "aws_lambda_event_source_mapping"` into the CreateEventSourceMapping request
 * it stands for, in the Lambda API's names and shapes, so that the rules written for the API
 * check it unchanged; with a source map from request paths back to the Terraform text.
 *
 * Terraform's shapes differ from the API's in a few places, handled here: single nested blocks
 * become objects and repeated ones lists (esmFields.ts); `KAFKA_BOOTSTRAP_SERVERS` is one
 * comma-separated string (the API takes a list); `starting_position_timestamp` is RFC 3339 (the
 * API takes epoch seconds). Values are converted as Terraform converts them (`"10"` for a number);
 * a value of the wrong type is left out, because `terraform validate` reports it already.
 *
 * A value the configuration does not determine is an `UnknownValue` (templates/deploymentModel.ts):
 * present, so "missing field" rules stay quiet, and no problem is reported on it.
 */
import * as l10n from '@vscode/l10n';
import { member } from '../../../../shared/jsonPath';
import { UnknownValue } from '../templates/deploymentModel';
import type { Evaluated, Located, ReferenceFacts } from './evaluate';
import { evaluate, Unknown } from './evaluate';
import type { FieldSpec, FieldType } from './esmFields';
import { ESM_FIELDS } from './esmFields';
import type { HclBlock, HclBody } from './hclSyntax';
import { blockBody } from './hclSyntax';
import type { Declaration, TerraformFile, TerraformModule } from './terraformModule';

export interface MappedResource {
	/** The request in the Lambda API's names. */
	request: Record<string, unknown>;
	/** Where each member of the request is written (children keyed by API names and list indexes). */
	loc: Located;
	/** What the unknown values refer to, by API member path (`DestinationConfig.OnFailure.Destination`). */
	references: Map<string, ReferenceFacts>;
}

interface BuildContext {
	module: TerraformModule;
	file: TerraformFile;
	references: Map<string, ReferenceFacts>;
}

const MSK_RESOURCE_TYPES = new Set(['aws_msk_cluster', 'aws_msk_serverless_cluster']);

/**
 * An MSK cluster referenced by its resource (`aws_msk_cluster.c.arn`) has an ARN only after apply;
 * a stand-in of the right service lets the request rules know the source is Kafka. It is listed
 * as one whole placeholder, so nothing is reported on its characters.
 */
const MSK_ARN_STAND_IN = 'arn:aws:kafka:us-east-1:123456789012:cluster/unknown/unknown';

export function mapResource(declaration: Declaration, module: TerraformModule): MappedResource {
	const context: BuildContext = { module, file: declaration.file, references: new Map() };
	const built = buildObject(declaration.body(), ESM_FIELDS, context, []);
	const { block } = declaration;
	const header = block.labels[block.labels.length - 1]?.range ?? block.typeRange;
	built.loc.range = block.range;
	built.loc.keyRange = { start: block.typeRange.start, end: header.end };
	splitBootstrapServers(built);
	return { request: built.value, loc: built.loc, references: context.references };
}

/** Whether a mapped resource reads Kafka: an MSK or self-managed source, or Kafka-only settings when the source is undetermined. */
export function readsKafka(mapped: MappedResource): boolean {
	const source = mapped.request['EventSourceArn'];
	const sourceReference = mapped.references.get('EventSourceArn');
	if (sourceReference) {
		return MSK_RESOURCE_TYPES.has(sourceReference.resourceType);
	}
	if (typeof source === 'string' && !mapped.loc.children?.get('EventSourceArn')?.unknown) {
		return /^arn:[^:]*:kafka:/.test(source);
	}
	const kafkaOnly = ['SelfManagedEventSource', 'Topics', 'AmazonManagedKafkaEventSourceConfig', 'SelfManagedKafkaEventSourceConfig', 'ProvisionedPollerConfig'];
	return kafkaOnly.some((name) => name in mapped.request);
}

function buildObject(
	body: HclBody,
	fields: Record<string, FieldSpec>,
	context: BuildContext,
	path: string[],
): { value: Record<string, unknown>; loc: Located } {
	const value: Record<string, unknown> = {};
	const children = new Map<string | number, Located>();
	const loc: Located = { range: { start: 0, end: 0 }, children };
	for (const attribute of body.attributes) {
		const spec = fields[attribute.name];
		if (!spec || 'block' in spec || spec.api in value) {
			continue;
		}
		const converted = convert(evaluate(attribute.value, context.module, context.file), spec, context, [...path, spec.api]);
		if (converted) {
			value[spec.api] = converted.value;
			children.set(spec.api, { ...converted.loc, keyRange: attribute.nameRange, memberRange: attribute.range });
		}
	}
	for (const block of body.blocks) {
		addBlock(block, fields, context, path, value, children);
	}
	return { value, loc };
}

function addBlock(
	block: HclBlock,
	fields: Record<string, FieldSpec>,
	context: BuildContext,
	path: string[],
	value: Record<string, unknown>,
	children: Map<string | number, Located>,
): void {
	const dynamic = block.type === 'dynamic';
	const spec = fields[dynamic ? (block.labels[0]?.value ?? '') : block.type];
	if (!spec || !('block' in spec)) {
		return;
	}
	const where = { range: block.range, keyRange: dynamic ? (block.labels[0]?.range ?? block.typeRange) : block.typeRange, memberRange: block.range };
	if (dynamic) {
		// `dynamic` blocks are generated from values: present, content undetermined.
		// l10n-ignore: an internal reason, never shown
		value[spec.api] = new UnknownValue('a dynamic block');
		children.set(spec.api, { ...where, unknown: true });
		return;
	}
	const built = buildObject(blockBody(block, context.file.source), spec.block, context, [...path, spec.api]);
	const loc: Located = { ...built.loc, ...where };
	if (!spec.repeated) {
		if (!(spec.api in value)) {
			value[spec.api] = built.value;
			children.set(spec.api, loc);
		}
		return;
	}
	const list = (value[spec.api] ??= []) as unknown[];
	const listLoc = children.get(spec.api) ?? { range: block.range, keyRange: where.keyRange, children: new Map() };
	listLoc.children?.set(list.length, loc);
	listLoc.range = { start: listLoc.range.start, end: block.range.end };
	list.push(built.value);
	children.set(spec.api, listLoc);
}

function convert(evaluated: Evaluated, spec: Extract<FieldSpec, { type: FieldType }>, context: BuildContext, path: string[]): Evaluated | undefined {
	const { value, loc } = evaluated;
	if (value instanceof Unknown) {
		if (value.reference) {
			context.references.set(path.join('.'), value.reference);
		}
		if (spec.api === 'EventSourceArn' && value.reference && MSK_RESOURCE_TYPES.has(value.reference.resourceType) && refersToArn(value.reference)) {
			return { value: MSK_ARN_STAND_IN, loc: { ...loc, unknown: true, placeholders: [{ start: 0, end: MSK_ARN_STAND_IN.length }] } };
		}
		return { value: new UnknownValue(describe(value.reference)), loc: { ...loc, unknown: true } };
	}
	switch (spec.type) {
		case 'string':
			return spec.api === 'StartingPositionTimestamp' ? epochSeconds(evaluated) : asString(evaluated);
		case 'number':
			return typeof value === 'number' ? evaluated : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? { value: Number(value), loc } : undefined;
		case 'bool':
			return typeof value === 'boolean' ? evaluated : value === 'true' || value === 'false' ? { value: value === 'true', loc } : undefined;
		case 'string-list':
			return Array.isArray(value) ? convertElements(evaluated, value) : undefined;
		case 'string-map':
			return typeof value === 'object' && value !== null && !Array.isArray(value) ? { value: withUnknownValues(value), loc } : undefined;
	}
}

/** The evaluator's `Unknown` as the rules expect it: `UnknownValue`, at any depth. */
function withUnknownValues(value: unknown): unknown {
	if (value instanceof Unknown) {
		return new UnknownValue(describe(value.reference));
	}
	if (Array.isArray(value)) {
		return value.map(withUnknownValues);
	}
	if (typeof value === 'object' && value !== null) {
		const copy: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value)) {
			Object.defineProperty(copy, key, { value: withUnknownValues(inner), enumerable: true, writable: true, configurable: true });
		}
		return copy;
	}
	return value;
}

function asString(evaluated: Evaluated): Evaluated | undefined {
	const { value, loc } = evaluated;
	if (typeof value === 'string') {
		return evaluated;
	}
	return typeof value === 'number' || typeof value === 'boolean' ? { value: String(value), loc } : undefined;
}

/** A list of strings; an element the configuration does not determine is unknown. */
function convertElements(evaluated: Evaluated, items: unknown[]): Evaluated {
	const children = new Map<string | number, Located>();
	const value = items.map((item, index) => {
		const itemLoc = evaluated.loc.children?.get(index) ?? evaluated.loc;
		const converted = item instanceof Unknown ? undefined : asString({ value: item, loc: itemLoc });
		children.set(index, converted ? converted.loc : { ...itemLoc, unknown: true });
		// l10n-ignore: an internal reason, never shown
		return converted ? converted.value : new UnknownValue('not determined by the configuration');
	});
	return { value, loc: { ...evaluated.loc, children } };
}

/** Terraform takes RFC 3339 and sends epoch seconds; a value that is not RFC 3339 is the provider's to report. */
function epochSeconds(evaluated: Evaluated): Evaluated | undefined {
	const { value, loc } = evaluated;
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) {
		return undefined;
	}
	const millis = Date.parse(value);
	return Number.isNaN(millis) ? undefined : { value: Math.floor(millis / 1000), loc };
}

function refersToArn(reference: ReferenceFacts): boolean {
	return reference.attribute.length === 0 || reference.attribute[0] === 'arn';
}

function describe(reference: ReferenceFacts | undefined): string {
	return reference ? `${reference.data ? 'data.' : ''}${reference.resourceType}.${reference.resourceName}` : l10n.t('not determined by the configuration');
}

/** `KAFKA_BOOTSTRAP_SERVERS = "a:9092,b:9092"` is a list for the API: one element per server, each located in the string. */
function splitBootstrapServers(built: { value: Record<string, unknown>; loc: Located }): void {
	const endpoints = member(member(built.value, 'SelfManagedEventSource'), 'Endpoints');
	const servers = member(endpoints, 'KAFKA_BOOTSTRAP_SERVERS');
	const endpointsLoc = built.loc.children?.get('SelfManagedEventSource')?.children?.get('Endpoints');
	const serversLoc = endpointsLoc?.children?.get('KAFKA_BOOTSTRAP_SERVERS');
	if (typeof servers !== 'string' || !serversLoc || !endpoints || typeof endpoints !== 'object') {
		return;
	}
	const children = new Map<string | number, Located>();
	let start = 0;
	const list = servers.split(',').map((server, index) => {
		const end = start + server.length;
		const offsets = serversLoc.offsets?.slice(start, end + 1);
		const range = offsets ? { start: offsets[0], end: offsets[offsets.length - 1] } : serversLoc.range;
		const placeholders = serversLoc.placeholders
			?.filter((span) => span.start < end && span.end > start)
			.map((span) => ({ start: span.start - start, end: span.end - start }));
		children.set(index, { range, offsets, placeholders, unknown: serversLoc.unknown, indirect: serversLoc.indirect });
		start = end + 1;
		return server;
	});
	(endpoints as Record<string, unknown>)['KAFKA_BOOTSTRAP_SERVERS'] = list;
	serversLoc.children = children;
}
