import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CREATE_ONLY_FIELDS, REQUEST_FIELDS, UPDATE_FIELDS } from '../../shared/esmRequest';
import { repoRoot } from '../helpers';

describe('event source mapping request members', () => {
	it("are the bundled schema's properties: create-only, updatable, UUID and FunctionName, each once", () => {
		const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'esm-request.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
		assert.deepEqual([...REQUEST_FIELDS].sort(), Object.keys(schema.properties).sort());
		assert.equal(new Set(REQUEST_FIELDS).size, REQUEST_FIELDS.length);
		assert.deepEqual(
			CREATE_ONLY_FIELDS.filter((field) => UPDATE_FIELDS.includes(field)),
			[],
		);
	});
});
