/** Short, stable wording for file system errors, so that users see a reason rather than a stack. */
const REASONS: Record<string, string> = {
	ENOENT: 'no such file or directory',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EISDIR: 'is a directory',
	ENOTDIR: 'not a directory',
	ELOOP: 'too many symbolic links',
	EMFILE: 'too many open files',
	ERR_FS_FILE_TOO_LARGE: 'file too large to read',
};

export function describeIoError(error: unknown): string {
	const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
	if (code !== undefined && code in REASONS) {
		return REASONS[code];
	}
	return error instanceof Error ? error.message : String(error);
}
