/**
 * Places problems found by path in the text: one locate pass for all of a parse's problems, then
 * each problem's range and fix edits. Offsets returned are offsets into the whole document.
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import type { LocateRequest, Located, ParsedJson } from '../json/parsedJson';
import type { FixDescription, LocatedFix, LocatedProblem, Problem } from './problem';
import { memberRemoval } from '../json/memberRemoval';

export function placeProblems(parsed: ParsedJson, baseOffset: number, problems: readonly Problem[]): LocatedProblem[] {
	const requests: LocateRequest[] = [];
	const requestIndex = new Map<Problem | FixDescription, number>();
	for (const problem of problems) {
		if (!problem.rawRange) {
			requestIndex.set(problem, requests.push({ path: problem.path, span: problem.span }) - 1);
		}
		for (const fix of problem.fixes ?? []) {
			if (fix.kind !== 'replaceRange' && fix.kind !== 'replaceInString' && 'path' in fix && fix.path) {
				requestIndex.set(fix, requests.push({ path: fix.path }) - 1);
			}
		}
	}
	const located = parsed.locateMany(requests);
	const text = parsed.text;
	return problems.map((problem) => {
		const index = requestIndex.get(problem);
		const where = index === undefined ? undefined : located[index];
		const range = problem.rawRange ?? (where ? rangeOf(problem, where) : { start: 0, end: 0 });
		const fixes: LocatedFix[] = [];
		for (const fix of problem.fixes ?? []) {
			const fixIndex = requestIndex.get(fix);
			const target = fixIndex === undefined ? where : located[fixIndex];
			const fixPath = ('path' in fix && fix.path) || problem.path;
			const edits = placeFix(text, fix, target, fixPath);
			if (edits) {
				fixes.push({ title: fix.title, edits: edits.map((e) => ({ start: e.start + baseOffset, end: e.end + baseOffset, newText: e.newText })) });
			}
		}
		return {
			code: problem.code,
			severity: problem.severity,
			message: problem.message,
			start: range.start + baseOffset,
			end: range.end + baseOffset,
			fixes,
			...(problem.tags ? { tags: problem.tags } : {}),
		};
	});
}

function rangeOf(problem: Problem, where: Located): { start: number; end: number } {
	const found = where.depth === problem.path.length;
	if (found && problem.span && where.spanStart !== undefined && where.spanEnd !== undefined) {
		return { start: where.spanStart, end: Math.max(where.spanEnd, where.spanStart) };
	}
	if ((problem.target === 'key' || !found) && where.keyStart >= 0) {
		return { start: where.keyStart, end: where.keyEnd };
	}
	if (!found || problem.target === 'key') {
		// A missing member of an array element or of the root: mark the opening bracket.
		return { start: where.valueStart, end: where.valueStart + 1 };
	}
	return { start: where.valueStart, end: where.valueEnd };
}

type Edit = { start: number; end: number; newText: string };

function placeFix(text: string, fix: FixDescription, where: Located | undefined, path: JsonPath): Edit[] | undefined {
	if (fix.kind === 'replaceRange') {
		return [{ start: fix.start, end: fix.end, newText: fix.newText }];
	}
	// Edits inside a string that holds JSON would need re-escaping; offer them only in plain JSON.
	if (!where || where.depth !== path.length || where.embedded) {
		return undefined;
	}
	switch (fix.kind) {
		case 'renameKey':
			return where.keyStart < 0 ? undefined : [{ start: where.keyStart, end: where.keyEnd, newText: JSON.stringify(fix.newKey) }];
		case 'replaceValue':
			return [{ start: where.valueStart, end: where.valueEnd, newText: fix.newText }];
		case 'replaceInString': {
			if (text[where.valueStart] !== '"') {
				return undefined;
			}
			const [start, end] = [where.valueStart, where.valueEnd];
			const decoded = JSON.parse(text.slice(start, end)) as string;
			const replaced = decoded.slice(0, fix.start) + fix.text + decoded.slice(fix.end);
			return [{ start, end, newText: JSON.stringify(replaced) }];
		}
		case 'removeMember':
			return where.keyStart < 0 ? undefined : [memberRemoval(text, where.keyStart, where.valueEnd)];
	}
}
