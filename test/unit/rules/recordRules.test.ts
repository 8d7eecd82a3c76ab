/**
 * The record rules together: every valid fixture stays silent (a regression guard), AWS's own
 * examples give exactly the expected problems, problems in arrays and JSON Lines land in the
 * right record, no rule throws on any JSON, and the rules stay linear on large documents.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { JsonPath } from '../../../shared/jsonPath';
import { RECORD_RULES } from '../../../server/src/language/rules/recordRules';
import type { RuleContext, RuleReport } from '../../../server/src/language/rules/types';
import { analyze, fixture, problemsOf, repoRoot } from '../../helpers';

const RECORD_CODES = new Set(RECORD_RULES.map((rule) => rule.id));
const VALID_FIXTURES = [
	'kafka-destination-record.json',
	'kafka-event-msk.json',
	'kafka-event-self-managed.json',
	'records-array.json',
	'records.jsonl',
	's3-record-object.json',
	's3-record-string.json',
	'sqs-record.json',
];

function replaceNth(text: string, search: string, replacement: string, nth: number): string {
	let at = -1;
	for (let i = 0; i <= nth; i++) {
		at = text.indexOf(search, at + 1);
		assert.ok(at >= 0, `${search} #${nth}`);
	}
	return text.slice(0, at) + replacement + text.slice(at + search.length);
}

describe('record rules on the fixtures', () => {
	it('finds no problem at all in any valid fixture', () => {
		const listed = fs.readdirSync(path.join(repoRoot(), 'test', 'fixtures', 'records')).filter((name) => !name.endsWith('.jsonc'));
		assert.deepEqual([...listed].sort(), [...VALID_FIXTURES].sort(), 'a new fixture should be added to this list');
		for (const name of VALID_FIXTURES) {
			const analysis = analyze(fixture(`records/${name}`), { fileName: name });
			assert.notEqual(analysis.kind, 'unknown', name);
			assert.deepEqual(problemsOf(fixture(`records/${name}`), { fileName: name }), [], name);
		}
	});

	it("gives exactly the expected problems for AWS's SQS/SNS example record", () => {
		const text = fixture('records/aws-docs-sqs-example.jsonc');
		const kinesis =
			"this is a Kinesis sequence number from AWS's documentation example, not a Kafka offset (Kafka offsets are 64-bit, at most 9223372036854775807).";
		assert.deepEqual(
			problemsOf(text).map((p) => [p.code, p.severity, p.range, p.code === 'offset-range' ? p.message : p.text]),
			[
				['syntax-union', 'error', [4, 17, 4, 72], '"RetryAttemptsExhausted" | "MaximumPayloadSizeExceeded"'],
				['syntax-comment', 'error', [7, 23, 7, 70], '// null if record is MaximumPayloadSizeExceeded'],
				['bootstrap-servers', 'error', [17, 24, 17, 29], '"..."'],
				['syntax-comment', 'error', [18, 28, 18, 39], '// In bytes'],
				['offset-range', 'error', [21, 29, 21, 87], `"firstRecordOffset" has 56 digits: ${kinesis}`],
				['offset-range', 'error', [22, 28, 22, 86], `"lastRecordOffset" has 56 digits: ${kinesis}`],
				['syntax-trailing-comma', 'error', [24, 57, 24, 58], ','],
				['duplicate-partition-range', 'warning', [26, 6, 26, 15], '"Topic-1"'],
				['offset-range', 'error', [27, 29, 27, 87], `"firstRecordOffset" has 56 digits: ${kinesis}`],
				['offset-range', 'error', [28, 28, 28, 86], `"lastRecordOffset" has 56 digits: ${kinesis}`],
				['syntax-trailing-comma', 'error', [30, 57, 30, 58], ','],
			],
		);
	});

	it("gives the expected problems for a record modelled on AWS's Kafka-destination example", () => {
		const kinesis = '49601189658422359378836298521827638475320189012309704722';
		const text = JSON.stringify(
			{
				requestContext: {
					requestId: 'e4b46cbf-b738-xmpl-8880-a18cdf61200e',
					functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
					condition: 'RetriesExhausted',
					approximateInvokeCount: 3,
				},
				responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
				version: '1.0',
				timestamp: '2019-11-14T18:16:05.568Z',
				KafkaBatchInfo: {
					batchSize: 1,
					eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abc123',
					bootstrapServers: 'b-1.my-cluster.abc123.c2.kafka.us-east-1.amazonaws.com:9092',
					payloadSize: 1024,
					recordInfo: { offset: kinesis, timestamp: '2019-11-14T18:16:05.568Z' },
				},
				payload: {
					eventSource: 'aws:kafka',
					eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abc123',
					bootstrapServers: 'b-1.my-cluster.abc123.c2.kafka.us-east-1.amazonaws.com:9092',
					records: {
						'my-topic-0': [
							{
								topic: 'my-topic',
								partition: 0,
								offset: 100,
								timestamp: 1573755365568,
								timestampType: 'CREATE_TIME',
								key: 'a2V5',
								value: 'dmFsdWU=',
								headers: [],
							},
						],
					},
				},
			},
			null,
			2,
		);
		assert.deepEqual(
			problemsOf(text).map((p) => [p.code, p.severity, p.range[0], p.text]),
			[
				['condition-value', 'warning', 4, '"RetriesExhausted"'],
				['event-source-arn', 'warning', 16, 'abc123'],
				['offset-range', 'error', 20, `"${kinesis}"`],
				['event-source-arn', 'warning', 26, 'abc123'],
			],
		);
	});

	it('points into the right element of an array', () => {
		let text = fixture('records/records-array.json');
		text = replaceNth(text, '"firstRecordOffset": "17"', '"firstRecordOffset": "18"', 1);
		text = replaceNth(text, '"condition": "RetryAttemptsExhausted"', '"condition": "RetriesExhausted"', 2);
		assert.deepEqual(
			problemsOf(text).map((p) => [p.code, p.range, p.text]),
			[
				['batch-consistency', [63, 31, 63, 35], '"18"'],
				['offset-range', [64, 30, 64, 34], '"17"'],
				['condition-value', [76, 19, 76, 37], '"RetriesExhausted"'],
			],
		);
	});

	it('points into the right line of JSON Lines', () => {
		let text = fixture('records/records.jsonl');
		text = replaceNth(text, '"condition":"MaximumPayloadSizeExceeded"', '"condition":"RetriesExhausted"', 0);
		text = replaceNth(text, '"bootstrapServers":"b-1', '"bootstrapServers":"b-1x', 2);
		assert.deepEqual(
			problemsOf(text, { fileName: 'records.jsonl' }).map((p) => [p.code, p.range[0], p.text]),
			[['condition-value', 1, '"RetriesExhausted"']],
			'line 3 (b-1x...) is still a valid host',
		);
		const broken = replaceNth(fixture('records/records.jsonl'), '"firstRecordOffset":"530"', '"firstRecordOffset":"531"', 0);
		assert.deepEqual(
			problemsOf(broken, { fileName: 'records.jsonl' }).map((p) => [p.code, p.range[0], p.text]),
			[['offset-range', 2, '"530"']],
		);
	});
});

describe('record rules on any input', () => {
	const WEIRD: unknown[] = [null, true, 0, -1, 1.5, 1e300, '', 'x', '-', '...', '9'.repeat(30), [], {}, [null], { __proto__x: 1 }];

	/** Every path of a JSON value, arrays cut to their first two elements. */
	function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
		const out: (string | number)[][] = [prefix];
		if (Array.isArray(value)) {
			value.slice(0, 2).forEach((v, i) => out.push(...paths(v, [...prefix, i])));
		} else if (typeof value === 'object' && value !== null) {
			for (const [k, v] of Object.entries(value)) {
				out.push(...paths(v, [...prefix, k]));
			}
		}
		return out;
	}

	function replaced(root: unknown, at: (string | number)[], value: unknown): unknown {
		if (at.length === 0) {
			return value;
		}
		const copy = structuredClone(root) as Record<string | number, unknown>;
		let target = copy;
		for (const segment of at.slice(0, -1)) {
			target = target[segment] as Record<string | number, unknown>;
		}
		target[at[at.length - 1]] = value;
		return copy;
	}

	it('never throws, whatever JSON value stands anywhere in a record or an event', () => {
		for (const name of ['s3-record-object.json', 'kafka-destination-record.json', 'kafka-event-self-managed.json']) {
			const root = JSON.parse(fixture(`records/${name}`)) as unknown;
			for (const at of paths(root)) {
				for (const value of WEIRD) {
					const text = JSON.stringify(replaced(root, at, value));
					assert.doesNotThrow(() => analyze(text), `${name} ${JSON.stringify(at)} = ${JSON.stringify(value)}`);
				}
			}
		}
	});

	it('never throws when a rule is called directly with odd subjects and payloads', () => {
		const subjects: Record<string, unknown>[] = [
			{},
			{ KafkaBatchInfo: null, requestContext: [], records: 'x' },
			{
				KafkaBatchInfo: { recordsInfo: { '': null, '-': [], __proto__: { firstRecordOffset: {} } }, recordInfo: 5 },
				records: { '-': null, 'a-0': [null, [], { offset: -1e300 }] },
			},
		];
		for (const rule of RECORD_RULES) {
			for (const value of subjects) {
				for (const payload of [undefined, ...WEIRD, { records: { 'a-0': [{ offset: 2 ** 60 }] } }]) {
					const context: RuleContext = {
						kind: rule.kinds[0],
						value,
						requestMode: undefined,
						nested: false,
						payload,
						report: (_: RuleReport) => undefined,
						rawNumber: (_: JsonPath) => undefined,
					};
					assert.doesNotThrow(() => rule.check(context), rule.id);
				}
			}
		}
	});

	it('treats a "__proto__" key as an ordinary key', () => {
		const text = fixture('records/sqs-record.json').replace('"order-events-1"', '"__proto__"');
		assert.deepEqual(
			problemsOf(text).map((p) => [p.code, p.text]),
			[['topic-partition-key', '"__proto__"']],
		);
	});
});

