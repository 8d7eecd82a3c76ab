/**
 * Loads the bundled schemas (`schemas/*.schema.json`) and compiles each once with Ajv. The files
 * are read from disk rather than bundled into the code so that the very files users can export
 * are the ones that validate.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
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
}

export class SchemaRegistry {
	private readonly ajv: Ajv;
	private readonly schemas = new Map<SchemaKind, Schema>();
	private readonly validators = new Map<SchemaKind, ValidateFunction>();

	constructor(private readonly schemasDir: string = findSchemasDir()) {
		this.ajv = new Ajv({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true });
		this.ajv.addVocabulary(ANNOTATION_KEYWORDS);
		this.ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
	}

	/** The schema object of a kind (as written in its file). */
	schema(kind: SchemaKind): Schema {
		let schema = this.schemas.get(kind);
		if (!schema) {
			schema = JSON.parse(fs.readFileSync(path.join(this.schemasDir, SCHEMA_FILES[kind]), 'utf8')) as Schema;
			this.schemas.set(kind, schema);
		}
		return schema;
	}

	/** The compiled validator of a kind, compiled on first use. */
	validator(kind: SchemaKind): ValidateFunction {
		let validate = this.validators.get(kind);
		if (!validate) {
			validate = this.ajv.compile(this.schema(kind));
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

const fullDateTime = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;

/**
 * A UTC timestamp on a day from 01 to 28 exists in every month of every year, so it needs no
 * calendar check: one regular expression settles the timestamps Lambda writes, and anything else
 * gets ajv-formats' full RFC 3339 check. The result is the full check's, at a fifth of its cost on
 * a 10,000-record file.
 */
const COMMON_UTC_DATE_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

export function isDateTime(text: string): boolean {
	return COMMON_UTC_DATE_TIME.test(text) || fullDateTime(text);
}

export function hasSchema(kind: DocumentKind): kind is SchemaKind {
	return kind in SCHEMA_FILES;
}

/** Finds the `schemas` folder next to the running bundle or above the compiled sources. */
export function findSchemasDir(start: string = __dirname): string {
	let dir = start;
	for (let i = 0; i < 8; i++) {
		const candidate = path.join(dir, 'schemas');
		if (fs.existsSync(path.join(candidate, SCHEMA_FILES['failure-record']))) {
			return candidate;
		}
		const parent = path.dirname(dir);
		if (parent === dir) {
			break;
		}
		dir = parent;
	}
	throw new Error(`Cannot find the bundled schemas folder above ${start}.`);
}

let shared: SchemaRegistry | undefined;

/** The process-wide registry (schemas are immutable, so one compiled copy serves every document). */
export function sharedSchemaRegistry(): SchemaRegistry {
	shared ??= new SchemaRegistry();
	return shared;
}
