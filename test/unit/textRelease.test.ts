/**
 * The validation thread lets go of a document's text once it is parsed (issue 16, target 5):
 * validation after releaseDocumentText finds exactly what it finds with the text, fetches the text
 * back only to place problems or read a number's digits, and only documents held in one parse are
 * released.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { AnalyzeOptions } from '../../server/src/language/validation/analyzeDocument';
import { analyzeDocument, prepareDocument, releaseDocumentText, validatePrepared } from '../../server/src/language/validation/analyzeDocument';
import { forgetLastRegExpSubject } from '../../server/src/language/util/regExpSubject';
import { repoRoot } from '../helpers';

const fixture = (name: string): string => fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'records', name), 'utf8');

/** The analysis after releasing the text, and how often it was fetched back. */
function releasedAnalysis(text: string, options: AnalyzeOptions): { analysis: unknown; fetches: number; released: boolean } {
	const prepared = prepareDocument(text, options);
	let fetches = 0;
	const released = releaseDocumentText(prepared.analysis, () => {
		fetches++;
		return text;
	});
	const { units: _units, ...analysis } = validatePrepared(prepared, options);
	return { analysis, fetches, released };
}

function analysisWithText(text: string, options: AnalyzeOptions): unknown {
	const { units: _units, ...analysis } = analyzeDocument(text, options);
	return analysis;
}

describe('releaseDocumentText', () => {
	const record = JSON.parse(fixture('s3-record-string.json')) as { payload: string; KafkaBatchInfo: Record<string, unknown> };

	it('needs no text for a document without problems', () => {
		const text = fixture('s3-record-string.json');
		const options = { fileName: 's3-record-string.json', languageId: 'json' };
		const { analysis, fetches, released } = releasedAnalysis(text, options);
		assert.equal(released, true);
		assert.deepEqual(analysis, analysisWithText(text, options));
		assert.deepEqual((analysis as { problems: unknown[] }).problems, []);
		assert.equal(fetches, 0);
	});

	it('places problems in the record and inside its payload exactly as with the text, fetching it once', () => {
		const payload = JSON.parse(record.payload) as { eventSource: string };
		payload.eventSource = 'aws:kafak';
		const broken = { ...record, payload: JSON.stringify(payload), KafkaBatchInfo: { ...record.KafkaBatchInfo, batchSize: -1 } };
		for (const text of [JSON.stringify(broken, null, 2), `\ufeff${JSON.stringify([broken, broken])}`]) {
			const options = { fileName: 'broken.json', languageId: 'json' };
			const { analysis, fetches, released } = releasedAnalysis(text, options);
			assert.equal(released, true);
			const expected = analysisWithText(text, options) as { problems: { start: number; end: number }[] };
			const payloadAt = text.indexOf('"payload"');
			const described = JSON.stringify(expected.problems);
			assert.ok(
				expected.problems.some((p) => p.start < payloadAt),
				`a problem in the record: ${described}`,
			);
			assert.ok(
				expected.problems.some((p) => p.start > payloadAt && text.slice(p.start, p.end).includes('aws:kafak')),
				`one inside the payload: ${described}`,
			);
			assert.deepEqual(analysis, expected);
			assert.equal(fetches, 1);
		}
	});

	it('keeps the text of JSON Lines, templates, Terraform and documents with nothing to validate', () => {
		const cases: [string, AnalyzeOptions][] = [
			[fixture('records.jsonl'), { fileName: 'records.jsonl' }],
			['{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', { fileName: 'template.json' }],
			['resource "aws_sqs_queue" "q" {}', { fileName: 'main.tf', languageId: 'terraform' }],
			['', { fileName: 'empty.json' }],
		];
		for (const [text, options] of cases) {
			const prepared = prepareDocument(text, options);
			assert.equal(
				releaseDocumentText(prepared.analysis, () => assert.fail('not fetched')),
				false,
				options.fileName,
			);
		}
	});
});

describe('forgetLastRegExpSubject', () => {
	it('leaves the empty string as the last subject matched, not a slice of a document', () => {
		/^\s*[[{]/.test('{"a": 1}'.slice(0, 4));
		assert.equal((RegExp as unknown as { input: string }).input, '{"a"');
		forgetLastRegExpSubject();
		assert.equal((RegExp as unknown as { input: string }).input, '');
	});
});
