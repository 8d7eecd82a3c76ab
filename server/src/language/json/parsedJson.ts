/**
 * One parsed JSON text: its plain value, its syntax errors, and a way to find where any path
 * lies in the text.
 *
 * Valid JSON takes the fast path: `JSON.parse` for the value, and positions are computed only
 * for the paths that have problems, by a structural scan that skips every subtree not on such a
 * path (see ../../../../../shared/reference/perf-anchors.md: position trees cost 4-13x JSON.parse,
 * the skip scan about 0.5x). Text that `JSON.parse` rejects (comments, trailing commas, AWS's
 * `"A" | "B"` unions...) is parsed by jsonc-parser, which recovers and keeps a position tree.
 *
 * A path may continue into a string whose content is itself JSON (the S3 record's `payload`):
 * the string is decoded, parsed the same way, and positions found inside it are mapped back
 * through the string's escapes to the outer text.
 */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { JsonPath, PathSegment } from '../../../../shared/jsonPath';
import { pathKey, valueAt } from '../../../../shared/jsonPath';
import { PositionIndex } from './positionIndex';
import { Scanner } from './scanner';
import { decodedToRawOffsets } from './stringOffsets';
import { findLeadingZeroNumbers, maskLeadingZeros } from './leadingZeros';
import { findUnions, maskUnions } from './unions';

/** A syntax problem at an offset of the parsed text. */
export interface SyntaxError {
	offset: number;
	length: number;
	/** jsonc-parser's error name (e.g. `CommaExpected`), or `CommentNotPermitted`, `TrailingComma`, `Union`, `LeadingZeros`, `NestingTooDeep`. */
	error: string;
}

/** What to find: a path, and optionally a span of characters inside the decoded string at that path. */
export interface LocateRequest {
	path: JsonPath;
	span?: { start: number; end: number };
}

/** Where a request was found. When the full path does not exist, the deepest existing ancestor is described. */
export interface Located {
	/** How many segments of the path exist (path.length when found). */
	depth: number;
	/** The key of the deepest found node when it is an object member, else -1. */
	keyStart: number;
	keyEnd: number;
	valueStart: number;
	valueEnd: number;
	/** The requested span inside a string value, when the request had one and the path was found. */
	spanStart?: number;
	spanEnd?: number;
	/** Set when the path runs through a string holding JSON: offsets are mapped, and edits there need escaping. */
	embedded?: boolean;
}

/** Deepest nesting accepted before a document is reported as too deep (it would overflow the stack elsewhere). */
export const MAX_NESTING = 512;

/** Texts up to this length are read by the tolerant parser before JSON.parse (see ParsedJson.parse). */
const SHORT_TEXT = 128;

/** Shared by every valid parse (one per line of a JSON Lines file): the list is read-only. */
const NO_SYNTAX_ERRORS: readonly SyntaxError[] = Object.freeze([]);

export class ParsedJson {
	/** Created on first use: most parses (every line of a JSON Lines file) never hold embedded JSON. */
	private embeddedCache: Map<string, ParsedJson> | undefined;
	private index: PositionIndex | undefined;
	/** The text, unless it was released (releaseText); then `fetchText` brings it back. */
	private textValue: string | undefined;
	private fetchText: (() => string) | undefined;
	private constructor(
		text: string,
		readonly value: unknown,
		readonly syntaxErrors: readonly SyntaxError[],
		/** The jsonc-parser tree, only for text that JSON.parse rejected. */
		private readonly tree: Node | undefined,
	) {
		this.textValue = text;
	}

	/** The parsed text (fetched again first if it was released). */
	get text(): string {
		if (this.textValue === undefined) {
			this.textValue = this.fetchText!();
			this.fetchText = undefined;
		}
		return this.textValue;
	}

	/**
	 * Lets go of the text until something needs it again (placing a problem, the exact digits of a
	 * number), when `fetch` must return the same text. The validation thread does this between
	 * parsing a record and parsing the JSON in its payload: the text is then no longer needed to
	 * build the value, and dropping it keeps one copy of a large document fewer alive at the peak
	 * (issue 16, target 5). The value, syntax errors and embedded parses stay.
	 */
	releaseText(fetch: () => string): void {
		this.textValue = undefined;
		this.fetchText = fetch;
	}

