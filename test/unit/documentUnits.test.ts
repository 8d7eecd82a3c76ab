/**
 * JSON Lines files are indexed, not parsed up front: a line is parsed when it is asked for, and a
 * file whose first lines are none of ours is left alone (issue 11, item 1).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, KIND_LINES, prepareDocument } from '../../server/src/language/validation/analyzeDocument';
import { JsonLinesUnits } from '../../server/src/language/validation/documentUnits';

const RECORD_LINE = JSON.stringify({
	requestContext: {
		requestId: 'r',
		functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f',
		condition: 'RetryAttemptsExhausted',
		approximateInvokeCount: 1,
	},
});

describe('JSON Lines units', () => {
	const text = '{"a":1}\r\n\n   \n{"b":\n[1]';
	const units = JsonLinesUnits.index(text, 'x.jsonl');

	it('indexes the non-blank lines only', () => {
		assert.equal(units.count, 3);
		assert.deepEqual(
			[...units].map((u) => [u.baseOffset, u.parsed.text]),
			[
				[0, '{"a":1}'],
				[14, '{"b":'],
				[20, '[1]'],
			],
		);
	});

	it('finds the line holding an offset, its end included, and no line between lines', () => {
		assert.equal(units.at(0)?.baseOffset, 0);
		assert.equal(units.at(7)?.baseOffset, 0, 'the end of the line, before its CR');
		assert.equal(units.at(8), undefined, 'the CR');
		assert.equal(units.at(10), undefined, 'a blank line');
		assert.equal(units.at(16)?.baseOffset, 14);
		assert.equal(units.at(23)?.baseOffset, 20, 'the end of the text');
	});

	it('gives the lines overlapping a range', () => {
		assert.deepEqual(
			[...units.overlapping(3, 3)].map((u) => u.baseOffset),
			[0],
		);
		assert.deepEqual(
			[...units.overlapping(9, 12)].map((u) => u.baseOffset),
			[],
		);
		assert.deepEqual(
			[...units.overlapping(5, 22)].map((u) => u.baseOffset),
			[0, 14, 20],
		);
	});

	it('keeps a line asked for twice, and parses afresh a line walked over', () => {
		assert.equal(units.get(1), units.get(1));
		const walked = [...units];
		assert.equal(walked[1], units.get(1), 'a kept line is not parsed again');
		const other = JsonLinesUnits.index(text, 'x.jsonl');
		assert.notEqual([...other][2], [...other][2], 'lines walked over are not kept');
	});

	it('takes the kind of a line from the file name only when its content shows none', () => {
		const records = JsonLinesUnits.index(`{}\n{"OnFailure":{}}\n`, 'failed.records.jsonl');
		assert.deepEqual(
			[...records].map((u) => u.kind),
			['failure-record', 'destination-config'],
		);
	});
});

describe('a JSON Lines file that is not ours', () => {
	it(`is recognised from its first ${KIND_LINES} lines and not parsed further`, () => {
		const text = `${'{"level":"info","msg":"started"}\n'.repeat(KIND_LINES)}${RECORD_LINE}\n`;
		const prepared = prepareDocument(text, { fileName: 'app.log.jsonl' });
		assert.equal(prepared.analysis.kind, 'unknown');
		assert.equal(prepared.validate, false);
		assert.equal(prepared.analysis.units.count, 0, 'nothing of it is kept');
	});

	it('is ours when a record comes within the first lines', () => {
		const text = `${'{"level":"info"}\n'.repeat(KIND_LINES - 1)}${RECORD_LINE}\n`;
		const analysis = analyzeDocument(text, { fileName: 'mixed.jsonl' });
		assert.equal(analysis.kind, 'failure-record');
		assert.equal(analysis.units.count, KIND_LINES);
	});
});
