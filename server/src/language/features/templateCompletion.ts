/**
 * Completion in a block-YAML CloudFormation or SAM template, inside Kafka mappings: the property
 * names a mapping's properties (or a nested object of them) may still take, spelt as the template
 * spells them, with their documentation; the values of a property with a fixed set; and snippets
 * for a whole Kafka event source mapping (under `Resources`) or SAM MSK event (under a function's
 * `Events`).
 *
 * Where the cursor is comes from indentation: the keys of the lines above with less indentation
 * are its parents. The line being typed is blanked before the template is read, so a half-typed key
 * (which is not YAML yet) does not hide the mapping it is in.
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath, PathSegment } from '../../../../shared/jsonPath';
import { resolveRef, schemaAtPath, typesOf } from '../schema/schemaLookup';
import type { Schema, SchemaRegistry } from '../schema/schemaRegistry';
import { readTemplate } from '../templates/cfn/analyzeTemplate';
import type { MappingFormat } from '../templates/cfn/sourcePaths';
import { requestPathOf, samConfigKey, sourceKeyOf } from '../templates/cfn/sourcePaths';
import type { TemplateMapping } from '../templates/cfn/templateMappings';
import type { ParsedTemplate, TemplateNode } from '../templates/cfn/templateNodes';
import { deref, isMap, isSeq, memberNode, pairsOf, parseTemplate } from '../templates/cfn/templateNodes';
import type { CompletionCandidate } from './completionCandidate';
import { schemaHover } from './schemaHover';

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_]*)$/;
const VALUE_LINE = /^(\s*)(-\s+)?([A-Za-z_]+):\s+([A-Za-z_]*)$/;
const SAM_DESTINATION_TYPES = ['SQS', 'SNS', 'S3', 'Kafka'];

export function templateCompletions(text: string, offset: number, registry: SchemaRegistry): CompletionCandidate[] {
	if (/^\s*\{/.test(text)) {
		// JSON templates are written by tools (cdk synth), seldom by hand.
		return [];
	}
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
	const before = text.slice(lineStart, offset);
	const keyLine = KEY_LINE.exec(before);
	const valueLine = keyLine ? null : VALUE_LINE.exec(before);
	if (!keyLine && !valueLine) {
		return [];
	}
	const match = (keyLine ?? valueLine)!;
	const indent = match[1].length + (match[2]?.length ?? 0);
	// On a `- ` line, the parents are those of the list: its items above are siblings.
	const parents = parentKeys(text, lineStart, match[2] !== undefined ? match[1].length : indent);
	if (match[2] !== undefined) {
		parents.push(0);
	}
	const blanked = text.slice(0, lineStart) + ' '.repeat(lineEnd - lineStart) + text.slice(lineEnd);
	const document = readTemplate(blanked);
	const range = { start: offset - (keyLine ? keyLine[3] : valueLine![4]).length, end: offset };
	if (keyLine) {
		const snippets = snippetCandidates(document.parsed ?? parseTemplate(blanked), parents, indent, range);
		if (snippets.length > 0) {
			return snippets;
		}
	}
	for (const mapping of document.mappings) {
		const prefix = mapping.sourcePrefix;
		if (parents.length >= prefix.length && prefix.every((key, i) => parents[i] === key)) {
			const sourcePath = parents.slice(prefix.length);
			const root = registry.schema('esm-request');
			return keyLine
				? keyCandidates(root, mapping, document.parsed!, sourcePath, indent, range)
				: valueCandidates(root, mapping.format, [...sourcePath, valueLine![3]], range);
		}
	}
	return [];
}

/**
 * The keys of the lines above with less indentation than `indent`, outermost first. A `- ` item
 * holding the cursor counts as index 0: completion only needs the array's item schema.
 */
function parentKeys(text: string, lineStart: number, indent: number): PathSegment[] {
	const keys: PathSegment[] = [];
	let limit = indent;
	let end = lineStart - 1;
	while (end > 0 && limit > 0) {
		const start = text.lastIndexOf('\n', end - 1) + 1;
		const line = splitLine(text.slice(start, end));
		end = start - 1;
		if (line.content.trim() === '' || line.content.startsWith('#')) {
			continue;
		}
		const column = line.lead + line.dash;
		if (column < limit) {
			const key = keyOf(line.content);
			if (key !== undefined) {
				keys.unshift(key);
			}
			limit = column;
		}
		if (line.dash > 0 && line.lead < limit) {
			keys.unshift(0);
			limit = line.lead;
		}
	}
	return keys;
}