	/**
	 * Parses `text`. Never throws. Text nested deeper than {@link MAX_NESTING} gets no value, only a
	 * `NestingTooDeep` error, whichever parser would read it: JSON.parse copes with any depth, but
	 * the recursive code after it (jsonc-parser's getLocation for hover and completion, the rules)
	 * would overflow the stack.
	 */
	static parse(text: string): ParsedJson {
		let value: unknown;
		// A rejected text costs JSON.parse an exception of several microseconds (a stack trace and a
		// message quoting the text), where jsonc-parser reads a short text in less than one: a
		// million 3-byte JSON Lines lines spent most of their time throwing. Short texts are read
		// tolerantly first, and only one without errors is handed to JSON.parse for its value.
		if (text.length <= SHORT_TEXT) {
			const tolerant = ParsedJson.parseTolerant(text);
			if (!tolerant.isValidJson) {
				return tolerant;
			}
		}
		const stackTraceLimit = Error.stackTraceLimit;
		Error.stackTraceLimit = 0;
		try {
			value = JSON.parse(text);
		} catch {
			return ParsedJson.parseTolerant(text);
		} finally {
			Error.stackTraceLimit = stackTraceLimit;
		}
		// No depth check here: it would cost a pass over every valid document. Code that recurses
		// over arbitrary input asks isTooDeep (hover, completion) or treats a stack overflow as
		// "too deep" (validation), so only those pay for it, and only when it matters.
		return new ParsedJson(text, value, NO_SYNTAX_ERRORS, undefined);
	}

	private static tooDeep(text: string, offset: number): ParsedJson {
		return new ParsedJson(text, undefined, [{ offset, length: 1, error: 'NestingTooDeep' }], undefined);
	}

