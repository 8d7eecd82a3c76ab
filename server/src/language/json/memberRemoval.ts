/**
 * Deleting a member of a JSON object (or a JSON-style flow mapping) with the comma that separates
 * it from its neighbours: the quick fixes of JSON documents and of JSON templates share it.
 */
/** The edit that deletes a member `"key": value` together with the comma that separates it. */
export function memberRemoval(text: string, keyStart: number, valueEnd: number): { start: number; end: number; newText: string } {
	let after = valueEnd;
	while (after < text.length && /\s/.test(text[after])) {
		after++;
	}
	if (text[after] === ',') {
		// Remove through the comma and the blank space after it, up to the next member.
		let next = after + 1;
		while (next < text.length && /\s/.test(text[next])) {
			next++;
		}
		return { start: keyStart, end: next, newText: '' };
	}
	let before = keyStart - 1;
	while (before >= 0 && /\s/.test(text[before])) {
		before--;
	}
	if (text[before] === ',') {
		return { start: before, end: valueEnd, newText: '' };
	}
	return { start: keyStart, end: valueEnd, newText: '' };
}
