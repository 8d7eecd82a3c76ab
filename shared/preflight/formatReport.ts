/**
 * The report as text (the CLI, the report document, the log) and as JSON (`--format json`).
 * AWS-provided text is printed as it came; the VS Code side shows it through safeWindow or in a
 * plain-text document, where nothing is interpreted.
 */
import type { CheckRow, PreflightReport, Verdict } from './types';

export const VERDICT_LABELS: Record<Verdict, string> = {
	pass: 'PASS',
	fail: 'FAIL',
	warn: 'WARN',
	unknown: 'COULD NOT CHECK',
	'n/a': 'N/A',
};

export function formatReportText(report: PreflightReport): string {
	const lines = [
		`Pre-flight check of event source mapping ${report.uuid} (${report.functionName})`,
		`On-failure destination: ${report.destination || '(none)'}${report.fromDocument ? ' (from the document to be applied)' : ''}`,
		'',
	];
	report.rows.forEach((r, index) => lines.push(...rowLines(r, index + 1)));
	return `${lines.join('\n')}\n`;
}

function rowLines(r: CheckRow, number: number): string[] {
	const lines = [`${number}. ${r.question}: ${VERDICT_LABELS[r.verdict]}`, `   ${r.detail}`];
	if (r.fix) {
		lines.push(`   Fix: ${r.fix}`);
	}
	for (const policy of r.policies ?? []) {
		lines.push(`   Policy for ${policy.target}:`, ...policy.json.split('\n').map((line) => `     ${line}`));
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
		count('fail') > 0 ? `${count('fail')} failed` : '',
		count('warn') > 0 ? `${count('warn')} to note` : '',
		count('unknown') > 0 ? `${count('unknown')} could not be checked` : '',
	].filter((p) => p !== '');
	return parts.length === 0 ? 'every check passed' : parts.join(', ');
}

/** Every fix and policy of the report, ready to paste. */
export function fixesText(report: PreflightReport): string {
	return report.rows
		.filter((r) => r.fix !== undefined)
		.map((r) => [`${r.question}: ${r.fix ?? ''}`, ...(r.policies ?? []).map((p) => `Policy for ${p.target}:\n${p.json}`)].join('\n\n'))
		.join('\n\n');
}
