/**
 * `duplicate-partition-range`: AWS's example copies one range under Topic-0 and Topic-1 (facts
 * sheet §6 item 5); identical offsets and timestamps under two keys are reported.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';

const CODE = 'duplicate-partition-range';

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

const RANGE = (RECORD['KafkaBatchInfo'] as Json)['recordsInfo'] as Json;
const SAME = RANGE['orders-0'];

describe('duplicate-partition-range', () => {
	it('accepts partitions with different ranges', () => {
		assert.deepEqual(problemsWithCode(record(), CODE), []);
	});

	it('accepts identical offsets with different timestamps (two new partitions can both start at 0)', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo', 'orders-1'], { ...(SAME as Json), lastRecordTimestamp: '2025-01-15T12:00:00.999Z' }]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
	});

	it('warns on a copied range, on the later key', () => {
		const text = record([['KafkaBatchInfo', 'recordsInfo', 'orders-1'], SAME], [['KafkaBatchInfo', 'recordsInfo', 'payments-3'], SAME]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"orders-1"', 'warning', 'recordsInfo "orders-1" has the same offsets and timestamps as "orders-0"; partitions have independent offsets, so this range looks copied.'),
			on(text, '"payments-3"', 'warning', 'recordsInfo "payments-3" has the same offsets and timestamps as "orders-0"; partitions have independent offsets, so this range looks copied.'),
		]);
	});

	it('compares large JSON numbers by their digits, not their rounded values', () => {
		const range = (first: string): Json => ({ ...(SAME as Json), firstRecordOffset: first, lastRecordOffset: first });
		const text = record([['KafkaBatchInfo', 'recordsInfo', 'orders-0'], range('@A')], [['KafkaBatchInfo', 'recordsInfo', 'orders-1'], range('@B')])
			.replace(/"@A"/g, '9007199254740993')
			.replace(/"@B"/g, '9007199254740992');
		assert.deepEqual(problemsWithCode(text, CODE), []);
		assert.equal(problemsWithCode(text.replace(/9007199254740993/g, '9007199254740992'), CODE).length, 1);
	});
});
