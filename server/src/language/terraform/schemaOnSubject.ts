/**
 * The ESM request schema's checks on a mapped resource: the ranges and enums the rules leave to
 * the schema (`batch_size` 1-10000, `maximum_batching_window_in_seconds` 0-300, pollers...),
 * which the AWS provider does not check before apply. Types and unknown arguments are left out:
 * Terraform reports those itself, and an argument of the wrong type is not mapped at all. Problems
 * on values the configuration does not determine are dropped, as the rule runner drops them.
 */
import { pathKey } from '../../../../shared/jsonPath';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { schemaProblems } from '../schema/schemaProblems';
import type { MappingSubject } from '../templates/deploymentModel';
import { isUnknown } from '../templates/deploymentModel';
import { reachesUnknown } from '../templates/runMappingRules';
import type { LocatedProblem, Problem } from '../validation/problem';

/** Codes of the schema layer whose findings Terraform already reports (types, names, required arguments). */
const TERRAFORMS_OWN = new Set(['schema-type', 'unknown-field', 'schema-required']);

export function schemaProblemsOf(subject: MappingSubject, registry: SchemaRegistry): LocatedProblem[] {
	const found: Problem[] = [];
	// Unknown values are left out before validating: Ajv would report each as a wrong type, and
	// building those messages only to drop them was most of the schema's time.
	schemaProblems(registry, 'esm-request', withoutUnknowns(subject.request), [], found, 100);
	const placed: LocatedProblem[] = [];
	for (const problem of found) {
		if (
			TERRAFORMS_OWN.has(problem.code) ||
			reachesUnknown(subject.request, problem.path) ||
			(subject.placeholders.get(pathKey(problem.path))?.length ?? 0) > 0
		) {
			continue;
		}
		const location = subject.locator.locate(problem.path);
		const atPath = location.depth === problem.path.length;
		const range = (problem.target === 'key' || !atPath) && location.key ? location.key : location.value;
		const fixes = atPath && location.valueMapsExactly ? replacements(subject, problem, location.value) : [];
		placed.push({ code: problem.code, severity: problem.severity, message: problem.message, start: range.start, end: range.end, fixes });
	}
	return placed;
}

function replacements(subject: MappingSubject, problem: Problem, value: { start: number; end: number }): LocatedProblem['fixes'] {
	const fixes: LocatedProblem['fixes'] = [];
	for (const fix of problem.fixes ?? []) {
		if (fix.kind !== 'replaceValue' || fix.path) {
			continue;
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(fix.newText);
		} catch {
			continue;
		}
		const text = subject.writer.value(parsed, subject.locator.locate(problem.path));
		if (text !== undefined) {
			fixes.push({ title: fix.title, edits: [{ ...value, newText: text }] });
		}
	}
	return fixes;
}

/** A copy of a value without its unknown members and elements (an unknown list element becomes null, keeping indexes). */
function withoutUnknowns(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map((item) => (isUnknown(item) ? null : withoutUnknowns(item)));
	}
	if (typeof value !== 'object' || value === null) {
		return value;
	}
	const copy: Record<string, unknown> = {};
	for (const [key, member] of Object.entries(value)) {
		if (!isUnknown(member)) {
			Object.defineProperty(copy, key, { value: withoutUnknowns(member), enumerable: true, writable: true, configurable: true });
		}
	}
	return copy;
}
