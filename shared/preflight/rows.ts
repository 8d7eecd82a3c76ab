/** The questions the report asks, and the rows every check builds its answer from. */
import type { CheckId, CheckRow, SourceFailure } from './types';

export const QUESTIONS: Record<CheckId, string> = {
	destination: 'The destination exists and is reachable',
	role: 'The execution role may deliver to it',
	encryption: "The role may use the destination's KMS key",
	delivery: 'No delivery failures in the last 24 hours',
	drift: 'The mapping is not managed by a CloudFormation stack',
};

export function row(id: CheckId, verdict: CheckRow['verdict'], detail: string, extra: Pick<CheckRow, 'fix' | 'policies'> = {}): CheckRow {
	return { id, question: QUESTIONS[id], verdict, detail, ...extra };
}

/** "Could not check": the checker's own reads failed, which says nothing about the mapping. */
export function couldNotCheck(id: CheckId, failure: SourceFailure, what: string): CheckRow {
	const detail =
		failure.kind === 'access-denied'
			? `Could not check ${what}: your identity is not allowed ${failure.action}.`
			: `Could not check ${what}: ${failure.action} failed: ${failure.message}`;
	return row(id, 'unknown', detail);
}

export function notApplicable(id: CheckId, detail: string): CheckRow {
	return row(id, 'n/a', detail);
}
