/**
 * Generates the validators' standalone code at build time (esbuild.mjs; see standaloneValidators.ts
 * for how they are loaded and why). Only the build and the tests import this module: it loads Ajv.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import type { SchemaKind } from '../language/schema/schemaRegistry';
import { ajvOptions, forValidation, SCHEMA_FILES } from '../language/schema/schemaRegistry';
import { schemaTextHash } from './standaloneValidators';

/**
 * The source of a CommonJS module that exports one validator per schema kind and
 * `schemaSha256`, the hash of each schema file. `dateTimeModule` is how the module requires
 * server/src/language/schema/dateTime.ts (the `date-time` format is our own function).
 */
export function generateValidatorsSource(schemasDir: string, dateTimeModule: string): string {
	const ajv = new Ajv(ajvOptions({ source: true, formats: _`require(${dateTimeModule}).DATE_TIME_FORMATS` }));
	const kinds = Object.keys(SCHEMA_FILES) as SchemaKind[];
	const hashes: Record<string, string> = {};
	for (const kind of kinds) {
		const text = fs.readFileSync(path.join(schemasDir, SCHEMA_FILES[kind]), 'utf8');
		hashes[kind] = schemaTextHash(text);
		ajv.addSchema(forValidation(JSON.parse(text) as object), kind);
	}
	const code = standaloneCode(ajv, Object.fromEntries(kinds.map((kind) => [kind, kind])));
	return `${code}\nexports.schemaSha256 = ${JSON.stringify(hashes)};\n`;
}
