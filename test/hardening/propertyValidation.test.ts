/**
 * Property tests: valid documents (the fixtures, the examples, generated destination configs and
 * event source mapping requests) are mutated in every way a file from a queue or a bucket can be
 * broken, and every result must be analysed without an exception, in time proportional to its
 * size, with every range inside the text; hover and completion must answer anywhere.
 *
 * Deterministic by default (fixed seed). Explore more with e.g.
 * `HARDENING_SEED=random HARDENING_RUNS=20 node --test out/test/hardening/propertyValidation.test.js`
 * (HARDENING_RUNS multiplies the number of runs; a failure prints the seed and path to replay).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { readSource } from '../../server/src/cli/readSource';
import { validateFile } from '../../server/src/cli/validateFile';
import type { AnalyzeOptions } from '../../server/src/language/validation/analyzeDocument';
import { MAX_NESTING } from '../../server/src/language/json/parsedJson';
import type { SeedDocument } from './invariants';
import { checkDocument, explained, figures, FIXED_BOUND_MS, JSON_PARSE_MS_PER_MB, PER_MB_BOUND_MS, seedDocuments } from './invariants';

const SEED = process.env['HARDENING_SEED'] === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env['HARDENING_SEED'] ?? 1_736_942_400);
const SCALE = Math.max(1, Number(process.env['HARDENING_RUNS'] ?? 1));
fc.configureGlobal({ seed: SEED, numRuns: 100 * SCALE });
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.round(n * SCALE) });

const SEEDS: SeedDocument[] = seedDocuments();

// ---- generated seeds --------------------------------------------------------------------

const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1', 'xx-nowhere-9');
const account = fc.constantFrom('123456789012', '000000000000', '12345', 'aws');
const name = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/);
const destination = fc.oneof(
	fc.tuple(region, account, name).map(([r, a, n]) => `arn:aws:sqs:${r}:${a}:${n}`),
	fc.tuple(region, account, name).map(([r, a, n]) => `arn:aws:sns:${r}:${a}:${n}`),
	name.map((n) => `arn:aws:s3:::${n.toLowerCase()}`),
	name.map((n) => `kafka://${n}`),
	fc.constant(''),
	fc.string({ maxLength: 30 }),
);
const destinationConfig = fc
	.record(
		{ OnFailure: fc.record({ Destination: destination }, { requiredKeys: [] }), OnSuccess: fc.record({ Destination: destination }) },
		{ requiredKeys: ['OnFailure'] },
	)
	.map((value) => ({ name: 'generated.destination.json', value }));
const cluster = fc.tuple(region, name).map(([r, n]) => `arn:aws:kafka:${r}:123456789012:cluster/${n}/7c9e6679-7425-40de-944b-e07fc1f90ae7-3`);
const esmRequest = fc
	.record(
		{
			UUID: fc.uuid(),
			FunctionName: fc.oneof(
				name,
				fc.tuple(region, name).map(([r, n]) => `arn:aws:lambda:${r}:123456789012:function:${n}`),
			),
			EventSourceArn: cluster,
			SelfManagedEventSource: fc
				.array(
					fc.tuple(name, fc.integer({ min: 0, max: 70000 })).map(([h, p]) => `${h}:${p}`),
					{ maxLength: 3 },
				)
				.map((servers) => ({ Endpoints: { KAFKA_BOOTSTRAP_SERVERS: servers } })),
			Topics: fc.array(name, { minLength: 0, maxLength: 2 }),
			StartingPosition: fc.constantFrom('LATEST', 'TRIM_HORIZON', 'AT_TIMESTAMP', 'latest'),
			StartingPositionTimestamp: fc.integer({ min: 0, max: 2_000_000_000 }),
			BatchSize: fc.integer({ min: -5, max: 20_000 }),
			MaximumRetryAttempts: fc.integer({ min: -2, max: 20_000 }),
			MaximumRecordAgeInSeconds: fc.integer({ min: -2, max: 700_000 }),
			BisectBatchOnFunctionError: fc.boolean(),
			ProvisionedPollerConfig: fc.record(
				{ MinimumPollers: fc.integer({ min: 0, max: 300 }), MaximumPollers: fc.integer({ min: 0, max: 3000 }) },
				{ requiredKeys: [] },
			),
			AmazonManagedKafkaEventSourceConfig: fc.record({ ConsumerGroupId: name }),
			DestinationConfig: destinationConfig.map((d) => d.value),
		},
		{ requiredKeys: [] },
	)
	.map((value) => ({ name: 'generated.esm.json', value }));

const parsedSeeds = SEEDS.flatMap((seed) => {
	try {
		return [{ name: seed.name, value: JSON.parse(seed.text) as unknown }];
	} catch {
		return [];
	}
});
/** A value to mutate: a parsed fixture or example, or a generated config or request. */
const seedValue = fc.oneof(fc.constantFrom(...parsedSeeds), destinationConfig, esmRequest);

