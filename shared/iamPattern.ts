/**
 * IAM's wildcards, `*` any run of characters and `?` one, as policies use them in actions
 * (compared without case) and resource ARNs (with case). Matched without building a RegExp from
 * the policy's text — a policy comes from a template or from AWS, and `a*a*a*…` must not backtrack
 * for ever: the two-pointer match remembers only the last `*`, linear in practice and
 * O(pattern × text) at worst. Used by the template rule destination-permissions and by the
 * pre-flight check of key policies.
 */
export function matchesIamPattern(pattern: string, text: string, ignoreCase: boolean): boolean {
	const p = ignoreCase ? pattern.toLowerCase() : pattern;
	const t = ignoreCase ? text.toLowerCase() : text;
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
