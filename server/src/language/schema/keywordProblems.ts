/**
 * One builder per Ajv keyword: the problem (code, message naming the field, fixes where certain)
 * for a value that fails that keyword. A keyword without a builder gets Ajv's own message.
 */
import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';
import type { JsonPath, PathSegment } from '../../../../shared/jsonPath';
import { formatPath } from '../../../../shared/jsonPath';
import { quoteText } from '../../../../shared/printable';
import { codePointLength } from '../util/codePoints';
import { closest } from '../util/suggest';
import type { Problem } from '../validation/problem';
import type { Schema } from './schemaRegistry';
import { schemaText } from './schemaText';

/** An Ajv error with what every builder reads from it. */
export interface SchemaFailure {
	error: ErrorObject;
	/** Where the failing value is. */
	path: JsonPath;
	/** The field as messages name it ("Destination", "records"[0]...). */
	name: string;
	params: Record<string, unknown>;
	/** The schema holding the failed keyword (its bounds and messages). */
	parentSchema: Schema;
}

type ProblemBuilder = (failure: SchemaFailure) => Problem;

export function fieldName(path: readonly PathSegment[]): string {
	for (let i = path.length - 1; i >= 0; i--) {
		const segment = path[i];
		if (typeof segment === 'string') {
			const indexes = path
				.slice(i + 1)
				.map((s) => `[${s}]`)
				.join('');
			return `${quoteText(segment, 80)}${indexes}`;
		}
	}
	return l10n.t('The document');
}

const TYPE_OF_VALUE = (): Partial<Record<string, string>> => ({ string: 'a string', boolean: 'a boolean', object: l10n.t('an object') });

function describeType(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return l10n.t('an array');
	}
	if (typeof value === 'number') {
		return Number.isInteger(value) ? l10n.t('an integer') : 'a number';
	}
	return TYPE_OF_VALUE()[typeof value] ?? typeof value;
}

function expectedType(type: unknown): string {
	const names: Record<string, string> = {
		string: 'a string',
		integer: l10n.t('an integer'),
		number: 'a number',
		boolean: l10n.t('true or false'),
		object: l10n.t('an object'),
		array: l10n.t('an array'),
		null: 'null',
	};
	const list = (Array.isArray(type) ? type : [type]).map((t) => names[String(t)] ?? String(t));
	return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
}

