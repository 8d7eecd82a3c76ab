/** "Did you mean" suggestions for misspelt keys and enum values. */

/** Levenshtein distance, capped: returns `limit + 1` as soon as the distance exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			current.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > limit) {
			return limit + 1;
		}
		previous = current;
	}
	return previous[b.length];
}

/** The closest candidate to `word`: a case-insensitive match first, else the nearest within a distance that grows with length. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	const lower = word.toLowerCase();
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		if (candidate.toLowerCase() === lower) {
			return candidate;
		}
		const limit = Math.max(1, Math.min(3, Math.floor(candidate.length / 4)));
		const distance = editDistance(lower, candidate.toLowerCase(), limit);
		if (distance <= limit && distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}
