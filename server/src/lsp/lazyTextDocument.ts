/**
 * The open documents' text, for `TextDocuments`: an incremental change costs time in proportion
 * to the change, not to the document.
 *
 * vscode-languageserver-textdocument rebuilds the whole string on every change (its substring and
 * concatenation flatten the text: about 5 ms per keystroke on an 8 MB record), so a burst of
 * edits queued up behind each other and a hover sent during the burst waited for all of them
 * (test/hardening/serverLoad.test.ts). Here the text is a list of pieces, joined only when it is
 * read; line starts are kept up to date on each change exactly as that library keeps them, and
 * positions and offsets follow its rules (a position never lands inside a line break).
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocuments } from './lspValues';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { malformedChanges } from './contentChanges';
import type { OffsetMapping } from './editLog';
import { EditLog } from './editLog';

/** Beyond this many pieces the text is joined again, so that finding an offset stays cheap. */
const MAX_PIECES = 2000;

const CR = 13;
const LF = 10;

export class LazyTextDocument implements TextDocument {
	private pieces: string[];
	/** The whole text, when it has been joined since the last change. */
	private joined: string | undefined;
	private length: number;
	/** Offsets at which lines start; undefined when they must be computed from the text again. */
	private lineStarts: number[] | undefined;
	/** False after a change was refused: the client's text is then unknown (see lazyTextDocuments). */
	inSync = true;
	/** Where the edits since older versions were (see editsSince). */
	private readonly editLog: EditLog;

	constructor(
		readonly uri: string,
		readonly languageId: string,
		private currentVersion: number,
		content: string,
	) {
		this.pieces = [content];
		this.joined = content;
		this.length = content.length;
		this.editLog = new EditLog(currentVersion);
	}

	get version(): number {
		return this.currentVersion;
	}

	/**
	 * The text as its pieces, in order, without joining them: what goes to the validation thread,
	 * which joins them there (joining a 10 MB text costs this thread about 6 ms of fresh memory).
	 * A copy of the list: later edits do not change it.
	 */
	textPieces(): readonly string[] {
		return this.joined !== undefined ? [this.joined] : [...this.pieces];
	}

	/** The text's length, without joining its pieces. */
	get textLength(): number {
		return this.length;
	}

	get lineCount(): number {
		return this.getLineStarts().length;
	}

	getText(range?: Range): string {
		const text = this.text();
		return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
	}

