import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node';
import { PreviewModelRequest } from '../../shared/protocol';
import { fixture } from '../helpers';
import { LspTestClient } from './lspClient';
import { requestType } from '../../server/src/lsp/requestTypes';

const previewModel = requestType(PreviewModelRequest.type);

function codeLenses(client: LspTestClient, uri: string): Promise<CodeLens[] | null> {
	return client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
}

describe('preview over stdio', () => {
	let client: LspTestClient;
	let capabilities: Awaited<ReturnType<typeof LspTestClient.start>>['result']['capabilities'];

	before(async () => {
		// As the VS Code extension does: it runs the lenses' command.
		const started = await LspTestClient.start({ configuration: { validation: { debounceMs: 20 } }, initializationOptions: { previewCodeLens: true } });
		client = started.client;
		capabilities = started.result.capabilities;
	});
	after(async () => {
		await client.stop();
	});

	it('announces code lenses', () => {
		assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
	});

	it('answers the preview model of an open record', async () => {
		const uri = 'file:///work/preview/sqs-record.json';
		await client.open(uri, fixture('records/sqs-record.json'), 'json', 4);
		const model = await client.connection.sendRequest(previewModel, { uri, options: { now: Date.parse('2025-01-16T00:00:00Z') } });
		assert.ok(model);
		assert.equal(model.uri, uri);
		assert.equal(model.version, 4);
		assert.deepEqual(
			model.partitions.map((p) => [p.topic, p.partition, p.merged[0].firstOffset, p.merged[0].count, p.auth.kind]),
			[
				['order-events', 0, '41', '2', 'msk-iam'],
				['order-events', 1, '17', '1', 'msk-iam'],
			],
		);
		// MSK IAM: kafka-console-consumer, which can authenticate, comes before kcat.
		assert.match(
			model.partitions[0].commands[0].command,
			/^kafka-console-consumer\.sh --bootstrap-server \S+ --topic order-events --partition 0 --offset 41 --max-messages 2 /,
		);
		assert.match(model.partitions[0].commands[1].command, /^kcat -C -b \S+ -t order-events -p 0 -o 41 -c 2 -e$/);
		assert.deepEqual(model.partitions[0].links, []);
	});

	it('passes the client options through: links, auth', async () => {
		const uri = 'file:///work/preview/sqs-record.json';
		const model = await client.connection.sendRequest(previewModel, {
			uri,
			options: { akhqBaseUrl: 'http://localhost:8080', sourceAccessTypes: ['SASL_SCRAM_512_AUTH'], now: Date.parse('2025-01-16T00:00:00Z') },
		});
		assert.equal(model?.partitions[0]!.links[0]!.url, 'http://localhost:8080/ui/orders-prod/topic/order-events/data?single=true&partition=0&offset=41');
		assert.equal(model?.partitions[0].auth.kind, 'sasl-scram-512');
	});

	it('answers null for a document that is not open', async () => {
		assert.equal(await client.connection.sendRequest(previewModel, { uri: 'file:///work/preview/closed.json' }), null);
	});

	it('follows edits', async () => {
		const uri = 'file:///work/preview/edited.json';
		const text = fixture('records/sqs-record.json');
		await client.open(uri, text);
		const line = text.split('\n').findIndex((l) => l.includes('"lastRecordOffset": "42"'));
		const character = text.split('\n')[line].indexOf('42');
		await client.change(uri, 2, [{ range: { start: { line, character }, end: { line, character: character + 2 } }, text: '9223372036854775807' }]);
		const model = await client.connection.sendRequest(previewModel, { uri });
		assert.equal(model?.version, 2);
		assert.deepEqual(model?.partitions[0].merged[0], {
			firstOffset: '41',
			lastOffset: '9223372036854775807',
			count: '9223372036854775767',
			recordIndexes: [0],
			firstTimestamp: '2025-01-15T12:00:00.123Z',
			lastTimestamp: '2025-01-15T12:00:00.456Z',
		});
	});

	it('puts "Preview offsets" lenses on recordsInfo and on each record of an array', async () => {
		const uri = 'file:///work/preview/records-array.json';
		const text = fixture('records/records-array.json');
		await client.open(uri, text);
		const lenses = (await codeLenses(client, uri)) ?? [];
		const lines = text.split('\n');
		assert.deepEqual(
			lenses.map((l) => [l.range.start.line, lines[l.range.start.line].trim().slice(0, 15), l.command?.title, l.command?.command, l.command?.arguments]),
			[
				[1, '{', 'Preview offsets', 'lambdaKafka.previewOffsets', [uri, 0]],
				[20, '"recordsInfo": ', 'Preview offsets', 'lambdaKafka.previewOffsets', [uri, 0]],
				[36, '{', 'Preview offsets', 'lambdaKafka.previewOffsets', [uri, 1]],
				[55, '"recordsInfo": ', 'Preview offsets', 'lambdaKafka.previewOffsets', [uri, 1]],
				[72, '{', 'Preview offsets', 'lambdaKafka.previewOffsets', [uri, 2]],
				[91, '"recordInfo": {', 'Preview offsets', 'lambdaKafka.previewOffsets', [uri, 2]],
			],
		);
	});

	it('puts one lens on each JSON Lines record, and no preview lens on other documents', async () => {
		const uri = 'file:///work/preview/records.jsonl';
		await client.open(uri, fixture('records/records.jsonl'), 'jsonl');
		const lenses = (await codeLenses(client, uri)) ?? [];
		assert.deepEqual(
			lenses.map((l) => [l.range.start.line, l.range.start.character, l.command?.arguments?.[1] as unknown]),
			[
				[0, 0, 0],
				[1, 0, 1],
				[2, 0, 2],
			],
		);
		const other = 'file:///work/preview/orders.destination.json';
		await client.open(other, '{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}');
		// A destination config gets the pre-flight check's lens instead (issue 15).
		assert.deepEqual(
			((await codeLenses(client, other)) ?? []).map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
			[[0, 'Check failure destination', 'lambdaKafka.checkFailureDestination', [other]]],
		);
		const create = 'file:///work/preview/create.json';
		await client.open(create, '{"FunctionName": "f", "EventSourceArn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/1", "Topics": ["t"]}');
		assert.deepEqual(await codeLenses(client, create), [], 'a create request has no mapping to check yet');
	});
});