// ---- characters and values that break things ---------------------------------------------

const hostileChar = fc.oneof(
	fc.constantFrom(
		'\u0000',
		'\uD800',
		'\uDFFF',
		'\u2028',
		'\u2029',
		'\uFEFF',
		'\u202E',
		'\uFFFD',
		'"',
		'\\',
		'{',
		'}',
		'[',
		']',
		',',
		':',
		'\n',
		'\r',
		'\t',
		'/',
		'*',
		'|',
		'\u007F',
		'\u0085',
		'💥',
	),
	fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const hostileText = fc.string({ unit: hostileChar, minLength: 1, maxLength: 8 });
const weirdNumber = fc.constantFrom(
	'1e999',
	'-0',
	'00',
	'1.',
	'.5',
	'0x1F',
	'12345678901234567890123',
	'-9223372036854775809',
	'NaN',
	'Infinity',
	'1e-400',
	'9'.repeat(400),
);
const otherValue = fc.oneof(
	fc.jsonValue({ maxDepth: 2 }),
	fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53 + 2, '', ' ', '-1', '9223372036854775808', [], {}, [[]], { '': '' }),
	hostileText,
);

// ---- value mutations (on the parsed value, before it is written out) ----------------------

type ValueMutation =
	| { kind: 'swap'; at: number; value: unknown }
	| { kind: 'remove'; at: number }
	| { kind: 'deepen'; at: number; depth: number; brackets: 'array' | 'object' }
	| { kind: 'long-string'; at: number; length: number };

const valueMutation: fc.Arbitrary<ValueMutation> = fc.oneof(
	fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), value: otherValue }),
	fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
	fc.record({
		kind: fc.constant('deepen' as const),
		at: fc.nat(),
		depth: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(MAX_NESTING - 2, MAX_NESTING + 1, 3000)),
		brackets: fc.constantFrom('array' as const, 'object' as const),
	}),
	fc.record({ kind: fc.constant('long-string' as const), at: fc.nat(), length: fc.integer({ min: 1000, max: 100_000 }) }),
);

type Path = (string | number)[];

/** Paths of every member (breadth first, at most 2000). */
function pathsOf(value: unknown): Path[] {
	const paths: Path[] = [];
	const queue: { value: unknown; path: Path }[] = [{ value, path: [] }];
	while (queue.length > 0 && paths.length < 2000) {
		const next = queue.shift()!;
		paths.push(next.path);
		if (Array.isArray(next.value)) {
			next.value.forEach((v, i) => queue.push({ value: v, path: [...next.path, i] }));
		} else if (typeof next.value === 'object' && next.value !== null) {
			for (const [k, v] of Object.entries(next.value)) {
				queue.push({ value: v, path: [...next.path, k] });
			}
		}
	}
	return paths;
}

