/**
 * "What is at this offset?" for hover and completion, answered as jsonc-parser's getLocation
 * answers it, without its cost on large documents: getLocation tokenizes everything before the
 * offset, 85 ms at the end of a 12 MB array and 110 ms deep in an 8 MB payload.
 *
 * For valid JSON, the structural scanner first skips to the smallest value that strictly contains
 * the offset (an object, or an array that is a member's value: getLocation resets its state on
 * entering those, so asking it about that value alone gives the same answer), and getLocation
 * reads only that value. An offset on a member's string value, however long, is
 * answered directly; the string is decoded only if its value is read.
 */
import type { Node } from 'jsonc-parser';
import { getLocation } from 'jsonc-parser';
import type { PathSegment } from '../../../../shared/jsonPath';
import { firstAtOrAbove, PositionIndex } from './positionIndex';
import { Scanner } from './scanner';

export interface JsonLocation {
	/** The path of the member or element at the offset (the last segment is '' before a new object member). */
	path: PathSegment[];
	/** Whether the offset is on a property key (or where a key is expected). */
	isAtPropertyKey: boolean;
	/** The key or scalar token at or just before the offset, in the text's coordinates. */
	previousNode: Node | undefined;
}

/** Values smaller than this many characters are left to getLocation: skipping into them would cost more than it saves. */
const DIRECT_LIMIT = 64 * 1024;

/**
 * The location at `offset`. `validJson` says that JSON.parse accepted `text`. `directLimit` is for
 * tests. `index` remembers the containers walked into (the parse's PositionIndex), so that the next
 * lookup in the same text binary-searches them instead of scanning.
 */
export function locationAt(text: string, offset: number, validJson: boolean, directLimit = DIRECT_LIMIT, index?: PositionIndex): JsonLocation {
	if (!validJson || text.length <= directLimit) {
		return fromGetLocation(text, offset, 0, []);
	}
	const children = index ?? new PositionIndex(text);
	const prefix: PathSegment[] = [];
	let start = new Scanner(text).skipWhitespace(0);
	let end = text.length;
	while (end - start > directLimit) {
		const open = text.charCodeAt(start);
		if (open !== 0x7b /* { */ && open !== 0x5b /* [ */) {
			break;
		}
		const members = children.children(start);
		// The first member or element that ends at or after the offset is the only one that can hold it.
		const at = firstAtOrAbove(members.valueEnds, members.count, offset);
		if (at >= members.count) {
			break;
		}
		const valueStart = members.valueStarts[at];
		const valueEnd = members.valueEnds[at];
		const first = text.charCodeAt(valueStart);
		if (open === 0x7b) {
			if (offset < valueStart) {
				break;
			}
			const key = keyText(text, members.keyStarts[at], members.keyEnds[at]);
			if ((first === 0x7b || first === 0x5b) && offset > valueStart && offset < valueEnd) {
				prefix.push(key);
				start = valueStart;
				end = valueEnd;
				continue;
			}
			if (first === 0x22 /* " */) {
				// getLocation: the ':' cleared the key state, and the string is the last token read.
				return { path: [...prefix, key], isAtPropertyKey: false, previousNode: stringNode(text, valueStart, valueEnd) };
			}
			break;
		}
		// Only an object element is entered: getLocation carries its key state into an array
		// element that is itself an array, so that one must be read from its parent.
		if (first !== 0x7b || offset <= valueStart || offset >= valueEnd) {
			break;
		}
		prefix.push(at);
		start = valueStart;
		end = valueEnd;
	}
	return prefix.length === 0 ? fromGetLocation(text, offset, 0, []) : fromGetLocation(text.slice(start, end), offset - start, start, prefix);
}

function fromGetLocation(text: string, offset: number, shift: number, prefix: readonly PathSegment[]): JsonLocation {
	const location = getLocation(text, offset);
	const node = location.previousNode;
	return {
		path: [...prefix, ...location.path],
		isAtPropertyKey: location.isAtPropertyKey,
		previousNode: node && { type: node.type, value: node.value as unknown, offset: node.offset + shift, length: node.length },
	};
}

/**
 * The node of the string literal at [start, end), as getLocation gives it. Its value is read from
 * the text, not from the parsed document, where a later duplicate key would have replaced it; it
 * is decoded when first read, as decoding the 8 MB payload costs more than the rest of a hover.
 */
function stringNode(text: string, start: number, end: number): Node {
	let decoded: string | undefined;
	const node = { type: 'string', offset: start, length: end - start } as Node;
	Object.defineProperty(node, 'value', {
		enumerable: true,
		get: () => (decoded ??= JSON.parse(text.slice(start, end)) as string),
	});
	return node;
}

/** A key's value from its quoted text. */
function keyText(text: string, start: number, end: number): string {
	const raw = text.slice(start + 1, end - 1);
	return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}
