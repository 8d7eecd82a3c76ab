/**
 * The benchmark asserts the problem count of every document it times (0, or 300 for the invalid
 * array), so that a change that skips work shows up as an error instead of a speed-up. These
 * tests keep the generators honest on small sizes: valid documents give no problem at all, and the
 * planted errors give exactly one problem each.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KafkaEvent } from '../../bench/generate';
import { DOCUMENTS, documentSpec, plantedProblems, Prng, s3Record } from '../../bench/generate';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';

const SMALL = 20;

function problemsOf(text: string, fileName: string): string[] {
	return analyzeDocument(text, { fileName }).problems.map((p) => `${p.code}: ${p.message}`);
}

describe('benchmark document generators', () => {
	for (const spec of DOCUMENTS) {
		it(`${spec.id} with ${SMALL} records gives the problems the benchmark expects`, () => {
			const text = spec.build(SMALL);
			const analysis = analyzeDocument(text, { fileName: spec.fileName });
			assert.equal(analysis.kind, spec.baseline === 'yaml-parse' ? 'cfn-template' : 'failure-record');
			if (spec.baseline === 'yaml-parse') {
				// A fifth of the resources are mappings, every one of them checked.
				assert.equal(analysis.template?.mappings.length, SMALL / 5);
			}
			assert.equal(analysis.layout, spec.layout);
			assert.equal(analysis.problems.length, spec.expectedProblems(SMALL), problemsOf(text, spec.fileName).join('\n'));
		});
	}

	it('is deterministic', () => {
		for (const spec of DOCUMENTS) {
			assert.equal(spec.build(SMALL), spec.build(SMALL), spec.id);
		}
		assert.notEqual(new Prng(1).next(), new Prng(2).next());
	});

	it('plants exactly one schema problem per error: 3 in every 100th record, 300 at full size', () => {
		const spec = documentSpec('5-array-10k-invalid');
		const codes = problemsOf(spec.build(200), spec.fileName)
			.map((p) => p.split(':')[0])
			.sort();
		assert.deepEqual(codes, ['schema-const', 'schema-const', 'schema-format', 'schema-format', 'schema-pattern', 'schema-pattern']);
		assert.equal(spec.expectedProblems(spec.fullSize), 300);
		assert.equal(plantedProblems(10_000), 300);
	});

	it('writes the S3 payload as an escaped JSON string holding a consistent aws:kafka event', () => {
		const record = s3Record(7, SMALL, 'string');
		assert.equal(typeof record.payload, 'string');
		const event = JSON.parse(record.payload as string) as KafkaEvent;
		const partitions = Object.values(event.records);
		assert.equal(event.eventSource, 'aws:kafka');
		assert.equal(partitions.flat().length, SMALL);
		assert.equal(record.KafkaBatchInfo.batchSize, SMALL);
		assert.equal(record.KafkaBatchInfo.payloadSize, Buffer.byteLength(record.payload as string));
		assert.deepEqual(Object.keys(event.records), Object.keys(record.KafkaBatchInfo.recordsInfo));
		for (const kafkaRecord of partitions.flat()) {
			assert.equal(Buffer.from(kafkaRecord.value, 'base64').length, 1024);
			assert.equal(kafkaRecord.headers.length, 1);
		}
	});

	it('makes the single record about 1.3 KB', () => {
		const bytes = Buffer.byteLength(documentSpec('1-single').build(1));
		assert.ok(bytes > 1_200 && bytes < 1_500, `${bytes} bytes`);
	});
});
