/**
 * Validators compiled at build time (Ajv's standalone code generation, issue 16): compiling the
 * four schemas with Ajv took about 25 ms of the server's start-up and 80 ms of a CLI run, and
 * loading Ajv itself more. esbuild.mjs calls generateValidatorSource (generateValidators.ts) for each
 * kind and bundles the results as dist/validators/<kind>.js, next to the server and the CLI; the
 * Node runtime loads them with standaloneValidators, each on first use of its kind (a process that
 * reads failure records never compiles the request schema's validator, two thirds of the code).
 * Each validator carries the hash of the schema file it was compiled from,
 * and one whose file has changed since is not used (the registry compiles that schema instead),
 * so a stale build can never validate with an old schema. The generated code is not committed:
 * the build makes it, deterministically, from the schema files and the Ajv version in the lock file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { PrecompiledValidators, SchemaKind } from '../language/schema/schemaRegistry';
import { requireOnFirstUse } from '../language/util/sideBundle';
import { checksum } from './checksum';

/** The folder of the generated modules, next to the bundles: one module per kind, `<kind>.js`. */
export const VALIDATORS_DIR = 'validators';

/** The generated module of a kind's validator under `dir` (the bundles' folder). */
export function validatorFile(dir: string, kind: SchemaKind): string {
	return path.join(dir, VALIDATORS_DIR, `${kind}.js`);
}

/**
 * A hash of a schema file's text, to tell whether the file changed since the build. Not a defence
 * against anyone: it only catches a stale build.
 */
export function schemaTextHash(text: string): string {
	return checksum(Buffer.from(text, 'utf8')).toString('hex');
}

type ValidatorsModule = Partial<Record<SchemaKind, ValidateFunction>> & { schemaSha256?: Partial<Record<SchemaKind, string>> };

/**
 * The validators of `dir/validators/<kind>.js` for the schemas whose text `schemaText` gives,
 * each only while its schema is the one it was generated from; none for a kind without such a file
 * (the compiled tests run from out/, where every schema is compiled with Ajv).
 */
export function standaloneValidators(dir: string, schemaText: (kind: SchemaKind) => string): PrecompiledValidators {
	return (kind) => {
		const file = validatorFile(dir, kind);
		let loaded: ValidatorsModule | null;
		try {
			loaded = fs.existsSync(file) ? (requireOnFirstUse(file) as ValidatorsModule) : null;
		} catch {
			loaded = null;
		}
		const validate = loaded?.[kind];
		return validate && loaded?.schemaSha256?.[kind] === schemaTextHash(schemaText(kind)) ? validate : undefined;
	};
}
