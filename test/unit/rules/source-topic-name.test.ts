/** `source-topic-name`: each topic in an ESM request's Topics, by Kafka's topic-name rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';

const CODE = 'source-topic-name';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';

function request(topics: unknown[], extra: Record<string, unknown> = {}): string {
	return JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, Topics: topics, StartingPosition: 'LATEST', ...extra });
}

/** The one-line range of the `nth` occurrence of `needle` after `"Topics"`. */
function rangeOf(text: string, needle: string, nth = 0): [number, number, number, number] {
	let start = text.indexOf('"Topics"');
	for (let i = 0; i <= nth; i++) {
		start = text.indexOf(needle, start + 1);
	}
	assert.ok(start >= 0, `${needle} not found in ${text}`);
	return [0, start, 0, start + needle.length];
}

describe('source-topic-name', () => {
	it('accepts topic names Kafka accepts', () => {
		for (const topic of ['orders', 'a', 'x'.repeat(249), 'Orders_v2.dlq', '_internal', '.hidden', 'my-topic-name']) {
			assert.deepEqual(problemsWithCode(request([topic]), CODE), [], topic);
		}
	});

	it('marks the first character Kafka rejects', () => {
		const text = request(['orders#1']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message:
					'The source topic "orders#1" contains "#", which Kafka does not allow in topic names (only ASCII letters, digits, ".", "_" and "-"), so no cluster has this topic.',
				range: rangeOf(text, '#'),
				text: '#',
				fixes: [],
			},
		]);
	});

	it('marks a character outside the Basic Multilingual Plane whole, and a space', () => {
		const emoji = request(['a\u{1F600}b']);
		assert.equal(problemsWithCode(emoji, CODE)[0]?.text, '\u{1F600}');
		const space = request(['my topic']);
		assert.deepEqual(
			problemsWithCode(space, CODE).map((p) => [p.range, p.text]),
			[[rangeOf(space, ' '), ' ']],
		);
	});

	it('reports the names "." and ".." on the whole entry', () => {
		for (const topic of ['.', '..']) {
			const text = request([topic]);
			const quoted = JSON.stringify(topic);
			assert.deepEqual(problemsWithCode(text, CODE), [
				{ code: CODE, severity: 'error', message: `Kafka does not allow a topic named ${quoted}.`, range: rangeOf(text, quoted), text: quoted, fixes: [] },
			]);
		}
	});

	it('checks every entry, in update requests too, and leaves length and type to the schema', () => {
		const text = request(['ok', 'b@d']);
		assert.deepEqual(
			problemsWithCode(text, CODE).map((p) => p.text),
			['@'],
		);
		const update = JSON.stringify({ UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2', Topics: ['a/b'] });
		assert.deepEqual(
			problemsWithCode(update, CODE).map((p) => p.text),
			['/'],
		);
		assert.deepEqual(problemsWithCode(request(['', 'x'.repeat(250), 42]), CODE), []);
	});

	it('still reports a bad character in a name the schema finds too long', () => {
		const text = request([`${'x'.repeat(250)}!`]);
		assert.deepEqual(
			problemsWithCode(text, CODE).map((p) => p.text),
			['!'],
		);
	});
});
