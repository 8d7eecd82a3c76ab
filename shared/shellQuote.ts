/**
 * POSIX shell quoting for the consumer commands. Topic names and broker lists come from records,
 * which anyone able to write to the destination controls, so every argument that is not plainly
 * safe is single-quoted: inside single quotes a POSIX shell expands nothing (`$`, backticks,
 * `\`, newlines, globs are all literal), and the only character that needs care is the single
 * quote itself, written as `'\''` (close, escaped quote, reopen).
 */
import * as l10n from '@vscode/l10n';

/** Characters that never mean anything to a POSIX shell inside a word (not at its start: see below). */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one argument for a POSIX shell (sh, bash, zsh, dash). Throws on a NUL character, which no shell argument can hold. */
export function shellQuote(arg: string): string {
	if (arg.includes('\u0000')) {
		throw new RangeError(l10n.t('A shell argument cannot contain a NUL character.'));
	}
	// `=` and `~` matter only at the start of a word (assignment, home directory): quote those too.
	if (PLAIN.test(arg) && !arg.startsWith('=') && !arg.startsWith('~')) {
		return arg;
	}
	return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command word: either text that must be quoted, or a fragment written by this extension (an option, a `"$VAR"`). */
export type ShellWord = string | { trusted: string };

/** Joins words into one command line, quoting every word that comes from data. */
export function shellCommand(words: readonly ShellWord[]): string {
	return words.map((word) => (typeof word === 'string' ? shellQuote(word) : word.trusted)).join(' ');
}

/**
 * Makes text safe for a `#` comment line: a comment ends at the first line break, so line breaks
 * and other control characters in record data are shown as escapes instead of ending the comment.
 */
export function shellComment(text: string): string {
	let out = '';
	for (const c of text) {
		const code = c.charCodeAt(0);
		const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
		out += control ? `\\u${code.toString(16).padStart(4, '0')}` : c;
	}
	return out;
}
