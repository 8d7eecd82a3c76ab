/**
 * Builds the request value of a mapping subject from template nodes, recording for every request
 * path where it is written: the key, the value, whether each maps 1:1, the string's text map and
 * its placeholders. The format's shapes are translated by the caller (cfnMapping.ts,
 * samMapping.ts) through `renames`; this module only copies, resolves and records.
 */
import type { JsonPath } from '../../../../../shared/jsonPath';
import { pathKey } from '../../../../../shared/jsonPath';
import type { SourceLocation, SourceRange, SubjectLocator } from '../deploymentModel';
import { UnknownValue } from '../deploymentModel';
import type { Resolved, Resolver, TextValue } from './resolve';
import { scalarText } from './resolve';
import type { Pair, Scalar, TemplateNode } from './templateNodes';
import { deref, intrinsicOf, isMap, isScalar, isSeq, keyRange, nodeRange, pairsOf } from './templateNodes';

interface Entry {
	key?: SourceRange;
	value: SourceRange;
	keyMapsExactly: boolean;
	valueMapsExactly: boolean;
	text?: TextValue;
}

/** Marks a member to leave out of the request (`AWS::NoValue`). */
const OMIT = Symbol('omit');

export class RequestBuilder implements SubjectLocator {
	private readonly entries = new Map<string, Entry>();
	readonly placeholders = new Map<string, SourceRange[]>();
	/** What each resolved intrinsic gave, by request path: the facts read references from it. */
	readonly resolutions = new Map<string, Resolved>();

	/**
	 * @param rename the request key of a source key at a request path (undefined: leave the member
	 * out), for the members the format names differently.
	 */
	constructor(
		private readonly resolver: Resolver,
		private readonly root: Entry,
		private readonly rename: (key: string, path: JsonPath) => string | undefined = (key) => key,
	) {
		this.entries.set(pathKey([]), root);
	}

	/** Copies the members of a map node into `target` at `path`, renamed as the format asks. */
	copyMembers(target: Record<string, unknown>, map: TemplateNode | undefined, path: JsonPath): void {
		for (const { key, pair } of pairsOf(map)) {
			const requestKey = this.rename(key, path);
			if (requestKey !== undefined) {
				this.copyMember(target, pair, [...path, requestKey], requestKey === key);
			}
		}
	}

	/** Copies one member (`pair`) to the request path `path` (the last segment is its request key). */
	copyMember(target: Record<string, unknown>, pair: Pair<Scalar, unknown>, path: JsonPath, keyMapsExactly: boolean): void {
		const node = deref(this.resolver.template, pair.value);
		const value = this.valueOf(node, path, { key: keyRange(pair), keyMapsExactly });
		if (value !== OMIT) {
			target[path[path.length - 1] as string] = value;
		}
	}

	/** Records that `path` is written at this key and value (for members the format nests differently). */
	record(path: JsonPath, entry: Entry): void {
		this.entries.set(pathKey(path), entry);
	}

	/** The request value of a node, recording its location and those of its members. */
	valueOf(node: TemplateNode | undefined, path: JsonPath, key: { key?: SourceRange; keyMapsExactly: boolean }): unknown {
		const template = this.resolver.template;
		const range = node ? nodeRange(template.text, node) : (key.key ?? this.root.value);
		const entry: Entry = { ...key, value: range, valueMapsExactly: node !== undefined && !intrinsicOf(template, node) };
		this.entries.set(pathKey(path), entry);
		if (!node) {
			return null;
		}
		if (intrinsicOf(template, node)) {
			return this.resolvedValue(node, path, entry);
		}
		if (isMap(node)) {
			const value: Record<string, unknown> = {};
			this.copyMembers(value, node, path);
			return value;
		}
		if (isSeq(node)) {
			const items: unknown[] = [];
			for (const item of node.items) {
				const value = this.valueOf(deref(template, item), [...path, items.length], { keyMapsExactly: false });
				if (value !== OMIT) {
					items.push(value);
				}
			}
			return items;
		}
		if (isScalar(node)) {
			if (typeof node.value === 'string') {
				entry.text = scalarText(template.text, node, node.value);
			}
			return node.value;
		}
		// l10n-ignore: an internal reason, never shown
		return new UnknownValue('not a value');
	}

	private resolvedValue(node: TemplateNode, path: JsonPath, entry: Entry): unknown {
		const resolved = this.resolver.resolve(node);
		this.resolutions.set(pathKey(path), resolved);
		if (resolved.kind === 'no-value') {
			return OMIT;
		}
		if (resolved.kind === 'unknown') {
			return new UnknownValue(resolved.reason);
		}
		if (resolved.text) {
			entry.text = resolved.text;
			if (resolved.text.placeholders.length > 0) {
				this.placeholders.set(pathKey(path), resolved.text.placeholders);
			}
		}
		return resolved.value;
	}

	locate(path: JsonPath): SourceLocation {
		for (let depth = path.length; depth >= 0; depth--) {
			const entry = this.entries.get(pathKey(depth === path.length ? path : path.slice(0, depth)));
			if (entry) {
				return {
					depth,
					...(entry.key ? { key: entry.key } : {}),
					value: entry.value,
					keyMapsExactly: entry.keyMapsExactly,
					valueMapsExactly: entry.valueMapsExactly,
					...(entry.text ? { stringOffset: offsetMap(entry.text) } : {}),
				};
			}
		}
		return { depth: 0, ...(this.root.key ? { key: this.root.key } : {}), value: this.root.value, keyMapsExactly: false, valueMapsExactly: false };
	}
}

/**
 * The text offset of a decoded offset, when a piece written literally holds it (its ends
 * included); undefined inside what an intrinsic put there, so the problem covers the whole value.
 */
function offsetMap(text: TextValue): (decoded: number) => number | undefined {
	return (decoded) => {
		for (const segment of text.segments) {
			if (segment.source !== undefined && decoded >= segment.start && decoded <= segment.end) {
				return segment.source + (decoded - segment.start);
			}
		}
		return undefined;
	};
}