	private static parseTolerant(text: string): ParsedJson {
		const tooDeepAt = firstOffsetDeeperThan(text, MAX_NESTING, false);
		if (tooDeepAt >= 0) {
			return ParsedJson.tooDeep(text, tooDeepAt);
		}
		const errors: ParseError[] = [];
		const unions = findUnions(text);
		const withoutUnions = unions.length > 0 ? maskUnions(text, unions) : text;
		const leadingZeros = findLeadingZeroNumbers(withoutUnions);
		const masked = leadingZeros.length > 0 ? maskLeadingZeros(withoutUnions, leadingZeros) : withoutUnions;
		const tree = parseTree(masked, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
		const syntaxErrors: SyntaxError[] = errors.map((e) => ({ offset: e.offset, length: e.length, error: printParseErrorCode(e.error) }));
		for (const union of unions) {
			syntaxErrors.push({ offset: union.start, length: union.end - union.start, error: 'Union' });
		}
		for (const number of leadingZeros) {
			syntaxErrors.push({ offset: number.start, length: number.end - number.start, error: 'LeadingZeros' });
		}
		addCommentErrors(text, syntaxErrors);
		addTrailingCommaErrors(text, syntaxErrors);
		syntaxErrors.sort((a, b) => a.offset - b.offset);
		return new ParsedJson(text, tree ? nodeToValue(tree) : undefined, syntaxErrors, tree);
	}

	/** Whether the text parsed without any syntax error. */
	get isValidJson(): boolean {
		return this.syntaxErrors.length === 0;
	}

	private tooDeepOffset: number | undefined;

	/**
	 * Whether the text is nested deeper than {@link MAX_NESTING}: too deep to be walked by recursive
	 * code. A tolerant parse of such text has no value; valid JSON keeps its value, and this is
	 * computed (once) only when asked.
	 */
	get isTooDeep(): boolean {
		if (this.syntaxErrors.length === 1 && this.syntaxErrors[0].error === 'NestingTooDeep') {
			return true;
		}
		if (!this.isValidJson) {
			return false;
		}
		this.tooDeepOffset ??= firstOffsetDeeperThan(this.text, MAX_NESTING, true);
		return this.tooDeepOffset >= 0;
	}

	/** Where the nesting first goes too deep, for the diagnostic (see isTooDeep). */
	get tooDeepAt(): number {
		return this.isTooDeep ? (this.syntaxErrors[0]?.offset ?? this.tooDeepOffset ?? 0) : -1;
	}

	/** What hover and completion learnt of this text's layout, kept for the next lookup (valid JSON only). */
	get positionIndex(): PositionIndex {
		this.index ??= new PositionIndex(this.text);
		return this.index;
	}

	/** The parse of the JSON held in the string at `path`, cached. Undefined when the value there is not a string. */
	embedded(path: JsonPath, decoded?: string): ParsedJson | undefined {
		const key = pathKey(path);
		let parsed = this.embeddedCache?.get(key);
		if (!parsed) {
			const found = decoded ?? valueAt(this.value, path);
			const text = typeof found === 'string' ? found : undefined;
			if (text === undefined) {
				return undefined;
			}
			parsed = ParsedJson.parse(text);
			(this.embeddedCache ??= new Map()).set(key, parsed);
		}
		return parsed;
	}

	/** Finds where each request lies in the text. One pass over the text for any number of requests. */
	locateMany(requests: readonly LocateRequest[]): Located[] {
		if (requests.length === 0) {
			return [];
		}
		return this.tree ? this.locateInTree(this.tree, requests) : this.scanLocate(requests);
	}

	locate(request: LocateRequest): Located {
		return this.locateMany([request])[0];
	}

	private numberIndex: Map<string, string> | undefined;

	/**
	 * The exact source text of the number at `path`, for numbers a JavaScript number may not hold
	 * exactly (more than 15 digits, a fraction or an exponent); undefined for other numbers and
	 * non-numbers. The first call indexes every such number in one pass; later calls are lookups.
	 */
	numberText(path: JsonPath): string | undefined {
		if (this.tree) {
			const located = this.locate({ path });
			const text = located.depth === path.length ? this.text.slice(located.valueStart, located.valueEnd) : '';
			return /^-?[0-9]/.test(text) ? text : undefined;
		}
		this.numberIndex ??= indexLongNumbers(this.text);
		return this.numberIndex.get(pathKey(path));
	}

	// ---- fast path: structural scan of valid JSON -------------------------------------------

	private scanLocate(requests: readonly LocateRequest[]): Located[] {
		const results = requests.map(() => ({ depth: 0, keyStart: -1, keyEnd: -1, valueStart: 0, valueEnd: 0 }));
		const root = buildTrie(requests);
		const scanner = new Scanner(this.text);
		const start = scanner.skipWhitespace(0);
		this.walk(scanner, start, root, [], requests, results);
		return results;
	}

	/** Visits the value at `pos` for trie node `node`; returns the offset after the value. */
	private walk(scanner: Scanner, pos: number, node: TrieNode, path: PathSegment[], requests: readonly LocateRequest[], results: Located[]): number {
		const depth = path.length;
		for (const i of node.subtree) {
			const r = results[i];
			r.depth = depth;
			r.valueStart = pos;
			if (depth === 0) {
				r.keyStart = r.keyEnd = -1;
			}
		}
		const text = this.text;
		const code = text.charCodeAt(pos);
		let end: number;
		if (node.keys.size === 0 && node.indexes.size === 0) {
			end = scanner.skipValue(pos);
		} else if (code === 0x7b /* { */) {
			end = this.walkObject(scanner, pos, node, path, requests, results);
		} else if (code === 0x5b /* [ */) {
			end = this.walkArray(scanner, pos, node, path, requests, results);
		} else if (code === 0x22 /* " */) {
			end = scanner.skipString(pos);
			this.walkEmbedded(pos, node, path, requests, results);
		} else {
			end = scanner.skipValue(pos);
		}
		for (const i of node.subtree) {
			const r = results[i];
			if (r.depth === depth) {
				r.valueEnd = end;
				const span = requests[i].span;
				if (span && depth === requests[i].path.length && code === 0x22) {
					const [s, e] = decodedToRawOffsets(text, pos, [span.start, span.end]);
					r.spanStart = s;
					r.spanEnd = e;
				}
			}
		}
		return end;
	}

	private walkObject(scanner: Scanner, pos: number, node: TrieNode, path: PathSegment[], requests: readonly LocateRequest[], results: Located[]): number {
		const text = this.text;
		let i = scanner.skipWhitespace(pos + 1);
		if (text.charCodeAt(i) === 0x7d /* } */) {
			return i + 1;
		}
		for (;;) {
			const keyStart = i;
			const keyEnd = scanner.skipString(i);
			const rawKey = text.slice(keyStart + 1, keyEnd - 1);
			const key = rawKey.includes('\\') ? (JSON.parse(text.slice(keyStart, keyEnd)) as string) : rawKey;
			i = scanner.skipWhitespace(keyEnd);
			i = scanner.skipWhitespace(i + 1); // past ':'
			const childNode = node.keys.get(key);
			if (childNode) {
				// A later duplicate key wins, as it does for JSON.parse.
				path.push(key);
				for (const r of childNode.subtree) {
					results[r].keyStart = keyStart;
					results[r].keyEnd = keyEnd;
				}
				i = this.walk(scanner, i, childNode, path, requests, results);
				path.pop();
			} else {
				i = scanner.skipValue(i);
			}
			i = scanner.skipWhitespace(i);
			if (text.charCodeAt(i) === 0x2c /* , */) {
				i = scanner.skipWhitespace(i + 1);
				continue;
			}
			return i + 1; // past '}'
		}
	}

	private walkArray(scanner: Scanner, pos: number, node: TrieNode, path: PathSegment[], requests: readonly LocateRequest[], results: Located[]): number {
		const text = this.text;
		let i = scanner.skipWhitespace(pos + 1);
		if (text.charCodeAt(i) === 0x5d /* ] */) {
			return i + 1;
		}
		for (let index = 0; ; index++) {
			const childNode = node.indexes.get(index);
			if (childNode) {
				path.push(index);
				for (const r of childNode.subtree) {
					results[r].keyStart = results[r].keyEnd = -1;
				}
				i = this.walk(scanner, i, childNode, path, requests, results);
				path.pop();
			} else {
				i = scanner.skipValue(i);
			}
			i = scanner.skipWhitespace(i);
			if (text.charCodeAt(i) === 0x2c) {
				i = scanner.skipWhitespace(i + 1);
				continue;
			}
			return i + 1;
		}
	}

	/**
	 * Continues the requests below `node` inside the JSON held by the string literal at `start`. The
	 * scan runs over valid JSON only, so the decoded string is the value's (or a cached parse's): the
	 * literal is not decoded again (an 8 MB payload was, for every placement and hover inside it).
	 */
	private walkEmbedded(start: number, node: TrieNode, path: PathSegment[], requests: readonly LocateRequest[], results: Located[]): void {
		this.resolveEmbedded(start, path, undefined, node.subtree, requests, results);
	}

	private resolveEmbedded(
		quoteOffset: number,
		path: readonly PathSegment[],
		decoded: string | undefined,
		indexes: readonly number[],
		requests: readonly LocateRequest[],
		results: Located[],
	): void {
		const depth = path.length;
		const deeper = indexes.filter((i) => requests[i].path.length > depth);
		if (deeper.length === 0) {
			return;
		}
		// Undefined for an earlier duplicate key holding a string when the value (the last one's) is not.
		const inner = this.embedded(path, decoded);
		if (!inner) {
			return;
		}
		const innerResults = inner.locateMany(deeper.map((i) => ({ path: requests[i].path.slice(depth), span: requests[i].span })));
		const offsets: number[] = [];
		for (const r of innerResults) {
			offsets.push(r.valueStart, r.valueEnd, r.keyStart < 0 ? 0 : r.keyStart, r.keyEnd < 0 ? 0 : r.keyEnd, r.spanStart ?? 0, r.spanEnd ?? 0);
		}
		const raw = decodedToRawOffsets(this.text, quoteOffset, offsets);
		deeper.forEach((requestIndex, k) => {
			const innerResult = innerResults[k];
			if (innerResult.depth === 0 && inner.value === undefined) {
				return;
			}
			const r = results[requestIndex];
			const o = k * 6;
			r.depth = depth + innerResult.depth;
			r.embedded = true;
			r.valueStart = raw[o]!;
			r.valueEnd = raw[o + 1]!;
			r.keyStart = innerResult.keyStart < 0 ? -1 : raw[o + 2];
			r.keyEnd = innerResult.keyEnd < 0 ? -1 : raw[o + 3];
			if (innerResult.spanStart !== undefined) {
				r.spanStart = raw[o + 4]!;
				r.spanEnd = raw[o + 5]!;
			}
		});
	}

	// ---- tolerant path: walk jsonc-parser's tree ---------------------------------------------

	private locateInTree(tree: Node, requests: readonly LocateRequest[]): Located[] {
		return requests.map((request) => {
			let node = tree;
			let keyNode: Node | undefined;
			let depth = 0;
			for (const segment of request.path) {
				const next = treeChild(node, segment);
				if (!next) {
					break;
				}
				node = next.value;
				keyNode = next.key;
				depth++;
			}
			const located: Located = {
				depth,
				keyStart: keyNode ? keyNode.offset : -1,
				keyEnd: keyNode ? keyNode.offset + keyNode.length : -1,
				valueStart: node.offset,
				valueEnd: node.offset + node.length,
			};
			if (depth === request.path.length && request.span && node.type === 'string') {
				const [s, e] = decodedToRawOffsets(this.text, node.offset, [request.span.start, request.span.end]);
				located.spanStart = s;
				located.spanEnd = e;
			}
			if (depth < request.path.length && node.type === 'string' && typeof node.value === 'string') {
				const results = [located];
				this.resolveEmbedded(node.offset, request.path.slice(0, depth), node.value, [0], [request], results);
			}
			return located;
		});
	}
}

function treeChild(node: Node, segment: PathSegment): { key?: Node; value: Node } | undefined {
	if (node.type === 'object' && typeof segment === 'string' && node.children) {
		for (let i = node.children.length - 1; i >= 0; i--) {
			const property = node.children[i];
			const [key, value] = property.children ?? [];
			if (key && value && key.value === segment) {
				return { key, value };
			}
		}
	} else if (node.type === 'array' && typeof segment === 'number' && node.children) {
		const value = node.children[segment];
		return value ? { value } : undefined;
	}
	return undefined;
}

/**
 * The plain value of a jsonc-parser node. Keys are defined as own data properties, so a key such
 * as `__proto__` stays an ordinary key instead of changing the object's prototype.
 */
function nodeToValue(node: Node): unknown {
	switch (node.type) {
		case 'object': {
			const result: Record<string, unknown> = {};
			for (const property of node.children ?? []) {
				const [key, value] = property.children ?? [];
				if (key && typeof key.value === 'string') {
					Object.defineProperty(result, key.value, { value: value ? nodeToValue(value) : undefined, enumerable: true, writable: true, configurable: true });
				}
			}
			return result;
		}
		case 'array':
			return (node.children ?? []).map(nodeToValue);
		default:
			return node.value as unknown;
	}
}

/**
 * The offset of the first bracket nested deeper than `limit`, or -1. Strings and comments are
 * skipped as jsonc-parser's scanner reads them (a string also ends at a line break, a comment may
 * hold a quote), so the count is never below the depth the parser recurses to. `valid`: the text
 * is known to be valid JSON, so a string ends at the first unescaped quote and can be skipped with
 * indexOf (a multi-megabyte payload string costs next to nothing).
 */
function firstOffsetDeeperThan(text: string, limit: number, valid: boolean): number {
	const length = text.length;
	let depth = 0;
	for (let i = 0; i < length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22 /* " */) {
			i = valid ? validStringEnd(text, i) : tolerantStringEnd(text, i);
		} else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
			depth++;
			if (depth > limit) {
				return i;
			}
		} else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
			// Never below zero: a stray closing bracket must not hide the openings after it.
			depth = Math.max(0, depth - 1);
		} else if (c === 0x2f /* / */ && !valid) {
			const next = text.charCodeAt(i + 1);
			if (next === 0x2f) {
				while (i < length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) {
					i++;
				}
			} else if (next === 0x2a /* * */) {
				const end = text.indexOf('*/', i + 2);
				i = end < 0 ? length : end + 1;
			}
		}
	}
	return -1;
}

