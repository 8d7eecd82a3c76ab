/**
 * `payload-size`: a batch of one or more records never has a payloadSize of 0 (the schema allows
 * 0, facts sheet §9 rule 15 asks for a positive size).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';
import { expectedProblem, record } from './recordFixtures';

const CODE = 'payload-size';
const on = expectedProblem(CODE);

describe('payload-size', () => {
	it('accepts any positive size', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo', 'payloadSize'], 1]), CODE), []);
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo', 'payloadSize'], undefined]), CODE), []);
	});

	it('warns on 0', () => {
		const text = record([['KafkaBatchInfo', 'payloadSize'], 0]);
		const start = text.indexOf('"payloadSize":0') + '"payloadSize":'.length;
		const nth = text.slice(0, start).split('0').length - 1;
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '0', 'warning', '"payloadSize" is 0, but a failed batch holds at least one record, so its payload is never empty.', [], nth),
		]);
		assert.equal(problemsWithCode(text, CODE)[0]?.range[1], start);
	});

	it('leaves negative and non-integer sizes to the schema', () => {
		const text = record([['KafkaBatchInfo', 'payloadSize'], -1]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text, 'schema-range').length, 1);
		assert.deepEqual(problemsWithCode(record([['KafkaBatchInfo', 'payloadSize'], '0']), CODE), []);
	});
});
