/**
 * Lengths in code points, as AWS and Ajv count string lengths, without building an array of the
 * characters: `[...text].length` allocates one string per character, which for a multi-megabyte
 * value in a hostile file costs hundreds of milliseconds of garbage collection.
 */

/** The number of code points in `text` (a surrogate pair counts once). */
export function codePointLength(text: string): number {
	let pairs = 0;
	for (let i = 0; i < text.length - 1; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				pairs++;
				i++;
			}
		}
	}
	return text.length - pairs;
}

/** Whether `text` has more than `max` code points; constant time unless its length is within a factor of two of `max`. */
export function hasMoreCodePointsThan(text: string, max: number): boolean {
	if (text.length <= max) {
		return false;
	}
	if (text.length > 2 * max) {
		return true;
	}
	return codePointLength(text) > max;
}