/** The offset of the closing quote of the valid JSON string opening at `i`. */
function validStringEnd(text: string, i: number): number {
	let j = i;
	for (;;) {
		j = text.indexOf('"', j + 1);
		if (j < 0) {
			return text.length;
		}
		let backslashes = 0;
		while (text.charCodeAt(j - 1 - backslashes) === 0x5c) {
			backslashes++;
		}
		if (backslashes % 2 === 0) {
			return j;
		}
	}
}

/** Where jsonc-parser ends the string opening at `i`: its closing quote, or the character before a line break or the end. */
function tolerantStringEnd(text: string, i: number): number {
	const length = text.length;
	for (let j = i + 1; j < length; j++) {
		const d = text.charCodeAt(j);
		if (d === 0x22) {
			return j;
		}
		if (d === 0x0a || d === 0x0d) {
			return j - 1;
		}
		if (d === 0x5c /* \ */) {
			j++;
		}
	}
	return length;
}

/** jsonc-parser accepts comments silently when allowed; JSON does not, so each becomes an error. */
function addCommentErrors(text: string, errors: SyntaxError[]): void {
	for (const comment of findComments(text)) {
		errors.push({ offset: comment.offset, length: comment.length, error: 'CommentNotPermitted' });
	}
}

/** Trailing commas are accepted silently by the tolerant parse; JSON does not allow them. */
function addTrailingCommaErrors(text: string, errors: SyntaxError[]): void {
	for (const offset of findTrailingCommas(text)) {
		errors.push({ offset, length: 1, error: 'TrailingComma' });
	}
}

