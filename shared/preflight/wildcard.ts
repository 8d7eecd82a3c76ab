/**
 * IAM's `*` wildcard for actions in a key policy, matched without building a RegExp from the
 * policy's text (a policy is AWS-provided input: `a*a*a*…` must not backtrack for ever). The
 * classic two-pointer match, which remembers only the last `*`, is linear in practice and
 * O(pattern × text) at worst. Case-insensitive, as IAM compares actions.
 */
export function matchesWildcard(pattern: string, text: string): boolean {
	const p = pattern.toLowerCase();
	const t = text.toLowerCase();
	let pi = 0;
	let ti = 0;
	let star = -1;
	let resume = 0;
	while (ti < t.length) {
		if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
			pi++;
			ti++;
		} else if (pi < p.length && p[pi] === '*') {
			star = pi++;
			resume = ti;
		} else if (star >= 0) {
			pi = star + 1;
			ti = ++resume;
		} else {
			return false;
		}
	}
	while (p[pi] === '*') {
		pi++;
	}
	return pi === p.length;
}
