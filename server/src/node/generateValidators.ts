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

/** Every kind with a schema, in the order the build generates them. */
export const VALIDATED_KINDS = Object.keys(SCHEMA_FILES) as SchemaKind[];

/**
 * The source of a CommonJS module that exports the validator of one schema kind (as `exports[kind]`)
 * and `schemaSha256`, the hash of its schema file. One module per kind, so that a process loads the
 * code of the kinds it meets only: the request schema's validator alone is two thirds of the code,
 * and a failure record never needs it. `dateTimeModule` is how the module requires
 * server/src/language/schema/dateTime.ts (the `date-time` format is our own function).
 */
export function generateValidatorSource(schemasDir: string, kind: SchemaKind, dateTimeModule: string): string {
	const ajv = new Ajv(ajvOptions({ source: true, formats: _`require(${dateTimeModule}).DATE_TIME_FORMATS` }));
	const text = fs.readFileSync(path.join(schemasDir, SCHEMA_FILES[kind]), 'utf8');
	ajv.addSchema(forValidation(JSON.parse(text) as object), kind);
	const code = standaloneCode(ajv, { [kind]: kind });
	return `${code}\nexports.schemaSha256 = ${JSON.stringify({ [kind]: schemaTextHash(text) })};\n`;
}
