/**
 * File-name facts both halves need. Lambda writes S3 failure records under keys such as
 * `aws/lambda/<uuid>/.../2026-11-21T10.15.30-<uuid>`: the last dot starts no real extension, so
 * "has an extension" means a short alphanumeric suffix, not just any dot.
 */

/** The file's extension (with the dot, lower case), or '' when it has none a tool would recognise. */
export function realExtension(fileName: string): string {
	const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
	const match = /\.([A-Za-z0-9]{1,10})$/.exec(base);
	return match && match.index > 0 ? `.${match[1].toLowerCase()}` : '';
}
