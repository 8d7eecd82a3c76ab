/**
 * The default output: one `path:line:col: severity code message` line per diagnostic, the
 * format tsc and eslint's unix formatter print, so editors and CI log parsers link it.
 * File names and messages are written with control, line-separator and bidi characters
 * escaped: a newline in a file name would forge a diagnostic line, an ESC would drive the terminal.
 */
import type { Severity } from '../language/validation/problem';
import type { FileReport } from './validateFile';
import { escapeInvisible, plural } from '../../../shared/printable';

const SKIP_REASONS: Record<NonNullable<FileReport['skipped']>, string> = {
	binary: 'binary file',
	empty: 'empty file',
	'too-large': 'too large to validate',
};

const SEVERITY_COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };

export function formatText(reports: readonly FileReport[], color: boolean): string {
	const tally = newTally();
	const lines = reports.flatMap((report) => formatTextReport(report, color, tally));
	lines.push(formatTextSummary(tally));
	return `${lines.join('\n')}\n`;
}

/** What the summary line counts, added to report by report (the CLI streams its output). */
export interface TextTally {
	files: number;
	errors: number;
	warnings: number;
	skipped: number;
}

export function newTally(): TextTally {
	return { files: 0, errors: 0, warnings: 0, skipped: 0 };
}

/** The lines of one file's report, counted into `tally`. */
export function formatTextReport(report: FileReport, color: boolean, tally: TextTally): string[] {
	const paint = (sgr: string, text: string): string => (color ? `\u001b[${sgr}m${text}\u001b[0m` : text);
	const lines: string[] = [];
	const shownPath = escapeInvisible(report.path);
	tally.files++;
	for (const d of report.diagnostics) {
		tally.errors += d.severity === 'error' ? 1 : 0;
		tally.warnings += d.severity === 'warning' ? 1 : 0;
		lines.push(
			`${paint('1', `${shownPath}:${d.line}:${d.column}:`)} ${paint(SEVERITY_COLORS[d.severity], d.severity)} ${paint('2', d.code)} ${escapeInvisible(d.message)}`,
		);
	}
	if (report.skipped && report.diagnostics.length === 0) {
		tally.skipped++;
		lines.push(`${paint('1', `${shownPath}:`)} skipped (${SKIP_REASONS[report.skipped]})`);
	}
	return lines;
}

export function formatTextSummary(tally: TextTally): string {
	const summary = [plural(tally.files, 'file'), plural(tally.errors, 'error'), plural(tally.warnings, 'warning')];
	if (tally.skipped > 0) {
		summary.push(`${tally.skipped} skipped`);
	}
	return summary.join(', ');
}
