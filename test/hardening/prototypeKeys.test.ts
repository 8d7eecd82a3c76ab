/**
 * Keys such as `__proto__`, `constructor` and `prototype` in a document are ordinary keys: they
 * change nothing outside the document (Object.prototype and friends stay as they were after
 * analysis, hover, completion, the preview and the CLI), and they get exactly the diagnostics an
 * ordinary unknown key of the same length gets in the same place. Checked at every level of every
 * fixture, on the JSON.parse path and on the tolerant path, inside S3 payload strings, and as
 * recordsInfo keys, records keys, header names and tag keys.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { formatJson } from '../../server/src/cli/formatJson';
import { validateText } from '../../server/src/cli/validateFile';
import { checkAgainstMapping } from '../../server/src/language/apply/checkAgainstMapping';
import { buildPreviewModel } from '../../server/src/language/preview/previewModel';
import { renderPreviewDocument } from '../../client/src/preview/render/renderHtml';
import { shellSnippet } from '../../client/src/preview/shellSnippet';
import type { AnalyzeOptions, DocumentAnalysis } from '../../server/src/language/validation/analyzeDocument';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';
import { buildRequest } from '../../client/src/apply/buildRequest';
import { assertFeaturesAt, assertProblemsInRange, seedDocuments } from './invariants';

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** A key of the same length that means nothing to JavaScript or to the schemas. */
const neutral = (key: string): string => 'q'.repeat(key.length);

// ---- the state that must not change ------------------------------------------------------------

const PROTOTYPES: [string, object][] = [
	['Object.prototype', Object.prototype],
	['Array.prototype', Array.prototype],
	['Function.prototype', Function.prototype],
	['String.prototype', String.prototype],
	['Map.prototype', Map.prototype],
];

/** Every own property of the prototypes: its value or accessors by identity, and its flags. */
function snapshot(): Map<string, unknown[]> {
	const state = new Map<string, unknown[]>();
	for (const [name, proto] of PROTOTYPES) {
		state.set(`${name} [[Prototype]]`, [Object.getPrototypeOf(proto), Object.isExtensible(proto)]);
		for (const key of Reflect.ownKeys(proto)) {
			const d: { value?: unknown; get?: unknown; set?: unknown; enumerable?: boolean; writable?: boolean; configurable?: boolean } =
				Object.getOwnPropertyDescriptor(proto, key)!;
			state.set(`${name}.${String(key)}`, [d.value, d.get, d.set, d.enumerable, d.writable, d.configurable]);
		}
	}
	return state;
}

const BEFORE = snapshot();

function assertPrototypesUntouched(where: string): void {
	const now = snapshot();
	const changed = [...new Set([...now.keys(), ...BEFORE.keys()])].filter((k) => {
		const a = now.get(k);
		const b = BEFORE.get(k);
		return !a || !b || a.some((v, i) => !Object.is(v, b[i]));
	});
	assert.deepEqual(changed, [], `a prototype changed after ${where}`);
	const probe = {} as Record<string, unknown>;
	assert.equal(probe['polluted'], undefined, `Object.prototype.polluted is set after ${where}`);
	assert.equal(Object.getPrototypeOf(probe), Object.prototype);
}

// ---- documents ----------------------------------------------------------------------------------

