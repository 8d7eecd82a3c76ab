/**
 * Evaluates HCL expressions as far as the configuration determines them, keeping where each
 * value came from. Literals are values; `var.x` is its `default`; `local.x` is its expression;
 * `jsonencode`, `join`, `tolist`/`toset`, `lower`/`upper` apply to known arguments; a template is
 * its text with interpolations filled in, and an interpolation the configuration cannot tell
 * stands for a valid value (a placeholder whose characters no problem may point at). Anything else
 * (a resource's computed attribute, a data source, a module output, `count.index`) is `Unknown`,
 * which may still say what it refers to (`aws_sqs_queue.q.arn`) for rules across resources.
 */
import type { HclExpr, Span, TemplatePart } from './hclSyntax';
import type { Definition, TerraformFile, TerraformModule } from './terraformModule';

/** What a resource reference names: `aws_sqs_queue.q.arn` is type, name and attribute path. */
export interface ReferenceFacts {
	resourceType: string;
	resourceName: string;
	attribute: readonly (string | number)[];
	/** A data source (`data.aws_msk_cluster.c.arn`) rather than a managed resource. */
	data?: boolean;
}

/** A value the configuration does not determine. */
export class Unknown {
	constructor(readonly reference?: ReferenceFacts) {}
}

/** Where an evaluated value is written, in the document's text. */
export interface Located {
	range: Span;
	/** The member's name (an attribute's or a block's type), for problems about the member itself. */
	keyRange?: Span;
	/** The whole member (name and value, or the whole block), for fixes that remove it. */
	memberRange?: Span;
	/** The value is written elsewhere (a variable's default, a local): `range` is where it is used. */
	indirect?: boolean;
	/** For strings written in the document: the source offset of each character, plus the end. */
	offsets?: readonly number[];
	/** Character spans of a string that stand for values the configuration does not determine. */
	placeholders?: Span[];
	/** The value (or a stand-in for it) is not determined by the configuration. */
	unknown?: boolean;
	/** For tuples and objects: each element's location. */
	children?: Map<string | number, Located>;
}

export interface Evaluated {
	value: unknown;
	loc: Located;
}

/** How deep references may lead (locals referring to locals); deeper is a cycle or abuse. */
const MAX_DEPTH = 32;

export interface EvaluateOptions {
	/** What an undetermined interpolation reads as: a value valid in its place (the default), or this text. */
	placeholder?: string;
}

interface Scope {
	module: TerraformModule;
	options: EvaluateOptions;
	/** The document range every value is reported at when the expression is elsewhere (a variable's default). */
	useSite: Span | undefined;
	depth: number;
}

export function evaluate(expr: HclExpr, module: TerraformModule, file: TerraformFile, options: EvaluateOptions = {}): Evaluated {
	return evaluateIn(expr, { module, options, useSite: file.isDocument ? undefined : expr.range, depth: 0 });
}

function located(expr: HclExpr, scope: Scope, extra: Partial<Located> = {}): Located {
	return scope.useSite ? { ...extra, range: scope.useSite, offsets: undefined, indirect: true } : { ...extra, range: expr.range };
}

function unknown(expr: HclExpr, scope: Scope, reference?: ReferenceFacts): Evaluated {
	return { value: new Unknown(reference), loc: located(expr, scope, { unknown: true }) };
}

function evaluateIn(expr: HclExpr, scope: Scope): Evaluated {
	switch (expr.kind) {
		case 'number':
		case 'bool':
			return { value: expr.value, loc: located(expr, scope) };
		case 'null':
			return { value: null, loc: located(expr, scope) };
		case 'template':
			return evaluateTemplate(expr, expr.parts, scope);
		case 'tuple': {
			const children = new Map<number, Located>();
			const value = expr.items.map((item, index) => {
				const element = evaluateIn(item, scope);
				children.set(index, element.loc);
				return element.value;
			});
			return { value, loc: located(expr, scope, { children }) };
		}
		case 'object':
			return evaluateObject(expr, scope);
		case 'traversal':
			return evaluateTraversal(expr, scope);
		case 'call':
			return evaluateCall(expr, scope);
		case 'other':
			return unknown(expr, scope);
	}
}

function evaluateObject(expr: Extract<HclExpr, { kind: 'object' }>, scope: Scope): Evaluated {
	const value: Record<string, unknown> = {};
	const children = new Map<string, Located>();
	for (const entry of expr.entries) {
		if (entry.key === undefined) {
			continue;
		}
		const member = evaluateIn(entry.value, scope);
		Object.defineProperty(value, entry.key, { value: member.value, enumerable: true, writable: true, configurable: true });
		children.set(entry.key, member.loc);
	}
	return { value, loc: located(expr, scope, { children }) };
}

/** Stand-ins for unknown interpolations, by the ARN part they fill: valid there, so no rule trips on them. */
const ARN_PART_STAND_INS = ['arn', 'aws', 'sqs', 'us-east-1', '123456789012'];

