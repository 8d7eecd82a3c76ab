/**
 * ReDoS: every regular expression the project runs is found (regex literals and `new RegExp` in
 * the TypeScript sources, `pattern`/`patternProperties` in the schemas, `match`/`begin`/`end` in
 * the grammar), compiled, and fed long near-matching strings built for it: runs of the characters
 * its own atoms accept, and strings that match it with one part pumped thousands of times, each
 * followed by a character that breaks the match. Each run must finish within the bound.
 *
 * The sources are read with the TypeScript parser, so a regex literal is never mistaken for a
 * division; a literal that does not compile, or a `new RegExp` built from something other than
 * literals and not listed in DYNAMIC below, fails the test: a new regex cannot be skipped silently.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { isDateTime } from '../../server/src/language/schema/schemaRegistry';
import { repoRoot } from '../helpers';
import { terraformNamePattern } from '../../server/src/language/terraform/terraformNames';

/** Per run of one regex on one input of ~20 000-50 000 characters. A linear regex takes well under 5 ms. */
const BOUND_MS = 100;
const LENGTH = 20_000;
const LONG_LENGTH = 50_000;

interface FoundRegex {
	/** file:line, or file#key for JSON. */
	where: string;
	source: string;
	flags: string;
	/** Set when the regex could not be compiled. */
	error?: string;
}

/** `new RegExp(...)` calls built from values, keyed by file and call text, with the regexes they can build. */
const DYNAMIC: Record<string, (string | RegExp)[] | 'schema-patternProperties'> = {
	// `field` is one of the request field names listed in the same file: plain ASCII words.
	'client/src/aws/errors.ts: new RegExp(`\\\\b${field}\\\\b`)': [/\bUUID\b/, /\bMaximumBatchingWindowInSeconds\b/, /\bAmazonManagedKafkaEventSourceConfig\b/],
	// The patternProperties keys of the schemas, all of which are collected from the schema files below.
	"server/src/language/schema/schemaLookup.ts: new RegExp(pattern, 'u')": 'schema-patternProperties',
	// The API member names of the Terraform field table, as alternations of words.
	"server/src/language/terraform/terraformNames.ts: new RegExp(`\\\\b(?:${compound.join('|')})\\\\b|(?<=[\".])(?:${single.join('|')})\\\\b`, 'g')": [
		terraformNamePattern(),
	],
};

const TS_ROOTS = ['server/src', 'client/src', 'client/webview', 'shared'];

function tsFiles(dir: string): string[] {
	const files: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			files.push(...tsFiles(full));
		} else if (entry.name.endsWith('.ts')) {
			files.push(full);
		}
	}
	return files.sort();
}

function compile(found: Omit<FoundRegex, 'error'>): FoundRegex {
	try {
		new RegExp(found.source, found.flags);
		return found;
	} catch (error) {
		return { ...found, error: String(error) };
	}
}

function literalText(node: ts.Node | undefined): string | undefined {
	return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** Regex literals and RegExp constructions in the TypeScript sources; dynamic ones not in DYNAMIC are returned in `unknown`. */
function regexesInSources(root: string): { found: FoundRegex[]; unknownDynamic: string[]; dynamicSeen: Set<string> } {
	const found: FoundRegex[] = [];
	const unknownDynamic: string[] = [];
	const dynamicSeen = new Set<string>();
	for (const file of TS_ROOTS.flatMap((dir) => tsFiles(path.join(root, dir)))) {
		const relative = path.relative(root, file).split(path.sep).join('/');
		const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
		const where = (node: ts.Node): string => `${relative}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
		const visit = (node: ts.Node): void => {
			if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
				const text = node.getText();
				const slash = text.lastIndexOf('/');
				found.push(compile({ where: where(node), source: text.slice(1, slash), flags: text.slice(slash + 1) }));
			} else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
				const args = node.arguments ?? [];
				const pattern = literalText(args[0]);
				const flags = args.length > 1 ? literalText(args[1]) : '';
				if (pattern !== undefined && flags !== undefined) {
					found.push(compile({ where: where(node), source: pattern, flags }));
				} else {
					const key = `${relative}: ${node.getText()}`;
					const known = DYNAMIC[key];
					if (known === undefined) {
						unknownDynamic.push(`${where(node)}: ${node.getText()}`);
					} else {
						dynamicSeen.add(key);
						if (Array.isArray(known)) {
							for (const instance of known) {
								const regex = typeof instance === 'string' ? new RegExp(instance) : instance;
								found.push({ where: `${where(node)} (as ${String(regex)})`, source: regex.source, flags: regex.flags });
							}
						}
					}
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return { found, unknownDynamic, dynamicSeen };
}

/** `pattern` values and `patternProperties` keys of the schemas, compiled with the `u` flag as Ajv does. */
function regexesInSchemas(root: string): FoundRegex[] {
	const found: FoundRegex[] = [];
	const dir = path.join(root, 'schemas');
	for (const name of fs
		.readdirSync(dir)
		.filter((n) => n.endsWith('.json'))
		.sort()) {
		const visit = (value: unknown, pointer: string): void => {
			if (Array.isArray(value)) {
				value.forEach((v, i) => visit(v, `${pointer}/${i}`));
			} else if (typeof value === 'object' && value !== null) {
				for (const [key, member] of Object.entries(value)) {
					if (key === 'pattern' && typeof member === 'string') {
						found.push(compile({ where: `schemas/${name}#${pointer}/pattern`, source: member, flags: 'u' }));
					}
					if (key === 'patternProperties' && typeof member === 'object' && member !== null) {
						for (const pattern of Object.keys(member as object)) {
							found.push(compile({ where: `schemas/${name}#${pointer}/patternProperties`, source: pattern, flags: 'u' }));
						}
					}
					visit(member, `${pointer}/${key}`);
				}
			}
		};
		visit(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), '');
	}
	return found;
}