/** A copy of `root` with the value at `path` replaced; only the containers on the path are copied (no recursion, whatever the depth). */
function replaceAt(root: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
	if (path.length === 0) {
		const replaced = replace(root);
		return replaced === REMOVE ? {} : replaced;
	}
	const shallow = (value: unknown): Record<string | number, unknown> =>
		(Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
	const copy = shallow(root);
	let parent = copy;
	for (const segment of path.slice(0, -1)) {
		const child = shallow(parent[segment]);
		parent[segment] = child;
		parent = child;
	}
	const last = path[path.length - 1];
	const replaced = replace(parent[last]);
	if (replaced === REMOVE) {
		if (Array.isArray(parent)) {
			parent.splice(last as number, 1);
		} else {
			delete parent[last];
		}
	} else {
		parent[last] = replaced;
	}
	return copy;
}

const REMOVE = Symbol('remove');

function nest(inner: unknown, depth: number, brackets: 'array' | 'object'): unknown {
	let value = inner;
	for (let i = 0; i < depth; i++) {
		value = brackets === 'array' ? [value] : { n: value };
	}
	return value;
}

function applyValueMutation(value: unknown, mutation: ValueMutation): unknown {
	const paths = pathsOf(value);
	const at = paths[mutation.at % paths.length];
	switch (mutation.kind) {
		case 'swap':
			return replaceAt(value, at, () => mutation.value);
		case 'remove':
			return replaceAt(value, at, () => REMOVE);
		case 'deepen':
			return replaceAt(value, at, (old) => nest(old, mutation.depth, mutation.brackets));
		case 'long-string':
			return replaceAt(value, at, (old) => {
				const unit = typeof old === 'string' && old !== '' ? old : 'x';
				return unit.repeat(Math.ceil(mutation.length / unit.length)).slice(0, mutation.length);
			});
	}
}

// ---- text mutations ------------------------------------------------------------------------

type TextMutation =
	| { kind: 'truncate'; at: number }
	| { kind: 'insert'; at: number; text: string }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'bom' }
	| { kind: 'crlf'; lone: boolean }
	| { kind: 'comment'; at: number; block: boolean }
	| { kind: 'trailing-comma'; at: number }
	| { kind: 'union'; at: number }
	| { kind: 'duplicate-key'; at: number; value: string }
	| { kind: 'number'; at: number; text: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, text: hostileText }), weight: 4 },
	{ arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }), weight: 2 },
	fc.record({ kind: fc.constant('bom' as const) }),
	fc.record({ kind: fc.constant('crlf' as const), lone: fc.boolean() }),
	fc.record({ kind: fc.constant('comment' as const), at: fraction, block: fc.boolean() }),
	fc.record({ kind: fc.constant('trailing-comma' as const), at: fraction }),
	fc.record({ kind: fc.constant('union' as const), at: fraction }),
	fc.record({ kind: fc.constant('duplicate-key' as const), at: fraction, value: otherValue.map((v) => JSON.stringify(v) ?? 'null') }),
	fc.record({ kind: fc.constant('number' as const), at: fraction, text: weirdNumber }),
);

/** The offsets where `pattern` matches, or [0] when it never does. */
function matchOffsets(text: string, pattern: RegExp, group = 0): number[] {
	const offsets: number[] = [];
	for (const match of text.matchAll(pattern)) {
		offsets.push(match.index + (group === 0 ? 0 : match[0].indexOf(match[group])));
		if (offsets.length > 5000) {
			break;
		}
	}
	return offsets;
}

function pick<T>(items: readonly T[], at: number): T | undefined {
	return items.length === 0 ? undefined : items[Math.min(items.length - 1, Math.floor(at * items.length))];
}

