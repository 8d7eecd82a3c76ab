/**
 * `records-info-presence`: KafkaBatchInfo names the failed records with recordsInfo (SQS, SNS,
 * S3) or recordInfo (Kafka-topic destinations), exactly one of them (facts sheet §3.5, §9 rule 16).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import { expectedProblem, record } from './recordFixtures';

const CODE = 'records-info-presence';
const on = expectedProblem(CODE);

const SINGLE = { offset: '42', timestamp: '2025-01-15T12:00:00.456Z' };

describe('records-info-presence', () => {
	it('accepts recordsInfo alone and recordInfo alone', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo', 'recordsInfo'], undefined], [['KafkaBatchInfo', 'recordInfo'], SINGLE]), CODE), []);
	});

	it('reports a KafkaBatchInfo with neither, on its key', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo'], undefined]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"KafkaBatchInfo"',
				'error',
				'"KafkaBatchInfo" has neither "recordsInfo" nor "recordInfo", so the record does not say which Kafka records failed.',
			),
		]);
	});

	it('warns when both are present, on recordInfo', () => {
		const text = record([['KafkaBatchInfo', 'recordInfo'], SINGLE]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"recordInfo"',
				'warning',
				'"KafkaBatchInfo" has both "recordsInfo" and "recordInfo"; Lambda writes "recordsInfo" to SQS, SNS and S3 destinations and "recordInfo" to Kafka-topic destinations, never both.',
			),
		]);
	});

	it('warns on an empty recordsInfo', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo'], {}]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '{}', 'warning', '"recordsInfo" is empty; a failed batch has at least one partition with at least one record.'),
		]);
	});

	it('says nothing when KafkaBatchInfo is not an object (the schema reports it)', () => {
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo'], []]), CODE), []);
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo'], null]), CODE), []);
	});
});
