/**
 * Resolves CloudFormation values as far as the template itself determines them (CloudFormation
 * User Guide, "Intrinsic function reference" and "Pseudo parameters reference"):
 *
 * - `Ref` of a pseudo parameter gives a placeholder that stands for a valid value (`us-east-1`,
 *   `123456789012`, `aws`...), marked as such so no rule reports on it; `AWS::NoValue` removes the
 *   member; of a parameter, its `Default` (a `CommaDelimitedList` split); of a resource, what its
 *   type returns (resourceTypes.ts): an ARN is built with placeholders, a URL or a name is unknown
 *   but remembered as a reference, so a rule can say what it is.
 * - `Fn::GetAtt`, `Fn::Sub` (both forms, `${!Literal}` escapes), `Fn::Join`, `Fn::Select`,
 *   `Fn::Split`, `Fn::FindInMap` and `Fn::If` with conditions decided from parameter defaults.
 * - Anything else (`Fn::ImportValue`, `Fn::GetAZs`, `Fn::Cidr`, `Fn::Base64`, SSM parameter
 *   types, a parameter without a default, a condition that cannot be decided) is unknown: no rule
 *   may report on it.
 *
 * Strings carry a map from their decoded offsets to the text (`TextValue.segments`), so a span a
 * rule reports inside a `!Sub` lands on the right characters when they were written literally.
 */
import { isMap, isScalar, isSeq } from './yamlLibrary';
import type { SourceRange } from '../deploymentModel';
import type { Yield } from './resourceTypes';
import { attributeYield, resourceTypeInfo } from './resourceTypes';
import type { Intrinsic, ParsedTemplate, TemplateNode } from './templateNodes';
import { argumentItems, argumentString, deref, intrinsicOf, memberNode, nodeRange, pairsOf, stringOf } from './templateNodes';

/** A piece of a resolved string: decoded [start, end), and where it is written in the text. */
export interface Segment {
	start: number;
	end: number;
	/** The text offset of `start` when the piece is written literally, character for character. */
	source?: number;
	/** The source node the piece came from. */
	whole: SourceRange;
}

export interface TextValue {
	text: string;
	/** Decoded ranges that stand for values the template does not give. */
	placeholders: SourceRange[];
	segments: Segment[];
}

/** What a `Ref` or `Fn::GetAtt` of a resource of the template gave. */
export interface Reference {
	id: string;
	type: string;
	yields: Yield;
	/** The source node of the reference, for messages and fixes. */
	node: TemplateNode;
	attribute?: string;
}

export type Resolved =
	| { kind: 'known'; value: unknown; text?: TextValue; reference?: Reference }
	| { kind: 'unknown'; reason: string; reference?: Reference }
	| { kind: 'no-value'; reference?: undefined };

const unknown = (reason: string, reference?: Reference): Resolved => ({ kind: 'unknown', reason, ...(reference ? { reference } : {}) });

/** Pseudo parameters and the valid values that stand for them. */
const PSEUDO: Readonly<Record<string, string>> = {
	'AWS::Region': 'us-east-1',
	'AWS::AccountId': '123456789012',
	'AWS::Partition': 'aws',
	'AWS::URLSuffix': 'amazonaws.com',
	'AWS::StackName': 'stack',
	'AWS::StackId': 'arn:aws:cloudformation:us-east-1:123456789012:stack/stack/00000000-0000-0000-0000-000000000000',
};

/**
 * What a parameter without a default is known to be from its `AllowedPattern`: the literal start
 * of an anchored pattern, when it decides the kind of destination (`^kafka://`, `^arn:aws:sqs:`),
 * followed by placeholders that stand for a valid rest. Any other pattern says nothing usable.
 */
