/**
 * Turns parse errors into problems a person can act on, with fixes. Three shapes come straight
 * from AWS's own examples and get their own codes: `//` comments, trailing commas, and the
 * TypeScript-style union `"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"` (one
 * diagnostic for the whole union instead of the three errors a parser reports for it; see json/unions.ts).
 */
import * as l10n from '@vscode/l10n';
import type { SyntaxError } from '../json/parsedJson';
import { withoutLeadingZeros } from '../json/leadingZeros';
import { findUnions } from '../json/unions';
import type { LocatedProblem, Problem } from './problem';

const MESSAGES = (): Record<string, string> => ({
	InvalidSymbol: l10n.t('Unexpected character: JSON allows only objects, arrays, strings, numbers, true, false and null here.'),
	InvalidNumberFormat: l10n.t('Invalid number: JSON numbers have no leading zeros, no trailing dot and no hex.'),
	PropertyNameExpected: l10n.t('Property name expected: JSON keys are double-quoted strings.'),
	ValueExpected: l10n.t('Value expected.'),
	ColonExpected: l10n.t('Colon expected after the property name.'),
	CommaExpected: l10n.t('Comma expected between members.'),
	CloseBraceExpected: l10n.t('Closing brace "}" expected.'),
	CloseBracketExpected: l10n.t('Closing bracket "]" expected.'),
	EndOfFileExpected: l10n.t('Unexpected text after the end of the JSON value.'),
	InvalidCommentToken: l10n.t('Invalid comment.'),
	UnexpectedEndOfComment: l10n.t('Unterminated comment.'),
	UnexpectedEndOfString: l10n.t('Unterminated string: add the closing double quote.'),
	UnexpectedEndOfNumber: l10n.t('Incomplete number.'),
	InvalidUnicode: l10n.t('Invalid \\u escape: it needs four hexadecimal digits.'),
	InvalidEscapeCharacter: l10n.t('Invalid escape sequence in string.'),
	InvalidCharacter: l10n.t('Invalid character in string: control characters must be escaped.'),
	NestingTooDeep: l10n.t('The document is nested too deeply to validate.'),
});

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
		message: l10n.t(
			'The file starts with a byte order mark (U+FEFF): the AWS CLI does not remove it when it reads file:// parameters and rejects the JSON ("Unexpected UTF-8 BOM"). Save the file as UTF-8 without BOM.',
		),
		start: 0,
		end: 1,
		fixes: [{ title: l10n.t('Remove the byte order mark'), edits: [{ start: 0, end: 1, newText: '' }] }],
	};
}

export function syntaxProblems(text: string, errors: readonly SyntaxError[]): Problem[] {
	return errors.map((error) => toProblem(text, error));
}

/** A comment, removed with the whitespace before it (or with its line, when it is alone there). */
function commentProblem(text: string, error: SyntaxError, rawRange: { start: number; end: number }): Problem {
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
		message: l10n.t('Comments are not allowed in JSON: AWS rejects this document until the comment is removed.'),
		path: [],
		target: 'value',
		rawRange,
		fixes: [{ kind: 'replaceRange', title: l10n.t('Remove comment'), start, end, newText: '' }],
	};
}

function toProblem(text: string, error: SyntaxError): Problem {
	// Errors at the end of the text (an unclosed bracket) have no character to mark: keep the range inside the text.
	const from = Math.min(error.offset, text.length);
	const rawRange = { start: from, end: Math.min(text.length, from + Math.max(error.length, 1)) };
	if (error.error === 'CommentNotPermitted') {
		return commentProblem(text, error, rawRange);
	}
	if (error.error === 'Union') {
		const union = findUnions(text.slice(error.offset, error.offset + error.length))[0];
		const alternatives = union?.alternatives ?? [];
		return {
			code: 'syntax-union',
			severity: 'error',
			message: l10n.t(
				"{0} is a TypeScript-style union from AWS's documentation, not JSON: a record holds exactly one of these values.",
				alternatives.join(' | '),
			),
			path: [],
			target: 'value',
			rawRange,
			fixes: alternatives.map((alternative) => ({
				kind: 'replaceRange' as const,
				title: l10n.t('Keep {0}', alternative),
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
			message: l10n.t('Leading zeros are not allowed in JSON numbers: write {0}, not {1}.', normalized, written),
			path: [],
			target: 'value',
			rawRange,
			fixes: [{ kind: 'replaceRange', title: l10n.t('Write {0}', normalized), start: rawRange.start, end: rawRange.end, newText: normalized }],
		};
	}
	if (error.error === 'TrailingComma') {
		return {
			code: 'syntax-trailing-comma',
			severity: 'error',
			message: l10n.t('Trailing comma: JSON does not allow a comma before "}" or "]".'),
			path: [],
			target: 'value',
			rawRange,
			fixes: [{ kind: 'replaceRange', title: l10n.t('Remove trailing comma'), start: error.offset, end: error.offset + 1, newText: '' }],
		};
	}
	return {
		code: 'syntax-error',
		severity: 'error',
		message: MESSAGES()[error.error] ?? l10n.t('Syntax error ({0}).', error.error),
		path: [],
		target: 'value',
		rawRange,
	};
}