/** Offsets and lengths of `//` and `/* *\/` comments outside strings. */
export function findComments(text: string): { offset: number; length: number }[] {
	const comments: { offset: number; length: number }[] = [];
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) {
				i++;
			} else if (c === 0x22 || c === 0x0a) {
				inString = false;
			}
			continue;
		}
		if (c === 0x22) {
			inString = true;
		} else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
			let end = text.indexOf('\n', i);
			if (end < 0) {
				end = text.length;
			}
			if (text.charCodeAt(end - 1) === 0x0d) {
				end--;
			}
			comments.push({ offset: i, length: end - i });
			i = end;
		} else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
			let end = text.indexOf('*/', i + 2);
			end = end < 0 ? text.length : end + 2;
			comments.push({ offset: i, length: end - i });
			i = end - 1;
		}
	}
	return comments;
}

/** Offsets of commas followed (after whitespace and comments) by `}` or `]`. */
export function findTrailingCommas(text: string): number[] {
	const commas: number[] = [];
	const comments = findComments(text);
	let commentIndex = 0;
	let inString = false;
	let pendingComma = -1;
	for (let i = 0; i < text.length; i++) {
		while (commentIndex < comments.length && comments[commentIndex].offset + comments[commentIndex].length <= i) {
			commentIndex++;
		}
		const comment = comments[commentIndex];
		if (!inString && comment && comment.offset === i) {
			i = comment.offset + comment.length - 1;
			continue;
		}
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) {
				i++;
			} else if (c === 0x22 || c === 0x0a) {
				inString = false;
			}
			continue;
		}
		if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
			continue;
		}
		if ((c === 0x7d || c === 0x5d) && pendingComma >= 0) {
			commas.push(pendingComma);
		}
		pendingComma = c === 0x2c ? i : -1;
		if (c === 0x22) {
			inString = true;
		}
	}
	return commas;
}