/** `match`, `begin`, `end` and `while` of the TextMate grammars (Oniguruma; these use only syntax JavaScript shares). */
function regexesInGrammars(root: string): FoundRegex[] {
	const found: FoundRegex[] = [];
	const dir = path.join(root, 'syntaxes');
	for (const name of fs
		.readdirSync(dir)
		.filter((n) => n.endsWith('.json'))
		.sort()) {
		const visit = (value: unknown, pointer: string): void => {
			if (typeof value === 'object' && value !== null) {
				for (const [key, member] of Object.entries(value)) {
					if (['match', 'begin', 'end', 'while'].includes(key) && typeof member === 'string') {
						found.push(compile({ where: `syntaxes/${name}#${pointer}/${key}`, source: member, flags: '' }));
					} else {
						visit(member, `${pointer}/${key}`);
					}
				}
			}
		};
		visit(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), '');
	}
	return found;
}

// ---- attack strings ------------------------------------------------------------------------

/** Characters tried against each atom of a regex. */
const PROBE_CHARS = [
	...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)),
	'\t',
	'\n',
	'\r',
	'\u0000',
	'é',
	'Ω',
	'\u00a0',
	'\u2028',
	'\ufeff',
	'😀',
];
const BREAKERS = ['!', '\u0000', '\n', '"', '\uD800'];

/** The atoms of a regex source: character classes, escapes, `.` and literal characters. */
function atoms(source: string): string[] {
	const result: string[] = [];
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '\\') {
			const next = source[i + 1] ?? '';
			if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
				const end = source.indexOf('}', i);
				result.push(source.slice(i, end + 1));
				i = end;
			} else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
				result.push(source.slice(i, i + 6));
				i += 5;
			} else if (next === 'x') {
				result.push(source.slice(i, i + 4));
				i += 3;
			} else {
				result.push(source.slice(i, i + 2));
				i++;
			}
		} else if (c === '[') {
			let j = i + 1;
			if (source[j] === '^') {
				j++;
			}
			if (source[j] === ']') {
				j++;
			}
			for (; j < source.length && source[j] !== ']'; j++) {
				if (source[j] === '\\') {
					j++;
				}
			}
			result.push(source.slice(i, j + 1));
			i = j;
		} else if (c === '.') {
			result.push('.');
		} else if (!'()|?*+{}^$'.includes(c)) {
			result.push(c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
		}
	}
	return result;
}

/** Up to three characters each atom accepts (first, middle, last of PROBE_CHARS). */
function alphabet(regex: FoundRegex): string[] {
	const flags = regex.flags.replace(/[gy]/g, '');
	const chars = new Set<string>();
	for (const atom of atoms(regex.source)) {
		let test: RegExp;
		try {
			test = new RegExp(`^(?:${atom})$`, flags);
		} catch {
			continue;
		}
		const accepted = PROBE_CHARS.filter((c) => test.test(c));
		for (const c of [accepted[0], accepted[Math.floor(accepted.length / 2)], accepted[accepted.length - 1]]) {
			if (c !== undefined) {
				chars.add(c);
			}
		}
	}
	return [...chars];
}

/** Strings matching the regex (from fast-check), lookbehinds and flags it cannot handle removed. */
function matchingSamples(regex: FoundRegex): string[] {
	const source = regex.source.replace(/\(\?<[=!](?:[^()\\]|\\.)*\)/g, '');
	const flags = regex.flags.replace(/[^u]/g, '');
	try {
		return fc.sample(fc.stringMatching(new RegExp(source, flags), { maxLength: 60 }), { seed: 42, numRuns: 6 });
	} catch {
		return [];
	}
}