describe('the record rule list', () => {
	it('has unique ids, one file per rule named after it, and a one-sentence description each', () => {
		assert.equal(RECORD_CODES.size, RECORD_RULES.length);
		const dir = path.join(repoRoot(), 'server', 'src', 'language', 'rules');
		for (const rule of RECORD_RULES) {
			assert.ok(fs.existsSync(path.join(dir, `${rule.id}.ts`)), rule.id);
			assert.match(rule.description, /^[A-Z].*\.$/, rule.id);
			assert.ok(
				rule.kinds.every((kind) => kind === 'failure-record' || kind === 'kafka-event'),
				rule.id,
			);
		}
	});
});

describe('record rules on large documents', () => {
	function runRules(value: Record<string, unknown>, kind: 'failure-record' | 'kafka-event', payload: unknown): number {
		let reports = 0;
		for (const rule of RECORD_RULES) {
			if (!rule.kinds.includes(kind)) {
				continue;
			}
			rule.check({ kind, value, requestMode: undefined, nested: kind === 'kafka-event', payload, report: () => reports++, rawNumber: () => undefined });
		}
		return reports;
	}

	it('checks a 5,000-record payload and a 10,000-record array in linear time', () => {
		const value = Buffer.alloc(1024, 65).toString('base64');
		const list = Array.from({ length: 5000 }, (_, i) => ({
			topic: 'orders',
			partition: 0,
			offset: 1000 + i,
			timestamp: 1736942400000 + i,
			timestampType: 'CREATE_TIME',
			key: 'a2V5',
			value,
			headers: [{ h: [1, 2] }],
		}));
		const event = {
			eventSource: 'aws:kafka',
			eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/7c9e6679-7425-40de-944b-e07fc1f90ae7-1',
			bootstrapServers: 'b:9092',
			records: { 'orders-0': list },
		};
		const record = JSON.parse(fixture('records/sqs-record.json')) as Record<string, unknown>;
		const info = record['KafkaBatchInfo'] as Record<string, unknown>;
		info['batchSize'] = 5000;
		info['eventSourceArn'] = event.eventSourceArn;
		info['bootstrapServers'] = event.bootstrapServers;
		info['recordsInfo'] = {
			'orders-0': {
				firstRecordOffset: '1000',
				lastRecordOffset: '5999',
				firstRecordTimestamp: new Date(1736942400000).toISOString(),
				lastRecordTimestamp: new Date(1736942404999).toISOString(),
			},
		};
		const started = process.hrtime.bigint();
		assert.equal(runRules(record, 'failure-record', event), 0);
		assert.equal(runRules(event, 'kafka-event', undefined), 0);
		const payloadMs = Number(process.hrtime.bigint() - started) / 1e6;

		const records = Array.from({ length: 10_000 }, () => JSON.parse(fixture('records/sqs-record.json')) as Record<string, unknown>);
		const arrayStarted = process.hrtime.bigint();
		for (const one of records) {
			assert.equal(runRules(one, 'failure-record', undefined), 0);
		}
		const arrayMs = Number(process.hrtime.bigint() - arrayStarted) / 1e6;
		// Generous bounds: a regression to quadratic time or per-character regexes shows up as seconds.
		assert.ok(payloadMs < 1000, `payload rules took ${payloadMs} ms`);
		assert.ok(arrayMs < 2000, `array rules took ${arrayMs} ms`);
	});
});
