/**
 * Validates a value with a compiled schema and turns each Ajv error into a problem at the key or
 * value at fault, with a message that names the field and, where the fix is certain, a fix.
 * Ajv knows nothing about text; the path it reports is enough because positions are found later.
 */
import type { ErrorObject } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import type { JsonPath, PathSegment } from '../../../../shared/jsonPath';
import { formatPath, pointerToPath } from '../../../../shared/jsonPath';
import type { Problem } from '../validation/problem';
import { codePointLength } from '../util/codePoints';
import { quoteText } from '../../../../shared/printable';
import { closest } from '../util/suggest';
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

function fieldName(path: readonly PathSegment[]): string {
	for (let i = path.length - 1; i >= 0; i--) {
		const segment = path[i];
		if (typeof segment === 'string') {
			const indexes = path.slice(i + 1).map((s) => `[${s}]`).join('');
			return `${quoteText(segment, 80)}${indexes}`;
		}
	}
	return 'The document';
}

function describeType(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'an array';
	}
	switch (typeof value) {
		case 'string':
			return 'a string';
		case 'number':
			return Number.isInteger(value) ? 'an integer' : 'a number';
		case 'boolean':
			return 'a boolean';
		case 'object':
			return 'an object';
		default:
			return typeof value;
	}
}

function expectedType(type: unknown): string {
	const names: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', object: 'an object', array: 'an array', null: 'null' };
	const list = (Array.isArray(type) ? type : [type]).map((t) => names[String(t)] ?? String(t));
	return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
}

