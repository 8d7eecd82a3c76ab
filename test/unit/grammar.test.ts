/**
 * The TextMate injection grammar in syntaxes/: its file, its selector and each pattern's regex.
 * vscode-textmate and vscode-oniguruma are not dependencies, so the regexes run as JavaScript
 * RegExps. The grammar only uses syntax that means the same in Oniguruma and JavaScript
 * (classes, groups, \b, \s, lookahead, fixed-length lookbehind); a test below rejects
 * Oniguruma-only syntax so that stays true.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers';

interface Capture {
	name: string;
}

interface MatchRule {
	comment?: string;
	match: string;
	name: string;
	captures: Record<string, Capture>;
}

interface Grammar {
	name: string;
	scopeName: string;
	comment: string;
	injectionSelector: string;
	patterns: { include: string }[];
	repository: Record<string, MatchRule>;
}

interface GrammarContribution {
	scopeName: string;
	path: string;
	injectTo: string[];
}

const root = repoRoot();
const grammarPath = path.join(root, 'syntaxes', 'lambda-kafka.injection.tmLanguage.json');
const grammarText = fs.readFileSync(grammarPath, 'utf8');
const grammar = JSON.parse(grammarText) as Grammar;
const contribution = (
	JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } }
).contributes.grammars.find((g) => g.scopeName === grammar.scopeName);

function rule(name: string): MatchRule {
	const found = grammar.repository[name];
	assert.ok(found, `repository.${name} is missing`);
	return found;
}

/** The rule's regex as a JavaScript RegExp (no flags: a search, as the tokenizer does). */
function regexOf(name: string): RegExp {
	return new RegExp(rule(name).match);
}

/**
 * Runs rule `name` on a line and returns what the tokenizer would colour: the whole match
 * under the rule's scope and each capture under its scope. Undefined when nothing matches.
 */
function tokens(name: string, line: string): Record<string, string> | undefined {
	const r = rule(name);
	const m = regexOf(name).exec(line);
	if (!m) {
		return undefined;
	}
	const result: Record<string, string> = { [r.name]: m[0] };
	for (const [group, capture] of Object.entries(r.captures)) {
		const text = m[Number(group)];
		if (text !== undefined) {
			result[capture.name] = text;
		}
	}
	return result;
}

/**
 * Scope selector matching as vscode-textmate does it for injections: the selector is a
 * comma-separated list; each entry (after an optional L:/R: priority) is a space-separated
 * list of scopes that must appear in order in the scope stack, where `a.b` matches `a.b`
 * and `a.b.c` but not `a.bc`. Returns how many entries match (each one is searched).
 */
function selectorMatches(selector: string, stack: string[]): number {
	const scopeMatches = (scope: string, wanted: string) => scope === wanted || scope.startsWith(`${wanted}.`);
	return selector
		.split(',')
		.map((entry) =>
			entry
				.trim()
				.replace(/^[LR]:/, '')
				.split(/\s+/),
		)
		.filter((wanted) => {
			let from = 0;
			return wanted.every((w) => {
				const at = stack.findIndex((scope, i) => i >= from && scopeMatches(scope, w));
				from = at + 1;
				return at >= 0;
			});
		}).length;
}

/** Milliseconds one search of `regex` over `text` takes. */
function timeSearch(regex: RegExp, text: string): number {
	const start = performance.now();
	regex.exec(text);
	return performance.now() - start;
}

