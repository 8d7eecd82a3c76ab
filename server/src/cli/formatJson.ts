/** `--format json`: one object listing every file read, for scripts and other tools. */
import type { FileReport } from './validateFile';

export function formatJson(reports: readonly FileReport[]): string {
	return `${JSON.stringify({ files: reports.map(jsonFileEntry) }, null, 2)}\n`;
}

/** One file's entry in the list (the CLI streams them: see outputStream.ts). */
export function jsonFileEntry(report: FileReport): object {
	return {
		path: report.path,
		kind: report.kind,
		diagnostics: report.diagnostics,
		...(report.skipped ? { skipped: report.skipped } : {}),
	};
}