function patternValue(pattern: string | undefined, whole: SourceRange): Resolved {
	const prefix = pattern === undefined ? undefined : /^\^((?:[A-Za-z0-9:/_-]|\\[./:-])*)/.exec(pattern)?.[1]?.replace(/\\(.)/g, '$1');
	if (prefix === undefined) {
		// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
		return unknown('a parameter without a default');
	}
	if (prefix.startsWith('kafka://')) {
		return {
			kind: 'known',
			value: 'kafka://topic',
			text: concatTexts([wholeText('kafka://', whole), { ...wholeText('topic', whole), placeholders: [{ start: 0, end: 5 }] }]),
		};
	}
	const arn = /^arn:aws:(sqs|sns|s3|lambda|events|kafka):/.exec(prefix);
	const rest: Record<string, string> = {
		sqs: 'us-east-1:123456789012:name',
		sns: 'us-east-1:123456789012:name',
		s3: '::bucket-name',
		lambda: 'us-east-1:123456789012:function:name',
		events: 'us-east-1:123456789012:event-bus/name',
		kafka: 'us-east-1:123456789012:cluster/name/00000000-0000-0000-0000-000000000000-1',
	};
	if (!arn) {
		// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
		return unknown('a parameter without a default');
	}
	const head = `arn:aws:${arn[1]}:`;
	const tail = rest[arn[1]];
	return {
		kind: 'known',
		value: head + tail,
		text: concatTexts([wholeText(head, whole), { ...wholeText(tail, whole), placeholders: [{ start: 0, end: tail.length }] }]),
	};
}

/** Resolutions nested deeper than this are unknown: a template that refers to itself in circles ends here. */
const MAX_DEPTH = 32;

export class Resolver {
	private depth = 0;
	private readonly conditionsDeciding = new Set<string>();

	constructor(readonly template: ParsedTemplate) {}

	/** The top-level section `name` (Resources, Parameters...). */
	section(name: string): TemplateNode | undefined {
		return memberNode(this.template, this.template.root, name);
	}

	private resourceIndex: Map<string, TemplateNode | undefined> | undefined;

	/**
	 * The resource named `id`. Indexed once: a template of thousands of resources is asked about
	 * them for every mapping, and a map's member lookup is a scan.
	 */
	resource(id: string): TemplateNode | undefined {
		if (!this.resourceIndex) {
			this.resourceIndex = new Map();
			for (const { key, pair } of pairsOf(this.section('Resources'))) {
				// The last of duplicate ids wins, as in pairOf.
				this.resourceIndex.set(key, deref(this.template, pair.value));
			}
		}
		return this.resourceIndex.get(id);
	}

	/** Every resource with its id, in order. */
	resources(): IterableIterator<[string, TemplateNode | undefined]> {
		this.resource('');
		return this.resourceIndex!.entries();
	}

	private byType: Map<string, string[]> | undefined;

	/** The ids of the resources of a type, in order (indexed once, as `resource`). */
	idsOfType(type: string): readonly string[] {
		if (!this.byType) {
			this.byType = new Map();
			for (const [id] of this.resources()) {
				const resourceType = this.resourceType(id);
				if (resourceType !== undefined) {
					this.byType.set(resourceType, [...(this.byType.get(resourceType) ?? []), id]);
				}
			}
		}
		return this.byType.get(type) ?? [];
	}

	resourceType(id: string): string | undefined {
		return stringOf(memberNode(this.template, this.resource(id), 'Type'));
	}

	resourceProperty(id: string, property: string): TemplateNode | undefined {
		return memberNode(this.template, memberNode(this.template, this.resource(id), 'Properties'), property);
	}

