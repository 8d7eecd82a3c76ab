/**
 * Text from documents inside messages: a diagnostic message or a quick-fix title is one line of
 * plain text, so characters that would break it (line breaks, other control characters) or make
 * it lie about what it quotes (bidirectional overrides, zero-width characters, unpaired
 * surrogates) are written as `\uXXXX` escapes, and its length is capped.
 */

/** Controls (C0, DEL, C1), line and paragraph separators, bidi controls, zero-width and other invisible format characters, unpaired surrogates. */
const INVISIBLE =
	/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Longest diagnostic message (the longest one written for ordinary documents is about 650 characters). */
export const MAX_MESSAGE_LENGTH = 1000;
/** Longest quick-fix title. */
export const MAX_TITLE_LENGTH = 200;

/** Replaces each invisible or line-breaking character by its `\uXXXX` escape. */
export function escapeInvisible(text: string): string {
	return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` with invisible characters escaped, cut to `max` characters with an ellipsis. */
export function printable(text: string, max: number): string {
	const escaped = escapeInvisible(text);
	if (escaped.length <= max) {
		return escaped;
	}
	let cut = escaped.slice(0, max - 1);
	if (/[\ud800-\udbff]$/.test(cut)) {
		cut = cut.slice(0, -1);
	}
	return `${cut}…`;
}

/**
 * Quotes a document string for a diagnostic message: shortened to `max` characters first, then
 * JSON-quoted, so a quote or line break in it stays inside the quotes and no escape is cut in half.
 */
export function quoteText(text: string, max = 60): string {
	return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** "1 record", "2 records": a count and its noun. */
export function plural(count: number | bigint, noun: string): string {
	return `${count.toString()} ${noun}${count === 1 || count === 1n ? '' : 's'}`;
}

/**
 * `count` with its noun in the display language: `one` and `other` are translated templates with
 * `{0}` for the count, e.g. `counted(n, l10n.t('{0} file'), l10n.t('{0} files'))`.
 */
export function counted(count: number | bigint, one: string, other: string): string {
	return (count === 1 || count === 1n ? one : other).replace('{0}', count.toString());
}
