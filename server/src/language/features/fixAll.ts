/**
 * "Fix all" for an example pasted from AWS's documentation: one edit list that removes its
 * comments and trailing commas and keeps one alternative of each `"A" | "B"` union, and the
 * placeholders (`"..."`, `"<Whole Event>"`) the fixed text still holds, which no edit can fill in.
 *
 * A union keeps its first alternative. In AWS's record examples that is the usual case:
 * `"condition": "RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"` lists the ordinary
 * failure first, and the example's own comment says its `responseContext` is null only for the
 * second, so only the first keeps the rest of the example consistent. The same first alternative
 * is the first "Keep …" quick fix of the `syntax-union` diagnostic.
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import { isObject } from '../../../../shared/jsonPath';
import { ParsedJson } from '../json/parsedJson';
import { syntaxProblems } from '../validation/syntax';

/** The syntax problems fix-all removes: the shapes AWS's examples are written in. */
const FIXED_CODES = ['syntax-comment', 'syntax-trailing-comma', 'syntax-union'];

export interface FixAllEdit {
	start: number;
	end: number;
	newText: string;
}

/** A value the user must still fill in, at offsets of the fixed text. */
export interface Placeholder {
	path: JsonPath;
	/** The value as written, quotes included. */
	text: string;
	start: number;
	end: number;
}

export interface FixAllResult {
	/** Edits of the given text, sorted, none overlapping another. */
	edits: FixAllEdit[];
	/** The text after the edits. */
	fixedText: string;
	/** Whether the fixed text is JSON (other syntax errors may remain, which need a person). */
	isValidJson: boolean;
	/** Placeholders in the fixed text, in document order (none when it is not JSON). */
	placeholders: Placeholder[];
}

export function fixPastedExample(text: string): FixAllResult {
	const parsed = ParsedJson.parse(text);
	const edits: FixAllEdit[] = [];
	for (const problem of syntaxProblems(text, parsed.syntaxErrors)) {
		const fix = problem.fixes?.[0];
		if (FIXED_CODES.includes(problem.code) && fix?.kind === 'replaceRange') {
			edits.push({ start: fix.start, end: fix.end, newText: fix.newText });
		}
	}
	edits.sort((a, b) => a.start - b.start || a.end - b.end);
	// A client refuses a workspace edit whose ranges overlap: keep the first of any two that do.
	const kept = edits.filter((edit, i) => i === 0 || edits[i - 1].end <= edit.start);
	const fixedText = applyEdits(text, kept);
	const fixed = ParsedJson.parse(fixedText);
	const placeholders = fixed.isValidJson ? placeholdersIn(fixed) : [];
	return { edits: kept, fixedText, isValidJson: fixed.isValidJson, placeholders };
}

/** Whether a string value is a placeholder of AWS's examples: `...`, or a whole `<Something>`. */
export function isPlaceholder(value: string): boolean {
	return value === '...' || /^<[^<>]+>$/.test(value.trim());
}

function placeholdersIn(parsed: ParsedJson): Placeholder[] {
	const paths: JsonPath[] = [];
	collect(parsed.value, [], paths);
	const placeholders = paths.map((path) => {
		const at = parsed.locate({ path });
		return { path, text: parsed.text.slice(at.valueStart, at.valueEnd), start: at.valueStart, end: at.valueEnd };
	});
	// Object.entries puts integer-like keys first: list in the order the text has them.
	return placeholders.sort((a, b) => a.start - b.start);
}

function collect(value: unknown, path: JsonPath, into: JsonPath[]): void {
	if (typeof value === 'string') {
		if (isPlaceholder(value)) {
			into.push(path);
		}
	} else if (Array.isArray(value)) {
		value.forEach((element, i) => collect(element, [...path, i], into));
	} else if (isObject(value)) {
		for (const [key, member] of Object.entries(value)) {
			collect(member, [...path, key], into);
		}
	}
}

function applyEdits(text: string, edits: readonly FixAllEdit[]): string {
	let out = '';
	let last = 0;
	for (const edit of edits) {
		out += text.slice(last, edit.start) + edit.newText;
		last = edit.end;
	}
	return out + text.slice(last);
}