	/** Resolves a node: a literal, a collection of literals, or an intrinsic function. */
	resolve(node: TemplateNode | undefined): Resolved {
		if (!node) {
			return { kind: 'known', value: null };
		}
		if (this.depth >= MAX_DEPTH) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('nested too deeply');
		}
		this.depth++;
		try {
			const intrinsic = intrinsicOf(this.template, node);
			return intrinsic ? confined(this.resolveIntrinsic(intrinsic, node), nodeRange(this.template.text, node)) : this.resolveLiteral(node);
		} finally {
			this.depth--;
		}
	}

	private resolveLiteral(node: TemplateNode): Resolved {
		if (isScalar(node)) {
			if (typeof node.value === 'string') {
				return { kind: 'known', value: node.value, text: scalarText(this.template.text, node, node.value) };
			}
			return { kind: 'known', value: node.value };
		}
		if (isSeq(node)) {
			return { kind: 'known', value: node.items.map((item) => valueOrUnknown(this.resolve(deref(this.template, item)))).filter((v) => v !== NO_VALUE) };
		}
		if (isMap(node)) {
			const value: Record<string, unknown> = {};
			for (const { key, pair } of pairsOf(node)) {
				const member = valueOrUnknown(this.resolve(deref(this.template, pair.value)));
				if (member !== NO_VALUE) {
					value[key] = member;
				}
			}
			return { kind: 'known', value };
		}
		// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
		return unknown('not a value');
	}

	private resolveIntrinsic(intrinsic: Intrinsic, node: TemplateNode): Resolved {
		switch (intrinsic.name) {
			case 'Ref':
				return this.ref(argumentString(intrinsic), node);
			case 'Fn::GetAtt':
				return this.getAtt(intrinsic, node);
			case 'Fn::Sub':
				return this.sub(intrinsic, node);
			case 'Fn::Join':
				return this.join(intrinsic);
			case 'Fn::Select':
				return this.select(intrinsic);
			case 'Fn::Split':
				return this.split(intrinsic);
			case 'Fn::If':
				return this.ifFunction(intrinsic);
			case 'Fn::FindInMap':
				return this.findInMap(intrinsic);
			default:
				// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
				return unknown(`${intrinsic.name} is not resolved`);
		}
	}

	/** `Ref`: a pseudo parameter, a parameter or a resource. */
	ref(name: string | undefined, node: TemplateNode): Resolved {
		if (name === undefined) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('Ref of a non-string');
		}
		if (name === 'AWS::NoValue') {
			return { kind: 'no-value' };
		}
		if (Object.prototype.hasOwnProperty.call(PSEUDO, name)) {
			return placeholder(PSEUDO[name], nodeRange(this.template.text, node));
		}
		const parameter = memberNode(this.template, this.section('Parameters'), name);
		if (parameter) {
			return this.parameterValue(parameter, node);
		}
		const type = this.resourceType(name);
		if (type === undefined) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown(`${name} is not declared in the template`);
		}
		return this.resourceValue(name, type, resourceTypeInfo(type).ref, node);
	}

	/** A parameter's `Default`, which is the value unless the deploy overrides it. */
	private parameterValue(parameter: TemplateNode, reference: TemplateNode): Resolved {
		const type = stringOf(memberNode(this.template, parameter, 'Type')) ?? 'String';
		const defaultNode = memberNode(this.template, parameter, 'Default');
		if (type.startsWith('AWS::SSM::') || (defaultNode && intrinsicOf(this.template, defaultNode))) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('a parameter without a usable default');
		}
		if (!defaultNode) {
			return patternValue(stringOf(memberNode(this.template, parameter, 'AllowedPattern')), nodeRange(this.template.text, reference));
		}
		const resolved = this.resolveLiteral(defaultNode);
		if (resolved.kind === 'known' && (type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof resolved.value === 'string') {
			return { kind: 'known', value: resolved.value.split(',').map((part) => part.trim()) };
		}
		// Offsets inside a default are in the Parameters section, not where the Ref is: keep the value, not its map.
		return resolved.kind === 'known'
			? { kind: 'known', value: resolved.value, ...(resolved.text ? { text: wholeText(resolved.text.text, nodeRange(this.template.text, reference)) } : {}) }
			: resolved;
	}

	private getAtt(intrinsic: Intrinsic, node: TemplateNode): Resolved {
		let id: string | undefined;
		let attribute: string | undefined;
		const dotted = argumentString(intrinsic);
		if (dotted !== undefined) {
			const dot = dotted.indexOf('.');
			[id, attribute] = dot < 0 ? [dotted, undefined] : [dotted.slice(0, dot), dotted.slice(dot + 1)];
		} else {
			const items = argumentItems(this.template, intrinsic);
			id = stringOf(items?.[0]);
			attribute = stringOf(items?.[1]);
		}
		const type = id === undefined ? undefined : this.resourceType(id);
		if (id === undefined || attribute === undefined || type === undefined) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('GetAtt of something the template does not declare');
		}
		return this.resourceValue(id, type, attributeYield(resourceTypeInfo(type), attribute), node, attribute);
	}

	/** What a reference to a resource gives: a built ARN for the services a rule reads, else unknown. */
	private resourceValue(id: string, type: string, yields: Yield, node: TemplateNode, attribute?: string): Resolved {
		const reference: Reference = { id, type, yields, node, ...(attribute ? { attribute } : {}) };
		const info = resourceTypeInfo(type);
		if (yields !== 'arn') {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown(`${id} gives its ${yields}`, reference);
		}
		const range = nodeRange(this.template.text, node);
		const name = info.nameProperty ? stringOf(this.resourceProperty(id, info.nameProperty)) : undefined;
		const arn = builtArn(info.service, name, range);
		// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
		return arn ? { kind: 'known', value: arn.text, text: arn, reference } : unknown(`the ARN of ${id}`, reference);
	}

	private sub(intrinsic: Intrinsic, node: TemplateNode): Resolved {
		let templateNode: TemplateNode | undefined = intrinsic.argument;
		let variables: TemplateNode | undefined;
		const items = argumentItems(this.template, intrinsic);
		if (items) {
			[templateNode, variables] = items;
		}
		if (!isScalar(templateNode) || typeof templateNode.value !== 'string' || (templateNode.tag && !(intrinsic.argumentIsTagged && !items))) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('Sub of a non-string');
		}
		const source = scalarText(this.template.text, templateNode, templateNode.value);
		const parts: TextValue[] = [];
		// No `$` inside a variable: `${${${...` must not rescan the rest of the string at every `$`.
		const pattern = /\$\{([^}$]*)\}/g;
		let last = 0;
		for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
			parts.push(sliceText(source, last, match.index));
			const name = match[1].trim();
			if (name.startsWith('!')) {
				parts.push(sliceText(source, match.index, match.index + match[0].length, `\${${name.slice(1)}}`));
			} else {
				const variable = this.subVariable(name, variables, node);
				if (variable.kind !== 'known' || !variable.text) {
					// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
					return unknown(`\${${name}} is not known`, variable.kind === 'no-value' ? undefined : variable.reference);
				}
				const whole = spanRange(source, match.index, match.index + match[0].length, nodeRange(this.template.text, node));
				parts.push(relocated(variable.text, whole));
			}
			last = match.index + match[0].length;
		}
		parts.push(sliceText(source, last, source.text.length));
		const text = concatTexts(parts);
		return { kind: 'known', value: text.text, text };
	}

	private subVariable(name: string, variables: TemplateNode | undefined, node: TemplateNode): Resolved {
		const given = memberNode(this.template, variables, name);
		if (given) {
			return asText(this.resolve(given));
		}
		const dot = name.indexOf('.');
		if (dot > 0 && !name.startsWith('AWS::')) {
			const type = this.resourceType(name.slice(0, dot));
			return type === undefined
				? unknown(name)
				: this.resourceValue(name.slice(0, dot), type, attributeYield(resourceTypeInfo(type), name.slice(dot + 1)), node, name.slice(dot + 1));
		}
		return asText(this.ref(name, node));
	}

	private join(intrinsic: Intrinsic): Resolved {
		const items = argumentItems(this.template, intrinsic);
		const delimiter = stringOf(items?.[0]);
		const list = items && items[1] ? this.resolve(items[1]) : undefined;
		if (delimiter === undefined || list?.kind !== 'known' || !Array.isArray(list.value) || !list.value.every((v) => typeof v === 'string')) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('Join of values not known');
		}
		return { kind: 'known', value: list.value.join(delimiter) };
	}

	private select(intrinsic: Intrinsic): Resolved {
		const items = argumentItems(this.template, intrinsic);
		const index = items?.[0] ? this.resolve(items[0]) : undefined;
		const list = items?.[1] ? this.resolve(items[1]) : undefined;
		const at = index?.kind === 'known' ? Number(index.value) : NaN;
		if (list?.kind !== 'known' || !Array.isArray(list.value) || !Number.isInteger(at) || at < 0 || at >= list.value.length) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('Select of values not known');
		}
		const value: unknown = list.value[at];
		// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
		return value instanceof Object ? unknown('Select of a value not known') : { kind: 'known', value };
	}

	private split(intrinsic: Intrinsic): Resolved {
		const items = argumentItems(this.template, intrinsic);
		const delimiter = stringOf(items?.[0]);
		const source = items?.[1] ? this.resolve(items[1]) : undefined;
		if (
			delimiter === undefined ||
			delimiter === '' ||
			source?.kind !== 'known' ||
			typeof source.value !== 'string' ||
			(source.text?.placeholders.length ?? 0) > 0
		) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('Split of a value not known');
		}
		return { kind: 'known', value: source.value.split(delimiter) };
	}

	private ifFunction(intrinsic: Intrinsic): Resolved {
		const items = argumentItems(this.template, intrinsic);
		const decided = this.condition(stringOf(items?.[0]));
		if (!items || decided === undefined) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('a condition that cannot be decided');
		}
		return this.resolve(decided ? items[1] : items[2]);
	}

	private findInMap(intrinsic: Intrinsic): Resolved {
		const items = argumentItems(this.template, intrinsic);
		const keys = (items ?? []).slice(0, 3).map((item) => this.resolve(item));
		if (keys.length !== 3 || !keys.every((k) => k.kind === 'known' && typeof k.value === 'string' && (k.text?.placeholders.length ?? 0) === 0)) {
			// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
			return unknown('FindInMap with keys not known');
		}
		const [map, top, second] = keys.map((k) => (k as { value: string }).value);
		const found = memberNode(this.template, memberNode(this.template, memberNode(this.template, this.section('Mappings'), map), top), second);
		// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
		return found ? this.resolve(found) : unknown('FindInMap of a missing entry');
	}

	/** The value of a named condition, or undefined when the template does not decide it. */
	condition(name: string | undefined): boolean | undefined {
		if (name === undefined || this.conditionsDeciding.has(name)) {
			return undefined;
		}
		this.conditionsDeciding.add(name);
		try {
			return this.decide(memberNode(this.template, this.section('Conditions'), name));
		} finally {
			this.conditionsDeciding.delete(name);
		}
	}

	private decide(node: TemplateNode | undefined): boolean | undefined {
		const intrinsic = node && intrinsicOf(this.template, node);
		if (!intrinsic) {
			return undefined;
		}
		if (intrinsic.name === 'Condition') {
			return this.condition(argumentString(intrinsic));
		}
		const items = argumentItems(this.template, intrinsic) ?? [];
		switch (intrinsic.name) {
			case 'Fn::Equals': {
				const [a, b] = items.slice(0, 2).map((item) => this.resolve(item));
				if (a?.kind !== 'known' || b?.kind !== 'known' || a.value instanceof Object || b.value instanceof Object || hasPlaceholders(a) || hasPlaceholders(b)) {
					return undefined;
				}
				return String(a.value) === String(b.value);
			}
			case 'Fn::Not': {
				const inner = this.decide(items[0]);
				return inner === undefined ? undefined : !inner;
			}
			case 'Fn::And':
			case 'Fn::Or': {
				const values = items.map((item) => this.decide(item));
				const decisive = intrinsic.name === 'Fn::And' ? false : true;
				if (values.includes(decisive)) {
					return decisive;
				}
				return values.includes(undefined) ? undefined : !decisive;
			}
			default:
				return undefined;
		}
	}
}