function show(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** " (allowed: min to max)" when the schema gives both bounds. */
function allowedRange(schema: Schema): string {
	return schema.minimum !== undefined && schema.maximum !== undefined ? l10n.t(' (allowed: {0} to {1})', schema.minimum, schema.maximum) : '';
}

function valueProblem(code: string, path: JsonPath, message: string): Problem {
	return { code, severity: 'error', message, path, target: 'value' };
}

const required: ProblemBuilder = ({ path, params }) => {
	const missing = String(params['missingProperty']);
	const message =
		path.length === 0 ? l10n.t('Missing required field "{0}".', missing) : l10n.t('Missing required field "{0}" in {1}.', missing, formatPath(path));
	return { code: 'schema-required', severity: 'error', message, path, target: 'key' };
};

const additionalProperties: ProblemBuilder = ({ error, path, params, parentSchema }) => {
	const key = String(params['additionalProperty']);
	const known = Object.keys(parentSchema.properties ?? {});
	// Ask the object about the few known keys, not list its keys: with one error per unknown key, listing them all was quadratic.
	const data: unknown = error.data;
	const present = (k: string): boolean => typeof data === 'object' && data !== null && Object.prototype.hasOwnProperty.call(data, k);
	const suggestion = closest(
		key,
		known.filter((k) => !present(k)),
	);
	const hint = suggestion ? l10n.t(' Did you mean "{0}"?', suggestion) : l10n.t(' Known fields: {0}.', known.join(', '));
	return {
		code: 'unknown-field',
		severity: 'error',
		message:
			path.length === 0
				? l10n.t('Unknown field {0}: AWS rejects fields it does not define.{1}', quoteText(key), hint)
				: l10n.t('Unknown field {0} in {1}: AWS rejects fields it does not define.{2}', quoteText(key), formatPath(path), hint),
		path: [...path, key],
		target: 'key',
		fixes: [
			...(suggestion ? [{ kind: 'renameKey' as const, title: l10n.t('Rename to "{0}"', suggestion), newKey: suggestion }] : []),
			{ kind: 'removeMember' as const, title: l10n.t('Remove {0}', quoteText(key)) },
		],
	};
};

const type: ProblemBuilder = ({ error, path, name, params, parentSchema }) => {
	if (typeof error.data === 'number' && !Number.isFinite(error.data)) {
		// JSON.parse reads 1e309 as Infinity: the number is valid JSON but beyond what any
		// reader (AWS's included) holds, which is a range problem, not a wrong type.
		const larger = error.data > 0;
		return valueProblem(
			'schema-range',
			path,
			l10n.t(
				'{0} is out of range: the number is {1} than {2}1.8e308, beyond what a JSON reader can hold{3}.',
				name,
				larger ? 'larger' : 'smaller',
				larger ? '' : '-',
				allowedRange(parentSchema),
			),
		);
	}
	const problem = valueProblem('schema-type', path, l10n.t('{0} must be {1}, not {2}.', name, expectedType(params['type']), describeType(error.data)));
	const wantsNumber = [params['type']].flat().some((t) => t === 'integer' || t === 'number');
	if (wantsNumber && typeof error.data === 'string' && /^-?(0|[1-9][0-9]{0,15})$/.test(error.data.trim())) {
		problem.fixes = [{ kind: 'replaceValue', title: l10n.t('Use the number {0}', error.data.trim()), newText: error.data.trim() }];
	}
	return problem;
};

const enumeration: ProblemBuilder = ({ error, path, name, params }) => {
	const allowed = (params['allowedValues'] as unknown[]) ?? [];
	const suggestion =
		typeof error.data === 'string'
			? closest(
					error.data,
					allowed.filter((v): v is string => typeof v === 'string'),
				)
			: undefined;
	return {
		...valueProblem(
			'schema-enum',
			path,
			l10n.t('{0} is not a valid value for {1}. Expected one of: {2}.', show(error.data), name, allowed.map((v) => show(v)).join(', ')),
		),
		fixes: suggestion ? [{ kind: 'replaceValue', title: l10n.t('Change to {0}', JSON.stringify(suggestion)), newText: JSON.stringify(suggestion) }] : undefined,
	};
};

const constant: ProblemBuilder = ({ path, name, params }) => ({
	...valueProblem('schema-const', path, l10n.t('{0} must be {1}.', name, show(params['allowedValue']))),
	fixes: [{ kind: 'replaceValue', title: l10n.t('Change to {0}', show(params['allowedValue'])), newText: JSON.stringify(params['allowedValue']) }],
});

const pattern: ProblemBuilder = ({ path, name, params, parentSchema }) =>
	valueProblem(
		'schema-pattern',
		path,
		parentSchema.patternErrorMessage
			? l10n.t('{0}: {1}', name, schemaText(parentSchema.patternErrorMessage))
			: l10n.t('{0} does not have the expected format ({1}).', name, String(params['pattern'])),
	);

const format: ProblemBuilder = ({ path, name, params }) =>
	valueProblem(
		'schema-format',
		path,
		params['format'] === 'date-time'
			? l10n.t('{0} must be an ISO-8601 date-time with a time zone, such as 2025-01-01T00:00:00.000Z.', name)
			: l10n.t('{0} must be a valid {1}.', name, String(params['format'])),
	);

/** minimum, maximum and their exclusive forms. */
const bound: ProblemBuilder = ({ error, path, name, params, parentSchema }) => {
	const low = error.keyword === 'minimum' || error.keyword === 'exclusiveMinimum';
	return valueProblem(
		'schema-range',
		path,
		l10n.t(
			'{0} is {1}, {2} of {3}{4}.',
			name,
			show(error.data),
			low ? l10n.t('below the minimum') : l10n.t('above the maximum'),
			show(params['limit']),
			allowedRange(parentSchema),
		),
	);
};

const length: ProblemBuilder = ({ error, path, name, params }) => {
	const characters = typeof error.data === 'string' ? codePointLength(error.data) : 0;
	return valueProblem(
		'schema-length',
		path,
		error.keyword === 'minLength'
			? characters === 0
				? l10n.t('{0} must be at least {1} characters long and must not be empty.', name, show(params['limit']))
				: l10n.t('{0} must be at least {1} characters long.', name, show(params['limit']))
			: l10n.t('{0} is {1} characters long; the maximum is {2}.', name, characters, show(params['limit'])),
	);
};

const items: ProblemBuilder = ({ error, path, name, params, parentSchema }) => {
	const limit = Number(params['limit']);
	const exactly = parentSchema.minItems !== undefined && parentSchema.minItems === parentSchema.maxItems;
	const one = limit === 1;
	const message = exactly
		? one
			? l10n.t('{0} must have exactly {1} item.', name, limit)
			: l10n.t('{0} must have exactly {1} items.', name, limit)
		: error.keyword === 'minItems'
			? one
				? l10n.t('{0} must have at least {1} item.', name, limit)
				: l10n.t('{0} must have at least {1} items.', name, limit)
			: one
				? l10n.t('{0} must have at most {1} item.', name, limit)
				: l10n.t('{0} must have at most {1} items.', name, limit);
	return valueProblem('schema-items', path, message);
};

const properties: ProblemBuilder = ({ error, path, name }) => valueProblem('schema-other', path, `${name} ${error.message ?? l10n.t('is invalid')}.`);

/** Any other keyword: the schema's own message, else Ajv's. */
export const otherProblem: ProblemBuilder = ({ error, path, name, parentSchema }) =>
	valueProblem('schema-other', path, schemaText(parentSchema.errorMessage) ?? `${name} ${error.message ?? l10n.t('is invalid')}.`);

export const KEYWORD_PROBLEMS: Readonly<Record<string, ProblemBuilder>> = {
	required,
	additionalProperties,
	type,
	enum: enumeration,
	const: constant,
	pattern,
	format,
	minimum: bound,
	maximum: bound,
	exclusiveMinimum: bound,
	exclusiveMaximum: bound,
	minLength: length,
	maxLength: length,
	minItems: items,
	maxItems: items,
	minProperties: properties,
	maxProperties: properties,
	uniqueItems: ({ path, name }) => valueProblem('schema-other', path, l10n.t('{0} must not contain duplicate items.', name)),
};
