/**
 * AWS's record examples write `"condition": "RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"`,
 * a TypeScript-style union that is not JSON. A parser that recovers from the `|` reads the second
 * string as a new property name and invents a field; finding the unions first lets the parse
 * read only the first alternative and lets the diagnostic name the real problem.
 */

export interface Union {
	/** Offset of the first alternative's opening quote. */
	start: number;
	/** Offset after the last alternative's closing quote. */
	end: number;
	/** The alternatives as written, quotes included. */
	alternatives: string[];
}

/** Finds `"A" | "B" (| "C"...)` outside strings. Each alternative must be a string literal on the same line. */
export function findUnions(text: string): Union[] {
	const unions: Union[] = [];
	let searchFrom = 0;
	for (;;) {
		const bar = text.indexOf('|', searchFrom);
		if (bar < 0) {
			return unions;
		}
		searchFrom = bar + 1;
		const before = stringLiteralEndingBefore(text, bar);
		if (!before || !isOutsideStrings(text, before.start)) {
			continue;
		}
		const alternatives = [text.slice(before.start, before.end)];
		let end = before.end;
		let pos = bar;
		while (text[pos] === '|') {
			const next = stringLiteralStartingAfter(text, pos + 1);
			if (!next) {
				break;
			}
			alternatives.push(text.slice(next.start, next.end));
			end = next.end;
			pos = skipBlanks(text, next.end);
		}
		if (alternatives.length >= 2) {
			unions.push({ start: before.start, end, alternatives });
			searchFrom = end;
		}
	}
}

/** The text with every alternative after the first replaced by spaces: same length, same offsets, valid where the rest is. */
export function maskUnions(text: string, unions: readonly Union[]): string {
	let masked = '';
	let last = 0;
	for (const union of unions) {
		const firstEnd = union.start + union.alternatives[0].length;
		masked += text.slice(last, firstEnd) + text.slice(firstEnd, union.end).replace(/[^\n]/g, ' ');
		last = union.end;
	}
	return masked + text.slice(last);
}

function skipBlanks(text: string, pos: number): number {
	while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) {
		pos++;
	}
	return pos;
}

/** Whether `offset` is outside every string literal, counting quotes from the start of its line. */
function isOutsideStrings(text: string, offset: number): boolean {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	let inString = false;
	for (let i = lineStart; i < offset; i++) {
		if (text[i] === '\\' && inString) {
			i++;
		} else if (text[i] === '"') {
			inString = !inString;
		}
	}
	return !inString;
}

function stringLiteralEndingBefore(text: string, pos: number): { start: number; end: number } | undefined {
	let end = pos;
	while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) {
		end--;
	}
	if (text[end - 1] !== '"') {
		return undefined;
	}
	const lineStart = text.lastIndexOf('\n', end - 1) + 1;
	for (let i = end - 2; i >= lineStart; i--) {
		if (text[i] === '"') {
			let backslashes = 0;
			while (text[i - 1 - backslashes] === '\\') {
				backslashes++;
			}
			if (backslashes % 2 === 0) {
				return { start: i, end };
			}
		}
	}
	return undefined;
}

function stringLiteralStartingAfter(text: string, pos: number): { start: number; end: number } | undefined {
	const start = skipBlanks(text, pos);
	if (text[start] !== '"') {
		return undefined;
	}
	for (let i = start + 1; i < text.length && text[i] !== '\n'; i++) {
		if (text[i] === '\\') {
			i++;
		} else if (text[i] === '"') {
			return { start, end: i + 1 };
		}
	}
	return undefined;
}