	update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
		for (const change of changes) {
			if ('range' in change && change.range !== undefined) {
				this.applyIncremental(wellFormed(change.range), change.text, version);
			} else {
				this.editLog.reset(version);
				this.pieces = [change.text];
				this.joined = change.text;
				this.length = change.text.length;
				this.lineStarts = undefined;
			}
		}
		this.currentVersion = version;
	}

	/** How offsets of `version` of this text map to the current ones; undefined when that version is too old to tell. */
	editsSince(version: number): OffsetMapping | undefined {
		return this.editLog.since(version);
	}

	positionAt(offset: number): Position {
		offset = Math.max(Math.min(offset, this.length), 0);
		const lineStarts = this.getLineStarts();
		const line = this.lineOf(offset);
		offset = this.beforeLineBreak(offset, lineStarts[line]);
		return { line, character: offset - lineStarts[line] };
	}

	/** The line an offset (within the text) is on. */
	private lineOf(offset: number): number {
		const lineStarts = this.getLineStarts();
		let low = 0;
		let high = lineStarts.length;
		while (low < high) {
			const mid = Math.floor((low + high) / 2);
			if (lineStarts[mid] > offset) {
				high = mid;
			} else {
				low = mid + 1;
			}
		}
		return low - 1;
	}

	offsetAt(position: Position): number {
		const lineStarts = this.getLineStarts();
		if (position.line >= lineStarts.length) {
			return this.length;
		}
		if (position.line < 0) {
			return 0;
		}
		const lineStart = lineStarts[position.line];
		if (position.character <= 0) {
			return lineStart;
		}
		const nextLineStart = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : this.length;
		return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
	}

	getLineRange(line: number): Range {
		const lineStarts = this.getLineStarts();
		if (line >= lineStarts.length) {
			const last = lineStarts.length - 1;
			return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineStarts[last] } };
		}
		if (line < 0) {
			return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
		}
		const start = lineStarts[line];
		const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : this.length;
		return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
	}

	getEOLCharacters(line: number): string {
		const lineStarts = this.getLineStarts();
		if (line < 0 || line >= lineStarts.length) {
			return '';
		}
		const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : this.length;
		return this.text().substring(this.beforeLineBreak(next, lineStarts[line]), next);
	}

	private applyIncremental(range: Range, text: string, version: number): void {
		const start = this.offsetAt(range.start);
		const end = this.offsetAt(range.end);
		this.editLog.record(start, end, text.length, version);
		// The lines of the offsets, not of the range: a position past the end is clamped to the end.
		const startLine = this.lineOf(start);
		const endLine = this.lineOf(end);
		this.splice(start, end, text);
		const insertedEnd = start + text.length;
		const crlfAtStart = this.charCodeAt(start - 1) === CR && this.charCodeAt(start) === LF;
		const crlfAtEnd = this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF;
		const lineStarts = this.lineStarts;
		if (crlfAtStart || crlfAtEnd || lineStarts === undefined) {
			// A CR LF pair across an edit boundary is not in the inserted text's own line starts.
			this.lineStarts = undefined;
			return;
		}
		const added = computeLineStarts(text, false, start);
		if (endLine - startLine === added.length) {
			for (let i = 0; i < added.length; i++) {
				lineStarts[i + startLine + 1] = added[i];
			}
		} else if (added.length < 10_000) {
			lineStarts.splice(startLine + 1, endLine - startLine, ...added);
		} else {
			this.lineStarts = lineStarts.slice(0, startLine + 1).concat(added, lineStarts.slice(endLine + 1));
		}
		const diff = text.length - (end - start);
		if (diff !== 0) {
			const starts = this.lineStarts!;
			for (let i = startLine + 1 + added.length; i < starts.length; i++) {
				starts[i] += diff;
			}
		}
	}

	/** Replaces [start, end) by `text` in the pieces: no copy of the text. */
	private splice(start: number, end: number, text: string): void {
		if (this.pieces.length > MAX_PIECES) {
			this.text();
		}
		const from = this.boundary(start);
		const to = this.boundary(end);
		if (text === '') {
			this.pieces.splice(from, to - from);
		} else {
			this.pieces.splice(from, to - from, text);
		}
		this.joined = undefined;
		this.length += text.length - (end - start);
	}

	/** The index of the piece that starts at `offset`, splitting a piece when the offset falls inside it. */
	private boundary(offset: number): number {
		let position = 0;
		for (let i = 0; i < this.pieces.length; i++) {
			if (position === offset) {
				return i;
			}
			const piece = this.pieces[i];
			if (offset < position + piece.length) {
				this.pieces.splice(i, 1, piece.slice(0, offset - position), piece.slice(offset - position));
				return i + 1;
			}
			position += piece.length;
		}
		return this.pieces.length;
	}

	private charCodeAt(offset: number): number {
		if (offset < 0 || offset >= this.length) {
			return NaN;
		}
		if (this.joined !== undefined) {
			return this.joined.charCodeAt(offset);
		}
		let position = 0;
		for (const piece of this.pieces) {
			if (offset < position + piece.length) {
				return piece.charCodeAt(offset - position);
			}
			position += piece.length;
		}
		return NaN;
	}

	private text(): string {
		if (this.joined === undefined) {
			this.joined = this.pieces.join('');
			this.pieces = [this.joined];
		}
		return this.joined;
	}

	private getLineStarts(): number[] {
		this.lineStarts ??= computeLineStarts(this.text(), true, 0);
		return this.lineStarts;
	}

	private beforeLineBreak(offset: number, lineStart: number): number {
		while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) {
			offset--;
		}
		return offset;
	}
}

