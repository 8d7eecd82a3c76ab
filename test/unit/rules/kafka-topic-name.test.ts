/** `kafka-topic-name`: the topic of a kafka:// destination, by Kafka's rules and the model's pattern. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf, problemsWithCode } from '../../helpers';

const CODE = 'kafka-topic-name';

function config(destination: string): string {
	return `{"OnFailure": {"Destination": ${JSON.stringify(destination)}}}`;
}

function rangeOf(text: string, needle: string, after = 'Destination'): [number, number, number, number] {
	const start = text.indexOf(needle, text.indexOf(after) + after.length);
	assert.ok(start >= 0, `${needle} not found in ${text}`);
	return [0, start, 0, start + needle.length];
}

describe('kafka-topic-name', () => {
	it('accepts valid topic names', () => {
		for (const topic of ['failed-records-topic', 'a', 'x'.repeat(249), 'Orders_v2.dlq', '_internal']) {
			assert.deepEqual(problemsWithCode(config(`kafka://${topic}`), CODE), [], topic);
		}
	});

	it('marks a character the API accepts but Kafka rejects: kafka://#bad', () => {
		const text = config('kafka://#bad');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message:
					'The destination topic "#bad" contains "#": the Lambda API accepts it, but Kafka allows only ASCII letters, digits, ".", "_" and "-" in topic names.',
				range: rangeOf(text, '#'),
				text: '#',
				fixes: [],
			},
		]);
	});

	it('marks a character both reject: kafka://a b', () => {
		const text = config('kafka://a b');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message:
					'The destination topic "a b" contains " ", which Kafka and the Lambda API do not allow in topic names (only ASCII letters, digits, ".", "_" and "-").',
				range: rangeOf(text, ' ', 'kafka://a'),
				text: ' ',
				fixes: [],
			},
		]);
	});

	it('marks a character outside the Basic Multilingual Plane whole', () => {
		const text = config('kafka://a\u{1F600}');
		assert.equal(problemsWithCode(text, CODE)[0]?.text, '\u{1F600}');
	});

	it('reports a missing topic on the scheme', () => {
		const text = config('kafka://');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'The destination "kafka://" names no topic; write the topic after kafka://, as in kafka://failed-records.',
				range: rangeOf(text, 'kafka://'),
				text: 'kafka://',
				fixes: [],
			},
		]);
	});

	it('reports a leading "." the model rejects although Kafka allows it', () => {
		const text = config('kafka://.x');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'The destination topic ".x" starts with ".", which the Lambda API\'s destination pattern rejects (Kafka itself allows it).',
				range: rangeOf(text, '.', 'kafka://'),
				text: '.',
				fixes: [],
			},
		]);
	});

	it('reports "." and ".."', () => {
		assert.equal(problemsWithCode(config('kafka://.'), CODE)[0]?.message, 'Kafka does not allow a topic named ".".');
		assert.equal(problemsWithCode(config('kafka://..'), CODE)[0]?.message, 'Kafka does not allow a topic named "..".');
	});

	it('reports a topic over 249 characters on the whole topic', () => {
		const topic = 'a'.repeat(250);
		const text = config(`kafka://${topic}`);
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'The destination topic is 250 characters long; Kafka and the Lambda API allow at most 249.',
				range: rangeOf(text, topic),
				text: topic,
				fixes: [],
			},
		]);
	});

	it('explains that kafka:// takes no broker address', () => {
		const text = config('kafka://b-1.orders.kafka.us-east-1.amazonaws.com:9098/dlq');
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(
			problem?.message,
			'The destination "kafka://b-1.orders.kafka.us-east-1.amazonaws.com:9098/dlq" must name only a topic, with no broker address or path: the topic is on the source cluster.',
		);
		assert.equal(problem?.text, 'b-1.orders.kafka.us-east-1.amazonaws.com:9098/dlq');
	});

	it('checks the topic behind a miscased scheme as well (two problems, two diagnostics)', () => {
		const codes = problemsOf(config('KAFKA://#bad'))
			.filter((p) => p.severity === 'error')
			.map((p) => p.code);
		assert.deepEqual(codes, ['destination-format', CODE]);
	});

	it('notes a metric-name collision with the source topic', () => {
		const text = JSON.stringify({ FunctionName: 'f', Topics: ['orders_dlq'], DestinationConfig: { OnFailure: { Destination: 'kafka://orders.dlq' } } });
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'info',
				message: 'The destination topic "orders.dlq" and the source topic "orders_dlq" differ only by "." versus "_", so their Kafka metric names collide.',
				range: rangeOf(text, 'orders.dlq'),
				text: 'orders.dlq',
				fixes: [],
			},
		]);
		// The same name is a loop, which kafka-destination-requirements reports; unrelated names are fine.
		assert.deepEqual(
			problemsWithCode(
				JSON.stringify({ FunctionName: 'f', Topics: ['orders.dlq'], DestinationConfig: { OnFailure: { Destination: 'kafka://orders.dlq' } } }),
				CODE,
			),
			[],
		);
		assert.deepEqual(
			problemsWithCode(
				JSON.stringify({ FunctionName: 'f', Topics: ['orders'], DestinationConfig: { OnFailure: { Destination: 'kafka://orders.dlq' } } }),
				CODE,
			),
			[],
		);
	});

	it('ignores other destinations', () => {
		for (const destination of ['', 'arn:aws:sqs:us-east-1:123456789012:q', '#bad']) {
			assert.deepEqual(problemsWithCode(config(destination), CODE), [], destination);
		}
	});
});
