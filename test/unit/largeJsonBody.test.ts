/**
 * Large message bodies parsed without decoding the whole body first (issue 16, target 5): the
 * value is always JSON.parse's, long literals are unescaped in place, and anything this path
 * cannot promise leaves the body untouched for the usual path.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IN_PLACE_LITERAL_BYTES, parseLargeJsonBody } from '../../server/src/node/largeJsonBody';

/** A deterministic generator (tests must not depend on Math.random). */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Characters that need escaping or take several UTF-8 bytes, and plain ones. */
const ALPHABET = [
	'a',
	'b',
	'Z',
	'0',
	' ',
	'"',
	'\\',
	'/',
	'\n',
	'\r',
	'\t',
	'\b',
	'\f',
	'\u0000',
	'\u001f',
	'é',
	'日',
	'本',
	'🐟',
	'€',
	'\u2028',
	'{',
	'}',
	':',
	',',
];

function randomText(next: () => number, length: number): string {
	let text = '';
	while (text.length < length) {
		text += ALPHABET[Math.floor(next() * ALPHABET.length)];
	}
	return text;
}

function body(value: unknown): Buffer {
	return Buffer.from(JSON.stringify(value), 'utf8');
}

describe('parseLargeJsonBody', () => {
	it("gives JSON.parse's value for messages with long literals of every kind of character (300 random messages)", () => {
		const next = prng(16);
		for (let round = 0; round < 300; round++) {
			const message = {
				jsonrpc: '2.0',
				method: 'textDocument/didOpen',
				params: {
					textDocument: { uri: `file:///${randomText(next, 5)}`, version: round, text: randomText(next, 20 + Math.floor(next() * 200)) },
					more: [randomText(next, 3), randomText(next, 40 + Math.floor(next() * 60)), { nested: randomText(next, 30) }],
				},
			};
			const bytes = body(message);
			const expected: unknown = JSON.parse(bytes.toString('utf8'));
			assert.deepEqual(parseLargeJsonBody(bytes, 16)?.value, expected, `round ${round}`);
		}
	});

	it('decodes a literal far longer than one segment, escapes at every offset (so some fall on segment ends)', () => {
		// Cut by code points: a surrogate pair cut in two would be a lone surrogate, which goes the usual way.
		const unit = Array.from('ab\\"c\\\\\\\\d\ne日\u00e9🐟\t/"');
		let text = '';
		for (let i = 0; text.length < 300_000; i++) {
			text += unit.slice(i % unit.length).join('') + unit.join('');
		}
		const message = { jsonrpc: '2.0', method: 'textDocument/didChange', params: { contentChanges: [{ text }, { text: `${text}x` }] } };
		const result = parseLargeJsonBody(body(message));
		assert.ok(result, 'taken by this path');
		assert.deepEqual(result.value, message);
	});

	it('handles a body that is one long string, and a long literal at the very end', () => {
		const text = 'x"\\'.repeat(IN_PLACE_LITERAL_BYTES);
		assert.equal(parseLargeJsonBody(body(text))?.value, text);
		assert.deepEqual(parseLargeJsonBody(body([1, text]))?.value, [1, text]);
	});

	it("leaves the body untouched and answers undefined when this path cannot promise JSON.parse's value", () => {
		const long = 'y'.repeat(100);
		const cases: [string, string][] = [
			['no long literal', JSON.stringify({ a: 'short' })],
			['a long object key', JSON.stringify({ [long]: 1 })],
			['a lone surrogate escape', `{"text":"${long}\\ud800${long}"}`],
			['a surrogate pair written as escapes', `{"text":"${long}\\ud83d\\udc1f${long}"}`],
			['a skeleton that is not JSON', `{"text":"${long}",}`],
			['an unterminated literal', `{"text":"${long}`],
			['a string equal to nothing we made up, next to a long one', `{"a":"\\u0000large-literal:0","text":"${long}"}`],
			['invalid UTF-8 (its replacement characters may be longer than the bytes they replace)', `{"text":"${long}\u00ff${long}"}`],
		];
		for (const [name, json] of cases) {
			// \u00ff stands for a byte 0xff, which no UTF-8 text holds.
			const bytes = Buffer.from(json.replace('\u00ff', '\u0000'), 'utf8');
			if (json.includes('\u00ff')) {
				bytes[bytes.indexOf(0)] = 0xff;
			}
			const before = Buffer.from(bytes);
			const result = parseLargeJsonBody(bytes, 16);
			if (name.startsWith('a string equal')) {
				// Not one of this process's markers: the value is still exact.
				assert.deepEqual(result?.value, JSON.parse(json), name);
				continue;
			}
			assert.equal(result, undefined, name);
			assert.deepEqual(bytes, before, `${name}: body untouched`);
		}
	});

	it("gives JSON.parse's value for JSON written by hand: escapes of plain characters, upper-case hex, \\/, whitespace around literals", () => {
		const long = 'v'.repeat(70);
		const texts = [
			// The \\\\ud83d is text that only looks like a surrogate escape (an escaped backslash, then ud83d).
			`{ "text" :\t"${long}\\u0041\\u00E9\\u20AC\\/\\b${long}" , "k": [ "${long}\\\\ud83d${long}" ] }`,
			`[\n"${long}",\r\n"${long}\\"",\t"x"\n]`,
			`"${long}\\u0022\\u005C${long}"`,
		];
		for (const json of texts) {
			const expected: unknown = JSON.parse(json);
			const result = parseLargeJsonBody(Buffer.from(json, 'utf8'), 16);
			assert.ok(result, `taken by this path: ${json.slice(0, 30)}`);
			assert.deepEqual(result.value, expected);
		}
	});

	it('decodes many long literals and long runs without a backslash, cut between characters', () => {
		// 3-byte characters with no escape for 200 KB: segments end between characters, not inside one.
		const plain = '日本語€'.repeat(20_000);
		const message = { contentChanges: Array.from({ length: 30 }, (_, i) => ({ text: `${i}${plain}` })) };
		const result = parseLargeJsonBody(body(message));
		assert.ok(result, 'taken by this path');
		assert.deepEqual(result.value, message);
	});

	it("throws JSON.parse's SyntaxError for a long literal that is not a valid JSON string", () => {
		const long = 'z'.repeat(100);
		for (const json of [`{"text":"${long}\n${long}"}`, `{"text":"${long}\\x${long}"}`, `{"text":"${long}\\u12G4${long}"}`]) {
			assert.throws(() => parseLargeJsonBody(Buffer.from(json, 'utf8'), 16), SyntaxError, JSON.stringify(json.slice(100, 110)));
			assert.throws(() => JSON.parse(json), SyntaxError, 'the usual path rejects it too');
		}
	});
});
