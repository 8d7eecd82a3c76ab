/**
 * The incremental edits of a document since some version, so that an offset of the current text
 * can be followed back to the text of an older version and a range found there brought forward.
 * Hover and completion on a large document read the last parse (see analysisCache.ts) instead of
 * parsing every version again; this says where the cursor was in that parse's text.
 */

/** One replacement: [start, end) of the text before it became `length` characters. */
interface Edit {
	start: number;
	end: number;
	length: number;
	/** The document version the edit produced. */
	version: number;
}

/** Edits kept per document: enough for minutes of typing; an older parse than that is not worth reading. */
const MAX_EDITS = 4096;

/** Maps offsets between an older version of a text and the current one. */
export interface OffsetMapping {
	/**
	 * The offset in the older text of the current `offset`, or undefined when it lies in or touches
	 * text that was edited since (what is there was not in the older text).
	 */
	toOlder(this: void, offset: number): number | undefined;
	/** The current offset of an offset of the older text (an edited span maps to its start). */
	toCurrent(this: void, offset: number): number;
}

export const IDENTITY_MAPPING: OffsetMapping = { toOlder: (offset) => offset, toCurrent: (offset) => offset };

export class EditLog {
	private edits: Edit[] = [];
	/** The oldest version the edits reach back to. */
	private base: number;

	constructor(version: number) {
		this.base = version;
	}

	/** The whole text was replaced: no older offset means anything now. */
	reset(version: number): void {
		this.edits = [];
		this.base = version;
	}

	record(start: number, end: number, length: number, version: number): void {
		this.edits.push({ start, end, length, version });
		if (this.edits.length > MAX_EDITS) {
			const dropped = this.edits.splice(0, this.edits.length - MAX_EDITS / 2);
			this.base = dropped[dropped.length - 1].version;
		}
	}

	/** The mapping between `version` and the current text, or undefined when the log does not reach back to it. */
	since(version: number): OffsetMapping | undefined {
		if (version < this.base) {
			return undefined;
		}
		const first = this.edits.findIndex((edit) => edit.version > version);
		if (first < 0) {
			return IDENTITY_MAPPING;
		}
		const edits = this.edits.slice(first);
		return {
			toOlder(offset) {
				for (let i = edits.length - 1; i >= 0; i--) {
					const { start, end, length } = edits[i];
					if (offset > start + length) {
						offset += end - start - length;
					} else if (offset >= start) {
						return undefined;
					}
				}
				return offset;
			},
			toCurrent(offset) {
				for (const { start, end, length } of edits) {
					if (offset >= end) {
						offset += length - (end - start);
					} else if (offset > start) {
						offset = start;
					}
				}
				return offset;
			},
		};
	}
}