/** A line's leading spaces, the width of a `- ` after them (0 if none), and the rest. */
function splitLine(line: string): { lead: number; dash: number; content: string } {
	let lead = 0;
	while (line[lead] === ' ') {
		lead++;
	}
	let dash = 0;
	if (line[lead] === '-' && line[lead + 1] === ' ') {
		dash = 1;
		while (line[lead + dash] === ' ') {
			dash++;
		}
	}
	return { lead, dash, content: line.slice(lead + dash) };
}

/** The key a `key:` line opens (quotes removed), read without a regex: lines may be long. */
function keyOf(content: string): string | undefined {
	const colon = content.indexOf(':');
	if (colon <= 0 || (colon + 1 < content.length && content[colon + 1] !== ' ')) {
		return undefined;
	}
	const key = content
		.slice(0, colon)
		.trim()
		.replace(/^(['"])(.*)\1$/, '$2');
	return key === '' || key.includes('#') ? undefined : key;
}

function insertFor(key: string, schema: Schema | undefined, root: Schema, indent: number): string {
	const resolved = schema && resolveRef(root, schema);
	const types = resolved ? typesOf(resolved) : [];
	const pad = ' '.repeat(indent + 2);
	if (resolved?.enum) {
		return `${key}: \${1|${resolved.enum.map((v) => String(v).replace(/[,|]/g, '')).join(',')}|}`;
	}
	if (types.includes('object')) {
		return `${key}:\n${pad}$0`;
	}
	if (types.includes('array')) {
		return `${key}:\n${pad}- $0`;
	}
	return types.includes('boolean') ? `${key}: \${1|true,false|}` : `${key}: $0`;
}

function keyCandidates(
	root: Schema,
	mapping: TemplateMapping,
	template: ParsedTemplate,
	sourcePath: PathSegment[],
	indent: number,
	range: { start: number; end: number },
): CompletionCandidate[] {
	const requestPath = requestPathOf(mapping.format, sourcePath);
	const schema = requestPath && schemaAtPath(root, requestPath);
	const present = new Set(pairsOf(nodeAt(template, mapping.properties, sourcePath)).map((p) => p.key));
	const candidates: CompletionCandidate[] = [];
	const add = (key: string, child: Schema | undefined): void => {
		if (!present.has(key) && !candidates.some((c) => c.label === key)) {
			candidates.push({
				label: key,
				kind: 'property',
				insertText: insertFor(key, child, root, indent),
				replaceStart: range.start,
				replaceEnd: range.end,
				...(child ? { documentation: schemaHover(resolveRef(root, child) ?? child, key, undefined) } : {}),
			});
		}
	};
	for (const [requestKey, child] of Object.entries(schema && requestPath ? (resolveRef(root, schema)?.properties ?? {}) : {})) {
		const key = sourceKeyOf(mapping.format, requestPath!, requestKey);
		const renamed =
			requestPath!.length === 0 && requestKey === 'SelfManagedEventSource'
				? schemaAtPath(root, ['SelfManagedEventSource', 'Endpoints', 'KAFKA_BOOTSTRAP_SERVERS'])
				: child;
		if (key !== undefined) {
			add(key, renamed);
		}
	}
	if (mapping.format !== 'cloudformation' && sourcePath.length === 0) {
		for (const key of ['ConsumerGroupId', 'SchemaRegistryConfig']) {
			add(key, schemaAtPath(root, [samConfigKey(mapping.format), key]));
		}
	}
	if (mapping.format !== 'cloudformation' && sourcePath.join('.') === 'DestinationConfig.OnFailure') {
		candidates.push({
			label: 'Type',
			kind: 'property',
			// l10n-ignore: template code
			insertText: `Type: \${1|${SAM_DESTINATION_TYPES.join(',')}|}`,
			replaceStart: range.start,
			replaceEnd: range.end,
			detail: l10n.t('SAM: the permission SAM adds'),
		});
	}
	return candidates;
}

function valueCandidates(root: Schema, format: MappingFormat, sourcePath: PathSegment[], range: { start: number; end: number }): CompletionCandidate[] {
	const requestPath: JsonPath | undefined = requestPathOf(format, sourcePath);
	const values = requestPath ? (resolveRef(root, schemaAtPath(root, requestPath) ?? {})?.enum ?? []) : SAM_DESTINATION_TYPES;
	const schema = requestPath ? schemaAtPath(root, requestPath) : undefined;
	const booleans = schema && typesOf(resolveRef(root, schema) ?? schema).includes('boolean') ? [true, false] : [];
	return [...values, ...booleans].map((value) => ({
		label: String(value),
		kind: 'value',
		insertText: String(value),
		replaceStart: range.start,
		replaceEnd: range.end,
	}));
}

function nodeAt(template: ParsedTemplate, start: TemplateNode | undefined, path: PathSegment[]): TemplateNode | undefined {
	let node = start;
	for (const segment of path) {
		node =
			typeof segment === 'number'
				? isSeq(node)
					? deref(template, node.items[segment])
					: undefined
				: isMap(node)
					? memberNode(template, node, segment)
					: undefined;
	}
	return node;
}

const MSK_EVENT = (indent: string): string =>
	[
		'${1:Kafka}:',
		// l10n-ignore: template code
		'  Type: MSK',
		'  Properties:',
		'    Stream: ${2:arn:aws:kafka:us-east-1:123456789012:cluster/name/uuid}',
		'    Topics:',
		'      - ${3:orders}',
		'    StartingPosition: ${4|LATEST,TRIM_HORIZON,AT_TIMESTAMP|}',
		'    ProvisionedPollerConfig:',
		'      MinimumPollers: 1',
		'      MaximumPollers: 3',
		'    MaximumRetryAttempts: 3',
		'    DestinationConfig:',
		'      OnFailure:',
		// l10n-ignore: template code
		'        Type: SQS',
		// l10n-ignore: template code
		'        Destination: ${5:!GetAtt Dlq.Arn}',
	].join(`\n${indent}`);

const MAPPING_RESOURCE = (indent: string): string =>
	[
		'${1:KafkaMapping}:',
		// l10n-ignore: template code
		'  Type: AWS::Lambda::EventSourceMapping',
		'  Properties:',
		// l10n-ignore: template code
		'    FunctionName: ${2:!Ref Function}',
		'    EventSourceArn: ${3:arn:aws:kafka:us-east-1:123456789012:cluster/name/uuid}',
		'    Topics:',
		'      - ${4:orders}',
		'    StartingPosition: ${5|LATEST,TRIM_HORIZON,AT_TIMESTAMP|}',
		'    ProvisionedPollerConfig:',
		'      MinimumPollers: 1',
		'      MaximumPollers: 3',
		'    MaximumRetryAttempts: 3',
		'    DestinationConfig:',
		'      OnFailure:',
		// l10n-ignore: template code
		'        Destination: ${6:!GetAtt Dlq.Arn}',
	].join(`\n${indent}`);

/** Whole mappings: a resource under `Resources`, an MSK event under a SAM function's `Events`. */
function snippetCandidates(template: ParsedTemplate, parents: PathSegment[], indent: number, range: { start: number; end: number }): CompletionCandidate[] {
	const pad = ' '.repeat(indent);
	const snippet = (label: string, body: string): CompletionCandidate => ({
		label,
		kind: 'snippet',
		insertText: body,
		replaceStart: range.start,
		replaceEnd: range.end,
		detail: 'Lambda Kafka',
	});
	if (parents.length === 1 && parents[0] === 'Resources') {
		return [snippet(l10n.t('Kafka event source mapping ({0})', 'AWS::Lambda::EventSourceMapping'), MAPPING_RESOURCE(pad))];
	}
	if (parents.length === 4 && parents[0] === 'Resources' && parents[2] === 'Properties' && parents[3] === 'Events') {
		const type = memberNode(template, memberNode(template, memberNode(template, template.root, 'Resources'), String(parents[1])), 'Type');
		if (type && String((type as { value?: unknown }).value) === 'AWS::Serverless::Function') {
			return [snippet(l10n.t('MSK event with an on-failure destination'), MSK_EVENT(pad))];
		}
	}
	return [];
}
