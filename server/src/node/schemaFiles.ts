/**
 * The Node.js schema source: the schema files shipped next to the bundle (`schemas/*.schema.json`),
 * read from disk rather than bundled into the code so that the very files users can export are
 * the ones that validate.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Schema, SchemaKind, SchemaSource } from '../language/schema/schemaRegistry';
import { SCHEMA_FILES, SchemaRegistry } from '../language/schema/schemaRegistry';
import { standaloneValidators } from './standaloneValidators';

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
	// A broken installation, reported in the log. l10n-ignore
	throw new Error(`Cannot find the bundled schemas folder above ${start}.`);
}

/** Reads each kind's schema file from `schemasDir` (by default the folder found now, so a missing one fails at start-up). */
export function schemaFileSource(schemasDir: string = findSchemasDir()): SchemaSource {
	return (kind) => JSON.parse(fs.readFileSync(path.join(schemasDir, SCHEMA_FILES[kind]), 'utf8')) as Schema;
}

let shared: SchemaRegistry | undefined;

/**
 * The process-wide registry of the schema files (schemas are immutable, so one compiled copy
 * serves every document), with the validators generated at build time when they sit next to the
 * running bundle (see standaloneValidators.ts).
 */
export function sharedSchemaRegistry(): SchemaRegistry {
	if (!shared) {
		const schemasDir = findSchemasDir();
		const texts = new Map<SchemaKind, string>();
		const textOf = (kind: SchemaKind): string => {
			let text = texts.get(kind);
			if (text === undefined) {
				text = fs.readFileSync(path.join(schemasDir, SCHEMA_FILES[kind]), 'utf8');
				texts.set(kind, text);
			}
			return text;
		};
		shared = new SchemaRegistry((kind) => JSON.parse(textOf(kind)) as Schema, standaloneValidators(__dirname, textOf));
	}
	return shared;
}
