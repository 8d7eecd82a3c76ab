/**
 * The documents the failure-record and Kafka-event rule tests start from, and the helper that
 * describes the problem they expect: a valid SQS-destination record and a valid MSK event, edited
 * per test by path.
 */
import assert from 'node:assert/strict';
import type { ProblemView } from '../../helpers';

export type Json = Record<string, unknown>;
export type Edit = [path: string[], value: unknown];

/** A valid SQS-destination failure record. */
export const RECORD: Json = {
	requestContext: {
		requestId: '9f3c2a71-4b8e-4d2f-a6c5-1e7b0d93f8a4',
		functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer',
		condition: 'RetryAttemptsExhausted',
		approximateInvokeCount: 3,
	},
	responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
	version: '1.0',
	timestamp: '2025-01-15T12:00:31.250Z',
	KafkaBatchInfo: {
		batchSize: 3,
		eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
		bootstrapServers: 'b-1.example.com:9098,b-2.example.com:9098',
		payloadSize: 1512,
		recordsInfo: {
			'orders-0': {
				firstRecordOffset: '41',
				lastRecordOffset: '42',
				firstRecordTimestamp: '2025-01-15T12:00:00.123Z',
				lastRecordTimestamp: '2025-01-15T12:00:00.456Z',
			},
			'orders-1': {
				firstRecordOffset: '17',
				lastRecordOffset: '17',
				firstRecordTimestamp: '2025-01-15T12:00:01.789Z',
				lastRecordTimestamp: '2025-01-15T12:00:01.789Z',
			},
		},
	},
};

/** A copy of `base` with each edit applied (a value of undefined deletes the member). */
export function edited(base: Json, edits: readonly Edit[]): Json {
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
export function record(...edits: Edit[]): string {
	return JSON.stringify(edited(RECORD, edits));
}

/** For rule `code`: the expected problem covering the `nth` occurrence of `needle` in `text`. */
export function expectedProblem(code: string) {
	return function on(text: string, needle: string, severity: string, message: string, fixes: string[] = [], nth = 0): ProblemView {
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
		return { code, severity, message, range: [...position(start), ...position(end)], text: needle, fixes };
	};
}

/** A valid Amazon MSK event with two records under "orders-0". */
export const EVENT: Json = {
	eventSource: 'aws:kafka',
	eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
	bootstrapServers: 'b-1.example.com:9098,b-2.example.com:9098',
	records: {
		'orders-0': [
			{
				topic: 'orders',
				partition: 0,
				offset: 41,
				timestamp: 1736942400123,
				timestampType: 'CREATE_TIME',
				key: 'Y3VzdG9tZXItMTAwMQ==',
				value: 'eyJvcmRlcklkIjo0MX0=',
				headers: [],
			},
			{
				topic: 'orders',
				partition: 0,
				offset: 42,
				timestamp: 1736942400456,
				timestampType: 'CREATE_TIME',
				key: 'Y3VzdG9tZXItMTAwMg==',
				value: 'eyJvcmRlcklkIjo0Mn0=',
				headers: [],
			},
		],
	},
};

/** The event, edited, as one line of JSON. */
export function event(...edits: Edit[]): string {
	return JSON.stringify(edited(EVENT, edits));
}
