/**
 * The default output: one `path:line:col: severity code message` line per diagnostic, the
 * format tsc and eslint's unix formatter print, so editors and CI log parsers link it.
 * File names and messages are written with control, line-separator and bidi characters
 * escaped: a newline in a file name would forge a diagnostic line, an ESC would drive the terminal.
 */
import * as l10n from '@vscode/l10n';
import type { Severity } from '../language/validation/problem';
import type { FileReport } from './validateFile';
import { counted, escapeInvisible } from '../../../shared/printable';

const SKIP_REASONS = (): Record<NonNullable<FileReport['skipped']>, string> => ({
	binary: l10n.t('binary file'),
	empty: l10n.t('empty file'),
	'too-large': l10n.t('too large to validate'),
});

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
		lines.push(`${paint('1', `${shownPath}:`)} ${l10n.t('skipped ({0})', SKIP_REASONS()[report.skipped])}`);
	}
	return lines;
}

export function formatTextSummary(tally: TextTally): string {
	// The severity words on each diagnostic line stay English (editors and CI log parsers read them); the summary is the reader's.
	const summary = [
		counted(tally.files, l10n.t('{0} file'), l10n.t('{0} files')),
		counted(tally.errors, l10n.t('{0} error'), l10n.t('{0} errors')),
		counted(tally.warnings, l10n.t('{0} warning'), l10n.t('{0} warnings')),
	];
	if (tally.skipped > 0) {
		summary.push(l10n.t('{0} skipped', tally.skipped));
	}
	return summary.join(l10n.t(', '));
}
