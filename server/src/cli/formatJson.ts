/** `--format json`: one object listing every file read, for scripts and other tools. */
import type { FileReport } from './validateFile';

export function formatJson(reports: readonly FileReport[]): string {
	const files = reports.map((report) => ({
		path: report.path,
		kind: report.kind,
		diagnostics: report.diagnostics,
		...(report.skipped ? { skipped: report.skipped } : {}),
	}));
	return `${JSON.stringify({ files }, null, 2)}\n`;
}
