/**
 * Hover and completion inside `aws_lambda_event_source_mapping` blocks: what an argument or
 * nested block is and which API member it becomes (esmFields.ts), the arguments a block may still
 * take, and the values of arguments that take a fixed set. Outside these blocks nothing is
 * offered: the rest of the file is HashiCorp's extension's to describe.
 */
import * as l10n from '@vscode/l10n';
import { MAPPING_RESOURCE } from './analyzeTerraform';
import type { FieldSpec } from './esmFields';
import { ESM_FIELDS } from './esmFields';
import { parseHcl } from './hclParser';
import type { HclBlock, HclBody } from './hclSyntax';
import { blockBody, topLevelBlocks } from './hclSyntax';

/** A hover (the shape of features/hover.ts's, declared here so the features import this module, not the reverse). */
export interface TerraformHover {
	markdown: string;
	start: number;
	end: number;
}

/** A completion candidate (the shape of features/completion.ts's). */
export interface TerraformCompletion {
	label: string;
	kind: 'property' | 'value';
	insertText: string;
	replaceStart: number;
	replaceEnd: number;
	detail?: string;
	documentation?: string;
}

interface Scope {
	fields: Record<string, FieldSpec>;
	body: HclBody;
	block: HclBlock;
	path: string[];
}

/** The innermost mapping block (or known nested block) whose braces hold `offset`. */
function scopeAt(text: string, offset: number): Scope | undefined {
	const tree = parseHcl(text);
	if (!tree) {
		return undefined;
	}
	try {
		const resource = topLevelBlocks(tree.rootNode, text).find(
			(block) => block.type === 'resource' && block.labels[0]?.value === MAPPING_RESOURCE && block.bodyStart <= offset && offset <= block.bodyEnd,
		);
		if (!resource) {
			return undefined;
		}
		let scope: Scope = { fields: ESM_FIELDS, body: blockBody(resource, text), block: resource, path: [] };
		for (;;) {
			const inner = scope.body.blocks.find((block) => block.bodyStart <= offset && offset <= block.bodyEnd);
			const spec = inner ? scope.fields[inner.type] : undefined;
			if (!inner || !spec || !('block' in spec)) {
				return scope;
			}
			scope = { fields: spec.block, body: blockBody(inner, text), block: inner, path: [...scope.path, spec.api] };
		}
	} finally {
		tree.delete();
	}
}

function describe(name: string, spec: FieldSpec, path: string[]): string {
	const api = [...path, spec.api].join('.');
	const values = 'values' in spec && spec.values ? `\n\n${l10n.t('Values: {0}', spec.values.map((value) => `\`${value}\``).join(', '))}` : '';
	return `**${name}** (API \`${api}\`)\n\n${spec.doc()}${values}`;
}

export function terraformHover(text: string, offset: number): TerraformHover | undefined {
	const scope = scopeAt(text, offset);
	if (!scope) {
		return undefined;
	}
	for (const attribute of scope.body.attributes) {
		const spec = scope.fields[attribute.name];
		if (spec && attribute.nameRange.start <= offset && offset < attribute.nameRange.end) {
			return { markdown: describe(attribute.name, spec, scope.path), ...attribute.nameRange };
		}
	}
	for (const block of scope.body.blocks) {
		const spec = scope.fields[block.type];
		if (spec && block.typeRange.start <= offset && offset < block.typeRange.end) {
			return { markdown: describe(block.type, spec, scope.path), ...block.typeRange };
		}
	}
	return undefined;
}

export function terraformCompletions(text: string, offset: number): TerraformCompletion[] {
	const scope = scopeAt(text, offset);
	if (!scope) {
		return [];
	}
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const before = text.slice(lineStart, offset);
	const valueContext = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"?([A-Za-z0-9_]*)$/.exec(before);
	if (valueContext) {
		const spec = scope.fields[valueContext[1]];
		const values = spec && 'values' in spec ? (spec.values ?? []) : [];
		const start = offset - valueContext[2].length - (before.endsWith(`"${valueContext[2]}`) ? 1 : 0);
		const end = text[offset] === '"' ? offset + 1 : offset;
		return values.map((value) => ({ label: value, kind: 'value', insertText: `"${value}"`, replaceStart: start, replaceEnd: end, detail: valueContext[1] }));
	}
	const nameContext = /^\s*([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
	if (!nameContext) {
		return [];
	}
	const typed = nameContext[1] ?? '';
	const present = new Set([...scope.body.attributes.map((attribute) => attribute.name), ...scope.body.blocks.map((block) => block.type)]);
	return Object.entries(scope.fields)
		.filter(([name, spec]) => !present.has(name) || ('block' in spec && spec.repeated))
		.map(([name, spec]): TerraformCompletion => ({
			label: name,
			kind: 'property',
			insertText: 'block' in spec ? `${name} {\n\t$0\n}` : `${name} = ${snippetValue(spec)}`,
			replaceStart: offset - typed.length,
			replaceEnd: offset,
			detail: [...scope.path, spec.api].join('.'),
			documentation: describe(name, spec, scope.path),
		}));
}

function snippetValue(spec: Extract<FieldSpec, { type: string }>): string {
	if (spec.values && spec.values.length > 0) {
		return spec.type === 'string-list' ? `["\${1|${spec.values.join(',')}|}"]` : `"\${1|${spec.values.join(',')}|}"`;
	}
	switch (spec.type) {
		case 'number':
			return '${1:1}';
		case 'bool':
			return '${1|true,false|}';
		case 'string-list':
			return '["$1"]';
		case 'string-map':
			return '{\n\t$1\n}';
		default:
			return '"$1"';
	}
}
