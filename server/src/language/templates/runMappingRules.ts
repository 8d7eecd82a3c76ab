/**
 * Runs every rule on one mapping subject (see deploymentModel.ts for the contract): the event
 * source mapping request rules on the request, as on a create request file, then the
 * cross-resource rules on the facts. Reports that rest on what the configuration does not
 * determine are dropped here, once, so no rule needs to know about intrinsics or placeholders.
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import { isObject, pathKey } from '../../../../shared/jsonPath';
import { rulesFor } from '../rules';
import { MAPPING_RULES } from '../rules/mappingRules';
import type { RuleContext, RuleReport } from '../rules/types';
import type { FixDescription, LocatedFix, LocatedProblem } from '../validation/problem';
import type { MappingReport, MappingSubject, SourceLocation, SourceRange } from './deploymentModel';
import { isUnknown } from './deploymentModel';

/**
 * Rules that compare the reported value with other fields: a report of theirs also depends on
 * these paths, so it is dropped when one of them is unknown or holds a placeholder (a destination
 * region compared with a `${AWS::Region}` placeholder says nothing).
 */
const ALSO_READS: Readonly<Record<string, readonly JsonPath[]>> = {
	'destination-region-mismatch': [['FunctionName'], ['EventSourceArn']],
	// Reports on the retry fields when the poller config is on-demand, which an unknown config reads as.
	'provisioned-mode-required': [['ProvisionedPollerConfig'], ['EventSourceArn']],
	'infinite-retries-capped': [['MaximumRetryAttempts']],
};

export function runMappingRules(subject: MappingSubject): LocatedProblem[] {
	const problems: LocatedProblem[] = [];
	for (const { code, report } of requestReports(subject.request)) {
		if (restsOnUnknowns(subject, code, report)) {
			continue;
		}
		problems.push(placeRequestReport(subject, code, report));
	}
	for (const rule of MAPPING_RULES) {
		rule.check(subject, (report) => problems.push(placeMappingReport(subject, rule.id, report)));
	}
	return problems;
}

/** The request rules' reports, each with its rule's id. */
function requestReports(request: Record<string, unknown>): { code: string; report: RuleReport }[] {
	const reports: { code: string; report: RuleReport }[] = [];
	let code = '';
	const context: RuleContext = {
		kind: 'esm-request',
		value: request,
		requestMode: 'create',
		nested: false,
		payload: undefined,
		report: (report) => reports.push({ code, report }),
		// Exact number texts matter only for record offsets, which a request does not have.
		rawNumber: () => undefined,
	};
	for (const rule of rulesFor('esm-request')) {
		code = rule.id;
		rule.check(context);
	}
	return reports;
}

function restsOnUnknowns(subject: MappingSubject, code: string, report: RuleReport): boolean {
	if (reachesUnknown(subject.request, report.path)) {
		return true;
	}
	if (report.span && overlapsPlaceholder(subject, report.path, report.span)) {
		return true;
	}
	return (ALSO_READS[code] ?? []).some((path) => reachesUnknown(subject.request, path) || hasPlaceholders(subject, path));
}

/** Whether a value on the way down `path` (the last one included) is unknown. */
export function reachesUnknown(root: unknown, path: JsonPath): boolean {
	let current = root;
	for (const segment of path) {
		if (isUnknown(current)) {
			return true;
		}
		if (typeof segment === 'number' ? !Array.isArray(current) : !isObject(current)) {
			return false;
		}
		current = (current as Record<string | number, unknown>)[segment];
		if (current === undefined) {
			return false;
		}
	}
	return isUnknown(current);
}

function hasPlaceholders(subject: MappingSubject, path: JsonPath): boolean {
	return (subject.placeholders.get(pathKey(path))?.length ?? 0) > 0;
}

function overlapsPlaceholder(subject: MappingSubject, path: JsonPath, span: SourceRange): boolean {
	const ranges = subject.placeholders.get(pathKey(path)) ?? [];
	// An empty span (a missing part) touching a placeholder counts too.
	return ranges.some((r) => span.start <= r.end && r.start <= span.end);
}

function placeRequestReport(subject: MappingSubject, code: string, report: RuleReport): LocatedProblem {
	const location = subject.locator.locate(report.path);
	const range = rangeOf(location, report.path, report.target ?? 'value', report.span);
	const fixes: LocatedFix[] = [];
	for (const fix of report.fixes ?? []) {
		const placed = placeFix(subject, fix, report.path, location);
		if (placed) {
			fixes.push(placed);
		}
	}
	return { code, severity: report.severity, message: report.message, start: range.start, end: range.end, fixes, ...(report.tags ? { tags: report.tags } : {}) };
}

function rangeOf(location: SourceLocation, path: JsonPath, target: 'key' | 'value', span: SourceRange | undefined): SourceRange {
	const found = location.depth === path.length;
	const start = found && span ? location.stringOffset?.(span.start) : undefined;
	const end = found && span ? location.stringOffset?.(span.end) : undefined;
	if (start !== undefined && end !== undefined) {
		return { start, end: Math.max(start, end) };
	}
	if ((target === 'key' || !found) && location.key) {
		return location.key;
	}
	return location.value;
}

/** Places a request rule's fix where the source maps 1:1 to the request; otherwise none. */
function placeFix(subject: MappingSubject, fix: FixDescription, problemPath: JsonPath, problemLocation: SourceLocation): LocatedFix | undefined {
	if (fix.kind === 'replaceRange') {
		// Raw ranges are offsets in a request file's text: meaningless here.
		return undefined;
	}
	const path = ('path' in fix && fix.path) || problemPath;
	const location = path === problemPath ? problemLocation : subject.locator.locate(path);
	if (location.depth !== path.length) {
		return undefined;
	}
	const edit = fixEdit(subject, fix, path, location);
	return edit ? { title: fix.title, edits: [edit] } : undefined;
}

function fixEdit(
	subject: MappingSubject,
	fix: Exclude<FixDescription, { kind: 'replaceRange' }>,
	path: JsonPath,
	location: SourceLocation,
): { start: number; end: number; newText: string } | undefined {
	const { writer } = subject;
	switch (fix.kind) {
		case 'renameKey': {
			const text = location.keyMapsExactly && location.key ? writer.key(fix.newKey, location) : undefined;
			return text === undefined || !location.key ? undefined : { ...location.key, newText: text };
		}
		case 'removeMember':
			return location.keyMapsExactly ? writer.removeMember(location) : undefined;
		case 'replaceValue': {
			const text = location.valueMapsExactly ? writer.value(parseJson(fix.newText), location) : undefined;
			return text === undefined ? undefined : { ...location.value, newText: text };
		}
		case 'replaceInString': {
			const current = valueAtPath(subject.request, path);
			if (!location.valueMapsExactly || typeof current !== 'string') {
				return undefined;
			}
			const text = writer.value(current.slice(0, fix.start) + fix.text + current.slice(fix.end), location);
			return text === undefined ? undefined : { ...location.value, newText: text };
		}
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function valueAtPath(root: unknown, path: JsonPath): unknown {
	let current = root;
	for (const segment of path) {
		if (!isObject(current) && !Array.isArray(current)) {
			return undefined;
		}
		current = (current as Record<string | number, unknown>)[segment];
	}
	return current;
}

function placeMappingReport(subject: MappingSubject, code: string, report: MappingReport): LocatedProblem {
	const range = report.path ? rangeOf(subject.locator.locate(report.path), report.path, report.target ?? 'value', undefined) : subject.facts.anchor;
	return { code, severity: report.severity, message: report.message, start: range.start, end: range.end, fixes: report.fixes ?? [] };
}
