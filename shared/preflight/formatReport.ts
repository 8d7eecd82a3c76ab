/**
 * The report as text (the CLI, the report document, the log) and as JSON (`--format json`).
 * AWS-provided text is printed as it came; the VS Code side shows it through safeWindow or in a
 * plain-text document, where nothing is interpreted.
 */
import * as l10n from '@vscode/l10n';
import type { CheckRow, PreflightReport, Verdict } from './types';

/** The verdict words of the text report (the JSON report keeps `verdict` as its English id). */
export const VERDICT_LABELS = (): Record<Verdict, string> => ({
	pass: l10n.t('PASS'),
	fail: l10n.t('FAIL'),
	warn: l10n.t('WARN'),
	unknown: l10n.t('COULD NOT CHECK'),
	'n/a': l10n.t('N/A'),
});

export function formatReportText(report: PreflightReport): string {
	const lines = [
		l10n.t('Pre-flight check of event source mapping {0} ({1})', report.uuid, report.functionName),
		report.fromDocument
			? l10n.t('On-failure destination: {0} (from the document to be applied)', report.destination || l10n.t('(none)'))
			: l10n.t('On-failure destination: {0}', report.destination || l10n.t('(none)')),
		'',
	];
	report.rows.forEach((r, index) => lines.push(...rowLines(r, index + 1)));
	return `${lines.join('\n')}\n`;
}

function rowLines(r: CheckRow, number: number): string[] {
	const lines = [`${number}. ${l10n.t('{0}: {1}', r.question, VERDICT_LABELS()[r.verdict])}`, `   ${r.detail}`];
	if (r.fix) {
		lines.push(`   ${l10n.t('Fix: {0}', r.fix)}`);
	}
	for (const policy of r.policies ?? []) {
		lines.push(`   ${l10n.t('Policy for {0}:', policy.target)}`, ...policy.json.split('\n').map((line) => `     ${line}`));
	}
	lines.push('');
	return lines;
}

export function formatReportJson(report: PreflightReport): string {
	return `${JSON.stringify(report, null, 2)}\n`;
}

/** One line for a notification or the apply dialog, e.g. `1 failed, 1 could not be checked`. */
export function summaryLine(report: PreflightReport): string {
	const count = (verdict: Verdict): number => report.rows.filter((r) => r.verdict === verdict).length;
	const parts = [
		count('fail') > 0 ? l10n.t('{0} failed', count('fail')) : '',
		count('warn') > 0 ? l10n.t('{0} to note', count('warn')) : '',
		count('unknown') > 0 ? l10n.t('{0} could not be checked', count('unknown')) : '',
	].filter((p) => p !== '');
	return parts.length === 0 ? l10n.t('every check passed') : parts.join(l10n.t(', '));
}

/** Every fix and policy of the report, ready to paste. */
export function fixesText(report: PreflightReport): string {
	return report.rows
		.filter((r) => r.fix !== undefined)
		.map((r) => [l10n.t('{0}: {1}', r.question, r.fix ?? ''), ...(r.policies ?? []).map((p) => l10n.t('Policy for {0}:\n{1}', p.target, p.json))].join('\n\n'))
		.join('\n\n');
}
