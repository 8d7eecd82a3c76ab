/**
 * Holds the schemas (`schemas/*.schema.json`) and their validators. Where the schema objects come
 * from is the runtime's business (a SchemaSource): the Node runtime reads the very files users can
 * export (server/src/node/schemaFiles.ts), so this module needs no file system and runs wherever
 * the language core runs. A runtime may also hand over validators compiled at build time (Ajv
 * standalone code, see server/src/node/standaloneValidators.ts); a kind without one is compiled
 * with Ajv on first use, and only then is Ajv loaded.
 */
import type Ajv from 'ajv';
import type * as AjvModule from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import type { DocumentKind } from '../../../../shared/documentKinds';
import { DATE_TIME_FORMATS } from './dateTime';
import { memoized } from '../util/memo';
import { requireOnFirstUse } from '../util/sideBundle';

export { isDateTime } from './dateTime';

/** The schema-validated kinds and their files. */
export const SCHEMA_FILES = {
	'destination-config': 'destination-config.schema.json',
	'esm-request': 'esm-request.schema.json',
	'failure-record': 'failure-record.schema.json',
	'kafka-event': 'kafka-event.schema.json',
} as const satisfies Partial<Record<DocumentKind, string>>;

export type SchemaKind = keyof typeof SCHEMA_FILES;

/** Keywords our schemas carry for editors (VS Code's vocabulary plus `docUrl`); Ajv must accept and ignore them. */
export const ANNOTATION_KEYWORDS = [
	'markdownDescription',
	'enumDescriptions',
	'markdownEnumDescriptions',
	'patternErrorMessage',
	'errorMessage',
	'defaultSnippets',
	'deprecationMessage',
	'doNotSuggest',
	'docUrl',
	'checkedByRule',
];

/** A JSON Schema object as our code reads it. */
export interface Schema {
	$ref?: string;
	type?: string | string[];
	title?: string;
	description?: string;
	markdownDescription?: string;
	docUrl?: string;
	enum?: unknown[];
	const?: unknown;
	enumDescriptions?: string[];
	markdownEnumDescriptions?: string[];
	patternErrorMessage?: string;
	errorMessage?: string;
	deprecationMessage?: string;
	doNotSuggest?: boolean;
	defaultSnippets?: { label?: string; description?: string; body?: unknown; bodyText?: string }[];
	properties?: Record<string, Schema>;
	patternProperties?: Record<string, Schema>;
	additionalProperties?: boolean | Schema;
	items?: Schema;
	required?: string[];
	definitions?: Record<string, Schema>;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	pattern?: string;
	format?: string;
	default?: unknown;
	/**
	 * The id of the rule that checks this value's `pattern`, with a precise message and without a
	 * regular expression (base64 on megabytes of payload, offsets, topic-partition keys). The
	 * pattern stays in the file for other JSON Schema tools; our Ajv validators are compiled
	 * without it, so the rule's diagnostic is the only one.
	 */
	checkedByRule?: string;
}

/** Where a registry gets the schema object of a kind (read once per kind, then kept). */
export type SchemaSource = (kind: SchemaKind) => Schema;

/** A validator compiled ahead of time for a kind's schema as it is now, or undefined to compile one. */
export type PrecompiledValidators = (kind: SchemaKind) => ValidateFunction | undefined;

/** The Ajv options of every validator, compiled now or at build time (`code` is the build's). */
export function ajvOptions(code?: Options['code']): Options {
	return { strict: true, allErrors: true, verbose: true, allowUnionTypes: true, formats: DATE_TIME_FORMATS, keywords: ANNOTATION_KEYWORDS, code };
}

/**
 * Ajv itself, required on first compile rather than imported: loading it took about a quarter of
 * the server's start-up, and a server with precompiled validators never compiles.
 */
function createAjv(): Ajv {
	let AjvClass: typeof AjvModule.default;
	try {
		AjvClass = (requireOnFirstUse('ajv') as typeof AjvModule).default;
	} catch (error) {
		// The bundles leave Ajv out (esbuild.mjs): only a schema changed since the build needs it.
		// Only a development checkout can meet this; reported in the log. l10n-ignore
		throw new Error(`A schema changed since the validators were built, and Ajv is not available to compile it: rebuild (npm run build). ${String(error)}`);
	}
	return new AjvClass(ajvOptions());
}

export class SchemaRegistry {
	private ajv: Ajv | undefined;
	private readonly schemas = new Map<SchemaKind, Schema>();
	private readonly validators = new Map<SchemaKind, ValidateFunction>();

	constructor(
		private readonly source: SchemaSource,
		private readonly precompiled: PrecompiledValidators = () => undefined,
	) {}

	/** The schema object of a kind (as written in its file). */
	schema(kind: SchemaKind): Schema {
		return memoized(this.schemas, kind, this.source);
	}

