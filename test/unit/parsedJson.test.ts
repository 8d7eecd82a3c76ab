import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedJson } from '../../server/src/language/json/parsedJson';
import { decodedToRawOffsets, rawToDecodedOffset } from '../../server/src/language/json/stringOffsets';

/** The text a located value or key covers. */
function valueText(parsed: ParsedJson, path: (string | number)[]): string {
	const located = parsed.locate({ path });
	assert.equal(located.depth, path.length, `path ${JSON.stringify(path)} not found`);
	return parsed.text.slice(located.valueStart, located.valueEnd);
}

describe('ParsedJson', () => {
	const text = '{\n  "a": {"b": [10, {"c": "x\\"y"}]},\n  "k\\u0065y": true,\n  "a2": null\n}';

	it('takes the fast path for valid JSON and locates values, keys and escaped keys', () => {
		const parsed = ParsedJson.parse(text);
		assert.equal(parsed.isValidJson, true);
		assert.equal(valueText(parsed, ['a', 'b', 0]), '10');
		assert.equal(valueText(parsed, ['a', 'b', 1, 'c']), '"x\\"y"');
		assert.equal(valueText(parsed, ['key']), 'true');
		const key = parsed.locate({ path: ['key'] });
		assert.equal(text.slice(key.keyStart, key.keyEnd), '"k\\u0065y"');
	});

	it('reports the deepest existing ancestor for a missing path', () => {
		const parsed = ParsedJson.parse(text);
		const located = parsed.locate({ path: ['a', 'missing', 'x'] });
		assert.equal(located.depth, 1);
		assert.equal(text.slice(located.keyStart, located.keyEnd), '"a"');
	});

	it('locates many paths in one call, in request order', () => {
		const parsed = ParsedJson.parse(text);
		const results = parsed.locateMany([{ path: ['a2'] }, { path: ['a', 'b', 0] }, { path: [] }]);
		assert.deepEqual(
			results.map((r) => text.slice(r.valueStart, r.valueEnd)),
			['null', '10', text],
		);
	});

	it('uses the last of duplicate keys, as JSON.parse does', () => {
		const dup = '{"x": 1, "x": 2}';
		const parsed = ParsedJson.parse(dup);
		assert.equal((parsed.value as { x: number }).x, 2);
		assert.equal(valueText(parsed, ['x']), '2');
	});

	it('recovers from syntax errors and still locates values', () => {
		const broken = '{\n  // comment\n  "a": [1, 2,],\n  "b": "x",\n}';
		const parsed = ParsedJson.parse(broken);
		assert.equal(parsed.isValidJson, false);
		assert.deepEqual(parsed.value, { a: [1, 2], b: 'x' });
		assert.deepEqual(
			parsed.syntaxErrors.map((e) => [e.error, broken.slice(e.offset, e.offset + e.length)]),
			[
				['CommentNotPermitted', '// comment'],
				['TrailingComma', ','],
				['TrailingComma', ','],
			],
		);
		assert.equal(valueText(parsed, ['b']), '"x"');
	});

	it('keeps __proto__ an ordinary key in tolerant parses', () => {
		const parsed = ParsedJson.parse('{"__proto__": {"polluted": true}, }');
		const value = parsed.value as Record<string, unknown>;
		assert.equal(Object.getPrototypeOf(value), Object.prototype);
		assert.deepEqual(Object.keys(value), ['__proto__']);
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
	});

	it('reports nesting deeper than the limit instead of overflowing the stack', () => {
		const deep = '['.repeat(100_000);
		const parsed = ParsedJson.parse(deep);
		assert.equal(parsed.syntaxErrors[0]?.error, 'NestingTooDeep');
		assert.equal(parsed.value, undefined);
	});

	it('follows a path into JSON held in a string and maps offsets back through escapes', () => {
		const inner = { records: { 't-0': [{ offset: 5, key: 'a\nb' }] } };
		const outer = `{"payload": ${JSON.stringify(JSON.stringify(inner))}}`;
		const parsed = ParsedJson.parse(outer);
		const located = parsed.locate({ path: ['payload', 'records', 't-0', 0, 'key'] });
		assert.equal(located.depth, 5);
		assert.equal(located.embedded, true);
		// Inside the outer string the inner literal "a\nb" is written \"a\\nb\".
		assert.equal(outer.slice(located.valueStart, located.valueEnd), '\\"a\\\\nb\\"');
		assert.equal(outer.slice(located.keyStart, located.keyEnd), '\\"key\\"');
	});

	it('maps a span inside a string to raw offsets', () => {
		const t = '{"d": "arn:aws:sq\\u0073:x"}';
		const parsed = ParsedJson.parse(t);
		const located = parsed.locate({ path: ['d'], span: { start: 8, end: 11 } });
		assert.equal(t.slice(located.spanStart, located.spanEnd), 'sq\\u0073');
	});
});

describe('ParsedJson with its text released', () => {
	const inner = { records: { 't-0': [{ offset: 5, key: 'a\nb' }] } };
	const outer = `{"payload": ${JSON.stringify(JSON.stringify(inner))}, "n": 12345678901234567890}`;

	/** A parse of `outer` that has let go of its text, and how often the text was fetched back. */
	function released(): { parsed: ParsedJson; fetches: () => number } {
		const parsed = ParsedJson.parse(outer);
		let fetches = 0;
		parsed.releaseText(() => {
			fetches++;
			return outer;
		});
		return { parsed, fetches: () => fetches };
	}

	it('keeps its value and embedded parses without the text, and fetches it once, only when asked', () => {
		const { parsed, fetches } = released();
		assert.deepEqual((parsed.value as { payload: string }).payload, JSON.stringify(inner));
		assert.deepEqual(parsed.embedded(['payload'])?.value, inner);
		assert.equal(fetches(), 0);
		const fresh = ParsedJson.parse(outer);
		const request = { path: ['payload', 'records', 't-0', 0, 'key'] };
		assert.deepEqual(parsed.locate(request), fresh.locate(request));
		assert.equal(parsed.numberText(['n']), '12345678901234567890');
		assert.equal(parsed.text, outer);
		assert.equal(fetches(), 1);
	});

	it('locates inside the payload from its cached parse, without decoding the string again', () => {
		const { parsed } = released();
		const embedded = parsed.embedded(['payload']);
		const located = parsed.locate({ path: ['payload', 'records', 't-0', 0, 'offset'] });
		assert.equal(outer.slice(located.valueStart, located.valueEnd), '5');
		assert.equal(parsed.embedded(['payload']), embedded, 'the same parse, not a new one');
	});

	it('does not fail on an earlier duplicate key holding JSON when the last one (the value) is not a string', () => {
		const parsed = ParsedJson.parse('{"payload": "{\\"a\\": 1}", "payload": 5}');
		const located = parsed.locate({ path: ['payload', 'a'] });
		assert.equal(located.depth, 1);
	});
});

describe('string offsets', () => {
	it('maps decoded offsets to raw offsets and back', () => {
		const t = '"a\\nb\\u00e9c"';
		assert.deepEqual(decodedToRawOffsets(t, 0, [0, 1, 2, 3, 4, 5]), [1, 2, 4, 5, 11, 12]);
		assert.equal(rawToDecodedOffset(t, 0, 11), 4);
		assert.equal(rawToDecodedOffset(t, 0, 7), 3);
	});
});
