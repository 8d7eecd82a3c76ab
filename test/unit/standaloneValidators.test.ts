/**
 * The validators generated at build time (Ajv standalone code) must be the validators the registry
 * would compile: same verdict and same errors (paths, keywords, params, the schema objects our
 * messages read) on the fixtures and on many broken variants of them. And a generated validator
 * whose schema file has changed since the build must not be used.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { detectKind } from '../../server/src/language/kinds/detectKind';
import type { SchemaKind } from '../../server/src/language/schema/schemaRegistry';
import { hasSchema, SCHEMA_FILES, SchemaRegistry } from '../../server/src/language/schema/schemaRegistry';
import { findSchemasDir, schemaFileSource } from '../../server/src/node/schemaFiles';
import { generateValidatorSource, VALIDATED_KINDS } from '../../server/src/node/generateValidators';
import { schemaTextHash, standaloneValidators, validatorFile } from '../../server/src/node/standaloneValidators';
import { repoRoot } from '../helpers';

const schemasDir = findSchemasDir();
const compiled = new SchemaRegistry(schemaFileSource(schemasDir));
const dateTimeModule = path.join(repoRoot(), 'out', 'server', 'src', 'language', 'schema', 'dateTime.js');

/** Writes the generated modules where Node finds ajv's runtime (under the repository) and loads them. */
async function generatedValidators(): Promise<Record<SchemaKind, ValidateFunction>> {
	const dir = fs.mkdtempSync(path.join(repoRoot(), 'out', 'generated-'));
	const validators: Partial<Record<SchemaKind, ValidateFunction>> = {};
	for (const kind of VALIDATED_KINDS) {
		const file = validatorFile(dir, kind);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, generateValidatorSource(schemasDir, kind, dateTimeModule));
		// A CommonJS module imported: its exports are the namespace's default.
		const module = ((await import(pathToFileURL(file).href)) as { default: Record<string, unknown> }).default;
		// One module per kind: it exports that kind's validator and no other.
		assert.deepEqual(Object.keys(module).sort(), [kind, 'schemaSha256'].sort());
		validators[kind] = module[kind] as ValidateFunction;
	}
	return validators as Record<SchemaKind, ValidateFunction>;
}

/** The fixture, and variants with one value replaced by a wrong one or one member added or removed. */
function* variants(value: unknown): Generator<unknown> {
	yield value;
	const paths: (string | number)[][] = [];
	const walk = (node: unknown, at: (string | number)[]): void => {
		if (paths.length > 400 || typeof node !== 'object' || node === null) {
			return;
		}
		for (const [key, child] of Object.entries(node)) {
			const childPath = [...at, Array.isArray(node) ? Number(key) : key];
			paths.push(childPath);
			walk(child, childPath);
		}
	};
	walk(value, []);
	for (const at of paths) {
		for (const replacement of [123.5, 'x', -1, null, true, '2025-13-45T99:00:00Z', { unexpected: 1 }, undefined]) {
			const copy = structuredClone(value) as Record<string | number, unknown>;
			let parent = copy;
			for (const segment of at.slice(0, -1)) {
				parent = parent[segment] as Record<string | number, unknown>;
			}
			if (replacement === undefined) {
				delete parent[at[at.length - 1]];
			} else {
				parent[at[at.length - 1]] = replacement;
			}
			yield copy;
		}
	}
}

describe('validators generated at build time', () => {
	it('is generated deterministically', () => {
		for (const kind of VALIDATED_KINDS) {
			assert.equal(generateValidatorSource(schemasDir, kind, dateTimeModule), generateValidatorSource(schemasDir, kind, dateTimeModule));
		}
		assert.deepEqual(VALIDATED_KINDS, Object.keys(SCHEMA_FILES));
	});

	it('gives the same verdicts and errors as the validators the registry compiles', async () => {
		const generated = await generatedValidators();
		const fixtures = path.join(repoRoot(), 'test', 'fixtures', 'records');
		let compared = 0;
		for (const name of fs.readdirSync(fixtures).filter((n) => n.endsWith('.json'))) {
			const value: unknown = JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));
			const kinds = (Array.isArray(value) ? value.map((v) => detectKind(v)) : [detectKind(value)]).filter(hasSchema);
			for (const kind of new Set(kinds)) {
				for (const variant of variants(Array.isArray(value) ? value[0] : value)) {
					const expected = compiled.validator(kind);
					const actual = generated[kind];
					assert.equal(actual(variant), expected(variant), `${name} as ${kind}`);
					assert.deepEqual(actual.errors ?? null, expected.errors ?? null, `${name} as ${kind}`);
					compared++;
				}
			}
		}
		assert.ok(compared > 1000, `${compared} documents compared`);
	});

	it("is loaded per kind by the bundles: the CLI checking a failure record loads that kind's module only, and not Ajv", () => {
		const cli = path.join(repoRoot(), 'dist', 'cli.js');
		// The file names of the modules loaded from a folder named `validators` or `ajv`, printed at exit.
		const script = [
			"const path = require('path');",
			`require(${JSON.stringify(cli)});`,
			'const loaded = () => Object.keys(require.cache).filter((f) => /[\\\\/](validators|ajv)[\\\\/]/.test(f)).map((f) => path.basename(f));',
			"process.on('exit', () => process.stderr.write(JSON.stringify(loaded())));",
		].join('\n');
		const record = path.join(repoRoot(), 'examples', 'records', 'sqs-record.json');
		const result = spawnSync(process.execPath, ['-e', script, '--', 'cli', 'validate', record], { encoding: 'utf8' });
		assert.deepEqual(JSON.parse(result.stderr.slice(result.stderr.lastIndexOf('['))), ['failure-record.js']);
	});

	it('is used only for schemas unchanged since it was generated', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-validators-'));
		const marker = (kind: string): string => `exports[${JSON.stringify(kind)}] = () => true;`;
		const kinds = Object.keys(SCHEMA_FILES) as SchemaKind[];
		const text = (kind: SchemaKind): string => fs.readFileSync(path.join(schemasDir, SCHEMA_FILES[kind]), 'utf8');
		const hashes = Object.fromEntries(kinds.map((kind) => [kind, kind === 'kafka-event' ? 'stale' : schemaTextHash(text(kind))]));
		for (const kind of kinds.filter((k) => k !== 'destination-config')) {
			fs.mkdirSync(path.dirname(validatorFile(dir, kind)), { recursive: true });
			fs.writeFileSync(validatorFile(dir, kind), `${marker(kind)}\nexports.schemaSha256 = ${JSON.stringify({ [kind]: hashes[kind] })};\n`);
		}
		const precompiled = standaloneValidators(dir, text);
		assert.ok(precompiled('failure-record'));
		assert.ok(precompiled('esm-request'));
		assert.equal(precompiled('kafka-event'), undefined);
		// A kind whose module is missing is compiled instead.
		assert.equal(precompiled('destination-config'), undefined);
		assert.equal(standaloneValidators(path.join(dir, 'missing'), text)('failure-record'), undefined);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
