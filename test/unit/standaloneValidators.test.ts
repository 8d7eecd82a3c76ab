/**
 * The validators generated at build time (Ajv standalone code) must be the validators the registry
 * would compile: same verdict and same errors (paths, keywords, params, the schema objects our
 * messages read) on the fixtures and on many broken variants of them. And a generated validator
 * whose schema file has changed since the build must not be used.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { detectKind } from '../../server/src/language/kinds/detectKind';
import type { SchemaKind } from '../../server/src/language/schema/schemaRegistry';
import { hasSchema, SCHEMA_FILES, SchemaRegistry } from '../../server/src/language/schema/schemaRegistry';
import { findSchemasDir, schemaFileSource } from '../../server/src/node/schemaFiles';
import { generateValidatorsSource } from '../../server/src/node/generateValidators';
import { schemaTextHash, standaloneValidators, VALIDATORS_FILE } from '../../server/src/node/standaloneValidators';
import { repoRoot } from '../helpers';

const schemasDir = findSchemasDir();
const compiled = new SchemaRegistry(schemaFileSource(schemasDir));
const dateTimeModule = path.join(repoRoot(), 'out', 'server', 'src', 'language', 'schema', 'dateTime.js');

/** Writes the generated module where Node finds ajv's runtime (under the repository) and loads it. */
function generatedValidators(): Record<SchemaKind, ValidateFunction> {
	const dir = fs.mkdtempSync(path.join(repoRoot(), 'out', 'generated-'));
	const file = path.join(dir, VALIDATORS_FILE);
	fs.writeFileSync(file, generateValidatorsSource(schemasDir, dateTimeModule));
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is generated at run time
	return require(file) as Record<SchemaKind, ValidateFunction>;
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
		assert.equal(generateValidatorsSource(schemasDir, dateTimeModule), generateValidatorsSource(schemasDir, dateTimeModule));
	});

	it('gives the same verdicts and errors as the validators the registry compiles', () => {
		const generated = generatedValidators();
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

	it('is used only for schemas unchanged since it was generated', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-validators-'));
		const marker = (kind: string): string => `exports[${JSON.stringify(kind)}] = () => true;`;
		const kinds = Object.keys(SCHEMA_FILES) as SchemaKind[];
		const text = (kind: SchemaKind): string => fs.readFileSync(path.join(schemasDir, SCHEMA_FILES[kind]), 'utf8');
		const hashes = Object.fromEntries(kinds.map((kind) => [kind, kind === 'kafka-event' ? 'stale' : schemaTextHash(text(kind))]));
		fs.writeFileSync(path.join(dir, VALIDATORS_FILE), `${kinds.map(marker).join('\n')}\nexports.schemaSha256 = ${JSON.stringify(hashes)};\n`);
		const precompiled = standaloneValidators(dir, text);
		assert.ok(precompiled('failure-record'));
		assert.equal(precompiled('kafka-event'), undefined);
		assert.equal(standaloneValidators(path.join(dir, 'missing'), text)('failure-record'), undefined);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