/** Near-matching strings: runs of accepted characters, pumped matches and classic attack strings, each ending in a breaker. */
function attackStrings(regex: FoundRegex): string[] {
	const attacks = new Set<string>();
	const chars = alphabet(regex);
	for (const c of chars) {
		attacks.add(c.repeat(LONG_LENGTH / c.length) + '!');
		attacks.add(c.repeat(LONG_LENGTH / c.length) + '\u0000');
	}
	for (let i = 0; i + 1 < chars.length && i < 12; i++) {
		attacks.add((chars[i] + chars[i + 1]).repeat(LENGTH / 2) + '\n');
	}
	for (const sample of matchingSamples(regex)) {
		for (const start of [0, Math.floor(sample.length / 3), Math.floor(sample.length / 2), Math.max(0, sample.length - 3)]) {
			for (const size of [1, 2, 4]) {
				const pump = sample.slice(start, start + size);
				if (pump === '') {
					continue;
				}
				const repeated = pump.repeat(Math.ceil(LENGTH / pump.length));
				attacks.add(sample.slice(0, start) + repeated + sample.slice(start) + BREAKERS[(start + size) % BREAKERS.length]);
				attacks.add(sample.slice(0, start) + repeated + BREAKERS[(start + size + 1) % BREAKERS.length]);
			}
		}
	}
	for (const classic of ['a', '-', '0', ' ', '\t', 'a.', 'a-', '0.', 'aa@', ':', '/', '\\', '"', 'x=', 'a ']) {
		attacks.add(classic.repeat(LENGTH / classic.length) + '!');
	}
	return [...attacks];
}

function worstTime(regex: RegExp, input: string): number {
	let best = Infinity;
	for (let run = 0; run < 3 && best > BOUND_MS; run++) {
		regex.lastIndex = 0;
		const start = performance.now();
		regex.exec(input);
		best = Math.min(best, performance.now() - start);
	}
	return best;
}

function show(input: string): string {
	return `${JSON.stringify(input.slice(0, 40))}… (${input.length} chars, ends ${JSON.stringify(input.slice(-3))})`;
}

describe('regular expressions against adversarial input', () => {
	const root = repoRoot();
	const sources = regexesInSources(root);
	const schemas = regexesInSchemas(root);
	const grammars = regexesInGrammars(root);
	const all = [...sources.found, ...schemas, ...grammars];

	it('finds every regex, and each one compiles', () => {
		assert.deepEqual(sources.unknownDynamic, [], 'RegExp built from values: add the call to DYNAMIC with the regexes it can build');
		assert.deepEqual([...sources.dynamicSeen].sort(), Object.keys(DYNAMIC).sort(), 'DYNAMIC lists a call that is gone');
		assert.deepEqual(
			all.filter((r) => r.error).map((r) => `${r.where}: /${r.source}/${r.flags}: ${r.error}`),
			[],
		);
		// The extractor must see the regexes it is known to have to see.
		assert.ok(sources.found.length >= 100, `only ${sources.found.length} regexes in the sources`);
		assert.ok(
			schemas.some((r) => r.source.startsWith('^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)*')),
			"the schemas' host name pattern",
		);
		assert.ok(grammars.length >= 3, "the grammar's patterns");
		assert.ok(
			sources.found.some((r) => r.where.startsWith('client/src/aws/logger.ts')),
			"the logger's redaction patterns",
		);
	});

	it(`runs each regex on long near-matching strings within ${BOUND_MS} ms`, (t) => {
		const slow: string[] = [];
		let runs = 0;
		let slowest = { ms: 0, what: '' };
		for (const found of all.filter((r) => !r.error)) {
			const regex = new RegExp(found.source, found.flags);
			for (const input of attackStrings(found)) {
				const ms = worstTime(regex, input);
				runs++;
				if (ms > slowest.ms) {
					slowest = { ms, what: `${found.where} /${found.source}/${found.flags}` };
				}
				if (ms > BOUND_MS) {
					slow.push(`${found.where}: /${found.source}/${found.flags} took ${ms.toFixed(0)} ms on ${show(input)}`);
					break;
				}
			}
		}
		t.diagnostic(
			`${all.length} regexes (${sources.found.length} in sources, ${schemas.length} in schemas, ${grammars.length} in grammars), ${runs} runs; slowest ${slowest.ms.toFixed(1)} ms: ${slowest.what}`,
		);
		assert.deepEqual(slow, []);
	});

	it("the date-time check (the project's regex, then ajv-formats' RFC 3339 regexes) stays fast on long near-dates", () => {
		for (const input of [
			'2025-01-15T12:00:00.' + '1'.repeat(LONG_LENGTH) + 'x',
			'2025-01-15T12:00:00' + '+'.repeat(LONG_LENGTH),
			'2025-01-15t12:00:00.' + '9'.repeat(LONG_LENGTH) + '+0',
			'2'.repeat(LONG_LENGTH),
			'2025-01-15 '.repeat(5000) + '!',
		]) {
			const start = performance.now();
			isDateTime(input);
			assert.ok(performance.now() - start < BOUND_MS, show(input));
		}
	});
});
