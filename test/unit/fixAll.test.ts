import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixPastedExample } from '../../server/src/language/features/fixAll';
import { repoRoot } from '../helpers';

const read = (file: string): string => fs.readFileSync(path.join(repoRoot(), file), 'utf8');

/** Line and character of an offset, for readable assertions. */
function positionOf(text: string, offset: number): [number, number] {
	const before = text.slice(0, offset).split('\n');
	return [before.length - 1, before[before.length - 1].length];
}

describe('fix all problems of a pasted AWS example (issue 17, item 8)', () => {
	for (const file of ['examples/records/pasted-from-aws-docs.jsonc', 'test/fixtures/records/aws-docs-sqs-example.jsonc']) {
		it(`turns ${file} into JSON in one edit list and lists the placeholder left`, () => {
			const text = read(file);
			const result = fixPastedExample(text);
			// Two comments, two trailing commas, one union; sorted and none overlapping.
			assert.equal(result.edits.length, 5);
			for (let i = 1; i < result.edits.length; i++) {
				assert.ok(result.edits[i - 1].end <= result.edits[i].start, 'edits do not overlap');
			}
			assert.deepEqual(
				result.edits.map((edit) => [text.slice(edit.start, edit.end), edit.newText]),
				[
					['"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"', '"RetryAttemptsExhausted"'],
					[' // null if record is MaximumPayloadSizeExceeded', ''],
					[' // In bytes', ''],
					[',', ''],
					[',', ''],
				],
			);
			assert.equal(result.isValidJson, true);
			const value = JSON.parse(result.fixedText) as { requestContext: { condition: string } };
			assert.equal(value.requestContext.condition, 'RetryAttemptsExhausted');
			assert.deepEqual(
				result.placeholders.map((p) => [p.path, p.text, positionOf(result.fixedText, p.start), result.fixedText.slice(p.start, p.end)]),
				[[['KafkaBatchInfo', 'bootstrapServers'], '"..."', [17, 24], '"..."']],
			);
		});
	}

	it('lists "<Whole Event>" and every "..." in document order, and changes nothing in valid JSON', () => {
		const text = '{"payload": "<Whole Event>", "b": ["x", "..."], "1": "..."}';
		const result = fixPastedExample(text);
		assert.deepEqual(result.edits, []);
		assert.equal(result.fixedText, text);
		assert.deepEqual(
			result.placeholders.map((p) => [p.path, p.text, p.start]),
			[
				[['payload'], '"<Whole Event>"', 12],
				[['b', 1], '"..."', 40],
				[['1'], '"..."', 53],
			],
		);
	});

	it('says when the text is still not JSON, and lists no placeholders then', () => {
		const result = fixPastedExample('{"a": "...", // c\n "b": }');
		assert.deepEqual(result.edits, [{ start: 12, end: 17, newText: '' }]);
		assert.equal(result.isValidJson, false);
		assert.deepEqual(result.placeholders, []);
	});
});
