/**
 * `payload-location`: a Kafka-topic destination record (recordInfo) carries the failed record in
 * payload; nothing else can be judged, since a record does not say where it was sent (facts
 * sheet §1.1, §3.5, §9 rule 16).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import { EVENT, event, expectedProblem, record } from './recordFixtures';

const CODE = 'payload-location';
const on = expectedProblem(CODE);

const SINGLE = { offset: '42', timestamp: '2025-01-15T12:00:00.456Z' };

describe('payload-location', () => {
	it('says nothing about SQS/SNS records (no payload) or S3 records (payload)', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([['payload'], JSON.parse(event())]), CODE), []);
	});

	it('says nothing about a Kafka-destination record with its payload', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo'], undefined], [['KafkaBatchInfo', 'recordInfo'], SINGLE], [['payload'], EVENT]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
	});

	it('notes a Kafka-destination record without a payload', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo'], undefined], [['KafkaBatchInfo', 'recordInfo'], SINGLE]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"recordInfo"',
				'info',
				'This record has "recordInfo", the form Lambda writes to Kafka-topic destinations, but no "payload"; such records carry the failed Kafka record in "payload".',
			),
		]);
	});

	it('leaves a record with both forms to records-info-presence', () => {
		const text = record([['KafkaBatchInfo', 'recordInfo'], SINGLE]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text, 'records-info-presence').length, 1);
	});
});
