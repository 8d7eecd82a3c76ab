/**
 * Completion from the schemas: the keys an object may still take (with a value template of the
 * right type), the enum values and booleans of a value, and the schema's snippets (one per
 * destination type, whole requests...). An empty file is offered the snippets of every kind.
 */
import { schemaText } from '../schema/schemaText';
import type { Node } from 'jsonc-parser';
import { DOCUMENT_KIND_TITLES } from '../../../../shared/documentKinds';
import { isObject, valueAt } from '../../../../shared/jsonPath';
import { resolveRef, schemaAtPath, typesOf } from '../schema/schemaLookup';
import type { Schema, SchemaKind, SchemaRegistry } from '../schema/schemaRegistry';
import { hasSchema } from '../schema/schemaRegistry';
import type { DocumentAnalysis } from '../validation/pipeline';
import { positionContext } from './documentPosition';
import { schemaHover } from './hover';
import { terraformCompletions } from '../terraform/terraformFeatures';
import type { CompletionCandidate } from './completionCandidate';
import { templateCompletions } from './templateCompletion';

export type { CompletionCandidate } from './completionCandidate';

const ROOT_SNIPPET_KINDS: SchemaKind[] = ['destination-config', 'esm-request', 'failure-record'];

export function computeCompletions(text: string, analysis: DocumentAnalysis, offset: number, registry: SchemaRegistry): CompletionCandidate[] {
	if (analysis.terraformText !== undefined) {
		return terraformCompletions(text, offset);
	}
	if (analysis.kind === 'cfn-template') {
		return templateCompletions(text, offset, registry);
	}
	if (analysis.kind === 'unknown') {
		return emptyDocumentSnippets(text, registry);
	}
	const context = positionContext(analysis, offset);
	if (!context || !hasSchema(context.kind) || context.insideString) {
		// Inside an escaped payload string, inserted text would need escaping: offer nothing there.
		return [];
	}
	const root = registry.schema(context.kind);
	const node = context.node;
	const location = { path: context.textPath, isAtPropertyKey: context.isAtPropertyKey };
	const replace = (n: Node | undefined): { start: number; end: number } =>
		n &&
		(n.type === 'string' || n.type === 'number' || n.type === 'boolean' || n.type === 'null') &&
		context.offset >= n.offset &&
		context.offset <= n.offset + n.length
			? context.toFileRange(n.offset, n.offset + n.length)
			: context.toFileRange(context.offset, context.offset);

	if (
		location.isAtPropertyKey ||
		(node === undefined &&
			isObject(valueAt(context.subject, context.path.slice(0, -1))) &&
			location.path.length > 0 &&
			location.path[location.path.length - 1] === '')
	) {
		const objectPath = context.path.slice(0, -1);
		const schema = schemaAtPath(root, objectPath);
		const present = valueAt(context.subject, objectPath);
		const range = replace(location.isAtPropertyKey ? node : undefined);
		return propertyCandidates(schema, isObject(present) ? present : {}, root, range, context.path[context.path.length - 1]);
	}
	const schema = schemaAtPath(root, context.path);
	if (!schema) {
		return [];
	}
	return valueCandidates(schema, replace(node));
}

function propertyCandidates(
	schema: Schema | undefined,
	present: Record<string, unknown>,
	root: Schema,
	range: { start: number; end: number },
	current: string | number | undefined,
): CompletionCandidate[] {
	if (!schema?.properties) {
		return [];
	}
	const candidates: CompletionCandidate[] = [];
	for (const [key, propertySchema] of Object.entries(schema.properties)) {
		if ((Object.prototype.hasOwnProperty.call(present, key) && key !== current) || propertySchema.doNotSuggest || propertySchema.deprecationMessage) {
			continue;
		}
		const resolved = resolveRef(root, propertySchema);
		candidates.push({
			label: key,
			kind: 'property',
			insertText: `${JSON.stringify(key)}: ${valueTemplate(resolved)}`,
			filterText: JSON.stringify(key),
			replaceStart: range.start,
			replaceEnd: range.end,
			detail: schemaText(resolved.title),
			documentation: schemaHover(resolved, key, undefined),
		});
	}
	return candidates;
}

