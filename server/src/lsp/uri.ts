/** The last path segment of a URI, decoded: what file-name patterns are matched against. */
export function fileNameOf(uri: string): string {
	// Cut at the first ? or #: /[?#].*$/ rescans from every one of them when a line break follows (quadratic).
	const query = uri.search(/[?#]/);
	const path = query < 0 ? uri : uri.slice(0, query);
	const last = path.slice(path.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}
