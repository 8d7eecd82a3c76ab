/** The last path segment of a URI, decoded: what file-name patterns are matched against. */
export function fileNameOf(uri: string): string {
	const path = uri.replace(/[?#].*$/, '');
	const last = path.slice(path.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}