/**
 * A result whose text pieces come from elsewhere in the template (a parameter's default, a
 * mapping's entry) maps them to the intrinsic itself: a problem belongs where the value is used.
 */
function confined(resolved: Resolved, range: SourceRange): Resolved {
	if (resolved.kind !== 'known' || !resolved.text) {
		return resolved;
	}
	const inside = (at: number): boolean => at >= range.start && at <= range.end;
	const segments = resolved.text.segments.map((segment) =>
		inside(segment.whole.start) && inside(segment.whole.end) ? segment : { start: segment.start, end: segment.end, whole: range },
	);
	return { ...resolved, text: { ...resolved.text, segments } };
}

const NO_VALUE = Symbol('no value');

/** A resolved value for a collection: known values as they are, unknown ones as markers. */
function valueOrUnknown(resolved: Resolved): unknown {
	if (resolved.kind === 'no-value') {
		return NO_VALUE;
	}
	return resolved.kind === 'known' ? resolved.value : new UnknownMarker();
}

/** Unknown inside a collection used as an intrinsic's argument: an object, so no string check passes. */
class UnknownMarker {}

function hasPlaceholders(resolved: Resolved): boolean {
	return resolved.kind === 'known' && (resolved.text?.placeholders.length ?? 0) > 0;
}

/** A known string value with its text map; numbers become strings, as in `!Sub`. */
function asText(resolved: Resolved): Resolved {
	if (resolved.kind !== 'known' || resolved.text) {
		return resolved;
	}
	if (typeof resolved.value === 'string' || typeof resolved.value === 'number' || typeof resolved.value === 'boolean') {
		return { ...resolved, text: wholeText(String(resolved.value), { start: 0, end: 0 }) };
	}
	// l10n-ignore: an internal reason (executionRole.ts matches it), never shown
	return unknown('not a string');
}

