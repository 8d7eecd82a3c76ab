/** Quick fixes for problems overlapping a range (the range VS Code asks about). */
import type { LocatedFix, LocatedProblem } from '../validation/problem';

export function computeCodeActions(problems: readonly LocatedProblem[], start: number, end: number): { problem: LocatedProblem; fix: LocatedFix }[] {
	const actions: { problem: LocatedProblem; fix: LocatedFix }[] = [];
	for (const problem of problems) {
		if (overlaps(problem, start, end)) {
			for (const fix of problem.fixes) {
				actions.push({ problem, fix });
			}
		}
	}
	return actions;
}

/**
 * The problem of the current text that a diagnostic published for an older text stands for: the
 * one with the same code and message. The old diagnostic's range is not used, as the edits since
 * may have moved the problem anywhere; among several alike, the one under the requested range
 * (which is in the current text's coordinates) is taken, and none when that does not decide.
 */
export function currentProblemFor(problems: readonly LocatedProblem[], code: unknown, message: string, start: number, end: number): LocatedProblem | undefined {
	const alike = problems.filter((problem) => problem.code === code && problem.message === message);
	const underRange = alike.filter((problem) => overlaps(problem, start, end));
	const candidates = underRange.length > 0 ? underRange : alike;
	return candidates.length === 1 ? candidates[0] : undefined;
}

function overlaps(problem: LocatedProblem, start: number, end: number): boolean {
	return problem.start <= end && start <= problem.end;
}
