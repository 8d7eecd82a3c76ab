/**
 * Schema patterns marked `checkedByRule` are for other JSON Schema tools (VS Code's JSON support,
 * CI validators); our server leaves them to the named rule. They must name a real rule, never
 * reject what that rule accepts (a false alarm in another tool), and never reach our own Ajv
 * validators (a second diagnostic for one problem).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RULES } from '../../server/src/language/rules';
import { isValidTopicPartitionKey } from '../../server/src/language/rules/topic-partition-key';
import type { Schema } from '../../server/src/language/schema/schemaRegistry';
import { forValidation } from '../../server/src/language/schema/schemaRegistry';
import { isCanonicalBase64 } from '../../server/src/language/util/base64';
import { parseOffsetText } from '../../server/src/language/util/offsets';
import { problemsOf, repoRoot } from '../helpers';
import { EVENT, RECORD, edited } from './rules/recordFixtures';

interface Marked {
	file: string;
	pointer: string;
	rule: string;
	pattern: string | undefined;
}

function markedNodes(): Marked[] {
	const dir = path.join(repoRoot(), 'schemas');
	const found: Marked[] = [];
	for (const file of fs.readdirSync(dir)) {
		const visit = (node: unknown, pointer: string): void => {
			if (Array.isArray(node)) {
				node.forEach((item, i) => visit(item, `${pointer}/${i}`));
			} else if (typeof node === 'object' && node !== null) {
				const record = node as Record<string, unknown>;
				if ('checkedByRule' in record) {
					found.push({ file, pointer, rule: String(record['checkedByRule']), pattern: typeof record['pattern'] === 'string' ? record['pattern'] : undefined });
				}
				for (const [key, value] of Object.entries(record)) {
					visit(value, `${pointer}/${key}`);
				}
			}
		};
		visit(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), '');
	}
	return found;
}

const MARKED = markedNodes();

function patternOf(rule: string): RegExp {
	const node = MARKED.find((m) => m.rule === rule);
	assert.ok(node?.pattern, `no pattern checked by ${rule}`);
	return new RegExp(node.pattern, 'u');
}

describe('schema patterns checked by rules', () => {
	it('are the record keys, offsets and base64 strings, each naming an existing rule next to its pattern', () => {
		const ids = new Set(RULES.map((rule) => rule.id));
		assert.deepEqual(
			MARKED.map((m) => `${m.file}#${m.pointer} ${m.rule}`),
			[
				'failure-record.schema.json#/properties/KafkaBatchInfo/properties/recordsInfo/propertyNames topic-partition-key',
				'failure-record.schema.json#/properties/KafkaBatchInfo/properties/recordInfo/properties/offset offset-range',
				'failure-record.schema.json#/definitions/partitionRange/properties/firstRecordOffset offset-range',
				'failure-record.schema.json#/definitions/partitionRange/properties/lastRecordOffset offset-range',
				'kafka-event.schema.json#/properties/records/propertyNames topic-partition-key',
				'kafka-event.schema.json#/definitions/record/properties/key base64-value',
				'kafka-event.schema.json#/definitions/record/properties/value base64-value',
			],
		);
		for (const marked of MARKED) {
			assert.ok(ids.has(marked.rule), `${marked.file}#${marked.pointer}: no rule ${marked.rule}`);
			assert.ok(marked.pattern, `${marked.file}#${marked.pointer}: checkedByRule without a pattern`);
		}
	});

	it('are removed from the copy our validators are compiled from, and only there', () => {
		const schema: Schema = {
			type: 'object',
			properties: { a: { type: 'string', pattern: '^x$', checkedByRule: 'base64-value' }, b: { type: 'string', pattern: '^y$' } },
		};
		const copy = forValidation(schema);
		assert.deepEqual(copy.properties, { a: { type: 'string', checkedByRule: 'base64-value' }, b: { type: 'string', pattern: '^y$' } });
		assert.equal(schema.properties?.['a'].pattern, '^x$');
	});

	it('inline local definitions in that copy, annotations beside a reference merged, cycles and conflicts kept as references', () => {
		const schema = {
			type: 'object',
			properties: {
				list: { type: 'array', items: { $ref: '#/definitions/item', description: 'An item.' } },
				tree: { $ref: '#/definitions/node' },
				clash: { $ref: '#/definitions/item', type: 'number' },
			},
			definitions: {
				item: { type: 'object', properties: { key: { type: 'string', pattern: '^k$', checkedByRule: 'base64-value' }, part: { $ref: '#/definitions/part' } } },
				part: { type: 'integer' },
				node: { type: 'object', properties: { child: { $ref: '#/definitions/node' } } },
			},
		} as Schema;
		const copy = forValidation(schema) as Record<string, unknown> & Schema;
		// The description beside the reference is merged, then dropped with every other documentation keyword.
		assert.deepEqual(copy.properties?.['list'].items, {
			type: 'object',
			properties: { key: { type: 'string', checkedByRule: 'base64-value' }, part: { type: 'integer' } },
		});
		assert.deepEqual(copy.properties?.['tree'], { type: 'object', properties: { child: { $ref: '#/definitions/node' } } });
		assert.deepEqual(copy.properties?.['clash'], { $ref: '#/definitions/item', type: 'number' });
		// References remain, so the definitions stay, rearranged the same way.
		assert.deepEqual((copy.definitions?.['item'].properties as Record<string, unknown>)['key'], { type: 'string', checkedByRule: 'base64-value' });
	});

	it('leave documentation out of that copy, but not properties named like it nor the texts problems read', () => {
		const schema = {
			title: 'T',
			description: 'D',
			markdownDescription: 'M',
			docUrl: 'https://example.com',
			type: 'object',
			properties: {
				description: { type: 'string', title: 'A field named description', default: 'x', examples: ['y'], $comment: 'c' },
				title: { enum: ['a', 'b'], enumDescriptions: ['A', 'B'], markdownEnumDescriptions: ['A', 'B'], doNotSuggest: true },
				code: { type: 'string', pattern: '^c$', patternErrorMessage: 'P', errorMessage: 'E', deprecationMessage: 'old' },
			},
			patternProperties: { '^docUrl$': { type: 'string', defaultSnippets: [{ body: 'x' }] } },
		} as Schema;
		assert.deepEqual(forValidation(schema), {
			type: 'object',
			properties: {
				description: { type: 'string' },
				title: { enum: ['a', 'b'] },
				code: { type: 'string', pattern: '^c$', patternErrorMessage: 'P', errorMessage: 'E' },
			},
			patternProperties: { '^docUrl$': { type: 'string' } },
		});
		assert.equal(schema.description, 'D');
	});

	it('leave no reference in the validators of the record and event schemas', () => {
		for (const file of ['failure-record.schema.json', 'kafka-event.schema.json']) {
			const copy = forValidation(JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', file), 'utf8')) as Schema);
			assert.equal(JSON.stringify(copy).includes('"$ref"'), false, file);
			assert.equal('definitions' in copy, false, file);
		}
	});

	it('accept every base64 encoding the base64-value rule accepts', () => {
		const pattern = patternOf('base64-value');
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const text = Buffer.from(bytes).toString('base64');
				return isCanonicalBase64(text) && pattern.test(text);
			}),
			{ seed: 5, numRuns: 2_000 },
		);
	});

	it('accept every topic-partition key the topic-partition-key rule accepts', () => {
		const pattern = patternOf('topic-partition-key');
		const topicChar = fc.constantFrom(...'abcXYZ019._-'.split(''));
		fc.assert(
			fc.property(fc.array(topicChar, { minLength: 1, maxLength: 249 }), fc.integer({ min: 0, max: 2_147_483_647 }), (chars, partition) => {
				const key = `${chars.join('')}-${partition}`;
				return !isValidTopicPartitionKey(key) || pattern.test(key);
			}),
			{ seed: 9, numRuns: 2_000 },
		);
		for (const key of ['orders-0', 'a-b-c-2147483647', `${'t'.repeat(249)}-7`, 'clickstream.v2-1']) {
			assert.ok(isValidTopicPartitionKey(key) && pattern.test(key), key);
		}
	});

	it('accept every offset the offset-range rule accepts', () => {
		const pattern = patternOf('offset-range');
		fc.assert(
			fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (offset) => {
				const text = offset.toString();
				return parseOffsetText(text).issue === undefined && pattern.test(text);
			}),
			{ seed: 13, numRuns: 2_000 },
		);
	});

	it("leave our diagnostics to the rule: one problem per bad value, with the rule's code", () => {
		const event = edited(EVENT, [[['records', 'orders-0', '0', 'value'], 'not*base64']]);
		assert.deepEqual(
			problemsOf(JSON.stringify(event), { fileName: 'event.json' }).map((p) => p.code),
			['base64-value'],
		);
		const record = edited(RECORD, [[['KafkaBatchInfo', 'recordsInfo', 'orders-0', 'firstRecordOffset'], '0x29']]);
		assert.deepEqual(
			problemsOf(JSON.stringify(record), { fileName: 'record.json' }).map((p) => p.code),
			['offset-range'],
		);
	});
});
