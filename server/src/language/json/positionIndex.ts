/**
 * Remembered structure of one parsed text, so that finding "what is at this offset" in a large
 * document costs a binary search after the first time instead of a scan from the start: hover
 * and completion at random offsets of a 10 MB record scanned megabytes each time (about 20 ms,
 * twice the budget of a keystroke). Built lazily, per container or string actually walked into,
 * and kept with the parse (ParsedJson.positionIndex), which is immutable.
 */
import { memoized } from '../util/memo';
import { Scanner } from './scanner';

/** The members of an object or the elements of an array: where each one's key (-1 for elements) and value lie. */
export interface Children {
	count: number;
	keyStarts: Int32Array;
	keyEnds: Int32Array;
	valueStarts: Int32Array;
	valueEnds: Int32Array;
}

/** A string literal's raw offsets and the decoded offsets they correspond to, every STRING_STEP raw characters or so. */
export interface StringCheckpoints {
	raw: number[];
	decoded: number[];
}

const STRING_STEP = 16 * 1024;

export class PositionIndex {
	private readonly containers = new Map<number, Children>();
	private readonly strings = new Map<number, StringCheckpoints>();
	private readonly scanner: Scanner;

	constructor(private readonly text: string) {
		this.scanner = new Scanner(text);
	}

	/** The children of the object or array opening at `start` (valid JSON only). */
	children(start: number): Children {
		return memoized(this.containers, start, (at) => this.scanChildren(at));
	}

	/** Checkpoints of the string literal whose opening quote is at `quote` (valid JSON only). */
	checkpoints(quote: number): StringCheckpoints {
		return memoized(this.strings, quote, (at) => this.scanString(at));
	}

	private scanChildren(start: number): Children {
		const { text, scanner } = this;
		const isObject = text.charCodeAt(start) === 0x7b; /* { */
		const keyStarts: number[] = [];
		const keyEnds: number[] = [];
		const valueStarts: number[] = [];
		const valueEnds: number[] = [];
		let i = scanner.skipWhitespace(start + 1);
		while (i < text.length && text.charCodeAt(i) !== (isObject ? 0x7d : 0x5d)) {
			let valueStart = i;
			if (isObject) {
				const keyEnd = scanner.skipString(i);
				keyStarts.push(i);
				keyEnds.push(keyEnd);
				valueStart = scanner.skipWhitespace(scanner.skipWhitespace(keyEnd) + 1);
			} else {
				keyStarts.push(-1);
				keyEnds.push(-1);
			}
			const valueEnd = scanner.skipValue(valueStart);
			valueStarts.push(valueStart);
			valueEnds.push(valueEnd);
			i = scanner.skipWhitespace(valueEnd);
			if (text.charCodeAt(i) !== 0x2c /* , */) {
				break;
			}
			i = scanner.skipWhitespace(i + 1);
		}
		return {
			count: valueStarts.length,
			keyStarts: Int32Array.from(keyStarts),
			keyEnds: Int32Array.from(keyEnds),
			valueStarts: Int32Array.from(valueStarts),
			valueEnds: Int32Array.from(valueEnds),
		};
	}

	private scanString(quote: number): StringCheckpoints {
		const text = this.text;
		const raw = [quote + 1];
		const decoded = [0];
		let at = quote + 1;
		let count = 0;
		let nextCheckpoint = at + STRING_STEP;
		// Each found position is kept until passed, so a long run without one is searched once.
		let backslash = -1;
		let closing = -1;
		for (;;) {
			if (backslash < at) {
				backslash = text.indexOf('\\', at);
				backslash = backslash < 0 ? Infinity : backslash;
			}
			if (closing < at) {
				closing = text.indexOf('"', at);
				closing = closing < 0 ? text.length : closing;
			}
			const special = Math.min(backslash, closing);
			// Checkpoints fall on plain characters, never inside an escape.
			while (nextCheckpoint < special) {
				raw.push(nextCheckpoint);
				decoded.push(count + nextCheckpoint - at);
				nextCheckpoint += STRING_STEP;
			}
			count += special - at;
			if (special === closing) {
				break;
			}
			at = special + (text.charCodeAt(special + 1) === 0x75 /* u */ ? 6 : 2);
			count += 1;
			nextCheckpoint = Math.max(nextCheckpoint, at);
		}
		return { raw, decoded };
	}
}

/** The last index whose value in the ascending `values` is <= `target` (-1 if none). */
export function lastAtOrBelow(values: ArrayLike<number>, count: number, target: number): number {
	let low = 0;
	let high = count - 1;
	while (low <= high) {
		const mid = (low + high) >>> 1;
		if (values[mid] <= target) {
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return high;
}

/** The first index whose value in the ascending `values` is >= `target` (`count` if none). */
export function firstAtOrAbove(values: ArrayLike<number>, count: number, target: number): number {
	return lastAtOrBelow(values, count, target - 1) + 1;
}
