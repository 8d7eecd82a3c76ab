/**
 * Validates a value with a compiled schema and turns each Ajv error into a problem at the key or
 * value at fault, with a message that names the field and, where the fix is certain, a fix.
 * Ajv knows nothing about text; the path it reports is enough because positions are found later.
 */
import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import type { JsonPath } from '../../../../shared/jsonPath';
import { pointerToPath } from '../../../../shared/jsonPath';
import type { Problem } from '../validation/problem';
import { quoteText } from '../../../../shared/printable';
import { fieldName, KEYWORD_PROBLEMS, otherProblem } from './keywordProblems';
import type { Schema, SchemaKind, SchemaRegistry } from './schemaRegistry';

/**
 * Ajv's second argument, one object for every call. Without it each call allocates the default
 * context object, and the compiled validators are too large to be inlined, so the optimiser
 * cannot remove that allocation: on a 10,000-record file it was most of the garbage the schema
 * check made. Our schemas have no `$data` or recursive references, which would read `rootData`.
 */
const DATA_CONTEXT: DataValidationCxt = { instancePath: '', parentData: {}, parentDataProperty: '', rootData: {}, dynamicAnchors: {} };

/**
 * Appends to `out` the problems of the first `limit` Ajv errors and returns how many errors were
 * left out: those are only counted (a file with 100,000 unknown keys would otherwise allocate
 * 100,000 messages that are never listed). A valid value allocates nothing.
 */
export function schemaProblems(registry: SchemaRegistry, kind: SchemaKind, value: unknown, basePath: JsonPath, out: Problem[], limit = Infinity): number {
	const validate = registry.validator(kind);
	if (validate(value, DATA_CONTEXT)) {
		return 0;
	}
	const errors = validate.errors ?? [];
	let added = 0;
	let i = 0;
	for (; i < errors.length && added < limit; i++) {
		const problem = toProblem(errors[i], value);
		if (problem) {
			problem.path = [...basePath, ...problem.path];
			out.push(problem);
			added++;
		}
	}
	return errors.length - i;
}

function toProblem(error: ErrorObject, root: unknown): Problem | undefined {
	if (error.keyword === 'propertyNames') {
		// Summarises the error about the key itself, which Ajv reports separately (with params.propertyName).
		return undefined;
	}
	const path = pointerToPath(error.instancePath, root);
	const propertyName = (error as { propertyName?: unknown }).propertyName;
	if (typeof propertyName === 'string') {
		// An error about a key (from propertyNames): point at that key.
		const keyProblem = toProblem({ ...error, propertyName: undefined, instancePath: '', data: propertyName } as ErrorObject, propertyName);
		return keyProblem
			? {
					...keyProblem,
					message: keyProblem.message.replace(/^The document/, l10n.t('The key {0}', quoteText(propertyName, 80))),
					path: [...path, propertyName],
					target: 'key',
					fixes: undefined,
				}
			: undefined;
	}
	const failure = { error, path, name: fieldName(path), params: error.params as Record<string, unknown>, parentSchema: (error.parentSchema ?? {}) as Schema };
	const build = Object.prototype.hasOwnProperty.call(KEYWORD_PROBLEMS, error.keyword) ? KEYWORD_PROBLEMS[error.keyword] : otherProblem;
	return build(failure);
}
