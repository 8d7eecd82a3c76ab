/**
 * Finds where a problem reported on a request path lies in the Terraform text, and whether it
 * lies on a value the configuration does not determine (then it is not reported).
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import type { Located } from './evaluate';
import type { Span } from './hclSyntax';

export interface ProblemSite {
	path: JsonPath;
	target?: 'key' | 'value';
	/** Characters of the string value at `path`. */
	span?: Span;
}

/** The deepest location along `path`, and whether any location on the way is undetermined. */
function walk(root: Located, path: JsonPath): { node: Located; unknown: boolean; complete: boolean } {
	let node = root;
	let unknown = root.unknown === true;
	for (const segment of path) {
		const child = node.children?.get(segment);
		if (!child) {
			return { node, unknown, complete: false };
		}
		node = child;
		unknown ||= child.unknown === true;
	}
	return { node, unknown, complete: true };
}

/** The text range of a site: a member's name, a value, or characters of a string value. */
export function locate(root: Located, site: ProblemSite): Span {
	const { node, complete } = walk(root, site.path);
	if (site.target === 'key' || !complete) {
		return node.keyRange ?? node.range;
	}
	if (site.span && node.offsets && node.offsets.length > 1) {
		const last = node.offsets.length - 1;
		const start = node.offsets[Math.min(site.span.start, last)];
		const end = node.offsets[Math.min(site.span.end, last)];
		if (end > start) {
			return { start, end };
		}
	}
	return node.range;
}

/** Whether a site is (or lies in) a value the configuration does not determine. */
export function isUndetermined(root: Located, site: ProblemSite): boolean {
	const { node, unknown, complete } = walk(root, site.path);
	if (unknown) {
		return true;
	}
	if (!complete || !site.span || !node.placeholders) {
		return false;
	}
	const { start, end } = site.span;
	return node.placeholders.some((placeholder) => placeholder.start < Math.max(end, start + 1) && placeholder.end > start);
}

/** The location of `path`, when every step of it is written in the configuration. */
export function locationAt(root: Located, path: JsonPath): Located | undefined {
	const { node, complete } = walk(root, path);
	return complete ? node : undefined;
}