function applyTextMutation(text: string, mutation: TextMutation): string {
	const offset = 'at' in mutation ? Math.min(text.length, Math.floor(mutation.at * (text.length + 1))) : 0;
	switch (mutation.kind) {
		case 'truncate':
			return text.slice(0, offset);
		case 'insert':
			return text.slice(0, offset) + mutation.text + text.slice(offset);
		case 'delete':
			return text.slice(0, offset) + text.slice(offset + mutation.length);
		case 'bom':
			return `\uFEFF${text}`;
		case 'crlf':
			return mutation.lone ? text.replace(/\n/g, '\r') : text.replace(/\r?\n/g, '\r\n');
		case 'comment': {
			const at = pick(matchOffsets(text, /[,{[]/g), mutation.at);
			return at === undefined ? text : text.slice(0, at + 1) + (mutation.block ? '/* from the docs */' : ' // from the docs\n') + text.slice(at + 1);
		}
		case 'trailing-comma': {
			const at = pick(matchOffsets(text, /\s*[}\]]/g), mutation.at);
			return at === undefined ? text : `${text.slice(0, at)},${text.slice(at)}`;
		}
		case 'union': {
			const at = pick(matchOffsets(text, /: *"[^"\\\n]*"/g), mutation.at);
			if (at === undefined) {
				return text;
			}
			const start = text.indexOf('"', at);
			const end = text.indexOf('"', start + 1) + 1;
			return `${text.slice(0, start)}"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"${text.slice(end)}`;
		}
		case 'duplicate-key': {
			const match = pick([...text.matchAll(/"([A-Za-z][A-Za-z0-9]*)"\s*:/g)].slice(0, 5000), mutation.at);
			return match ? `${text.slice(0, match.index)}"${match[1]}": ${mutation.value}, ${text.slice(match.index)}` : text;
		}
		case 'number': {
			const match = pick([...text.matchAll(/(?<=:\s*)-?\d[\d.eE+-]*/g)].slice(0, 5000), mutation.at);
			return match ? text.slice(0, match.index) + mutation.text + text.slice(match.index + match[0].length) : text;
		}
	}
}

// ---- formats and options -------------------------------------------------------------------

const format = fc.constantFrom('compact', 'indented', 'tabs', 'crlf', 'jsonl', 'array');
function serialize(value: unknown, how: string): string {
	switch (how) {
		case 'compact':
			return JSON.stringify(value);
		case 'tabs':
			return JSON.stringify(value, null, '\t');
		case 'crlf':
			return JSON.stringify(value, null, 2).replace(/\n/g, '\r\n');
		case 'jsonl':
			return `${JSON.stringify(value)}\n${JSON.stringify(value)}\n`;
		case 'array':
			return JSON.stringify([value, value], null, 2);
		default:
			return `${JSON.stringify(value, null, 2)}\n`;
	}
}

const options: fc.Arbitrary<AnalyzeOptions> = fc.record(
	{
		fileName: fc.constantFrom(
			'doc.json',
			'orders.destination.json',
			'orders.esm.json',
			'failures.jsonl',
			'kafka-event.json',
			'aws/lambda/14e0db71-5d35-4eb5-b481-8945cf9d10c2/2026/11/21/2026-11-21T10.15.30-7d8a',
			'notes.txt',
		),
		languageId: fc.constantFrom('json', 'jsonc', 'jsonl', 'plaintext'),
		hostReportsJsonSyntax: fc.boolean(),
	},
	{ requiredKeys: [] },
);
const probes = fc.array(fraction, { minLength: 3, maxLength: 6 });

describe('mutated documents', () => {
	before(() => {
		assert.ok(SEEDS.length >= 15, `found only ${SEEDS.length} seed documents`);
		assert.ok(parsedSeeds.length >= 10);
	});

	it('every fixture and example passes the checks unchanged', () => {
		for (const seed of SEEDS) {
			checkDocument(seed.text, { fileName: seed.name }, [0, 0.25, 0.5, 0.75, 1]);
		}
	});

	it('text mutations of the fixtures and examples: truncation, random characters (NUL, lone surrogates, U+2028…), BOM, CRLF, comments, trailing commas, unions, duplicate keys, odd numbers', () => {
		fc.assert(
			fc.property(fc.constantFrom(...SEEDS), fc.array(textMutation, { minLength: 1, maxLength: 4 }), options, probes, (seed, mutations, opts, offsets) => {
				const text = mutations.reduce(applyTextMutation, seed.text);
				checkDocument(text, { fileName: seed.name, ...opts }, offsets);
			}),
			runs(1000),
		);
	});

	it('value mutations of fixtures, examples and generated configs and requests: swapped types, removed members, deep nesting, long strings; then text mutations', () => {
		fc.assert(
			fc.property(
				seedValue,
				fc.array(valueMutation, { minLength: 1, maxLength: 3 }),
				format,
				fc.array(textMutation, { maxLength: 2 }),
				options,
				probes,
				(seed, mutations, how, textMutations, opts, offsets) => {
					// One deep nesting per document: two would be deeper than JSON.stringify itself can write.
					const valueMutations = mutations.filter(
						(m, i) => !(m.kind === 'deepen' && m.depth > 50 && mutations.findIndex((n) => n.kind === 'deepen' && n.depth > 50) !== i),
					);
					const value = valueMutations.reduce(applyValueMutation, seed.value);
					// Indentation grows with depth: a 3000-level value indented is 10 MB of spaces, which tests the generator, not the engine.
					const deep = valueMutations.some((m) => m.kind === 'deepen' && m.depth > 50);
					const text = textMutations.reduce(applyTextMutation, serialize(value, deep && how !== 'jsonl' ? 'compact' : how));
					explained(() => checkDocument(text, { fileName: how === 'jsonl' ? 'generated.jsonl' : seed.name, ...opts }, offsets));
				},
			),
			runs(800),
		);
	});

	it('S3 records: mutations inside the escaped payload string, decoded and raw', () => {
		const records = SEEDS.filter((s) => {
			try {
				return typeof (JSON.parse(s.text) as { payload?: unknown }).payload === 'string';
			} catch {
				return false;
			}
		});
		assert.ok(records.length >= 2, 'fixtures with a string payload');
		fc.assert(
			fc.property(
				fc.constantFrom(...records),
				fc.array(textMutation, { minLength: 1, maxLength: 3 }),
				fc.boolean(),
				fc.boolean(),
				probes,
				(seed, mutations, decoded, compact, offsets) => {
					let text: string;
					if (decoded) {
						// Break the JSON inside the payload, then store it back as a properly escaped string.
						const record = JSON.parse(seed.text) as { payload: string };
						record.payload = mutations.reduce(applyTextMutation, record.payload);
						text = compact ? JSON.stringify(record) : JSON.stringify(record, null, 2);
					} else {
						// Break the escaped text itself: mutate only the characters between the payload's quotes.
						const start = seed.text.indexOf('"payload"');
						const open = seed.text.indexOf('"', seed.text.indexOf(':', start)) + 1;
						const close = seed.text.lastIndexOf('"', seed.text.lastIndexOf('}'));
						const inner = mutations.reduce(applyTextMutation, seed.text.slice(open, close));
						text = seed.text.slice(0, open) + inner + seed.text.slice(close);
					}
					// Probe inside the payload in particular.
					const payloadAt = text.indexOf('"payload"') / Math.max(1, text.length);
					checkDocument(text, { fileName: seed.name }, [...offsets, ...offsets.map((o) => payloadAt + (1 - payloadAt) * o)]);
				},
			),
			runs(500),
		);
	});
});

describe('giant and deep documents', () => {
	const base = SEEDS.find((s) => s.name.endsWith('s3-record-string.json'))!;

	it('multi-megabyte strings anywhere, intact or cut, are analysed within the time bound', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...parsedSeeds),
				fc.nat(),
				fc.integer({ min: 1, max: 4 }),
				fc.constantFrom('x', 'é', '\\"', '\u2028', '"'),
				fc.option(fraction, { nil: undefined }),
				(seed, at, megabytes, unit, cut) => {
					const paths = pathsOf(seed.value);
					const big = unit.repeat(Math.ceil((megabytes * 1024 * 1024) / unit.length));
					const value = replaceAt(seed.value, paths[at % paths.length], () => big);
					let text = JSON.stringify(value, null, 2);
					if (cut !== undefined) {
						text = text.slice(0, Math.floor(cut * text.length));
					}
					checkDocument(text, { fileName: seed.name }, [0.001, 0.5, 0.999]);
				},
			),
			runs(10),
		);
	});

	it('a record whose payload holds a 4 MB value, and the same record truncated inside the payload', () => {
		const record = JSON.parse(base.text) as { payload: string };
		const event = JSON.parse(record.payload) as { records: Record<string, { value: string }[]> };
		const first = Object.values(event.records)[0][0];
		first.value = Buffer.alloc(3 * 1024 * 1024, 'kafka').toString('base64');
		record.payload = JSON.stringify(event);
		const text = JSON.stringify(record, null, 2);
		assert.ok(text.length > 4 * 1024 * 1024);
		checkDocument(text, { fileName: 'record.json' }, [0.5, 0.999]);
		checkDocument(text.slice(0, Math.floor(text.length * 0.6)), { fileName: 'record.json' }, [0.5, 0.59]);
	});

	it('nesting tens of thousands of levels deep, valid or broken, at the root or inside a record', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1000, max: 60_000 }),
				fc.constantFrom('[', '{"a":'),
				fc.boolean(),
				fc.boolean(),
				probes,
				(depth, open, inside, broken, offsets) => {
					const close = open === '[' ? ']' : '}';
					const deep = `${open.repeat(depth)}1${close.repeat(broken ? depth - 1 : depth)}`;
					const text = inside ? base.text.replace('"version": "1.0"', `"version": ${deep}`) : deep;
					checkDocument(text, { fileName: 'record.json' }, [...offsets, 0.5]);
				},
			),
			runs(16),
		);
	});

	it('many members: 200 000 keys, 200 000 array elements, 20 000 recordsInfo entries', () => {
		const keys = `{"OnFailure": {"Destination": "kafka://x"}, ${Array.from({ length: 200_000 }, (_, i) => `"k${i}": ${i}`).join(', ')}}`;
		checkDocument(keys, { fileName: 'x.destination.json' }, [0.5]);
		const elements = `{"Topics": [${Array.from({ length: 200_000 }, (_, i) => `"t${i}"`).join(',')}], "FunctionName": "f"}`;
		checkDocument(elements, { fileName: 'x.esm.json' }, [0.5]);
		const record = JSON.parse(base.text) as { KafkaBatchInfo: { recordsInfo: Record<string, unknown> } };
		const range = Object.values(record.KafkaBatchInfo.recordsInfo)[0];
		record.KafkaBatchInfo.recordsInfo = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`orders-${i}`, range]));
		checkDocument(JSON.stringify(record, null, 2), { fileName: 'record.json' }, [0.5]);
	});
});

