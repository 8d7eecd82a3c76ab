import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getLocation } from 'jsonc-parser';
import { locationAt } from '../../server/src/language/json/location';
import { repoRoot } from '../helpers';

/** jsonc-parser's answer, in the shape locationAt gives. */
function reference(text: string, offset: number): unknown {
	const location = getLocation(text, offset);
	const node = location.previousNode;
	return {
		path: location.path,
		isAtPropertyKey: location.isAtPropertyKey,
		previousNode: node && { type: node.type, value: node.value as unknown, offset: node.offset, length: node.length },
	};
}

/** locationAt with a tiny threshold, so that even small documents take the skipping path; its node as a plain object. */
function fast(text: string, offset: number, limit: number): unknown {
	const location = locationAt(text, offset, true, limit);
	const node = location.previousNode;
	return { ...location, previousNode: node && { type: node.type, value: node.value as unknown, offset: node.offset, length: node.length } };
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

function fastInvalid(text: string, offset: number): unknown {
	const location = locationAt(text, offset, false, 0);
	const node = location.previousNode;
	return { ...location, previousNode: node && { type: node.type, value: node.value as unknown, offset: node.offset, length: node.length } };
}

describe('locationAt', () => {
	it("gives jsonc-parser's answer at every offset of the record fixtures, skipping at every size threshold", () => {
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

	it("gives jsonc-parser's answer on random JSON, compact or indented, at random offsets", () => {
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
			assert.deepEqual(fastInvalid(text, offset), reference(text, offset));
		}
	});

	it('answers deep in a large array without reading the elements before the offset token by token', () => {
		const element = { requestContext: { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }, version: '1.0' };
		const text = JSON.stringify(
			Array.from({ length: 20_000 }, () => element),
			null,
			2,
		);
		const offset = text.lastIndexOf('functionArn') + 2;
		const location = locationAt(text, offset, true);
		assert.deepEqual(location.path, [19_999, 'requestContext', 'functionArn']);
		assert.equal(location.isAtPropertyKey, true);
		assert.deepEqual(fast(text, offset, 64 * 1024), reference(text, offset));
	});

	it('reads a string from the text, not the parse, so a duplicate key does not change it', () => {
		for (const [text, needle] of [
			['{"a":"x","a":"y"}', 'x'],
			['{"a":{"b":"x"},"a":{"b":"y"}}', 'x'],
			['{"\\u0061":"q","a":"r"}', 'q'],
			['{"k":"\\"","k":[true,{},-50]}', '\\"'],
		]) {
			const offset = text.indexOf(needle);
			assert.deepEqual(fast(text, offset, 0), reference(text, offset), text);
		}
	});
});
