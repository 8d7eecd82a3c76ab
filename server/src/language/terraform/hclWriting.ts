/** Writing HCL: strings for fixes, and the edit that removes an attribute or block. */
import type { Span } from './hclSyntax';

/** Text for inside an HCL quoted string: JSON's escapes are HCL's, plus `${` and `%{` doubled. */
export function hclStringContent(text: string): string {
	return JSON.stringify(text).slice(1, -1).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function hclString(text: string): string {
	return `"${hclStringContent(text)}"`;
}

/** Removes a member; when it is alone on its lines, the whole lines go. */
export function lineRemoval(source: string, member: Span): { start: number; end: number; newText: string } {
	const lineStart = source.lastIndexOf('\n', member.start - 1) + 1;
	const nextBreak = source.indexOf('\n', member.end);
	const lineEnd = nextBreak < 0 ? source.length : nextBreak + 1;
	const alone = source.slice(lineStart, member.start).trim() === '' && source.slice(member.end, lineEnd).trim() === '';
	return alone ? { start: lineStart, end: lineEnd, newText: '' } : { start: member.start, end: member.end, newText: '' };
}