function valueCandidates(schema: Schema, range: { start: number; end: number }): CompletionCandidate[] {
	const candidates: CompletionCandidate[] = [];
	(schema.enum ?? []).forEach((value, i) => {
		const text = JSON.stringify(value);
		candidates.push({
			label: text,
			kind: 'value',
			insertText: escapeSnippet(text),
			replaceStart: range.start,
			replaceEnd: range.end,
			documentation: schemaText(schema.enumDescriptions?.[i]),
			filterText: text,
		});
	});
	if (typesOf(schema).includes('boolean')) {
		for (const text of ['true', 'false']) {
			candidates.push({ label: text, kind: 'value', insertText: text, replaceStart: range.start, replaceEnd: range.end });
		}
	}
	for (const snippet of schema.defaultSnippets ?? []) {
		const body = snippetText(snippet.body, snippet.bodyText);
		if (body !== undefined) {
			candidates.push({
				label: schemaText(snippet.label) ?? body,
				kind: 'snippet',
				insertText: body,
				replaceStart: range.start,
				replaceEnd: range.end,
				documentation: schemaText(snippet.description),
				filterText: body,
			});
		}
	}
	return candidates;
}

function emptyDocumentSnippets(text: string, registry: SchemaRegistry): CompletionCandidate[] {
	if (text.trim() !== '') {
		return [];
	}
	const candidates: CompletionCandidate[] = [];
	for (const kind of ROOT_SNIPPET_KINDS) {
		const schema = registry.schema(kind);
		for (const snippet of schema.defaultSnippets ?? []) {
			const body = snippetText(snippet.body, snippet.bodyText);
			if (body !== undefined) {
				candidates.push({
					label: schemaText(snippet.label) ?? kind,
					kind: 'snippet',
					insertText: body,
					replaceStart: 0,
					replaceEnd: text.length,
					detail: DOCUMENT_KIND_TITLES()[kind],
					documentation: schemaText(snippet.description),
				});
			}
		}
	}
	return candidates;
}

/** A value template for a key completion, with the cursor inside the value. */
function valueTemplate(schema: Schema): string {
	if (schema.enum && schema.enum.length > 0) {
		const choices = schema.enum.map((v) => escapeChoice(JSON.stringify(v))).join(',');
		return `\${1|${choices}|}`;
	}
	const snippet = schema.defaultSnippets?.[0];
	if (snippet) {
		const body = snippetText(snippet.body, snippet.bodyText);
		if (body !== undefined) {
			return body;
		}
	}
	switch (typesOf(schema)[0]) {
		case 'string':
			return '"$1"';
		case 'object':
			return '{$1}';
		case 'array':
			return '[$1]';
		case 'boolean':
			return '${1|true,false|}';
		case 'integer':
		case 'number':
			return typeof schema.default === 'number' ? `\${1:${schema.default}}` : '${1:0}';
		default:
			return '$1';
	}
}

/**
 * Turns a `defaultSnippets` body into snippet text, as VS Code's JSON support does: strings that
 * start with `^` are inserted raw, other strings are JSON-quoted with their `${…}` tab stops kept.
 */
export function snippetText(body: unknown, bodyText?: string): string | undefined {
	if (bodyText !== undefined) {
		return bodyText;
	}
	if (body === undefined) {
		return undefined;
	}
	return render(body, '');
}

function render(value: unknown, indent: string): string {
	if (typeof value === 'string') {
		return value.startsWith('^') ? value.slice(1) : JSON.stringify(value).replace(/\$(?!\{|[0-9])/g, '\\$');
	}
	if (Array.isArray(value)) {
		if (value.length === 0) {
			return '[]';
		}
		const inner = indent + '\t';
		return `[\n${value.map((v) => inner + render(v, inner)).join(',\n')}\n${indent}]`;
	}
	if (isObject(value)) {
		const keys = Object.keys(value);
		if (keys.length === 0) {
			return '{}';
		}
		const inner = indent + '\t';
		return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${render(value[k], inner)}`).join(',\n')}\n${indent}}`;
	}
	return String(value);
}

function escapeSnippet(text: string): string {
	return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
	return text.replace(/[$}\\,|]/g, (c) => `\\${c}`);
}
