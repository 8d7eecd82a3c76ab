/**
 * Writes what fixes put into a template, in its own format: YAML keys and scalars plain where
 * YAML reads them back as the same string, else double-quoted (a JSON string is a valid YAML
 * double-quoted scalar); collections as JSON flow collections, which YAML reads too; in a JSON
 * template, JSON. Also renders a policy in block YAML or JSON for the permission fix, and copies
 * expressions (`!GetAtt Dlq.Arn`) from the template onto one line.
 */
import type { SourceLocation, SourceRange, SourceWriter } from '../deploymentModel';
import type { ParsedTemplate, TemplateNode } from './templateNodes';
import { isMap, isScalar, isSeq, nodeRange, pairsOf } from './templateNodes';
import { memberRemoval as jsonMemberRemoval } from '../../json/memberRemoval';

/** A value to write: text, a number, an expression already in the template's syntax, or a collection. */
export type Written = string | number | boolean | { expression: string } | readonly Written[] | { readonly [key: string]: Written };

const PLAIN_SAFE = /^[A-Za-z0-9_/.@$-][A-Za-z0-9_/.@$:+*-]*$/;
const YAML_SPECIAL = /^(?:true|false|null|yes|no|on|off|y|n|~|[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.inf|\.nan|0x[0-9a-f]+|0o[0-7]+))$/i;

/** A string as a YAML scalar: plain when YAML reads it back as this string, else double-quoted. */
export function yamlString(value: string): string {
	return PLAIN_SAFE.test(value) && !YAML_SPECIAL.test(value) && !value.includes(': ') && !value.endsWith(':') ? value : JSON.stringify(value);
}

function isExpression(value: Written): value is { expression: string } {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { expression?: unknown }).expression === 'string';
}

/** A value on one line: YAML flow or JSON. */
export function flowText(value: Written, json: boolean): string {
	if (typeof value === 'string') {
		return json ? JSON.stringify(value) : yamlString(value);
	}
	if (typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}
	if (isExpression(value)) {
		return value.expression;
	}
	if (Array.isArray(value)) {
		return `[${value.map((item: Written) => flowText(item, json)).join(', ')}]`;
	}
	const entries = Object.entries(value as Record<string, Written>);
	return `{${entries.map(([k, v]) => `${json ? JSON.stringify(k) : yamlString(k)}: ${flowText(v, json)}`).join(', ')}}`;
}

/**
 * A value as block YAML whose first line continues the current line (after `- ` or `key: `) and
 * whose other lines are indented by `indent` spaces. Scalars and expressions stay on the line.
 */
export function blockYaml(value: Written, indent: number): string {
	const pad = ' '.repeat(indent);
	if (Array.isArray(value)) {
		return value.map((item: Written, i) => `${i === 0 ? '' : `\n${pad}`}- ${blockYaml(item, indent + 2)}`).join('');
	}
	if (typeof value === 'object' && value !== null && !isExpression(value)) {
		return Object.entries(value as Record<string, Written>)
			.map(([key, child], i) => {
				const lead = `${i === 0 ? '' : `\n${pad}`}${yamlString(key)}:`;
				const nested = typeof child === 'object' && child !== null && !isExpression(child);
				return nested ? `${lead}\n${pad}  ${blockYaml(child, indent + 2)}` : `${lead} ${flowText(child, false)}`;
			})
			.join('');
	}
	return flowText(value, false);
}

/** A template node as one line of the template's syntax (for an expression copied into a fix). */
export function nodeText(template: ParsedTemplate, node: TemplateNode): string {
	const range = nodeRange(template.text, node);
	const raw = template.text.slice(range.start, range.end);
	if (!raw.includes('\n')) {
		return raw;
	}
	const tag = node.tag && !template.json ? `${node.tag} ` : '';
	if (isScalar(node)) {
		return `${tag}${JSON.stringify(String(node.value))}`;
	}
	if (isSeq(node)) {
		return `${tag}[${node.items.map((item) => nodeText(template, item as TemplateNode)).join(', ')}]`;
	}
	if (isMap(node)) {
		return `${tag}{${pairsOf(node)
			.map(({ key, pair }) => `${JSON.stringify(key)}: ${pair.value ? nodeText(template, pair.value as TemplateNode) : 'null'}`)
			.join(', ')}}`;
	}
	return raw
		.split('\n')
		.map((line) => line.trim())
		.join(' ');
}

/** The column of an offset: characters since the start of its line. */
export function columnOf(text: string, offset: number): number {
	return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

export function templateWriter(template: ParsedTemplate): SourceWriter {
	const json = template.json;
	return {
		key: (key) => (json ? JSON.stringify(key) : yamlString(key)),
		value: (value) => (value === undefined ? undefined : flowText(value as Written, json)),
		removeMember: (location) => (location.key ? memberRemoval(template.text, location.key, location.value, json) : undefined),
	};
}

/**
 * The edit that deletes a member. A block YAML member goes with its whole lines; a member of a flow
 * collection or of JSON goes with the comma that separates it. Nothing is offered where the
 * member shares its line with others in block YAML (`- Key: value`).
 */
function memberRemoval(text: string, key: SourceRange, value: SourceRange, json: boolean): { start: number; end: number; newText: string } | undefined {
	const lineStart = text.lastIndexOf('\n', key.start - 1) + 1;
	const before = text.slice(lineStart, key.start);
	if (!json && before.trim() === '') {
		// A block value's range may run past its line break: start from its last character.
		let end = value.end;
		while (end > key.end && /\s/.test(text[end - 1])) {
			end--;
		}
		while (end < text.length && text[end] !== '\n') {
			if (!/\s/.test(text[end])) {
				return text[end] === '#' ? lineRemoval(text, lineStart, end) : undefined;
			}
			end++;
		}
		return { start: lineStart, end: Math.min(text.length, end + 1), newText: '' };
	}
	if (!json && !/[{,]\s*$/.test(before)) {
		return undefined;
	}
	return jsonMemberRemoval(text, key.start, value.end);
}

function lineRemoval(text: string, start: number, from: number): { start: number; end: number; newText: string } {
	const end = text.indexOf('\n', from);
	return { start, end: end < 0 ? text.length : end + 1, newText: '' };
}

export type { SourceLocation };
