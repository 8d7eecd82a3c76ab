/**
 * HCL's structure with positions, read from tree-sitter's concrete syntax tree: bodies of
 * attributes and blocks, and expressions as literals, templates, tuples, objects, traversals
 * (`var.x`, `aws_sqs_queue.q.arn`) and function calls. Everything else (conditionals, `for`
 * expressions, operators) is `other`: its value depends on what the configuration cannot tell.
 *
 * Reading a tree node crosses into WebAssembly, so callers convert only what they look at: the
 * top-level blocks are listed cheaply (`topLevelBlocks`) and a block's body is read on demand.
 */
import type { Node } from 'web-tree-sitter';
import { decodeQuotedText } from './hclStrings';

export interface Span {
	start: number;
	end: number;
}

/** A piece of a string template: literal text, or an interpolation (`${...}`) or directive (`%{...}`). */
export type TemplatePart =
	/** `offsets[i]` is the source offset of decoded character i; one more entry marks the end. */
	{ kind: 'text'; value: string; offsets: readonly number[] } | { kind: 'interpolation'; expr: HclExpr; range: Span } | { kind: 'directive'; range: Span };

export type HclExpr =
	| { kind: 'number'; value: number; range: Span }
	| { kind: 'bool'; value: boolean; range: Span }
	| { kind: 'null'; range: Span }
	/** Quoted strings and heredocs, with or without interpolations. */
	| { kind: 'template'; parts: TemplatePart[]; range: Span; heredoc: boolean }
	| { kind: 'tuple'; items: HclExpr[]; range: Span }
	| { kind: 'object'; entries: HclObjectEntry[]; range: Span }
	/** `root.a.b[0]`: the root name and the steps after it (attribute names and literal indexes). */
	| { kind: 'traversal'; root: string; steps: (string | number)[]; range: Span; complete: boolean }
	| { kind: 'call'; name: string; args: HclExpr[]; range: Span }
	| { kind: 'other'; range: Span };

export interface HclObjectEntry {
	/** The key when it is a name or a plain string; undefined for a computed key. */
	key: string | undefined;
	keyRange: Span;
	value: HclExpr;
}

export interface HclAttribute {
	name: string;
	nameRange: Span;
	readonly value: HclExpr;
	range: Span;
}

export interface HclBlock {
	type: string;
	typeRange: Span;
	labels: { value: string; range: Span }[];
	/** From the block's type to its closing brace. */
	range: Span;
	/** Just after the opening brace and at the closing brace: where new attributes go. */
	bodyStart: number;
	bodyEnd: number;
	/** The block's syntax node, to read its body on demand. */
	readonly node: Node;
}

export interface HclBody {
	attributes: HclAttribute[];
	blocks: HclBlock[];
}

const spanOf = (node: Node): Span => ({ start: node.startIndex, end: node.endIndex });

/** The blocks of a file's top-level body (their bodies are read later, by `readBody`). */
export function topLevelBlocks(root: Node, source: string): HclBlock[] {
	const body = root.namedChildren.find((child) => child?.type === 'body');
	return body ? readBody(body, false, source).blocks : [];
}

/** The attributes and blocks of a block. */
export function blockBody(block: HclBlock, source: string): HclBody {
	// The body is the named child inside the braces that is not the closing brace itself.
	const body = block.node.namedChildren.find(
		(child) => child !== null && child.startIndex >= block.bodyStart && !(child.endIndex - child.startIndex === 1 && source[child.startIndex] === '}'),
	);
	return body ? readBody(body, true, source) : { attributes: [], blocks: [] };
}

function readBody(body: Node, withAttributes: boolean, source: string): HclBody {
	const result: HclBody = { attributes: [], blocks: [] };
	for (const child of body.namedChildren) {
		const kind = child ? memberKind(child, source) : undefined;
		if (kind === 'block') {
			const block = readBlock(child!, source);
			if (block) {
				result.blocks.push(block);
			}
		} else if (withAttributes && kind === 'attribute') {
			const attribute = readAttribute(child!, source);
			if (attribute) {
				result.attributes.push(attribute);
			}
		}
	}
	return result;
}

