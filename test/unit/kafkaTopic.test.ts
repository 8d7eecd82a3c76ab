/** util/kafkaTopic: the one statement of Kafka's topic-name rules that every topic check shares. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicNameIssues, topicNameProblem } from '../../server/src/language/util/kafkaTopic';

describe('topicNameIssues', () => {
	it('finds nothing wrong with names Kafka accepts', () => {
		for (const name of ['orders', 'a', '.x', 'A-b_c.9', 'x'.repeat(249)]) {
			assert.deepEqual(topicNameIssues(name), [], name);
		}
	});

	it('lists each rule a name breaks: empty, reserved, character (whole code point), length', () => {
		assert.deepEqual(topicNameIssues(''), [{ reason: 'empty' }]);
		assert.deepEqual(topicNameIssues('.'), [{ reason: 'reserved' }]);
		assert.deepEqual(topicNameIssues('..'), [{ reason: 'reserved' }]);
		assert.deepEqual(topicNameIssues('ab c#'), [{ reason: 'character', index: 2, character: ' ' }]);
		assert.deepEqual(topicNameIssues('a\u{1F600}'), [{ reason: 'character', index: 1, character: '\u{1F600}' }]);
		assert.deepEqual(topicNameIssues('x'.repeat(250)), [{ reason: 'length', length: 250 }]);
		assert.deepEqual(topicNameIssues(`${'x'.repeat(250)}:`), [
			{ reason: 'character', index: 250, character: ':' },
			{ reason: 'length', length: 251 },
		]);
	});

	it("keeps topicNameProblem's messages, length before character", () => {
		assert.equal(topicNameProblem('orders'), undefined);
		assert.equal(topicNameProblem(''), 'A Kafka topic name cannot be empty.');
		assert.equal(topicNameProblem('..'), 'A Kafka topic cannot be named "..".');
		assert.equal(topicNameProblem(`${'x'.repeat(250)}:`), 'A Kafka topic name has at most 249 characters; this one has 251.');
		assert.equal(topicNameProblem('a b'), 'A Kafka topic name may contain only ASCII letters, digits, ".", "_" and "-"; " " at position 2 is not allowed.');
	});
});
