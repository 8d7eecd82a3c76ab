/**
 * Turns parse errors into problems a person can act on, with fixes. Three shapes come straight
 * from AWS's own examples and get their own codes: `//` comments, trailing commas, and the
 * TypeScript-style union `"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"` (one
 * diagnostic for the whole union instead of the three errors a parser reports for it; see json/unions.ts).
 */
import type { SyntaxError } from '../json/parsedJson';
import { withoutLeadingZeros } from '../json/leadingZeros';
import { findUnions } from '../json/unions';
import type { LocatedProblem, Problem } from './problem';

const MESSAGES: Record<string, string> = {
	InvalidSymbol: 'Unexpected character: JSON allows only objects, arrays, strings, numbers, true, false and null here.',
	InvalidNumberFormat: 'Invalid number: JSON numbers have no leading zeros, no trailing dot and no hex.',
	PropertyNameExpected: 'Property name expected: JSON keys are double-quoted strings.',
	ValueExpected: 'Value expected.',
	ColonExpected: 'Colon expected after the property name.',
	CommaExpected: 'Comma expected between members.',
	CloseBraceExpected: 'Closing brace "}" expected.',
	CloseBracketExpected: 'Closing bracket "]" expected.',
	EndOfFileExpected: 'Unexpected text after the end of the JSON value.',
	InvalidCommentToken: 'Invalid comment.',
	UnexpectedEndOfComment: 'Unterminated comment.',
	UnexpectedEndOfString: 'Unterminated string: add the closing double quote.',
	UnexpectedEndOfNumber: 'Incomplete number.',
	InvalidUnicode: 'Invalid \\u escape: it needs four hexadecimal digits.',
	InvalidEscapeCharacter: 'Invalid escape sequence in string.',
	InvalidCharacter: 'Invalid character in string: control characters must be escaped.',
	NestingTooDeep: 'The document is nested too deeply to validate.',
};

/** Codes of the problems this module produces. */
export const SYNTAX_CODES = ['syntax-comment', 'syntax-trailing-comma', 'syntax-union', 'syntax-bom', 'syntax-error'] as const;

/** Whether a syntax code is one VS Code's JSON support reports itself for the given language. */
export function isReportedByHost(code: string, languageId: string | undefined): boolean {
	if (code === 'syntax-union') {
		// The editor reports a pasted union only as "Expected comma" / "Colon expected", which
		// does not say what is wrong nor offer the alternatives: ours is published next to them.
		return false;
	}
	if (languageId === 'json') {
		return true;
	}
	if (languageId === 'jsonc') {
		// jsonc allows comments in VS Code, but AWS does not accept them: keep reporting those.
		return code !== 'syntax-comment';
	}
	return false;
}

/**
 * A byte order mark before a destination config or ESM request. The AWS CLI reads a `file://`
 * parameter as plain UTF-8 (awscli/paramfile.py opens it without `utf-8-sig`) and Python's
 * json.loads then refuses the text: "Unexpected UTF-8 BOM (decode using utf-8-sig)". Failure
 * records and Kafka events are only read, so a BOM there is skipped like whitespace. VS Code
 * removes a BOM before the text reaches the server; other editors and the CLI keep it.
 */
export function byteOrderMarkProblem(): LocatedProblem {
	return {
		code: 'syntax-bom',
		severity: 'error',
		message:
			'The file starts with a byte order mark (U+FEFF): the AWS CLI does not remove it when it reads file:// parameters and rejects the JSON ("Unexpected UTF-8 BOM"). Save the file as UTF-8 without BOM.',
		start: 0,
		end: 1,
		fixes: [{ title: 'Remove the byte order mark', edits: [{ start: 0, end: 1, newText: '' }] }],
	};
}

export function syntaxProblems(text: string, errors: readonly SyntaxError[]): Problem[] {
	return errors.map((error) => toProblem(text, error));
}

function toProblem(text: string, error: SyntaxError): Problem {
	// Errors at the end of the text (an unclosed bracket) have no character to mark: keep the range inside the text.
	const from = Math.min(error.offset, text.length);
	const rawRange = { start: from, end: Math.min(text.length, from + Math.max(error.length, 1)) };
	if (error.error === 'CommentNotPermitted') {
		const lineStart = text.lastIndexOf('\n', error.offset - 1) + 1;
		const onlyWhitespaceBefore = text.slice(lineStart, error.offset).trim() === '';
		// Remove the whitespace before a trailing comment too, or the whole line when the comment is alone on it.
		let start = error.offset;
		while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) {
			start--;
		}
		let end = error.offset + error.length;
		if (onlyWhitespaceBefore && text[end] === '\r') {
			end++;
		}
		if (onlyWhitespaceBefore && text[end] === '\n') {
			end++;
			start = lineStart;
		}
		return {
			code: 'syntax-comment',
			severity: 'error',
			message: 'Comments are not allowed in JSON: AWS rejects this document until the comment is removed.',
			path: [],
			target: 'value',
			rawRange,
			fixes: [{ kind: 'replaceRange', title: 'Remove comment', start, end, newText: '' }],
		};
	}
	if (error.error === 'Union') {
		const union = findUnions(text.slice(error.offset, error.offset + error.length))[0];
		const alternatives = union?.alternatives ?? [];
		return {
			code: 'syntax-union',
			severity: 'error',
			message: `${alternatives.join(' | ')} is a TypeScript-style union from AWS's documentation, not JSON: a record holds exactly one of these values.`,
			path: [],
			target: 'value',
			rawRange,
			fixes: alternatives.map((alternative) => ({
				kind: 'replaceRange' as const,
				title: `Keep ${alternative}`,
				start: rawRange.start,
				end: rawRange.end,
				newText: alternative,
			})),
		};
	}
	if (error.error === 'LeadingZeros') {
		const written = text.slice(rawRange.start, rawRange.end);
		const normalized = withoutLeadingZeros(written);
		return {
			code: 'syntax-error',
			severity: 'error',
			message: `Leading zeros are not allowed in JSON numbers: write ${normalized}, not ${written}.`,
			path: [],
			target: 'value',
			rawRange,
			fixes: [{ kind: 'replaceRange', title: `Write ${normalized}`, start: rawRange.start, end: rawRange.end, newText: normalized }],
		};
	}
	if (error.error === 'TrailingComma') {
		return {
			code: 'syntax-trailing-comma',
			severity: 'error',
			message: 'Trailing comma: JSON does not allow a comma before "}" or "]".',
			path: [],
			target: 'value',
			rawRange,
			fixes: [{ kind: 'replaceRange', title: 'Remove trailing comma', start: error.offset, end: error.offset + 1, newText: '' }],
		};
	}
	return {
		code: 'syntax-error',
		severity: 'error',
		message: MESSAGES[error.error] ?? `Syntax error (${error.error}).`,
		path: [],
		target: 'value',
		rawRange,
	};
}
