/**
 * Places the problems the API rules report on a mapped resource in the Terraform text: ranges
 * through the source map, messages and fixes in Terraform's terms. Problems on undetermined
 * values are dropped. Rules name API members (`"Topics"`, `ProvisionedPollerConfig`); each name is
 * replaced by the argument the user wrote (`topics`, `provisioned_poller_config`).
 */
import type { Located } from './evaluate';
import { terraformNames } from './esmFields';
import type { Span } from './hclSyntax';
import { isUndetermined, locate, locationAt } from './sourceMap';
import type { FixDescription, LocatedFix, LocatedProblem, Problem } from '../validation/problem';

let namePattern: { names: Map<string, string>; pattern: RegExp } | undefined;

/** A message in Terraform's argument names: `Topics` → `topics`, `OnFailure.Destination` → `on_failure.destination_arn`. */
export function inTerraformNames(message: string): string {
	if (!namePattern) {
		const names = terraformNames();
		// `Destination` alone is also an English word; only quoted or dotted uses are the member.
		const apiNames = [...names.keys()].filter((name) => name !== 'Destination').sort((a, b) => b.length - a.length);
		namePattern = { names, pattern: new RegExp(`\\b(${apiNames.join('|')})\\b|(?<=OnFailure\\.|")Destination\\b`, 'g') };
	}
	const { names, pattern } = namePattern;
	return message.replace(pattern, (name) => names.get(name) ?? name);
}

export function placeTerraformProblems(root: Located, source: string, problems: readonly Problem[]): LocatedProblem[] {
	const placed: LocatedProblem[] = [];
	for (const problem of problems) {
		if (isUndetermined(root, problem)) {
			continue;
		}
		const range = locate(root, problem);
		const fixes = (problem.fixes ?? []).map((fix) => placeFix(root, source, problem, fix)).filter((fix): fix is LocatedFix => fix !== undefined);
		placed.push({
			code: problem.code,
			severity: problem.severity,
			message: inTerraformNames(problem.message),
			start: range.start,
			end: range.end,
			fixes,
			...(problem.tags ? { tags: problem.tags } : {}),
		});
	}
	return placed;
}

function placeFix(root: Located, source: string, problem: Problem, fix: FixDescription): LocatedFix | undefined {
	const path = ('path' in fix && fix.path) || problem.path;
	const where = locationAt(root, path);
	// Only text written right here is edited: a fix to a variable's default belongs to the variable.
	if (!where || where.indirect || where.unknown) {
		return undefined;
	}
	const title = inTerraformNames(fix.title);
	switch (fix.kind) {
		case 'replaceInString': {
			if (!where.offsets || where.placeholders) {
				return undefined;
			}
			const start = where.offsets[fix.start];
			const end = where.offsets[fix.end];
			return start === undefined || end === undefined ? undefined : { title, edits: [{ start, end, newText: hclStringContent(fix.text) }] };
		}
		case 'replaceValue': {
			const newText = hclValueText(fix.newText);
			return newText === undefined ? undefined : { title, edits: [{ start: where.range.start, end: where.range.end, newText }] };
		}
		case 'removeMember':
			return where.memberRange ? { title, edits: [lineRemoval(source, where.memberRange)] } : undefined;
		default:
			// Renaming an API member has no Terraform counterpart; raw ranges are JSON syntax fixes.
			return undefined;
	}
}

/** Text for inside an HCL quoted string: JSON's escapes are HCL's, plus `${` and `%{` doubled. */
function hclStringContent(text: string): string {
	return JSON.stringify(text)
		.slice(1, -1)
		.replace(/\$\{/g, '$${')
		.replace(/%\{/g, '%%{');
}

/** A JSON scalar written as HCL (strings re-quoted); objects and arrays are not offered. */
function hclValueText(json: string): string | undefined {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return undefined;
	}
	if (typeof value === 'string') {
		return `"${hclStringContent(value)}"`;
	}
	return typeof value === 'number' || typeof value === 'boolean' ? json : undefined;
}

/** Removes a member; when it is alone on its lines, the whole lines go. */
function lineRemoval(source: string, member: Span): { start: number; end: number; newText: string } {
	const lineStart = source.lastIndexOf('\n', member.start - 1) + 1;
	const nextBreak = source.indexOf('\n', member.end);
	const lineEnd = nextBreak < 0 ? source.length : nextBreak + 1;
	const alone = source.slice(lineStart, member.start).trim() === '' && source.slice(member.end, lineEnd).trim() === '';
	return alone ? { start: lineStart, end: lineEnd, newText: '' } : { start: member.start, end: member.end, newText: '' };
}
