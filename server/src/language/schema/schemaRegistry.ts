/**
 * Holds the schemas (`schemas/*.schema.json`) and compiles each once with Ajv. Where the schema
 * objects come from is the runtime's business (a SchemaSource): the Node runtime reads the very
 * files users can export (server/src/node/schemaFiles.ts), so this module needs no file system
 * and runs wherever the language core runs.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';
import type { DocumentKind } from '../../../../shared/documentKinds';

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

export class SchemaRegistry {
	private readonly ajv: Ajv;
	private readonly schemas = new Map<SchemaKind, Schema>();
	private readonly validators = new Map<SchemaKind, ValidateFunction>();

	constructor(private readonly source: SchemaSource) {
		this.ajv = new Ajv({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true });
		this.ajv.addVocabulary(ANNOTATION_KEYWORDS);
		this.ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
	}

	/** The schema object of a kind (as written in its file). */
	schema(kind: SchemaKind): Schema {
		let schema = this.schemas.get(kind);
		if (!schema) {
			schema = this.source(kind);
			this.schemas.set(kind, schema);
		}
		return schema;
	}

	/** The compiled validator of a kind, compiled on first use. */
	validator(kind: SchemaKind): ValidateFunction {
		let validate = this.validators.get(kind);
		if (!validate) {
			validate = this.ajv.compile(forValidation(this.schema(kind)));
			this.validators.set(kind, validate);
		}
		return validate;
	}

	/** Compiles every schema now (the server does this at start-up so the first validation is fast). */
	warmUp(): void {
		for (const kind of Object.keys(SCHEMA_FILES) as SchemaKind[]) {
			this.validator(kind);
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
				for (const key of siblings) {
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
			out[key] = key === 'definitions' || key === 'enum' || key === 'const' || key === 'defaultSnippets' ? value : expand(value, inlining);
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

function isAnnotation(key: string): boolean {
	return key === 'title' || key === 'description' || key === 'default' || key === 'examples' || ANNOTATION_KEYWORDS.includes(key);
}

const fullDateTime = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;

/**
 * The timestamps Lambda writes (`2025-01-15T12:34:56.789Z`) are settled by a character loop that
 * allocates nothing; anything else (other offsets, a lower-case `t`, a leap second) gets
 * ajv-formats' full RFC 3339 check. The fast path accepts only what the full check accepts, so the
 * result is always the full check's. Why not the full check alone: it splits the string and runs
 * two capturing regexes, about 750 bytes of garbage per call. On a 10,000-record file that garbage
 * (3.7 MB) was enough to make the young generation overflow and copy the whole parsed document.
 */
export function isDateTime(text: string): boolean {
	return isCommonUtcDateTime(text) || fullDateTime(text);
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digit at `index` as a number, or -1. */
function digitAt(text: string, index: number): number {
	const code = text.charCodeAt(index) - 0x30;
	return code >= 0 && code <= 9 ? code : -1;
}

/** Two ASCII digits at `index` as a number, or -1. */
function twoDigits(text: string, index: number): number {
	const tens = digitAt(text, index);
	const ones = digitAt(text, index + 1);
	return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/** `YYYY-MM-DDTHH:MM:SS[.fraction of 1-9 digits]Z` naming a day that exists, hours 00-23, no leap second. */
function isCommonUtcDateTime(text: string): boolean {
	const length = text.length;
	if (length < 20 || length > 30 || text.charCodeAt(length - 1) !== 0x5a /* Z */) {
		return false;
	}
	const century = twoDigits(text, 0);
	const yearOfCentury = twoDigits(text, 2);
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	const hour = twoDigits(text, 11);
	const minute = twoDigits(text, 14);
	const second = twoDigits(text, 17);
	if (
		century < 0 ||
		yearOfCentury < 0 ||
		text.charCodeAt(4) !== 0x2d /* - */ ||
		text.charCodeAt(7) !== 0x2d ||
		text.charCodeAt(10) !== 0x54 /* T */ ||
		text.charCodeAt(13) !== 0x3a /* : */ ||
		text.charCodeAt(16) !== 0x3a ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		hour < 0 ||
		hour > 23 ||
		minute < 0 ||
		minute > 59 ||
		second < 0 ||
		second > 59
	) {
		return false;
	}
	const year = century * 100 + yearOfCentury;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month])) {
		return false;
	}
	if (length === 20) {
		return true;
	}
	// A fraction: a dot, then 1 to 9 digits up to the Z (the length check above caps it at 9).
	if (text.charCodeAt(19) !== 0x2e /* . */ || length === 21) {
		return false;
	}
	for (let i = 20; i < length - 1; i++) {
		if (digitAt(text, i) < 0) {
			return false;
		}
	}
	return true;
}

export function hasSchema(kind: DocumentKind): kind is SchemaKind {
	return kind in SCHEMA_FILES;
}