const ATTRIBUTE_START = /[A-Za-z_][\w-]*[ \t]*=(?!=)/y;
const BLOCK_START = /[A-Za-z_][\w-]*(?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*[ \t]*\{/y;

/**
 * Whether a body's child is an attribute (`name =`) or a block (`type "label" {`), from its text:
 * asking the node its type is a call into WebAssembly, and a body has one child per line. Comments
 * are neither; a damaged member read either way yields only what its intact parts show.
 */
function memberKind(node: Node, source: string): 'attribute' | 'block' | undefined {
	ATTRIBUTE_START.lastIndex = node.startIndex;
	if (ATTRIBUTE_START.test(source)) {
		return 'attribute';
	}
	BLOCK_START.lastIndex = node.startIndex;
	return BLOCK_START.test(source) ? 'block' : undefined;
}

const BLOCK_HEADER = /([A-Za-z_][\w-]*)((?:[ \t]+(?:"[^"\\\n$%]*"|[A-Za-z_][\w-]*))*)[ \t]*\{/y;
const LABEL = /"([^"\n]*)"|([A-Za-z_][\w-]*)/g;

function readBlock(node: Node, source: string): HclBlock | undefined {
	return readBlockHeader(node, source) ?? readBlockNodes(node, source);
}

/** A block's type and labels from its text (`type "label" name {`): no node is visited. */
function readBlockHeader(node: Node, source: string): HclBlock | undefined {
	BLOCK_HEADER.lastIndex = node.startIndex;
	const header = BLOCK_HEADER.exec(source);
	if (!header) {
		return undefined;
	}
	const start = node.startIndex;
	const labels: HclBlock['labels'] = [];
	const labelsStart = start + header[1].length;
	for (const label of header[2].matchAll(LABEL)) {
		const labelStart = labelsStart + label.index;
		labels.push({ value: label[1] ?? label[2], range: { start: labelStart, end: labelStart + label[0].length } });
	}
	const end = node.endIndex;
	const bodyEnd = source[end - 1] === '}' ? end - 1 : end;
	return {
		type: header[1],
		typeRange: { start, end: start + header[1].length },
		labels,
		range: spanOf(node),
		bodyStart: BLOCK_HEADER.lastIndex,
		bodyEnd,
		node,
	};
}

/** A block's type and labels from its nodes, for headers the text reading does not take (escaped labels). */
function readBlockNodes(node: Node, source: string): HclBlock | undefined {
	const children = node.children;
	const type = children[0];
	if (type?.type !== 'identifier') {
		return undefined;
	}
	const labels: HclBlock['labels'] = [];
	let bodyStart = node.endIndex;
	let bodyEnd = node.endIndex;
	for (const child of children) {
		if (child?.type === 'string_lit') {
			labels.push({ value: stringLiteralText(child, source), range: spanOf(child) });
		} else if (child?.type === 'identifier' && child !== type) {
			labels.push({ value: child.text, range: spanOf(child) });
		} else if (child?.type === 'block_start') {
			bodyStart = child.endIndex;
		} else if (child?.type === 'block_end') {
			bodyEnd = child.startIndex;
		}
	}
	return { type: type.text, typeRange: spanOf(type), labels, range: spanOf(node), bodyStart, bodyEnd, node };
}

function readAttribute(node: Node, source: string): HclAttribute | undefined {
	// memberKind saw `name =`: the first named child is the name.
	const name = node.firstNamedChild;
	if (!name) {
		return undefined;
	}
	// The value is read on first use: most attributes of most resources are never looked at, and
	// reading syntax nodes (each a call into WebAssembly) was most of the time of a check.
	let read: HclExpr | undefined;
	return {
		name: source.slice(name.startIndex, name.endIndex),
		nameRange: spanOf(name),
		get value() {
			const value = node.namedChildren[1];
			return (read ??= value ? readExpression(value, source) : { kind: 'other', range: spanOf(node) });
		},
		range: spanOf(node),
	};
}

/** The text of a label or object key written as a plain string (`"name"`). */
function stringLiteralText(node: Node, source: string): string {
	// Labels are plain names: read them from the text, without visiting their syntax nodes.
	const raw = source.slice(node.startIndex + 1, node.endIndex - 1);
	if (source[node.startIndex] === '"' && source[node.endIndex - 1] === '"' && !/[\\$%"]/.test(raw)) {
		return raw;
	}
	const parts = readQuotedTemplate(node, source);
	return parts.every((part) => part.kind === 'text') ? parts.map((part) => (part.kind === 'text' ? part.value : '')).join('') : node.text;
}

/** Reads an `expression` node (or one of the nodes an expression wraps). */
export function readExpression(node: Node, source: string): HclExpr {
	const range = spanOf(node);
	const simple = readSimpleExpression(source, range);
	if (simple) {
		return simple;
	}
	switch (node.type) {
		case 'expression':
			return readExpressionChildren(node, source);
		case 'literal_value':
		case 'collection_value':
		case 'template_expr':
			return node.firstNamedChild ? readExpression(node.firstNamedChild, source) : { kind: 'other', range };
		case 'numeric_lit':
			return { kind: 'number', value: Number(node.text), range };
		case 'bool_lit':
			return { kind: 'bool', value: node.text === 'true', range };
		case 'null_lit':
			return { kind: 'null', range };
		case 'string_lit':
		case 'quoted_template':
			return { kind: 'template', parts: readQuotedTemplate(node, source), range, heredoc: false };
		case 'heredoc_template':
			return { kind: 'template', parts: readHeredoc(node, source), range, heredoc: true };
		case 'tuple':
			return { kind: 'tuple', items: elementsOf(node, source).map((child) => readExpression(child, source)), range };
		case 'object':
			return { kind: 'object', entries: readObjectEntries(node, source), range };
		case 'function_call':
			return readCall(node, source);
		case 'operation':
			return readOperation(node, source);
		default:
			return { kind: 'other', range };
	}
}

/**
 * An `expression` node holds a head (a value or `variable_expr`) followed by postfix steps
 * (`get_attr`, `index`, splats): a traversal when the head is a name and each step is an
 * attribute or a literal index.
 */
function readExpressionChildren(node: Node, source: string): HclExpr {
	const children = node.namedChildren;
	const head = children[0];
	if (!head) {
		return { kind: 'other', range: spanOf(node) };
	}
	if (head.type !== 'variable_expr') {
		return children.length === 1 ? readExpression(head, source) : { kind: 'other', range: spanOf(node) };
	}
	const steps: (string | number)[] = [];
	let complete = true;
	for (const step of children.slice(1)) {
		const stepValue = traversalStep(step, source);
		if (stepValue === undefined) {
			complete = false;
			break;
		}
		steps.push(stepValue);
	}
	return { kind: 'traversal', root: head.text, steps, range: spanOf(node), complete };
}

function traversalStep(step: Node | null, source: string): string | number | undefined {
	if (step?.type === 'get_attr') {
		return step.lastNamedChild?.text;
	}
	if (step?.type === 'index') {
		const inner = step.firstNamedChild;
		const key = inner?.type === 'new_index' || inner?.type === 'legacy_index' ? inner : undefined;
		const text = key?.type === 'legacy_index' ? key.text.slice(1) : key?.firstNamedChild?.text;
		if (text !== undefined && /^\d+$/.test(text)) {
			return Number(text);
		}
		const expr = key?.firstNamedChild ? readExpression(key.firstNamedChild, source) : undefined;
		if (expr?.kind === 'template' && expr.parts.length === 1 && expr.parts[0].kind === 'text') {
			return expr.parts[0].value;
		}
	}
	return undefined;
}

function readObjectEntries(node: Node, source: string): HclObjectEntry[] {
	const entries: HclObjectEntry[] = [];
	for (const element of elementsOf(node, source)) {
		// An object element's named children are its key and value expressions (`=` is anonymous).
		const [keyNode, valueNode] = element.namedChildren;
		if (!keyNode || !valueNode) {
			continue;
		}
		const keyExpr = readExpression(keyNode, source);
		let key: string | undefined;
		if (keyExpr.kind === 'traversal' && keyExpr.steps.length === 0) {
			key = keyExpr.root;
		} else if (keyExpr.kind === 'template' && keyExpr.parts.every((part) => part.kind === 'text')) {
			key = keyExpr.parts.map((part) => (part.kind === 'text' ? part.value : '')).join('');
		}
		entries.push({ key, keyRange: spanOf(keyNode), value: readExpression(valueNode, source) });
	}
	return entries;
}

function readCall(node: Node, source: string): HclExpr {
	// `name(args)`: the name is the text before the parenthesis, the arguments node follows it.
	const [name, argumentsNode] = node.namedChildren;
	const args = argumentsNode ? argumentsNode.namedChildren.filter((child): child is Node => child !== null).map((child) => readExpression(child, source)) : [];
	return { kind: 'call', name: name ? source.slice(name.startIndex, name.endIndex) : '', args, range: spanOf(node) };
}

/**
 * The elements of a tuple or object: its named children but the bracket nodes (`tuple_start`,
 * `object_end`...), told apart by their one-character text rather than by asking each node its
 * type, a call into WebAssembly per element.
 */
function elementsOf(node: Node, source: string): Node[] {
	return node.namedChildren.filter(
		(child): child is Node => child !== null && !(child.endIndex - child.startIndex <= 1 && '[]{}'.includes(source[child.startIndex] ?? '')),
	);
}

/** Only a negative number literal (`-1`, used for "no limit") is read; other operations are `other`. */
function readOperation(node: Node, source: string): HclExpr {
	const unary = node.firstNamedChild;
	if (unary?.type === 'unary_operation' && unary.firstChild?.type === '-') {
		const operand = readExpression(unary.lastNamedChild ?? unary, source);
		if (operand.kind === 'number') {
			return { kind: 'number', value: -operand.value, range: spanOf(node) };
		}
	}
	return { kind: 'other', range: spanOf(node) };
}

/** The parts of a quoted string: text between the quotes (escapes decoded) and interpolations. */
function readQuotedTemplate(node: Node, source: string): TemplatePart[] {
	const open = node.firstChild;
	const close = node.lastChild;
	let cursor = open?.type === 'quoted_template_start' ? open.endIndex : node.startIndex;
	const end = close?.type === 'quoted_template_end' ? close.startIndex : node.endIndex;
	const parts: TemplatePart[] = [];
	const pushText = (from: number, to: number): void => {
		if (to > from) {
			parts.push({ kind: 'text', ...decodeQuotedText(source, from, to) });
		}
	};
	for (const child of node.namedChildren) {
		if (child?.type === 'template_interpolation' || child?.type === 'template_directive') {
			pushText(cursor, child.startIndex);
			parts.push(templatePart(child, source));
			cursor = child.endIndex;
		}
	}
	pushText(cursor, end);
	return parts;
}

function templatePart(node: Node, source: string): TemplatePart {
	if (node.type === 'template_interpolation') {
		const inner = node.namedChildren.find((child) => child?.type === 'expression');
		return { kind: 'interpolation', expr: inner ? readExpression(inner, source) : { kind: 'other', range: spanOf(node) }, range: spanOf(node) };
	}
	return { kind: 'directive', range: spanOf(node) };
}

/**
 * A heredoc's text: the lines between the opening and closing markers, with the common
 * indentation removed for `<<-`. Heredocs decode no backslash escapes; only `$${` and `%%{`
 * stand for `${` and `%{`. Interpolated heredocs are rare in mappings and policies, so their text
 * parts keep the heredoc's own start as offset (a problem in one underlines the whole heredoc).
 */
function readHeredoc(node: Node, source: string): TemplatePart[] {
	const identifiers = node.namedChildren.filter((child) => child?.type === 'heredoc_identifier');
	const opening = identifiers[0];
	const closing = identifiers[identifiers.length - 1];
	if (!opening || !closing || opening === closing) {
		return [];
	}
	const firstLine = source.indexOf('\n', opening.endIndex) + 1;
	const lastLine = source.lastIndexOf('\n', closing.startIndex) + 1;
	if (firstLine <= 0 || lastLine < firstLine) {
		return [];
	}
	const interpolations = node.namedChildren.filter((child) => child?.type === 'template_interpolation' || child?.type === 'template_directive');
	if (interpolations.length > 0) {
		return interpolations.map((child) => templatePart(child!, source));
	}
	let text = source.slice(firstLine, lastLine);
	if (node.firstChild?.text === '<<-') {
		text = removeCommonIndent(text);
	}
	text = text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
	return [{ kind: 'text', value: text, offsets: Array.from({ length: text.length + 1 }, () => node.startIndex) }];
}

function removeCommonIndent(text: string): string {
	const lines = text.split('\n');
	const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
	const common = indents.length > 0 ? Math.min(...indents) : 0;
	return lines.map((line) => line.slice(Math.min(common, line.length))).join('\n');
}

/** A plain string: no escapes, interpolations or directives (most values of a configuration). */
const PLAIN_STRING = /^"(?:[^"\\$%\n]|\$(?!\{)|%(?!\{))*"$/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** `root.name.name[0]`: names and literal indexes only. */
const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/;

/**
 * Literals and traversals read from the text alone. Every node visited below costs calls into
 * WebAssembly; most values are plain strings, numbers or references, which the text shows as
 * well as the tree (the tree has already said where the expression starts and ends).
 */
function readSimpleExpression(source: string, range: Span): HclExpr | undefined {
	const text = source.slice(range.start, range.end);
	if (text.length > 1000) {
		return undefined;
	}
	if (PLAIN_STRING.test(text)) {
		const value = text.slice(1, -1);
		const offsets = Array.from({ length: value.length + 1 }, (_, i) => range.start + 1 + i);
		return { kind: 'template', parts: value === '' ? [] : [{ kind: 'text', value, offsets }], range, heredoc: false };
	}
	if (NUMBER.test(text)) {
		return { kind: 'number', value: Number(text), range };
	}
	if (text === 'true' || text === 'false') {
		return { kind: 'bool', value: text === 'true', range };
	}
	if (text === 'null') {
		return { kind: 'null', range };
	}
	if (TRAVERSAL.test(text)) {
		const steps = text.match(/[A-Za-z_][\w-]*|\d+/g)!.map((step) => (/^\d+$/.test(step) ? Number(step) : step));
		const root = steps.shift() as string;
		return { kind: 'traversal', root, steps, range, complete: true };
	}
	return undefined;
}
