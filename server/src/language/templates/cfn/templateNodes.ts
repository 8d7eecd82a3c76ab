/**
 * A CloudFormation or SAM template parsed with the `yaml` library (YAML 1.2; JSON is read as YAML
 * flow collections, so both formats share one tree with positions), and the few questions the
 * adapter asks of its nodes: a member of a map, a scalar's text, a node's range with its tag, and
 * whether a node is an intrinsic function in short (`!GetAtt A.Arn`) or long
 * (`{"Fn::GetAtt": ["A", "Arn"]}`) form.
 *
 * Short-form tags are left unresolved on purpose: `yaml` then keeps each node's tag and its plain
 * content, which is all the adapter needs, with no custom tag classes. Aliases are never expanded
 * wholesale (no `toJS` on the document): `deref` follows one alias at a time, so an alias bomb
 * costs no more than the nodes the adapter actually visits.
 */
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, parseDocument } from './yamlLibrary';
import type { SourceRange } from '../deploymentModel';

export type { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
export type TemplateNode = YamlNode;

export interface ParsedTemplate {
	text: string;
	/** The top-level map, or undefined when the text is not a map. */
	root: YAMLMap | undefined;
	document: Document.Parsed;
	/** The text is JSON (written with JSON's quoting in fixes). */
	json: boolean;
	/** The parser reported errors: the tree may be partial. */
	hasErrors: boolean;
}

export function parseTemplate(text: string): ParsedTemplate {
	const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
	const contents = document.contents;
	return {
		text,
		root: isMap(contents) ? contents : undefined,
		document,
		json: /^\s*\{/.test(text),
		hasErrors: document.errors.length > 0,
	};
}

/** How many aliases one template may follow: aliases nest, and a bomb nests them exponentially. */
const ALIAS_BUDGET = 1000;

/** A node with aliases followed (at most ALIAS_BUDGET per template). */
export function deref(template: ParsedTemplate & { aliasesFollowed?: number }, node: unknown): TemplateNode | undefined {
	let current = node;
	while (isAlias(current)) {
		template.aliasesFollowed = (template.aliasesFollowed ?? 0) + 1;
		if (template.aliasesFollowed > ALIAS_BUDGET) {
			return undefined;
		}
		current = current.resolve(template.document);
	}
	return current === null || current === undefined ? undefined : (current as TemplateNode);
}

/** The pair of `map` whose key is the string `key` (the last one, as CloudFormation reads duplicates). */
export function pairOf(map: unknown, key: string): Pair<Scalar, unknown> | undefined {
	if (!isMap(map)) {
		return undefined;
	}
	let found: Pair<Scalar, unknown> | undefined;
	for (const pair of map.items) {
		if (isScalar(pair.key) && String(pair.key.value) === key) {
			found = pair as Pair<Scalar, unknown>;
		}
	}
	return found;
}

/** The value node of `map`'s member `key`, aliases followed. */
export function memberNode(template: ParsedTemplate, map: unknown, key: string): TemplateNode | undefined {
	const pair = pairOf(map, key);
	return pair ? deref(template, pair.value) : undefined;
}

/** The string keys of a map with their pairs, in order. */
export function pairsOf(map: unknown): { key: string; pair: Pair<Scalar, unknown> }[] {
	if (!isMap(map)) {
		return [];
	}
	const pairs: { key: string; pair: Pair<Scalar, unknown> }[] = [];
	for (const pair of map.items) {
		if (isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number')) {
			pairs.push({ key: String(pair.key.value), pair: pair as Pair<Scalar, unknown> });
		}
	}
	return pairs;
}

/** The text of an untagged string scalar (numbers and booleans are not strings here). */
export function stringOf(node: unknown): string | undefined {
	return isScalar(node) && !node.tag && typeof node.value === 'string' ? node.value : undefined;
}

/** The range of a node, from its tag when it has one to the end of its value. */
export function nodeRange(text: string, node: TemplateNode): SourceRange {
	const [start, end] = node.range ?? [0, 0];
	return { start: node.tag ? tagStart(text, start, node.tag) : start, end };
}

/** Where the tag of a node that starts at `start` begins: its text is before the value, with blank space between. */
function tagStart(text: string, start: number, tag: string): number {
	let at = start;
	while (at > 0 && /[ \t\r\n]/.test(text[at - 1])) {
		at--;
	}
	return text.slice(at - tag.length, at) === tag ? at - tag.length : start;
}

export function keyRange(pair: Pair<Scalar, unknown>): SourceRange {
	const [start, end] = pair.key.range ?? [0, 0];
	return { start, end };
}

/** CloudFormation's intrinsic functions and condition functions, by long name. */
export interface Intrinsic {
	/** `Ref`, `Condition`, `Fn::GetAtt`, `Fn::Sub`... */
	name: string;
	/** The argument. For a short-form scalar or collection, the tagged node itself: read it with `untagged`. */
	argument: TemplateNode | undefined;
	/** The argument is the tagged node itself, to be read without its tag. */
	argumentIsTagged: boolean;
}

/** The intrinsic function a node is, if it is one. */
export function intrinsicOf(template: ParsedTemplate, node: TemplateNode): Intrinsic | undefined {
	if (node.tag && node.tag.startsWith('!') && !node.tag.startsWith('!!')) {
		const short = node.tag.slice(1);
		const name = short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
		return { name, argument: node, argumentIsTagged: true };
	}
	if (isMap(node) && node.items.length === 1) {
		const pair = node.items[0];
		const key = isScalar(pair.key) ? pair.key.value : undefined;
		if (typeof key === 'string' && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))) {
			return { name: key, argument: deref(template, pair.value), argumentIsTagged: false };
		}
	}
	return undefined;
}

/** The string of an intrinsic's argument scalar (`!Ref Name`, `{"Ref": "Name"}`). */
export function argumentString(intrinsic: Intrinsic): string | undefined {
	const node = intrinsic.argument;
	return isScalar(node) && typeof node.value === 'string' && (intrinsic.argumentIsTagged || !node.tag) ? node.value : undefined;
}

/** The items of an intrinsic's argument list (`!Join [a, [b]]`, `{"Fn::Join": [...]}`), aliases followed. */
export function argumentItems(template: ParsedTemplate, intrinsic: Intrinsic): (TemplateNode | undefined)[] | undefined {
	const node = intrinsic.argument;
	if (!isSeq(node) || (node.tag && !intrinsic.argumentIsTagged)) {
		return undefined;
	}
	return node.items.map((item) => deref(template, item));
}

export { isAlias, isMap, isScalar, isSeq };
