/** Short, stable wording for file system errors, so that users see a reason rather than a stack. */
import * as l10n from '@vscode/l10n';

const REASONS = (): Record<string, string> => ({
	ENOENT: l10n.t('no such file or directory'),
	EACCES: l10n.t('permission denied'),
	EPERM: l10n.t('permission denied'),
	EISDIR: l10n.t('is a directory'),
	ENOTDIR: l10n.t('not a directory'),
	ELOOP: l10n.t('too many symbolic links'),
	EMFILE: l10n.t('too many open files'),
	ERR_FS_FILE_TOO_LARGE: l10n.t('file too large to read'),
});

export function describeIoError(error: unknown): string {
	const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
	if (code !== undefined && code in REASONS()) {
		return REASONS()[code];
	}
	return error instanceof Error ? error.message : String(error);
}
