/** Checks on links both halves make or open. */

/**
 * Whether `url`, decoded as often as decoding changes it (as `Uri.parse` and then a browser
 * may), still has no dot segment or backslash in its path: the last check before a link is
 * opened, so that a link built some other way cannot leave the page it names either.
 */
export function linkStaysOnItsPath(url: string): boolean {
	let decoded = url;
	for (let round = 0; round < 8; round++) {
		let next: string;
		try {
			next = decodeURIComponent(decoded);
		} catch {
			return false;
		}
		if (next === decoded) {
			break;
		}
		decoded = next;
	}
	const match = /^https?:\/\/[^/?#]*([^?#]*)/i.exec(decoded);
	if (!match || match[1].includes('\\')) {
		return false;
	}
	return match[1].split('/').every((part) => part !== '.' && part !== '..');
}