function evaluateTemplate(expr: HclExpr, parts: readonly TemplatePart[], scope: Scope): Evaluated {
	let text = '';
	const offsets: number[] = [];
	const placeholders: Span[] = [];
	let wholeUnknown: Evaluated | undefined;
	for (const part of parts) {
		if (part.kind === 'text') {
			text += part.value;
			offsets.push(...part.offsets.slice(0, part.value.length));
			continue;
		}
		const inner = part.kind === 'interpolation' ? evaluateIn(part.expr, { ...scope, useSite: scope.useSite ?? part.range }) : undefined;
		const innerValue = inner?.value;
		if (typeof innerValue === 'string' || typeof innerValue === 'number' || typeof innerValue === 'boolean') {
			const piece = String(innerValue);
			text += piece;
			offsets.push(...piece.split('').map(() => part.range.start));
			continue;
		}
		if (parts.length === 1 && inner) {
			// "${aws_sqs_queue.q.arn}" is the reference itself (the Terraform 0.11 style).
			wholeUnknown = inner;
			break;
		}
		const standIn = scope.options.placeholder ?? placeholderFor(text);
		placeholders.push({ start: text.length, end: text.length + standIn.length });
		text += standIn;
		offsets.push(...standIn.split('').map(() => part.range.start));
	}
	if (wholeUnknown) {
		return wholeUnknown;
	}
	const end = parts.length > 0 ? lastOffset(parts[parts.length - 1]) : expr.range.end;
	offsets.push(end);
	const extra: Partial<Located> = scope.useSite ? {} : { offsets };
	if (placeholders.length > 0) {
		extra.placeholders = placeholders;
	}
	return { value: text, loc: located(expr, scope, extra) };
}

function lastOffset(part: TemplatePart): number {
	return part.kind === 'text' ? part.offsets[part.offsets.length - 1] : part.range.end;
}

/** What an unknown interpolation after `before` stands for: an ARN part valid in its place, else a letter. */
function placeholderFor(before: string): string {
	if (!before.startsWith('arn:')) {
		return 'x';
	}
	const part = before.split(':').length - 1;
	return ARN_PART_STAND_INS[part] ?? 'x';
}

function evaluateTraversal(expr: Extract<HclExpr, { kind: 'traversal' }>, scope: Scope): Evaluated {
	const [first, ...rest] = expr.steps;
	if (scope.depth >= MAX_DEPTH || !expr.complete) {
		return unknown(expr, scope);
	}
	if ((expr.root === 'var' || expr.root === 'local') && typeof first === 'string') {
		const definition = expr.root === 'var' ? scope.module.variables.get(first)?.default : scope.module.locals.get(first);
		return definition ? applySteps(evaluateDefinition(definition, expr, scope), rest, expr, scope) : unknown(expr, scope);
	}
	if (/^aws_/.test(expr.root) && typeof first === 'string') {
		return unknown(expr, scope, { resourceType: expr.root, resourceName: first, attribute: rest });
	}
	const [type, name, ...attribute] = expr.steps;
	if (expr.root === 'data' && typeof type === 'string' && typeof name === 'string') {
		return unknown(expr, scope, { resourceType: type, resourceName: name, attribute, data: true });
	}
	return unknown(expr, scope);
}

function evaluateDefinition(definition: Definition, use: HclExpr, scope: Scope): Evaluated {
	// A value defined elsewhere is reported where it is used: that is the text the user is editing.
	return evaluateIn(definition.attribute.value, { ...scope, useSite: scope.useSite ?? use.range, depth: scope.depth + 1 });
}

function applySteps(base: Evaluated, steps: readonly (string | number)[], expr: HclExpr, scope: Scope): Evaluated {
	let current = base;
	for (const step of steps) {
		const container = current.value as Record<string | number, unknown> | undefined;
		const has = typeof container === 'object' && container !== null && Object.prototype.hasOwnProperty.call(container, step);
		if (!has || container instanceof Unknown) {
			return unknown(expr, scope);
		}
		current = { value: container[step], loc: current.loc.children?.get(step) ?? current.loc };
	}
	return current;
}

function evaluateCall(expr: Extract<HclExpr, { kind: 'call' }>, scope: Scope): Evaluated {
	const args = expr.args.map((arg) => evaluateIn(arg, scope));
	const known = args.every((arg) => isKnown(arg.value));
	const result = (value: unknown): Evaluated => ({ value, loc: located(expr, scope) });
	switch (expr.name) {
		case 'tolist':
		case 'toset':
			return args.length === 1 ? args[0] : unknown(expr, scope);
		case 'jsonencode':
			return known && args.length === 1 ? result(JSON.stringify(args[0].value)) : unknown(expr, scope);
		case 'join':
			return known && typeof args[0]?.value === 'string' && Array.isArray(args[1]?.value)
				? result((args[1].value as unknown[]).join(args[0].value))
				: unknown(expr, scope);
		case 'lower':
		case 'upper':
			return known && typeof args[0]?.value === 'string'
				? result(expr.name === 'lower' ? args[0].value.toLowerCase() : args[0].value.toUpperCase())
				: unknown(expr, scope);
		default:
			return unknown(expr, scope);
	}
}

/** Whether a value holds no Unknown anywhere. */
export function isKnown(value: unknown): boolean {
	if (value instanceof Unknown) {
		return false;
	}
	if (Array.isArray(value)) {
		return value.every(isKnown);
	}
	if (typeof value === 'object' && value !== null) {
		return Object.values(value).every(isKnown);
	}
	return true;
}
