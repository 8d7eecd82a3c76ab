/** The names fetched records open under, and the message that says what was fetched. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FetchOrigin } from '../../client/src/fetch/fetchedNames';
import { FETCHED_SCHEME, fetchedMessage, lastKeySegment, planDocuments } from '../../client/src/fetch/fetchedNames';
import { DOCUMENT_SELECTOR } from '../../client/src/documentSelector';

const SQS: FetchOrigin = { kind: 'sqs', queueName: 'orders-consumer-failures' };
const KEY_1 = 'aws/lambda/c2d8e6f4-1b3a-4c5d-9e7f-6a8b0c2d4e6f/payment-events-0/2025/01/15/2025-01-15T14.22.05-5e2a9c41-8d7b-4f36-a0e1-c94b7d2f6a18';
const KEY_2 = 'aws/lambda/c2d8e6f4-1b3a-4c5d-9e7f-6a8b0c2d4e6f/payment-events-3/2025/01/15/2025-01-15T15.03.44-0c8f3e6d-2b1a-4d97-9e54-7a3c1b8d6f20';
const S3_ONE: FetchOrigin = { kind: 's3', bucket: 'payments-consumer-failures', keys: [KEY_1] };
const S3_TWO: FetchOrigin = { kind: 's3', bucket: 'payments-consumer-failures', keys: [KEY_1, KEY_2] };

const records = [
	{ name: '6f1c0a52-2b44-4c1e-9a53-0d8e7b6a5f41', text: '{ "offset": 9007199254740993 }' },
	{ name: 'b2e8d7c6-5a49-4f30-8e1d-2c3b4a5d6e7f', text: '{"n": [1, 2]}' },
];

describe('fetched record documents', () => {
	it('names SQS records after the queue and the first message (JSON Lines) or each message', () => {
		assert.deepEqual(planDocuments(SQS, records, true), [
			{
				name: 'orders-consumer-failures-6f1c0a52-2b44-4c1e-9a53-0d8e7b6a5f41.records.jsonl',
				language: 'jsonl',
				content: '{"offset":9007199254740993}\n{"n":[1,2]}\n',
			},
		]);
		assert.deepEqual(
			planDocuments(SQS, [...records, { name: 'c0ffee00-0000-4000-8000-000000000000', text: 'not json' }], false).map((d) => [d.name, d.language]),
			[
				['6f1c0a52-2b44-4c1e-9a53-0d8e7b6a5f41.record.json', 'json'],
				['b2e8d7c6-5a49-4f30-8e1d-2c3b4a5d6e7f.record.json', 'json'],
				['c0ffee00-0000-4000-8000-000000000000.record.json', 'plaintext'],
			],
		);
	});

	it("names an S3 record after its key's last segment, and keeps the JSON as the object held it", () => {
		assert.deepEqual(planDocuments(S3_ONE, [{ name: KEY_1, text: '{"a":1}' }], false), [
			{ name: '2025-01-15T14.22.05-5e2a9c41-8d7b-4f36-a0e1-c94b7d2f6a18', language: 'json', content: '{\n  "a": 1\n}\n' },
		]);
		assert.deepEqual(
			planDocuments(
				S3_TWO,
				[
					{ name: KEY_1, text: '{}' },
					{ name: KEY_2, text: '[]' },
				],
				true,
			).map((d) => d.name),
			['payments-consumer-failures-2025-01-15T14.22.05-5e2a9c41-8d7b-4f36-a0e1-c94b7d2f6a18.records.jsonl'],
		);
	});

	it('makes names every file system accepts', () => {
		assert.equal(lastKeySegment('a/b/'), 'b');
		assert.equal(lastKeySegment('plain'), 'plain');
		assert.deepEqual(
			planDocuments(
				{ kind: 's3', bucket: 'b', keys: [] },
				[
					{ name: 'dir/we:ird*na?me|"<>\\\t', text: '{}' },
					{ name: '///', text: '{}' },
				],
				false,
			).map((d) => d.name),
			['we_ird_na_me______', 'record'],
		);
	});

	it('says how many records came from which queue or object', () => {
		assert.equal(fetchedMessage(SQS, 1), 'Fetched 1 record from orders-consumer-failures');
		assert.equal(fetchedMessage(SQS, 2), 'Fetched 2 records from orders-consumer-failures');
		assert.equal(fetchedMessage(S3_ONE, 1), `Fetched 1 record from s3://payments-consumer-failures/${KEY_1}`);
		assert.equal(fetchedMessage(S3_TWO, 2), 'Fetched 2 records from 2 objects in s3://payments-consumer-failures');
	});

	it("has the language server validate the fetched documents' scheme, other schemes as before", () => {
		assert.deepEqual(DOCUMENT_SELECTOR, [
			{ language: 'json' },
			{ language: 'jsonc' },
			{ language: 'jsonl' },
			{ language: 'yaml' },
			{ language: 'plaintext' },
			{ language: 'terraform' },
			{ scheme: FETCHED_SCHEME },
		]);
		assert.equal(FETCHED_SCHEME, 'lambda-kafka-fetched');
	});
});