function placeholder(value: string, whole: SourceRange): Resolved {
	return { kind: 'known', value, text: { text: value, placeholders: [{ start: 0, end: value.length }], segments: [{ start: 0, end: value.length, whole }] } };
}

/** A string whose characters do not map one to one to the text: all of it maps to `whole`. */
export function wholeText(text: string, whole: SourceRange): TextValue {
	return { text, placeholders: [], segments: [{ start: 0, end: text.length, whole }] };
}

/**
 * The text map of a scalar: its decoded characters are its text's characters when it is one line,
 * plain or quoted without escapes (a `''` in single quotes, a backslash in double quotes, or a
 * line break, which folds, break the correspondence).
 */
export function scalarText(text: string, node: TemplateNode, value: string): TextValue {
	const [start, end] = node.range ?? [0, 0];
	const raw = text.slice(start, end);
	const whole = { start, end };
	const type = isScalar(node) ? node.type : undefined;
	let source: number | undefined;
	if (!raw.includes('\n')) {
		if (type === 'PLAIN' && raw === value) {
			source = start;
		} else if ((type === 'QUOTE_DOUBLE' && !raw.includes('\\')) || (type === 'QUOTE_SINGLE' && !raw.slice(1, -1).includes("''"))) {
			source = raw.slice(1, -1) === value ? start + 1 : undefined;
		}
	}
	return { text: value, placeholders: [], segments: [{ start: 0, end: value.length, whole, ...(source !== undefined ? { source } : {}) }] };
}

