/**
 * The pre-flight check on a mapping read from AWS, as the check command and the apply flow run it;
 * for Apply, its answers become lines of the same confirmation dialog.
 */
import * as l10n from '@vscode/l10n';
import { plannedMapping } from '../../../shared/preflight/plannedMapping';
import { runPreflight } from '../../../shared/preflight/runPreflight';
import type { PlannedMapping, PreflightReport, PreflightSources } from '../../../shared/preflight/types';
import type { MappingConfiguration } from '../aws/lambdaApi';

/** The check of a mapping as the document would leave it (or as it is, without a document). */
export function preflightOf(sources: PreflightSources, current: MappingConfiguration, region: string, document: unknown, now: Date): Promise<PreflightReport> {
	const mapping = current as PlannedMapping;
	return runPreflight(
		{
			functionName: functionNameOf(current.FunctionArn) ?? '?',
			mapping: document === undefined ? mapping : plannedMapping(mapping, document),
			fromDocument: document !== undefined,
			region,
			now,
		},
		sources,
	);
}

/** The report as lines of the apply confirmation: fails and warnings first, what could not be checked as notes. */
export function preflightForReview(report: PreflightReport): { warnings: string[]; notes: string[] } {
	const warnings: string[] = [];
	const notes: string[] = [];
	for (const row of report.rows) {
		const question = `${row.question.charAt(0).toLowerCase()}${row.question.slice(1)}`;
		const text = `${l10n.t('Pre-flight, {0}: {1}', question, row.detail)}${row.fix ? ` ${l10n.t('Fix: {0}', row.fix)}` : ''}`;
		if (row.verdict === 'fail' || row.verdict === 'warn') {
			warnings.push(text);
		} else if (row.verdict === 'unknown') {
			notes.push(text);
		}
	}
	if (warnings.length === 0 && notes.length === 0) {
		notes.push(l10n.t('Pre-flight: every check of the failure path passed.'));
	}
	return { warnings, notes };
}

function functionNameOf(functionArn: string | undefined): string | undefined {
	return functionArn?.split(':')[6];
}
