/**
 * The JSON values a text holds, each validated on its own: the one document, the elements of an
 * array of records, or the lines of a JSON Lines file.
 *
 * A JSON Lines file may have millions of short lines. Keeping a parse per line cost about 700
 * bytes for a 3-byte line (a 3 MB file took 1.2 GB), so lines are not kept: the list holds the
 * start offset of each non-blank line (4 bytes) and parses a line when it is asked for, keeping
 * only the few most recently asked (hover and completion ask for the same line again and again).
 * Whoever walks every line (validation, the preview) gets fresh parses it can drop.
 */
import type { DocumentKind } from '../../../../shared/documentKinds';
import type { JsonPath } from '../../../../shared/jsonPath';
import { ParsedJson } from '../json/parsedJson';
import { detectKind, kindFromFileName } from '../kinds/detectKind';

/** One JSON value validated on its own, and where it sits in the text. */
export interface DocumentUnit {
	parsed: ParsedJson;
	/** Offset of `parsed.text` in the whole text (non-zero for JSON Lines). */
	baseOffset: number;
	/** Path of this value inside `parsed` (an array index for array elements). */
	path: JsonPath;
	value: unknown;
	kind: DocumentKind;
}

export interface DocumentUnits extends Iterable<DocumentUnit> {
	readonly count: number;
	/** The unit at `index` (0 <= index < count). */
	get(index: number): DocumentUnit;
	/** The unit whose text holds `offset`: the line for JSON Lines, else the first unit (they share one parse). */
	at(offset: number): DocumentUnit | undefined;
	/** The units whose text overlaps [start, end]: every line in the range, or the one shared parse. */
	overlapping(start: number, end: number): Iterable<DocumentUnit>;
	/** Whether units share one parse (the elements of an array): a consumer places their problems together. */
	readonly shareParse: boolean;
}

/** Units held in memory: one document, or the elements of one parsed array. */
export class ParsedUnits implements DocumentUnits {
	constructor(private readonly units: readonly DocumentUnit[]) {}

	get count(): number {
		return this.units.length;
	}

	get shareParse(): boolean {
		return this.units.length > 1;
	}

	get(index: number): DocumentUnit {
		return this.units[index];
	}

	at(): DocumentUnit | undefined {
		return this.units[0];
	}

	overlapping(): Iterable<DocumentUnit> {
		return this.units.slice(0, 1);
	}

	[Symbol.iterator](): Iterator<DocumentUnit> {
		return this.units[Symbol.iterator]();
	}
}

/** No units: an empty, binary, too large or unrecognised text. */
export const NO_UNITS: DocumentUnits = new ParsedUnits([]);

/** The path of every line's value, shared: paths are read-only. */
const ROOT_PATH: JsonPath = Object.freeze([]);

/** Lines kept parsed for hover and completion, most recent last. */
const KEPT_LINES = 8;

export class JsonLinesUnits implements DocumentUnits {
	readonly shareParse = false;
	private readonly kept = new Map<number, DocumentUnit>();
	/** The kind the file name gives a line whose content shows none, found once rather than per line. */
	private readonly fileNameKind: DocumentKind;

	private constructor(
		private readonly text: string,
		fileName: string | undefined,
		/** Start offsets of the non-blank lines, ascending; only the first `count` entries are used. */
		private readonly starts: Uint32Array,
		readonly count: number,
	) {
		this.fileNameKind = fileName === undefined ? 'unknown' : kindFromFileName(fileName);
	}

	/** Indexes the non-blank lines of `text`: one pass with indexOf, nothing parsed. */
	static index(text: string, fileName: string | undefined): JsonLinesUnits {
		// Counted first so that the table is allocated once at its size: growing it by doubling left
		// copies of up to half its size as garbage, more than the text for lines of 3 bytes.
		let lines = 1;
		for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
			lines++;
		}
		const starts = new Uint32Array(lines);
		let count = 0;
		let start = 0;
		while (start <= text.length) {
			let end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length;
			}
			if (!isBlank(text, start, end)) {
				starts[count++] = start;
			}
			start = end + 1;
		}
		return new JsonLinesUnits(text, fileName, starts, count);
	}

	get(index: number): DocumentUnit {
		let unit = this.kept.get(index);
		if (unit) {
			// Most recently used last: Map keeps insertion order.
			this.kept.delete(index);
		} else {
			unit = this.parseLine(index);
		}
		this.kept.set(index, unit);
		if (this.kept.size > KEPT_LINES) {
			this.kept.delete(this.kept.keys().next().value as number);
		}
		return unit;
	}

	at(offset: number): DocumentUnit | undefined {
		const index = this.lineIndexAt(offset);
		return index < 0 ? undefined : this.get(index);
	}

	*overlapping(start: number, end: number): Iterable<DocumentUnit> {
		// The first line starting at or before `start` (it may end before it: then it is skipped).
		let index = Math.max(0, this.lastLineStartingAtOrBefore(start));
		for (; index < this.count && this.starts[index] <= end; index++) {
			if (this.lineEnd(index) >= start) {
				yield this.get(index);
			}
		}
	}

	/** Every line, parsed afresh and not kept: walking a million lines holds one at a time. */
	*[Symbol.iterator](): Iterator<DocumentUnit> {
		for (let i = 0; i < this.count; i++) {
			yield this.kept.get(i) ?? this.parseLine(i);
		}
	}

	/** The first `limit` lines (those asked again, as the first is for the request mode, stay parsed). */
	*head(limit: number): Generator<DocumentUnit> {
		const n = Math.min(limit, this.count);
		for (let i = 0; i < n; i++) {
			yield this.get(i);
		}
	}

	/** The index of the line holding `offset` (its end and line break included), or -1 between lines. */
	private lineIndexAt(offset: number): number {
		const index = this.lastLineStartingAtOrBefore(offset);
		return index >= 0 && offset <= this.lineEnd(index) ? index : -1;
	}

	/** Binary search: the last line whose start is <= offset, or -1. */
	private lastLineStartingAtOrBefore(offset: number): number {
		let low = 0;
		let high = this.count - 1;
		while (low <= high) {
			const mid = (low + high) >>> 1;
			if (this.starts[mid] <= offset) {
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		return high;
	}

	/** The end of line `index`, before its line break (and a CR before it). */
	private lineEnd(index: number): number {
		const start = this.starts[index];
		let end = this.text.indexOf('\n', start);
		if (end < 0) {
			end = this.text.length;
		}
		return end > start && this.text.charCodeAt(end - 1) === 0x0d /* \r */ ? end - 1 : end;
	}

	private parseLine(index: number): DocumentUnit {
		const start = this.starts[index];
		const parsed = ParsedJson.parse(this.text.slice(start, this.lineEnd(index)));
		const kind = detectKind(parsed.value);
		return { parsed, baseOffset: start, path: ROOT_PATH, value: parsed.value, kind: kind === 'unknown' ? this.fileNameKind : kind };
	}
}

function isBlank(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
			return false;
		}
	}
	return true;
}