/** Characters [from, to) of a text value, optionally with other characters in their place (a `${!...}` escape). */
function sliceText(value: TextValue, from: number, to: number, replacement?: string): TextValue {
	const text = replacement ?? value.text.slice(from, to);
	const segments: Segment[] = [];
	for (const segment of value.segments) {
		const start = Math.max(segment.start, from);
		const end = Math.min(segment.end, to);
		if (start >= end) {
			continue;
		}
		const mapped = replacement === undefined && segment.source !== undefined;
		segments.push({
			start: start - from,
			end: replacement ? text.length : end - from,
			whole: segment.whole,
			...(mapped ? { source: segment.source! + (start - segment.start) } : {}),
		});
		if (replacement) {
			break;
		}
	}
	return { text, placeholders: [], segments };
}

/** The text range that decoded characters [from, to) of a value cover. */
function spanRange(value: TextValue, from: number, to: number, fallback: SourceRange): SourceRange {
	const first = value.segments.find((s) => s.start <= from && from < s.end);
	const last = value.segments.find((s) => s.start < to && to <= s.end);
	if (first?.source !== undefined && last?.source !== undefined) {
		return { start: first.source + (from - first.start), end: last.source + (to - last.start) };
	}
	return fallback;
}

/** A value inserted at `whole`: its own text offsets mean nothing there. */
function relocated(value: TextValue, whole: SourceRange): TextValue {
	return { text: value.text, placeholders: value.placeholders, segments: [{ start: 0, end: value.text.length, whole }] };
}

export function concatTexts(parts: readonly TextValue[]): TextValue {
	let text = '';
	const placeholders: SourceRange[] = [];
	const segments: Segment[] = [];
	for (const part of parts) {
		const offset = text.length;
		text += part.text;
		placeholders.push(...part.placeholders.map((p) => ({ start: p.start + offset, end: p.end + offset })));
		segments.push(...part.segments.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset })));
	}
	return { text, placeholders, segments };
}

/** An ARN of a resource of the template, with placeholders for what only the deploy decides. */
function builtArn(service: string, name: string | undefined, whole: SourceRange): TextValue | undefined {
	const literal = (text: string): TextValue => wholeText(text, whole);
	const unknownPart = (text: string): TextValue => ({ ...wholeText(text, whole), placeholders: [{ start: 0, end: text.length }] });
	const named = (fallback: string): TextValue => (name !== undefined ? literal(name) : unknownPart(fallback));
	switch (service) {
		case 'sqs':
		case 'sns':
			return concatTexts([
				literal('arn:'),
				unknownPart('aws'),
				literal(`:${service}:`),
				unknownPart('us-east-1'),
				literal(':'),
				unknownPart('123456789012'),
				literal(':'),
				named('name'),
			]);
		case 's3':
			return concatTexts([literal('arn:'), unknownPart('aws'), literal(':s3:::'), named('bucket-name')]);
		case 'kafka':
			return concatTexts([
				literal('arn:'),
				unknownPart('aws'),
				literal(':kafka:'),
				unknownPart('us-east-1'),
				literal(':'),
				unknownPart('123456789012'),
				literal(':cluster/'),
				named('cluster'),
				literal('/'),
				unknownPart('00000000-0000-0000-0000-000000000000-1'),
			]);
		default:
			return undefined;
	}
}