describe('injection grammar', () => {
	describe('file', () => {
		it('is valid JSON with the scope name package.json contributes', () => {
			assert.equal(grammar.scopeName, 'lambda-kafka.injection');
			assert.ok(contribution, 'package.json contributes no grammar with this scope name');
			assert.equal(path.resolve(root, contribution.path), grammarPath);
			assert.deepEqual(contribution.injectTo, ['source.json', 'source.json.comments', 'source.json.lines']);
		});

		it('has a comment explaining the scope choice and selector', () => {
			assert.equal(typeof grammar.comment, 'string');
			assert.match(grammar.comment, /selector/i);
			assert.match(grammar.comment, /theme/i);
		});

		it('has the expected left-priority injection selector', () => {
			assert.equal(grammar.injectionSelector, 'L:source.json string.quoted.double, L:source.json support.type.property-name');
		});

		it('includes every repository rule, and only existing ones', () => {
			const included = grammar.patterns.map((p) => p.include);
			assert.deepEqual(included, ['#arn', '#kafka-uri', '#topic-partition-key']);
			assert.deepEqual(Object.keys(grammar.repository).sort(), included.map((i) => i.slice(1)).sort());
		});

		it('names every scope with the .lambda-kafka suffix', () => {
			for (const r of Object.values(grammar.repository)) {
				assert.match(r.name, /\.lambda-kafka$/);
				for (const capture of Object.values(r.captures)) {
					assert.match(capture.name, /^[a-z]+(\.[a-z-]+)+\.lambda-kafka$/);
				}
			}
		});
	});

	describe('injection selector', () => {
		// Scope stacks as VS Code's JSON, JSONC and JSON Lines grammars produce them.
		const languages = ['json', 'json.comments', 'json.lines'];

		for (const lang of languages) {
			it(`matches values and keys in source.${lang}, once each`, () => {
				const value = [`source.${lang}`, `meta.structure.dictionary.${lang}`, `meta.structure.dictionary.value.${lang}`, `string.quoted.double.${lang}`];
				const key = [`source.${lang}`, `meta.structure.dictionary.${lang}`, `string.${lang}`, `support.type.property-name.${lang}`];
				const inArray = [`source.${lang}`, `meta.structure.array.${lang}`, `string.quoted.double.${lang}`];
				// Exactly one entry matching means the injected regexes are searched once per position.
				assert.equal(selectorMatches(grammar.injectionSelector, value), 1);
				assert.equal(selectorMatches(grammar.injectionSelector, key), 1);
				assert.equal(selectorMatches(grammar.injectionSelector, inArray), 1);
			});

			it(`does not match outside strings in source.${lang}`, () => {
				assert.equal(selectorMatches(grammar.injectionSelector, [`source.${lang}`, `meta.structure.dictionary.${lang}`]), 0);
				assert.equal(selectorMatches(grammar.injectionSelector, [`source.${lang}`, `constant.numeric.${lang}`]), 0);
				assert.equal(selectorMatches(grammar.injectionSelector, [`source.${lang}`, `comment.block.${lang}`]), 0);
			});
		}

		it('does not match strings of other languages', () => {
			assert.equal(selectorMatches(grammar.injectionSelector, ['source.js', 'string.quoted.double.js']), 0);
			assert.equal(selectorMatches(grammar.injectionSelector, ['source.jsonnet', 'string.quoted.double.jsonnet']), 0);
		});
	});

	describe('regex syntax', () => {
		for (const [name, r] of Object.entries(grammar.repository)) {
			it(`${name} compiles as a JavaScript RegExp`, () => {
				assert.doesNotThrow(() => new RegExp(r.match));
			});

			it(`${name} uses no Oniguruma-only syntax`, () => {
				// \G \A \z \Z \h \H anchors/classes, possessive quantifiers, atomic groups, (?x) and other inline options.
				assert.doesNotMatch(r.match, /\\[GAzZhH]|[+*?}][+]|\(\?>|\(\?[imx-]+[:)]/);
			});

			it(`${name} repeats no group without bound (no nested quantifiers)`, () => {
				assert.doesNotMatch(r.match, /\)(?:[+*]|\{\d*,\})/);
			});

			it(`${name} has a capture scope for each capture group`, () => {
				const groups = (new RegExp(`${r.match}|`).exec('')?.length ?? 1) - 1;
				assert.deepEqual(
					Object.keys(r.captures).map(Number),
					Array.from({ length: groups }, (_, i) => i + 1),
				);
			});
		}
	});

	describe('ARN', () => {
		it('scopes each part of an SQS queue ARN', () => {
			assert.deepEqual(tokens('arn', '"Destination": "arn:aws:sqs:us-east-1:123456789012:dest-queue"'), {
				'meta.arn.lambda-kafka': 'arn:aws:sqs:us-east-1:123456789012:dest-queue',
				'keyword.other.arn.lambda-kafka': 'arn',
				'constant.language.partition.lambda-kafka': 'aws',
				'entity.name.type.service.lambda-kafka': 'sqs',
				'variable.other.region.lambda-kafka': 'us-east-1',
				'constant.numeric.account.lambda-kafka': '123456789012',
				'string.unquoted.resource.lambda-kafka': 'dest-queue',
			});
		});

		it('scopes an S3 bucket ARN, with empty region and account', () => {
			assert.deepEqual(tokens('arn', '"Destination": "arn:aws:s3:::dest-bucket"'), {
				'meta.arn.lambda-kafka': 'arn:aws:s3:::dest-bucket',
				'keyword.other.arn.lambda-kafka': 'arn',
				'constant.language.partition.lambda-kafka': 'aws',
				'entity.name.type.service.lambda-kafka': 's3',
				'variable.other.region.lambda-kafka': '',
				'string.unquoted.resource.lambda-kafka': 'dest-bucket',
			});
		});

		it('scopes an ARN in the GovCloud partition', () => {
			assert.deepEqual(tokens('arn', '"arn:aws-us-gov:sns:us-gov-west-1:123456789012:t"'), {
				'meta.arn.lambda-kafka': 'arn:aws-us-gov:sns:us-gov-west-1:123456789012:t',
				'keyword.other.arn.lambda-kafka': 'arn',
				'constant.language.partition.lambda-kafka': 'aws-us-gov',
				'entity.name.type.service.lambda-kafka': 'sns',
				'variable.other.region.lambda-kafka': 'us-gov-west-1',
				'constant.numeric.account.lambda-kafka': '123456789012',
				'string.unquoted.resource.lambda-kafka': 't',
			});
		});

		it('keeps slashes and colons in the resource (MSK cluster, AWS managed policy)', () => {
			const msk = 'arn:aws:kafka:eu-west-1:123456789012:cluster/my-cluster/0a1b2c3d-4e5f-6789-abcd-ef0123456789-7';
			assert.equal(tokens('arn', `"${msk}"`)?.['string.unquoted.resource.lambda-kafka'], 'cluster/my-cluster/0a1b2c3d-4e5f-6789-abcd-ef0123456789-7');
			assert.equal(tokens('arn', '"arn:aws:iam::aws:policy/AWSLambdaMSKExecutionRole"')?.['constant.numeric.account.lambda-kafka'], 'aws');
			assert.equal(tokens('arn', '"arn:aws:lambda:us-east-1:123456789012:function:f:prod"')?.['string.unquoted.resource.lambda-kafka'], 'function:f:prod');
		});

		it('finds an ARN inside a longer message', () => {
			const line = '"errorMessage": "User: arn:aws:sts::123456789012:assumed-role/r/s is not authorized"';
			assert.equal(tokens('arn', line)?.['meta.arn.lambda-kafka'], 'arn:aws:sts::123456789012:assumed-role/r/s');
		});

		it('stops the resource at the closing quote, a backslash or whitespace', () => {
			assert.equal(tokens('arn', '["arn:aws:sqs:us-east-1:123456789012:q", "next"]')?.['string.unquoted.resource.lambda-kafka'], 'q');
			assert.equal(tokens('arn', String.raw`"arn:aws:sqs:us-east-1:123456789012:q\"x"`)?.['string.unquoted.resource.lambda-kafka'], 'q');
			assert.equal(tokens('arn', '"arn:aws:sqs:us-east-1:123456789012:q x"')?.['string.unquoted.resource.lambda-kafka'], 'q');
		});

		it('does not match things that are not ARNs', () => {
			for (const text of [
				'"arnold"',
				'"arn"',
				'"arn:"',
				'"barn:aws:s3:::b"',
				'"arn:aws:s3:::"',
				'"arn:foo:s3:::b"',
				'"arn:aws:sqs:us-east-1:12345:q"',
				'"arn:aws:sqs"',
			]) {
				assert.equal(tokens('arn', text), undefined, text);
			}
		});
	});

	describe('kafka:// destination', () => {
		it('scopes scheme and topic', () => {
			assert.deepEqual(tokens('kafka-uri', '"Destination": "kafka://failed-records"'), {
				'meta.uri.kafka.lambda-kafka': 'kafka://failed-records',
				'keyword.other.scheme.kafka.lambda-kafka': 'kafka://',
				'entity.name.tag.topic.lambda-kafka': 'failed-records',
			});
		});

		it('takes every character Kafka allows in a topic name, and stops at the quote', () => {
			assert.equal(tokens('kafka-uri', '"kafka://My_Topic.v2-dlq", "x"')?.['entity.name.tag.topic.lambda-kafka'], 'My_Topic.v2-dlq');
		});

		it('does not match near misses', () => {
			for (const text of ['"kafka:/x"', '"kafka:x"', '"kafka://"', '"kafka:// x"', '"mykafka://x"', '"http://x"']) {
				assert.equal(tokens('kafka-uri', text), undefined, text);
			}
		});
	});

	describe('topic-partition key', () => {
		it('scopes topic and partition number of a key', () => {
			assert.deepEqual(tokens('topic-partition-key', '"my-topic-name-12": ['), {
				'meta.topic-partition.lambda-kafka': 'my-topic-name-12',
				'entity.name.tag.topic.lambda-kafka': 'my-topic-name',
				'constant.numeric.partition.lambda-kafka': '12',
			});
		});

		it('takes the last -<digits> as the partition', () => {
			assert.deepEqual(tokens('topic-partition-key', '{"orders-3-7" : {}}'), {
				'meta.topic-partition.lambda-kafka': 'orders-3-7',
				'entity.name.tag.topic.lambda-kafka': 'orders-3',
				'constant.numeric.partition.lambda-kafka': '7',
			});
			assert.equal(tokens('topic-partition-key', '"records": {"orders.events_v2-0": [')?.['entity.name.tag.topic.lambda-kafka'], 'orders.events_v2');
		});

		it('leaves keys without a partition number alone', () => {
			for (const line of ['"orders": [', '"records": {', '"orders-": [', '"orders-3a": [', '"-3": [', '"eventSourceArn": "x"']) {
				assert.equal(tokens('topic-partition-key', line), undefined, line);
			}
		});

		it('matches only the whole key, not a suffix of it', () => {
			assert.equal(tokens('topic-partition-key', '"my topic-3": ['), undefined);
			assert.equal(tokens('topic-partition-key', String.raw`"a\"b-3": [`), undefined);
		});

		it('leaves values and array elements that look like topic-partitions alone', () => {
			for (const line of ['"topicPartition": "orders-3"', '"topicPartition": "orders-3",', '["orders-3", "orders-4"]']) {
				assert.equal(tokens('topic-partition-key', line), undefined, line);
			}
		});
	});

	describe('catastrophic backtracking', () => {
		const n = 50_000;
		// Near misses: long runs that a regex partly accepts (or accepts to the end), each start cheap to reject.
		const nearMisses: Record<string, string> = {
			'arn: + "a:" x 25000': 'arn:' + 'a:'.repeat(n / 2),
			'arn:aws: + "a-" x 25000': 'arn:aws:' + 'a-'.repeat(n / 2),
			'arn:aws:s3 + ":" x 50000': 'arn:aws:s3' + ':'.repeat(n),
			'"arn: + "arn:" x 12500': '"' + 'arn:'.repeat(n / 4),
			'kafka:// + "-" x 50000 + "': 'kafka://' + '-'.repeat(n) + '"',
			'"kafka:/ x 7143': '"' + 'kafka:/'.repeat(Math.ceil(n / 7)),
			'"a-" x 25000, no quote': 'a-'.repeat(n / 2),
			'" + "a-" x 25000': '"' + 'a-'.repeat(n / 2),
			'" + "a-" x 25000 + "': '"' + 'a-'.repeat(n / 2) + '"',
			'" + "1-" x 25000 + " + space': '"' + '1-'.repeat(n / 2) + '" ',
			'"a-1" + 50000 spaces, no colon': '"a-1"' + ' '.repeat(n),
			'arn:aws: + 50000 letters': 'arn:aws:' + 'a'.repeat(n),
			'"a- + 50000 digits': '"a-' + '1'.repeat(n),
			'"a- + 50000 digits + " + spaces': '"a-' + '1'.repeat(n) + '"' + ' '.repeat(n),
			'"x-1 x 12500, no colon': '"x-1'.repeat(n / 4),
			'quote x 50000': '"'.repeat(n),
		};

		for (const [name, r] of Object.entries(grammar.repository)) {
			it(`${name} searches each 50,000-character near miss in < 50 ms`, () => {
				const regex = new RegExp(r.match);
				regex.exec('warm up');
				for (const [label, text] of Object.entries(nearMisses)) {
					assert.ok(text.length >= n, label);
					const ms = timeSearch(regex, text);
					assert.ok(ms < 50, `${name} took ${ms.toFixed(1)} ms on ${label}`);
				}
			});
		}
	});
});