/** Every number token of valid JSON that is long or not a plain integer, by the path of its value. */
function indexLongNumbers(text: string): Map<string, string> {
	const index = new Map<string, string>();
	const scanner = new Scanner(text);
	const path: PathSegment[] = [];
	const visit = (start: number): number => {
		const c = text.charCodeAt(start);
		if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
			const isObject = c === 0x7b;
			let i = scanner.skipWhitespace(start + 1);
			if (text.charCodeAt(i) === (isObject ? 0x7d : 0x5d)) {
				return i + 1;
			}
			for (let position = 0; ; position++) {
				if (isObject) {
					const keyEnd = scanner.skipString(i);
					const rawKey = text.slice(i + 1, keyEnd - 1);
					path.push(rawKey.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : rawKey);
					i = scanner.skipWhitespace(scanner.skipWhitespace(keyEnd) + 1);
				} else {
					path.push(position);
				}
				i = scanner.skipWhitespace(visit(i));
				path.pop();
				if (text.charCodeAt(i) === 0x2c /* , */) {
					i = scanner.skipWhitespace(i + 1);
					continue;
				}
				return i + 1;
			}
		}
		const end = scanner.skipValue(start);
		if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
			const token = text.slice(start, end);
			if (token.length > 15 || /[.eE]/.test(token)) {
				index.set(pathKey(path), token);
			}
		}
		return end;
	};
	visit(scanner.skipWhitespace(0));
	return index;
}

// ---- trie of requested paths ------------------------------------------------------------

interface TrieNode {
	/** Children by object key and by array index: two maps, so that looking one up builds no string. */
	keys: Map<string, TrieNode>;
	indexes: Map<number, TrieNode>;
	/** Indexes of all requests whose path passes through or ends at this node. */
	subtree: number[];
}

function newTrieNode(): TrieNode {
	return { keys: new Map(), indexes: new Map(), subtree: [] };
}

function buildTrie(requests: readonly LocateRequest[]): TrieNode {
	const root = newTrieNode();
	requests.forEach((request, index) => {
		let node = root;
		node.subtree.push(index);
		for (const segment of request.path) {
			let next = typeof segment === 'number' ? node.indexes.get(segment) : node.keys.get(segment);
			if (!next) {
				next = newTrieNode();
				if (typeof segment === 'number') {
					node.indexes.set(segment, next);
				} else {
					node.keys.set(segment, next);
				}
			}
			next.subtree.push(index);
			node = next;
		}
	});
	return root;
}
