import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getLocation } from 'jsonc-parser';
import type { JsonPath } from '../../server/src/language/json/jsonPath';
import { valueAt } from '../../server/src/language/json/jsonPath';
import { locationAt } from '../../server/src/language/json/location';
import { repoRoot } from '../helpers';

/** jsonc-parser's answer, in the shape locationAt gives. */
function reference(text: string, offset: number): unknown {
	const location = getLocation(text, offset);
	const node = location.previousNode;
	return { path: location.path, isAtPropertyKey: location.isAtPropertyKey, previousNode: node && { type: node.type, value: node.value as unknown, offset: node.offset, length: node.length } };
}

/** locationAt with a tiny threshold, so that even small documents take the skipping path. */
function fast(text: string, offset: number, limit: number): unknown {
	const value: unknown = JSON.parse(text);
	return locationAt(text, offset, true, (at: JsonPath) => valueAt(value, at), limit);
}

function fixtures(): { name: string; text: string }[] {
	const dir = path.join(repoRoot(), 'test', 'fixtures', 'records');
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }))
		.filter(({ text }) => {
			try {
				JSON.parse(text);
				return true;
			} catch {
				return false;
			}
		});
}

describe('locationAt', () => {
	it('gives jsonc-parser\'s answer at every offset of the record fixtures, skipping at every size threshold', () => {
		const docs = fixtures();
		assert.ok(docs.length >= 3, 'record fixtures found');
		for (const { name, text } of docs) {
			for (const limit of [0, 8, 40, 200]) {
				for (let offset = 0; offset <= text.length; offset++) {
					assert.deepEqual(fast(text, offset, limit), reference(text, offset), `${name} at ${offset} (limit ${limit})`);
				}
			}
		}
	});

	it('gives jsonc-parser\'s answer on random JSON, compact or indented, at random offsets', () => {
		const json = fc.jsonValue({ maxDepth: 4 });
		fc.assert(
			fc.property(json, fc.boolean(), fc.nat(), fc.nat(60), (value, indent, at, limit) => {
				const text = JSON.stringify(value, null, indent ? 2 : undefined);
				const offset = at % (text.length + 1);
				assert.deepEqual(fast(text, offset, limit), reference(text, offset), `${text} at ${offset}`);
			}),
			{ seed: 21, numRuns: 3_000 },
		);
	});

	it('leaves text that JSON.parse rejected to jsonc-parser', () => {
		const text = '{"a": [1, 2,, 3], "b": {"c": tru}}';
		for (let offset = 0; offset <= text.length; offset++) {
			assert.deepEqual(locationAt(text, offset, false, () => undefined, 0), reference(text, offset));
		}
	});

	it('answers deep in a large array without reading the elements before the offset token by token', () => {
		const element = { requestContext: { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }, version: '1.0' };
		const text = JSON.stringify(Array.from({ length: 20_000 }, () => element), null, 2);
		const offset = text.lastIndexOf('functionArn') + 2;
		const value: unknown = JSON.parse(text);
		const location = locationAt(text, offset, true, (at) => valueAt(value, at));
		assert.deepEqual(location.path, [19_999, 'requestContext', 'functionArn']);
		assert.equal(location.isAtPropertyKey, true);
		assert.deepEqual(location, reference(text, offset));
	});
});
