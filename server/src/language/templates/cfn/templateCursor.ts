/**
 * What is under the cursor in a template, for hover: the mapping whose properties hold it, the
 * path of keys from those properties to it, and whether it is a key or a value. Found by walking
 * the parsed tree by offsets, so it works in block YAML, flow YAML and JSON alike.
 */
import type { PathSegment } from '../../../../../shared/jsonPath';
import type { SourceRange } from '../deploymentModel';
import type { TemplateDocument } from './analyzeTemplate';
import type { TemplateMapping } from './templateMappings';
import type { TemplateNode } from './templateNodes';
import { deref, intrinsicOf, isMap, isScalar, isSeq, keyRange, nodeRange, pairsOf } from './templateNodes';

export interface TemplateCursor {
	mapping: TemplateMapping;
	/** Keys and indexes from the mapping's properties to the key or value under the cursor. */
	sourcePath: PathSegment[];
	onKey: boolean;
	range: SourceRange;
	/** The scalar under the cursor, when it is a literal value. */
	value?: unknown;
}

const within = (range: SourceRange, offset: number): boolean => offset >= range.start && offset < range.end;

export function cursorAt(document: TemplateDocument, offset: number): TemplateCursor | undefined {
	const template = document.parsed;
	if (!template?.root) {
		return undefined;
	}
	const path: PathSegment[] = [];
	let node: TemplateNode | undefined = template.root;
	// Depth is bounded by the text: each step goes into a child whose range holds the offset.
	for (;;) {
		if (isMap(node) && !intrinsicOf(template, node)) {
			const hit = pairsOf(node).find(({ pair }) => within(keyRange(pair), offset) || valueHolds(template.text, deref(template, pair.value), offset));
			if (!hit) {
				return undefined;
			}
			path.push(hit.key);
			if (within(keyRange(hit.pair), offset)) {
				return located(document, path, true, keyRange(hit.pair), undefined);
			}
			node = deref(template, hit.pair.value);
		} else if (isSeq(node) && !node.tag) {
			const index = node.items.findIndex((item) => {
				const child = deref(template, item);
				return child !== undefined && within(nodeRange(template.text, child), offset);
			});
			if (index < 0) {
				return undefined;
			}
			path.push(index);
			node = deref(template, node.items[index]);
		} else if (node) {
			const value = isScalar(node) && !node.tag ? node.value : undefined;
			return located(document, path, false, nodeRange(template.text, node), value);
		} else {
			return undefined;
		}
	}
}

function valueHolds(text: string, value: TemplateNode | undefined, offset: number): boolean {
	return value !== undefined && within(nodeRange(text, value), offset);
}

function located(document: TemplateDocument, path: PathSegment[], onKey: boolean, range: SourceRange, value: unknown): TemplateCursor | undefined {
	for (const mapping of document.mappings) {
		const prefix = mapping.sourcePrefix;
		if (path.length > prefix.length && prefix.every((key, i) => path[i] === key)) {
			return { mapping, sourcePath: path.slice(prefix.length), onKey, range, ...(value !== undefined ? { value } : {}) };
		}
	}
	return undefined;
}