describe('the command line reader on bytes that are not UTF-8', () => {
	let dir: string;
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-cli-'));
	});
	after(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const badBytes = fc.oneof(
		fc.constantFrom(
			[0x80],
			[0xff],
			[0xc0, 0x80],
			[0xe0, 0x80, 0x80],
			[0xed, 0xa0, 0x80],
			[0xf4, 0x90, 0x80, 0x80],
			[0xe2, 0x82],
			[0xf0, 0x9f, 0x92],
			[0xfe, 0xff],
			[0x00],
			[0xef, 0xbb, 0xbf],
		),
		fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
	);

	it('reads, reports or skips every file without throwing, and places every diagnostic in the file', () => {
		let n = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(...SEEDS),
				fc.array(fc.tuple(fraction, badBytes), { minLength: 0, maxLength: 3 }),
				fc.boolean(),
				(seed, insertions, withBom) => {
					let bytes = Buffer.from(seed.text, 'utf8');
					for (const [at, inserted] of insertions) {
						const offset = Math.floor(at * (bytes.length + 1));
						bytes = Buffer.concat([bytes.subarray(0, offset), Buffer.from(inserted), bytes.subarray(offset)]);
					}
					if (withBom) {
						bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
					}
					const file = path.join(dir, `f${n++}${path.extname(seed.name) || ''}`);
					fs.writeFileSync(file, bytes);
					const source = readSource({ path: file, sniff: false });
					const binary = bytes.includes(0) || !isUtf8(bytes);
					assert.equal(source.status, binary ? 'binary' : 'text');
					const outcome = validateFile({ path: file, sniff: false }, 64);
					assert.equal(outcome.status, 'report');
					if (outcome.status !== 'report') {
						return;
					}
					if (binary) {
						assert.equal(outcome.report.skipped, 'binary');
						assert.deepEqual(outcome.report.diagnostics, []);
						return;
					}
					const text = (source as { text: string }).text;
					const lines = text.split(/\r\n|\r|\n/);
					for (const d of outcome.report.diagnostics) {
						assert.ok(d.line >= 1 && d.line <= lines.length && d.endLine >= d.line && d.endLine <= lines.length, JSON.stringify(d));
						assert.ok(d.column >= 1 && d.column <= lines[d.line - 1].length + 1, JSON.stringify(d));
						assert.ok(d.endColumn >= 1 && d.endColumn <= lines[d.endLine - 1].length + 1, JSON.stringify(d));
					}
				},
			),
			runs(150),
		);
	});
});

after(() => {
	process.stdout.write(
		`# property validation: seed ${SEED}, ${figures.documents} documents checked, largest ${figures.largest} chars, slowest analysis at ${(figures.slowestPerBound * 100).toFixed(0)}% of its bound (${figures.slowest}) ` +
			`(bound ${FIXED_BOUND_MS.toFixed(0)} ms + ${PER_MB_BOUND_MS.toFixed(0)} ms/MB; JSON.parse here: ${JSON_PARSE_MS_PER_MB.toFixed(1)} ms/MB)\n`,
	);
});
