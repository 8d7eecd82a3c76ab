/** Quick fixes for problems overlapping a range (the range VS Code asks about). */
import type { LocatedFix, LocatedProblem } from '../validation/problem';

export function computeCodeActions(problems: readonly LocatedProblem[], start: number, end: number): { problem: LocatedProblem; fix: LocatedFix }[] {
	const actions: { problem: LocatedProblem; fix: LocatedFix }[] = [];
	for (const problem of problems) {
		if (problem.start <= end && start <= problem.end) {
			for (const fix of problem.fixes) {
				actions.push({ problem, fix });
			}
		}
	}
	return actions;
}
