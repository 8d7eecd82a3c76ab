/**
 * Escaping for text that comes from documents (topic names, header values, keys) before it is
 * put in Markdown shown by an editor: such text must render as text, never as links, images,
 * HTML or command URIs.
 */

/** Renders text as inline code: a fence longer than any backtick run inside, and no line breaks. */
export function inlineCode(text: string, maxLength = 200): string {
	let shown = text.replace(/[\r\n\t]+/g, ' ');
	if (shown.length > maxLength) {
		shown = `${shown.slice(0, maxLength - 1)}…`;
	}
	const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longestRun + 1);
	const pad = shown.startsWith('`') || shown.endsWith('`') || shown === '' ? ' ' : '';
	return `${fence}${pad}${shown}${pad}${fence}`;
}

/** A fenced code block that the content cannot close early. */
export function codeBlock(text: string, language = ''): string {
	const longestRun = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longestRun + 1);
	return `${fence}${language}\n${text}\n${fence}`;
}
