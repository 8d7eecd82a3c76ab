/**
 * `record-offset`: a Kafka event record offset is a Java long, read from its digits: a warning
 * above 2^53 - 1, where JavaScript rounds it, an error above 2^63 - 1 (facts sheet §4, §9 rule 19).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';

const CODE = 'record-offset';

type Json = Record<string, unknown>;
type Edit = [path: string[], value: unknown];

/** A valid SQS-destination failure record. */
const RECORD: Json = {
	requestContext: { requestId: '9f3c2a71-4b8e-4d2f-a6c5-1e7b0d93f8a4', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
	responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
	version: '1.0',
	timestamp: '2025-01-15T12:00:31.250Z',
	KafkaBatchInfo: {
		batchSize: 3,
		eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
		bootstrapServers: 'b-1.example.com:9098,b-2.example.com:9098',
		payloadSize: 1512,
		recordsInfo: {
			'orders-0': { firstRecordOffset: '41', lastRecordOffset: '42', firstRecordTimestamp: '2025-01-15T12:00:00.123Z', lastRecordTimestamp: '2025-01-15T12:00:00.456Z' },
			'orders-1': { firstRecordOffset: '17', lastRecordOffset: '17', firstRecordTimestamp: '2025-01-15T12:00:01.789Z', lastRecordTimestamp: '2025-01-15T12:00:01.789Z' },
		},
	},
};

/** A copy of `base` with each edit applied (a value of undefined deletes the member). */
function edited(base: Json, edits: readonly Edit[]): Json {
	const copy = structuredClone(base);
	for (const [path, value] of edits) {
		let target = copy;
		for (const segment of path.slice(0, -1)) {
			target = target[segment] as Json;
		}
		const last = path[path.length - 1];
		if (value === undefined) {
			delete target[last];
		} else {
			target[last] = structuredClone(value);
		}
	}
	return copy;
}

/** The record, edited, as one line of JSON. */
function record(...edits: Edit[]): string {
	return JSON.stringify(edited(RECORD, edits));
}

/** The expected problem covering the `nth` occurrence of `needle` in `text`. */
function on(text: string, needle: string, severity: string, message: string, fixes: string[] = [], nth = 0): ProblemView {
	let start = -1;
	for (let i = 0; i <= nth; i++) {
		start = text.indexOf(needle, start + 1);
		assert.ok(start >= 0, `${needle} (#${nth}) not found in ${text}`);
	}
	const end = start + needle.length;
	const position = (offset: number): [number, number] => {
		const before = text.slice(0, offset);
		const line = before.split('\n').length - 1;
		return [line, offset - (before.lastIndexOf('\n') + 1)];
	};
	return { code: CODE, severity, message, range: [...position(start), ...position(end)], text: needle, fixes };
}

/** A valid Amazon MSK event with two records under "orders-0". */
const EVENT: Json = {
	eventSource: 'aws:kafka',
	eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
	bootstrapServers: 'b-1.example.com:9098,b-2.example.com:9098',
	records: {
		'orders-0': [
			{ topic: 'orders', partition: 0, offset: 41, timestamp: 1736942400123, timestampType: 'CREATE_TIME', key: 'Y3VzdG9tZXItMTAwMQ==', value: 'eyJvcmRlcklkIjo0MX0=', headers: [] },
			{ topic: 'orders', partition: 0, offset: 42, timestamp: 1736942400456, timestampType: 'CREATE_TIME', key: 'Y3VzdG9tZXItMTAwMg==', value: 'eyJvcmRlcklkIjo0Mn0=', headers: [] },
		],
	},
};

/** The event, edited, as one line of JSON. */
function event(...edits: Edit[]): string {
	return JSON.stringify(edited(EVENT, edits));
}

const OFFSET = ['records', 'orders-0', '1', 'offset'];

/** The event with the second record's offset written as raw JSON text. */
function withOffset(raw: string): string {
	return event([OFFSET, '@RAW']).replace('"@RAW"', raw);
}

describe('record-offset', () => {
	it('accepts offsets up to 2^53 - 1', () => {
		assert.deepEqual(problemsWithCode(event(), CODE), []);
		assert.deepEqual(problemsWithCode(withOffset('9007199254740991'), CODE), []);
	});

	it('warns above 2^53 - 1 with the exact digits and what JavaScript reads', () => {
		const text = withOffset('9007199254740993');
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '9007199254740993', 'warning', '"offset" 9007199254740993 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value (here to 9007199254740992).'),
		]);
		const exact = withOffset('9007199254740992');
		assert.deepEqual(problemsWithCode(exact, CODE).map((p) => p.message), ['"offset" 9007199254740992 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value.']);
		const largest = withOffset('9223372036854775807');
		assert.deepEqual(
			problemsWithCode(largest, CODE).map((p) => [p.severity, p.message]),
			[['warning', '"offset" 9223372036854775807 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value (here to 9223372036854775808).']],
		);
	});

	it('reports offsets above 2^63 - 1, even when they round to the same number as a valid one', () => {
		const text = withOffset('9223372036854775808');
		assert.deepEqual(problemsWithCode(text, CODE), [on(text, '9223372036854775808', 'error', '"offset" 9223372036854775808 is above the largest Kafka offset, 9223372036854775807.')]);
		assert.equal(problemsWithCode(withOffset('1e19'), CODE)[0]?.message, '"offset" 1e19 is above the largest Kafka offset, 9223372036854775807.');
	});

	it('leaves negative and fractional offsets to the schema', () => {
		assert.deepEqual(problemsWithCode(withOffset('-1'), CODE), []);
		assert.equal(problemsWithCode(withOffset('-1'), 'schema-range').length, 1);
		assert.deepEqual(problemsWithCode(withOffset('1.5'), CODE), []);
		assert.deepEqual(problemsWithCode(withOffset('"42"'), CODE), []);
	});

	it('finds the digits inside an escaped payload string', () => {
		const payload = withOffset('9007199254740993');
		const text = record().replace(/}$/, `,"payload":${JSON.stringify(payload)}}`);
		assert.deepEqual(problemsWithCode(text, CODE).map((p) => [p.text, p.message]), [
			['9007199254740993', '"offset" 9007199254740993 is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value (here to 9007199254740992).'],
		]);
	});

	it('reads the exact digits of every large offset, however many there are', () => {
		const first = ((EVENT['records'] as Json)['orders-0'] as Json[])[0];
		const list = Array.from({ length: 40 }, (_, i) => ({ ...first, offset: `@${i}` }));
		let text = event([['records', 'orders-0'], list]);
		for (let i = 0; i < 40; i++) {
			text = text.replace(`"@${i}"`, String(9007199254740993n + BigInt(2 * i)));
		}
		const problems = problemsWithCode(text, CODE);
		assert.equal(problems.length, 40);
		assert.equal(problems[0].message.startsWith('"offset" 9007199254740993 '), true);
		assert.equal(problems[39].message.startsWith('"offset" 9007199254741071 '), true);
	});
});