/**
 * For `new TextDocuments(...)`: documents are created as {@link LazyTextDocument} and updated in
 * place. A `didChange` with a malformed change (see contentChanges.ts) is refused as a whole and
 * reported through `reportRejected`: no change of it is applied, as a batch applied in part
 * matches no text the client ever had.
 *
 * After a refusal the server no longer knows the client's text: the client has applied the edit
 * the server could not read. Applying later incremental changes to the text we kept would give a
 * document whose version matches the client's and whose text does not, and a versioned quick fix
 * computed from it would land at the wrong offsets in the user's file. So the document is marked
 * out of sync: its later incremental changes are ignored, {@link KnownTextDocuments} hides it from
 * every handler (nothing is validated, hovered or fixed), until the editor sends its whole text
 * again (a change without a range) or reopens it. The refused document keeps its version.
 */
export function lazyTextDocuments(reportRejected: (uri: string, message: string) => void): TextDocumentsConfiguration<TextDocument> {
	return {
		create: (uri, languageId, version, content) => new LazyTextDocument(uri, languageId, version, content),
		update: (document, changes, version) => {
			const lazy = document as LazyTextDocument;
			const problem = malformedChanges(changes);
			if (problem) {
				lazy.inSync = false;
				reportRejected(
					document.uri,
					`Ignored version ${version} of ${document.uri}: ${problem}. The document stays at version ${document.version}; until the editor sends its whole text again or reopens it, the server ignores its edits and reports nothing for it.`,
				);
				return document;
			}
			if (!lazy.inSync) {
				// Only a change of the whole text brings the two texts together again; what follows it applies to that text.
				let lastFullText = changes.length - 1;
				while (lastFullText >= 0 && isIncremental(changes[lastFullText])) {
					lastFullText--;
				}
				if (lastFullText < 0) {
					return document;
				}
				lazy.update(changes.slice(lastFullText), version);
				lazy.inSync = true;
				return document;
			}
			lazy.update(changes, version);
			return document;
		},
	};
}

function isIncremental(change: TextDocumentContentChangeEvent): boolean {
	return 'range' in change && change.range !== undefined;
}

/** Whether the server knows the document's text (see {@link lazyTextDocuments}). */
function isKnown(document: TextDocument): boolean {
	return !(document instanceof LazyTextDocument) || document.inSync;
}

/** The open documents whose text the server knows: one whose edits were refused is left out until its whole text comes again. */
export class KnownTextDocuments extends TextDocuments<TextDocument> {
	override get(uri: string): TextDocument | undefined {
		const document = super.get(uri);
		return document && isKnown(document) ? document : undefined;
	}

	override all(): TextDocument[] {
		return super.all().filter(isKnown);
	}
}

/**
 * The offsets after each line break (CR, LF or CR LF) of `text`, shifted by `textOffset`. Line
 * breaks are found with indexOf: a character loop took tens of milliseconds over a 10 MB record,
 * on the first edit after it was opened.
 */
function computeLineStarts(text: string, isAtLineStart: boolean, textOffset: number): number[] {
	const result = isAtLineStart ? [textOffset] : [];
	let cr = text.indexOf('\r');
	let lf = text.indexOf('\n');
	while (cr >= 0 || lf >= 0) {
		let lineBreakEnd: number;
		if (cr >= 0 && (lf < 0 || cr < lf)) {
			// A CR, or a CR LF pair: the line starts after the pair.
			lineBreakEnd = lf === cr + 1 ? lf : cr;
			if (lf === cr + 1) {
				lf = text.indexOf('\n', lf + 1);
			}
			cr = text.indexOf('\r', cr + 1);
		} else {
			lineBreakEnd = lf;
			lf = text.indexOf('\n', lf + 1);
		}
		result.push(textOffset + lineBreakEnd + 1);
	}
	return result;
}

function isLineBreak(c: number): boolean {
	return c === CR || c === LF;
}

function wellFormed(range: Range): Range {
	const { start, end } = range;
	return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** A document's length, without joining a lazy document's pieces. */
export function textLengthOf(document: TextDocument): number {
	return document instanceof LazyTextDocument ? document.textLength : document.getText().length;
}

/** A document's text, as a lazy document's pieces when it is one (the validation thread joins them). */
export function textPiecesOf(document: TextDocument): string | readonly string[] {
	return document instanceof LazyTextDocument ? document.textPieces() : document.getText();
}
