/**
 * The edit that appends an item to the list at a map's member (`Policies`), creating the member
 * when the map has none and turning a single value into a list, in block YAML, flow YAML or JSON.
 * Used by the permission fix; undefined where the layout is one this module does not write into
 * safely (a member on the line of a `- `, a map written as one value).
 */
import type { ParsedTemplate, TemplateNode, YAMLMap } from './templateNodes';
import { deref, isMap, isScalar, isSeq, keyRange, nodeRange, pairOf } from './templateNodes';
import type { Written } from './templateWriter';
import { blockYaml, columnOf, flowText } from './templateWriter';

export interface Edit {
	start: number;
	end: number;
	newText: string;
}

export function appendToListMember(template: ParsedTemplate, map: TemplateNode | undefined, key: string, item: Written): Edit | undefined {
	if (!isMap(map)) {
		return undefined;
	}
	const pair = pairOf(map, key);
	if (!pair) {
		return addMember(template, map, key, [item]);
	}
	const list = deref(template, pair.value);
	if (isSeq(list) && !list.tag) {
		return appendToSeq(template, list, item);
	}
	if (isScalar(list) || (list && list.tag)) {
		// One policy given alone: make it the first of two.
		const range = nodeRange(template.text, list);
		const old = template.text.slice(range.start, range.end);
		if (template.json || map.flow || old.includes('\n')) {
			return { start: range.start, end: range.end, newText: `[${old}, ${flowText(item, template.json)}]` };
		}
		const indent = columnOf(template.text, keyRange(pair).start) + 2;
		const pad = ' '.repeat(indent);
		return {
			start: range.start - (template.text[range.start - 1] === ' ' ? 1 : 0),
			end: range.end,
			newText: `\n${pad}- ${old}\n${pad}- ${blockYaml(item, indent + 2)}`,
		};
	}
	return undefined;
}

function appendToSeq(template: ParsedTemplate, seq: TemplateNode & { items: unknown[]; flow?: boolean }, item: Written): Edit | undefined {
	const text = template.text;
	const [start, end] = seq.range ?? [0, 0];
	if (seq.flow || template.json) {
		const close = text.lastIndexOf(']', end);
		if (close < start) {
			return undefined;
		}
		const at = endOfContent(text, close);
		return { start: at, end: at, newText: `${seq.items.length > 0 ? ', ' : ''}${flowText(item, template.json)}` };
	}
	const last = deref(template, seq.items[seq.items.length - 1]);
	if (!last) {
		return undefined;
	}
	const indent = columnOf(text, start);
	const at = endOfContent(text, nodeRange(text, last).end);
	return { start: at, end: at, newText: `\n${' '.repeat(indent)}- ${blockYaml(item, indent + 2)}` };
}

function addMember(template: ParsedTemplate, map: YAMLMap, key: string, value: Written): Edit | undefined {
	const text = template.text;
	const [start, end] = map.range ?? [0, 0];
	if (map.flow || template.json) {
		const close = text.lastIndexOf('}', end);
		if (close < start) {
			return undefined;
		}
		const at = endOfContent(text, close);
		return { start: at, end: at, newText: `${map.items.length > 0 ? ', ' : ''}${flowText(key, template.json)}: ${flowText(value, template.json)}` };
	}
	const lastPair = map.items[map.items.length - 1];
	const lastValue = lastPair ? deref(template, lastPair.value) : undefined;
	if (!lastPair || !isScalar(lastPair.key)) {
		return undefined;
	}
	const indent = columnOf(text, start);
	const at = endOfContent(text, lastValue ? nodeRange(text, lastValue).end : (lastPair.key.range?.[1] ?? end));
	return { start: at, end: at, newText: `\n${' '.repeat(indent)}${blockYaml({ [key]: value }, indent)}` };
}

/** The offset just after the last non-blank character before `offset` (so insertions keep the layout). */
function endOfContent(text: string, offset: number): number {
	let at = offset;
	while (at > 0 && /\s/.test(text[at - 1])) {
		at--;
	}
	return at;
}