/** Defines `key` as an own, enumerable data property (assignment would set the prototype for `__proto__`). */
function define(target: object, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `value` with `key` added to every object, at every level (iteratively). */
function withKeyEverywhere(value: unknown, key: string, added: () => unknown): unknown {
	const copy = structuredClone(value);
	const stack: unknown[] = [copy];
	while (stack.length > 0) {
		const next = stack.pop();
		if (Array.isArray(next)) {
			for (const item of next as unknown[]) {
				stack.push(item);
			}
		} else if (typeof next === 'object' && next !== null) {
			for (const member of Object.values(next) as unknown[]) {
				stack.push(member);
			}
			define(next, key, added());
		}
	}
	return copy;
}

/** The hostile value: what would pollute a prototype if it were merged into one. */
const pollution = (): unknown => JSON.parse('{"polluted": "yes", "toString": "not a function", "__proto__": {"polluted": "yes"}}');

/** The same text with the hostile key replaced by its neutral twin wherever it is written (also escaped, inside a payload string). */
function neutralText(text: string, key: string): string {
	return text.split(key).join(neutral(key));
}

interface Variant {
	name: string;
	text: string;
	key: string;
	options: AnalyzeOptions;
}

const SEEDS = seedDocuments().flatMap((seed) => {
	try {
		return [{ name: seed.name, value: JSON.parse(seed.text) as unknown }];
	} catch {
		return [];
	}
});

function variants(): Variant[] {
	const result: Variant[] = [];
	for (const seed of SEEDS) {
		for (const key of HOSTILE_KEYS) {
			const valid = JSON.stringify(withKeyEverywhere(seed.value, key, pollution), null, 2);
			result.push({ name: `${seed.name}, "${key}" at every level`, text: valid, key, options: { fileName: seed.name } });
			// A trailing comma sends the text down the tolerant (jsonc-parser) path.
			const tolerant = valid.replace(/\n}$/, ',\n}');
			result.push({ name: `${seed.name}, "${key}" at every level, tolerant parse`, text: tolerant, key, options: { fileName: seed.name } });
			// Inside the S3 record's escaped payload string only.
			const record = seed.value as { payload?: unknown };
			if (typeof record.payload === 'string') {
				const inner = withKeyEverywhere(JSON.parse(record.payload), key, pollution);
				result.push({
					name: `${seed.name}, "${key}" inside the payload string`,
					text: JSON.stringify({ ...record, payload: JSON.stringify(inner) }, null, 2),
					key,
					options: { fileName: seed.name },
				});
			}
		}
	}
	const range = {
		firstRecordOffset: '10',
		lastRecordOffset: '12',
		firstRecordTimestamp: '2025-01-15T12:00:00.000Z',
		lastRecordTimestamp: '2025-01-15T12:00:01.000Z',
	};
	const sqsRecord = SEEDS.find((s) => s.name.endsWith('fixtures/records/sqs-record.json'))!.value as { KafkaBatchInfo: Record<string, unknown> };
	const event = SEEDS.find((s) => s.name.endsWith('kafka-event-msk.json'))!.value as { records: Record<string, Record<string, unknown>[]> };
	const firstRecord = Object.values(event.records)[0][0];
	for (const key of HOSTILE_KEYS) {
		for (const infoKey of [key, `${key}-0`]) {
			const recordsInfo = {};
			define(recordsInfo, infoKey, range);
			result.push({
				name: `recordsInfo key "${infoKey}"`,
				text: JSON.stringify({ ...sqsRecord, KafkaBatchInfo: { ...sqsRecord.KafkaBatchInfo, recordsInfo } }, null, 2),
				key,
				options: { fileName: 'r.json' },
			});
			const records = {};
			define(records, infoKey, [{ ...firstRecord, topic: infoKey.replace(/-0$/, '') }]);
			result.push({ name: `records key "${infoKey}"`, text: JSON.stringify({ ...event, records }, null, 2), key, options: { fileName: 'e.json' } });
		}
		const header = {};
		define(header, key, [104, 105]);
		result.push({
			name: `header name "${key}"`,
			text: JSON.stringify({ ...event, records: { 'orders-0': [{ ...firstRecord, headers: [header] }] } }, null, 2),
			key,
			options: { fileName: 'e.json' },
		});
		const tags = {};
		define(tags, key, 'v');
		result.push({
			name: `Tags key "${key}"`,
			text: JSON.stringify(
				{
					FunctionName: 'f',
					EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
					Topics: ['t'],
					StartingPosition: 'LATEST',
					Tags: tags,
				},
				null,
				2,
			),
			key,
			options: { fileName: 'x.esm.json' },
		});
		// JSON Lines: the key on a line of its own record.
		const line = JSON.stringify(withKeyEverywhere(sqsRecord, key, pollution));
		result.push({ name: `JSON Lines, "${key}" at every level`, text: `${line}\n${line}\n`, key, options: { fileName: 'r.jsonl' } });
	}
	return result;
}

