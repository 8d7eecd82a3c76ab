/** The questions the report asks, and the rows every check builds its answer from. */
import * as l10n from '@vscode/l10n';
import type { CheckId, CheckRow, SourceFailure } from './types';

export const QUESTIONS = (): Record<CheckId, string> => ({
	destination: l10n.t('The destination exists and is reachable'),
	role: l10n.t('The execution role may deliver to it'),
	encryption: l10n.t("The role may use the destination's KMS key"),
	delivery: l10n.t('No delivery failures in the last 24 hours'),
	drift: l10n.t('The mapping is not managed by a CloudFormation stack'),
});

export function row(id: CheckId, verdict: CheckRow['verdict'], detail: string, extra: Pick<CheckRow, 'fix' | 'policies'> = {}): CheckRow {
	return { id, question: QUESTIONS()[id], verdict, detail, ...extra };
}

/** "Could not check": the checker's own reads failed, which says nothing about the mapping. */
export function couldNotCheck(id: CheckId, failure: SourceFailure, what: string): CheckRow {
	const detail =
		failure.kind === 'access-denied'
			? l10n.t('Could not check {0}: your identity is not allowed {1}.', what, failure.action)
			: l10n.t('Could not check {0}: {1} failed: {2}', what, failure.action, failure.message);
	return row(id, 'unknown', detail);
}

export function notApplicable(id: CheckId, detail: string): CheckRow {
	return row(id, 'n/a', detail);
}