function show(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
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
		return keyProblem ? { ...keyProblem, message: keyProblem.message.replace(/^The document/, `The key ${quoteText(propertyName, 80)}`), path: [...path, propertyName], target: 'key', fixes: undefined } : undefined;
	}
	const parentSchema = (error.parentSchema ?? {}) as Schema;
	const name = fieldName(path);
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required': {
			const missing = String(params['missingProperty']);
			const where = path.length === 0 ? '' : ` in ${formatPath(path)}`;
			return { code: 'schema-required', severity: 'error', message: `Missing required field "${missing}"${where}.`, path, target: 'key' };
		}
		case 'additionalProperties': {
			const key = String(params['additionalProperty']);
			const known = Object.keys(parentSchema.properties ?? {});
			// Ask the object about the few known keys, not list its keys: with one error per unknown key, listing them all was quadratic.
			const data: unknown = error.data;
			const present = (k: string): boolean => typeof data === 'object' && data !== null && Object.prototype.hasOwnProperty.call(data, k);
			const suggestion = closest(key, known.filter((k) => !present(k)));
			const where = path.length === 0 ? '' : ` in ${formatPath(path)}`;
			const hint = suggestion ? ` Did you mean "${suggestion}"?` : ` Known fields: ${known.join(', ')}.`;
			return {
				code: 'unknown-field',
				severity: 'error',
				message: `Unknown field ${quoteText(key)}${where}: AWS rejects fields it does not define.${hint}`,
				path: [...path, key],
				target: 'key',
				fixes: [
					...(suggestion ? [{ kind: 'renameKey' as const, title: `Rename to "${suggestion}"`, newKey: suggestion }] : []),
					{ kind: 'removeMember' as const, title: `Remove ${quoteText(key)}` },
				],
			};
		}
		case 'type': {
			if (typeof error.data === 'number' && !Number.isFinite(error.data)) {
				// JSON.parse reads 1e309 as Infinity: the number is valid JSON but beyond what any
				// reader (AWS's included) holds, which is a range problem, not a wrong type.
				const range = parentSchema.minimum !== undefined && parentSchema.maximum !== undefined ? ` (allowed: ${parentSchema.minimum} to ${parentSchema.maximum})` : '';
				return {
					code: 'schema-range',
					severity: 'error',
					message: `${name} is out of range: the number is ${error.data > 0 ? 'larger' : 'smaller'} than ${error.data > 0 ? '' : '-'}1.8e308, beyond what a JSON reader can hold${range}.`,
					path,
					target: 'value',
				};
			}
			const expected = expectedType(params['type']);
			const problem: Problem = { code: 'schema-type', severity: 'error', message: `${name} must be ${expected}, not ${describeType(error.data)}.`, path, target: 'value' };
			const wantsNumber = [params['type']].flat().some((t) => t === 'integer' || t === 'number');
			if (wantsNumber && typeof error.data === 'string' && /^-?(0|[1-9][0-9]{0,15})$/.test(error.data.trim())) {
				problem.fixes = [{ kind: 'replaceValue', title: `Use the number ${error.data.trim()}`, newText: error.data.trim() }];
			}
			return problem;
		}
		case 'enum': {
			const allowed = (params['allowedValues'] as unknown[]) ?? [];
			const suggestion = typeof error.data === 'string' ? closest(error.data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
			return {
				code: 'schema-enum',
				severity: 'error',
				message: `${show(error.data)} is not a valid value for ${name}. Expected one of: ${allowed.map((v) => show(v)).join(', ')}.`,
				path,
				target: 'value',
				fixes: suggestion ? [{ kind: 'replaceValue', title: `Change to ${JSON.stringify(suggestion)}`, newText: JSON.stringify(suggestion) }] : undefined,
			};
		}
		case 'const':
			return {
				code: 'schema-const',
				severity: 'error',
				message: `${name} must be ${show(params['allowedValue'])}.`,
				path,
				target: 'value',
				fixes: [{ kind: 'replaceValue', title: `Change to ${show(params['allowedValue'])}`, newText: JSON.stringify(params['allowedValue']) }],
			};
		case 'pattern':
			return {
				code: 'schema-pattern',
				severity: 'error',
				message: parentSchema.patternErrorMessage ? `${name}: ${parentSchema.patternErrorMessage}` : `${name} does not have the expected format (${String(params['pattern'])}).`,
				path,
				target: 'value',
			};
		case 'format':
			return {
				code: 'schema-format',
				severity: 'error',
				message: params['format'] === 'date-time' ? `${name} must be an ISO-8601 date-time with a time zone, such as 2025-01-01T00:00:00.000Z.` : `${name} must be a valid ${String(params['format'])}.`,
				path,
				target: 'value',
			};
		case 'minimum':
		case 'maximum':
		case 'exclusiveMinimum':
		case 'exclusiveMaximum': {
			const low = error.keyword === 'minimum' || error.keyword === 'exclusiveMinimum';
			const range = parentSchema.minimum !== undefined && parentSchema.maximum !== undefined ? ` (allowed: ${parentSchema.minimum} to ${parentSchema.maximum})` : '';
			return {
				code: 'schema-range',
				severity: 'error',
				message: `${name} is ${show(error.data)}, ${low ? 'below the minimum' : 'above the maximum'} of ${show(params['limit'])}${range}.`,
				path,
				target: 'value',
			};
		}
		case 'minLength':
		case 'maxLength': {
			const length = typeof error.data === 'string' ? codePointLength(error.data) : 0;
			const low = error.keyword === 'minLength';
			return {
				code: 'schema-length',
				severity: 'error',
				message: low
					? `${name} must be at least ${show(params['limit'])} characters long${length === 0 ? ' and must not be empty' : ''}.`
					: `${name} is ${length} characters long; the maximum is ${show(params['limit'])}.`,
				path,
				target: 'value',
			};
		}
		case 'minItems':
		case 'maxItems': {
			const low = error.keyword === 'minItems';
			const limit = Number(params['limit']);
			const exactly = parentSchema.minItems !== undefined && parentSchema.minItems === parentSchema.maxItems;
			return {
				code: 'schema-items',
				severity: 'error',
				message: exactly
					? `${name} must have exactly ${limit} item${limit === 1 ? '' : 's'}.`
					: `${name} must have ${low ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}.`,
				path,
				target: 'value',
			};
		}
		case 'minProperties':
		case 'maxProperties':
			return { code: 'schema-other', severity: 'error', message: `${name} ${error.message ?? 'is invalid'}.`, path, target: 'value' };
		case 'uniqueItems':
			return { code: 'schema-other', severity: 'error', message: `${name} must not contain duplicate items.`, path, target: 'value' };
		default:
			return { code: 'schema-other', severity: 'error', message: parentSchema.errorMessage ?? `${name} ${error.message ?? 'is invalid'}.`, path, target: 'value' };
	}
}