/** Diagnostics with the key's name put back to the neutral one, and the spelling hints (which depend on the name) left out. */
function comparable(analysis: DocumentAnalysis, key: string): unknown[] {
	return analysis.problems.map((p) => ({
		code: p.code,
		severity: p.severity,
		start: p.start,
		end: p.end,
		message: p.message
			.split(key)
			.join(neutral(key))
			.replace(/ (Did you mean "[^"]*"\?|Known fields: .*)$/, ''),
		fixes: p.fixes
			.filter((f) => !f.title.startsWith('Rename to'))
			.map((f) => ({ title: f.title.split(key).join(neutral(key)), edits: f.edits.map((e) => ({ ...e, newText: e.newText.split(key).join(neutral(key)) })) })),
	}));
}

const ALL = variants();

describe('prototype keys in documents', () => {
	after(() => {
		assertPrototypesUntouched('the whole suite');
	});

	it(`analyses ${ALL.length} documents with such keys exactly as documents with ordinary unknown keys`, () => {
		assert.ok(ALL.length > 300);
		for (const variant of ALL) {
			assert.ok(variant.text.includes(variant.key), `${variant.name}: the key is in the text`);
			const hostile = analyzeDocument(variant.text, variant.options);
			assertPrototypesUntouched(`analysing ${variant.name}`);
			assertProblemsInRange(variant.text, hostile.problems, `${variant.name}: `);
			const ordinary = analyzeDocument(neutralText(variant.text, variant.key), variant.options);
			assert.equal(hostile.kind, ordinary.kind, variant.name);
			assert.deepEqual(comparable(hostile, variant.key), comparable(ordinary, variant.key), variant.name);
		}
	});

	it('answers hover and completion on each such key and on its value', () => {
		for (const variant of ALL) {
			const analysis = analyzeDocument(variant.text, variant.options);
			const quoted = JSON.stringify(variant.key);
			for (let at = variant.text.indexOf(quoted), n = 0; at >= 0 && n < 40; at = variant.text.indexOf(quoted, at + 1), n++) {
				for (const offset of [at + 1, at + quoted.length + 3]) {
					assertFeaturesAt(variant.text, analysis, Math.min(offset, variant.text.length));
				}
			}
			assertPrototypesUntouched(`hover and completion in ${variant.name}`);
		}
	});

	it('builds and renders the preview of records with such keys as for ordinary keys', () => {
		let previews = 0;
		for (const variant of ALL) {
			const render = (text: string): string => {
				const analysis = analyzeDocument(text, variant.options);
				const model = buildPreviewModel({
					uri: 'file:///r.json',
					version: 1,
					text,
					analysis,
					options: { now: Date.parse('2025-01-16T00:00:00Z'), kafkaUiBaseUrl: 'http://ui.example' },
				});
				const page = renderPreviewDocument(model, {
					cspSource: 'vscode-resource:',
					nonce: 'n0nce',
					scriptUri: 'vscode-resource:/w.js',
					styleUri: 'vscode-resource:/p.css',
					title: 'r.json',
				});
				return `${JSON.stringify(model)}\n${page}\n${shellSnippet(model, 'r.json')}`;
			};
			if (!/requestContext|eventSource/.test(variant.text)) {
				continue;
			}
			const hostile = render(variant.text);
			assertPrototypesUntouched(`the preview of ${variant.name}`);
			const ordinary = render(neutralText(variant.text, variant.key));
			// Diagnostic-free parts only: the model holds no messages that suggest spellings.
			assert.equal(hostile.split(variant.key).join(neutral(variant.key)), ordinary, variant.name);
			previews++;
		}
		assert.ok(previews > 100, `${previews} previews`);
	});

	it('writes the same CLI JSON output as for ordinary keys, and it parses back', () => {
		for (const variant of ALL) {
			const file = variant.options.fileName ?? 'x.json';
			const output = formatJson([validateText(file, variant.text, 64)]);
			assertPrototypesUntouched(`the CLI output for ${variant.name}`);
			const parsed = JSON.parse(output) as { files: { diagnostics: { message: string }[] }[] };
			const analysis = analyzeDocument(variant.text, { ...variant.options, languageId: file.endsWith('.jsonl') ? 'jsonl' : 'json' });
			assert.deepEqual(
				parsed.files[0].diagnostics.map((d) => d.message),
				analysis.problems.map((p) => p.message),
				variant.name,
			);
		}
	});

	it('checks against a mapping and builds an apply request without touching a prototype', () => {
		const mapping = {
			UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2',
			FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
			EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
			Topics: ['t'],
			State: 'Enabled',
		};
		for (const key of HOSTILE_KEYS) {
			const update = { UUID: mapping.UUID, BatchSize: 10, DestinationConfig: { OnFailure: { Destination: 'kafka://dlq' } } };
			define(update, key, pollution());
			define(update.DestinationConfig, key, pollution());
			const text = JSON.stringify(update, null, 2);
			const hostile = checkAgainstMapping(text, mapping, { fileName: 'x.esm.json' });
			const ordinary = checkAgainstMapping(neutralText(text, key), mapping, { fileName: 'x.esm.json' });
			assert.deepEqual(hostile, ordinary, key);
			const built = buildRequest('esm-request', JSON.parse(text));
			assertPrototypesUntouched(`checking and building a request with "${key}"`);
			assert.equal(built.ok, true);
			if (built.ok && built.built.operation === 'update') {
				// The key stays an own member of what would be sent (the apply refuses the document for its unknown field anyway).
				assert.ok(Object.prototype.hasOwnProperty.call(built.built.fields, key), key);
				assert.equal(Object.getPrototypeOf(built.built.fields), Object.prototype);
			}
		}
	});
});