	/** The compiled validator of a kind, compiled on first use. */
	validator(kind: SchemaKind): ValidateFunction {
		return memoized(this.validators, kind, () => this.precompiled(kind) ?? (this.ajv ??= createAjv()).compile(forValidation(this.schema(kind))));
	}

	/** Compiles every schema now, or loads its build-time validator (the server does this soon after start-up, so the first large validation is fast). */
	warmUp(): void {
		for (const kind of Object.keys(SCHEMA_FILES) as SchemaKind[]) {
			// One call compiles the validator's code (V8 compiles a function when first called): that
			// memory and time then belong to start-up, not to the first document.
			this.validator(kind)({});
		}
	}
}

/**
 * The copy of a schema our validators are compiled from: the same constraints, arranged for speed.
 * - The `pattern` of every subschema marked `checkedByRule` is removed (its rule checks it).
 * - Local `#/definitions/...` references are replaced by the definition itself. Ajv compiles a
 *   referenced schema that contains references into a function of its own, and calls it with a
 *   new context object and path string for every array item: 5,000 calls and 0.6 MB of garbage for
 *   the records of a large payload. Inlined, one function checks them all.
 * - Annotations for editors and readers (`DOCUMENTATION_KEYWORDS`: titles, descriptions, snippets,
 *   links) are removed. Ajv ignores them, but the generated validators (and Ajv's verbose errors)
 *   keep every schema object they may report as `parentSchema`, so the documentation made up most
 *   of the generated validators, which a process compiles at start-up (issue 16). Problems
 *   read only constraints and `patternErrorMessage`/`errorMessage` from those objects, which stay.
 * Error paths (`instancePath`) and messages are unchanged; only `schemaPath` differs.
 */
export function forValidation(schema: Schema): Schema {
	const copy = structuredClone(schema) as Record<string, unknown>;
	const definitions = (copy['definitions'] ?? {}) as Record<string, unknown>;
	let keptReferences = 0;
	const expand = (node: unknown, inlining: readonly string[]): unknown => {
		if (Array.isArray(node)) {
			return node.map((item) => expand(item, inlining));
		}
		if (typeof node !== 'object' || node === null) {
			return node;
		}
		const record = node as Record<string, unknown>;
		const ref = record['$ref'];
		const name = typeof ref === 'string' && ref.startsWith('#/definitions/') ? ref.slice('#/definitions/'.length) : undefined;
		if (name !== undefined && Object.prototype.hasOwnProperty.call(definitions, name) && !inlining.includes(name)) {
			const target = expand(definitions[name], [...inlining, name]) as Record<string, unknown>;
			const siblings = Object.keys(record).filter((key) => key !== '$ref');
			// Annotations beside a reference (a title, a description) may be merged; anything else stays a reference.
			if (siblings.every((key) => !(key in target) || isAnnotation(key))) {
				const merged: Record<string, unknown> = { ...target };
				for (const key of siblings.filter((k) => !DOCUMENTATION_KEYWORDS.has(k))) {
					merged[key] = expand(record[key], inlining);
				}
				return merged;
			}
		}
		if (typeof ref === 'string') {
			keptReferences++;
		}
		const out: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(record)) {
			if (DOCUMENTATION_KEYWORDS.has(key)) {
				continue;
			}
			out[key] =
				key === 'definitions' || key === 'enum' || key === 'const'
					? value
					: NAMED_SCHEMAS.has(key)
						? mapValues(value, (v) => expand(v, inlining))
						: expand(value, inlining);
		}
		if (typeof out['checkedByRule'] === 'string') {
			delete out['pattern'];
		}
		return out;
	};
	const result = expand(copy, []) as Record<string, unknown>;
	if (keptReferences === 0) {
		delete result['definitions'];
	} else {
		// Some references stay: their definitions must be rearranged the same way.
		result['definitions'] = Object.fromEntries(Object.entries(definitions).map(([name, definition]) => [name, expand(definition, [name])]));
	}
	return result;
}

/** Annotations no validator or problem reads (patternErrorMessage and errorMessage are read: they stay). */
const DOCUMENTATION_KEYWORDS: ReadonlySet<string> = new Set([
	'title',
	'description',
	'markdownDescription',
	'enumDescriptions',
	'markdownEnumDescriptions',
	'defaultSnippets',
	'deprecationMessage',
	'doNotSuggest',
	'docUrl',
	'examples',
	'default',
	'$comment',
]);

/** Keywords whose value maps names (of properties, patterns, definitions) to schemas: a name is never a keyword. */
const NAMED_SCHEMAS: ReadonlySet<string> = new Set(['properties', 'patternProperties']);

function mapValues(value: unknown, map: (v: unknown) => unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return value;
	}
	return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, map(v)]));
}

function isAnnotation(key: string): boolean {
	return key === 'title' || key === 'description' || key === 'default' || key === 'examples' || ANNOTATION_KEYWORDS.includes(key);
}

export function hasSchema(kind: DocumentKind): kind is SchemaKind {
	return kind in SCHEMA_FILES;
}
