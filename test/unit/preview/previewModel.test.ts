import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PreviewModel, PreviewOptions } from '../../../shared/protocol';
import { buildPreviewModel, previewAnchors } from '../../../server/src/language/preview/previewModel';
import { analyze, fixture } from '../../helpers';

const NOW = Date.parse('2025-01-16T00:00:00Z');

function model(text: string, options: PreviewOptions = {}, fileName = 'records.json'): PreviewModel {
	const analysis = analyze(text, { fileName });
	return buildPreviewModel({ uri: 'file:///work/records.json', version: 3, text, analysis, options: { now: NOW, ...options } });
}

/** Compact views of the partitions, for readable assertions. */
function partitionsOf(m: PreviewModel): unknown[] {
	return m.partitions.map((p) => ({
		partition: `${p.topic}/${p.partition}`,
		records: p.recordIndexes,
		merged: p.merged.map((r) => `${r.firstOffset}-${r.lastOffset} n=${r.count} [${r.recordIndexes.join(',')}]`),
		gaps: p.gaps.map((g) => `${g.firstOffset}-${g.lastOffset} n=${g.size}`),
		overlaps: p.overlaps.map((o) => `${o.firstOffset}-${o.lastOffset} n=${o.size} [${o.recordIndexes.join(',')}]${o.duplicate ? ' dup' : ''}`),
		total: p.total,
	}));
}

function recordsInfoLine(topicPartition: string, first: string | number, last: string | number, firstTs: string, lastTs: string, extra = ''): string {
	const info = `{"firstRecordOffset":${JSON.stringify(first)},"lastRecordOffset":${JSON.stringify(last)},"firstRecordTimestamp":"${firstTs}","lastRecordTimestamp":"${lastTs}"}`;
	return `{"requestContext":{"requestId":"r","functionArn":"arn:aws:lambda:eu-west-1:123456789012:function:f","condition":"RetryAttemptsExhausted","approximateInvokeCount":1},"version":"1.0","timestamp":"${lastTs}","KafkaBatchInfo":{"batchSize":1,"bootstrapServers":"kafka-1.internal:9096"${extra},"payloadSize":1,"recordsInfo":{${JSON.stringify(topicPartition)}:${info}}}}`;
}

describe('preview model', () => {
	it('describes an SQS record: ranges, counts, timestamps, commands', () => {
		const m = model(fixture('records/sqs-record.json'));
		assert.equal(m.kind, 'failure-record');
		assert.equal(m.layout, 'single');
		assert.equal(m.version, 3);
		const [record] = m.records;
		assert.deepEqual(
			{ ...record, ranges: undefined, bootstrapServers: undefined },
			{
				index: 0,
				line: 0,
				source: 'recordsInfo',
				requestId: '9f3c2a71-4b8e-4d2f-a6c5-1e7b0d93f8a4',
				condition: 'RetryAttemptsExhausted',
				timestamp: '2025-01-15T12:00:31.250Z',
				functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:order-events-consumer',
				functionName: 'order-events-consumer',
				bootstrapServers: undefined,
				eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
				batchSize: 3,
				ranges: undefined,
				hasPayload: false,
				notes: [],
			},
		);
		assert.deepEqual(record.ranges[0], {
			key: 'order-events-0',
			topic: 'order-events',
			partition: 0,
			firstOffset: '41',
			lastOffset: '42',
			count: '2',
			firstTimestamp: '2025-01-15T12:00:00.123Z',
			lastTimestamp: '2025-01-15T12:00:00.456Z',
			spanMs: 333,
			valid: true,
		});
		assert.deepEqual(partitionsOf(m), [
			{ partition: 'order-events/0', records: [0], merged: ['41-42 n=2 [0]'], gaps: [], overlaps: [], total: '2' },
			{ partition: 'order-events/1', records: [0], merged: ['17-17 n=1 [0]'], gaps: [], overlaps: [], total: '1' },
		]);
		const p0 = m.partitions[0];
		assert.deepEqual(p0.auth, { kind: 'msk-iam', source: 'port', reason: 'The brokers listen on port 9098, which Amazon MSK uses for IAM access control.' });
		const brokers =
			'b-1.orders-prod.q7x2kd.c3.kafka.us-east-1.amazonaws.com:9098,b-2.orders-prod.q7x2kd.c3.kafka.us-east-1.amazonaws.com:9098,b-3.orders-prod.q7x2kd.c3.kafka.us-east-1.amazonaws.com:9098';
		assert.deepEqual(
			p0.commands.map((c) => c.command),
			[
				// MSK IAM: the command that can authenticate first.
				`kafka-console-consumer.sh --bootstrap-server ${brokers} --topic order-events --partition 0 --offset 41 --max-messages 2 --property print.key=true --property print.offset=true --property print.timestamp=true --property print.headers=true --consumer.config client.properties`,
				`kcat -C -b ${brokers} -t order-events -p 0 -o 41 -c 2 -e`,
				`kcat -C -b ${brokers} -t order-events -p 0 -o 41 -c 2 -e -J`,
				`kcat -C -b ${brokers} -t order-events -p 0 -o s@1736942400123 -o e@1736942400457 -e`,
			],
		);
		assert.deepEqual(
			m.configTemplates.map((t) => [t.auth, t.fileName]),
			[['msk-iam', 'client.properties']],
		);
		assert.deepEqual(m.notes, [
			{ severity: 'info', message: "Reading by partition and offset with no consumer group commits nothing: these commands move no consumer group's offsets." },
		]);
		assert.deepEqual(m.payloadRecords, []);
	});

	it('merges an array of records, marks duplicate and overlapping ranges, and decodes payloads', () => {
		const m = model(fixture('records/records-array.json'));
		assert.deepEqual(
			m.records.map((r) => [r.index, r.line, r.source, r.hasPayload]),
			[
				[0, 1, 'recordsInfo', false],
				[1, 36, 'recordsInfo', true],
				[2, 72, 'recordInfo', true],
			],
		);
		assert.deepEqual(partitionsOf(m), [
			{
				partition: 'order-events/0',
				records: [0, 1, 2],
				merged: ['41-42 n=2 [0,1,2]'],
				gaps: [],
				overlaps: ['41-41 n=1 [0,1] dup', '42-42 n=1 [0,1,2]'],
				total: '2',
			},
			{ partition: 'order-events/1', records: [0, 1], merged: ['17-17 n=1 [0,1]'], gaps: [], overlaps: ['17-17 n=1 [0,1] dup'], total: '1' },
		]);
		assert.deepEqual(
			m.payloadRecords.map((r) => [r.recordIndex, `${r.topic}/${r.partition}@${r.offset}`, r.position, r.rangeKey, r.key.text]),
			[
				[1, 'order-events/0@41', 'first', 'order-events-0', 'customer-1001'],
				[1, 'order-events/0@42', 'last', 'order-events-0', 'customer-1002'],
				[1, 'order-events/1@17', 'only', 'order-events-1', 'customer-1003'],
				[2, 'order-events/0@42', 'only', 'order-events-0', 'customer-1002'],
			],
		);
		const first = m.payloadRecords[0];
		assert.equal(first.timestamp, '2025-01-15T12:00:00.123Z');
		assert.equal(first.timestampType, 'CREATE_TIME');
		assert.deepEqual(first.value, {
			form: 'json',
			text: '{\n  "orderId": 41,\n  "customerId": 1001,\n  "status": "CREATED"\n}',
			byteLength: 51,
			truncated: false,
		});
		assert.deepEqual(
			first.headers.map((h) => [h.name, h.value.form, h.value.text]),
			[
				['content-type', 'text', 'application/json'],
				['x-source', 'text', 'café-checkout'],
			],
		);
	});

	it('lists JSON Lines records with their lines', () => {
		const m = model(fixture('records/records.jsonl'), {}, 'records.jsonl');
		assert.equal(m.layout, 'json-lines');
		assert.deepEqual(
			m.records.map((r) => [r.index, r.line, r.condition, r.ranges.map((x) => `${x.key}:${x.count}`).join()]),
			[
				[0, 0, 'RetryAttemptsExhausted', 'order-events-2:2'],
				[1, 1, 'MaximumPayloadSizeExceeded', 'order-events-0:120'],
				[2, 2, 'RecordAgeExceeded', 'order-events-1:1'],
			],
		);
		assert.deepEqual(
			m.partitions.map((p) => `${p.partition}:${p.total}`),
			['0:120', '1:1', '2:2'],
		);
	});

	it('merges overlapping JSON Lines ranges with gaps, and keeps offsets above 2^53 exact', () => {
		const lines = [
			recordsInfoLine('orders.v2-eu-5', '100', '199', '2025-01-15T10:00:00.000Z', '2025-01-15T10:00:10.000Z'),
			recordsInfoLine('orders.v2-eu-5', '150', '250', '2025-01-15T10:00:05.000Z', '2025-01-15T10:00:20.000Z'),
			'',
			recordsInfoLine('orders.v2-eu-5', '300', '300', '2025-01-15T10:01:00.000Z', '2025-01-15T10:01:00.000Z'),
			recordsInfoLine('orders.v2-eu-6', '9007199254740993', '9007199254740995', '2025-01-15T10:02:00.000Z', '2025-01-15T10:02:00.002Z'),
		];
		// Offsets above 2^53 as JSON numbers: unquote the digits (a JS number literal would round them).
		const text = lines.join('\n').replace('"9007199254740993"', '9007199254740993').replace('"9007199254740995"', '9007199254740995');
		assert.match(text, /"firstRecordOffset":9007199254740993,"lastRecordOffset":9007199254740995,/);
		const m = model(text, {}, 'failures.jsonl');
		assert.deepEqual(
			m.records.map((r) => [r.index, r.line]),
			[
				[0, 0],
				[1, 1],
				[2, 3],
				[3, 4],
			],
		);
		assert.deepEqual(partitionsOf(m), [
			{
				partition: 'orders.v2-eu/5',
				records: [0, 1, 2],
				merged: ['100-250 n=151 [0,1]', '300-300 n=1 [2]'],
				gaps: ['251-299 n=49'],
				overlaps: ['150-199 n=50 [0,1]'],
				total: '152',
			},
			{ partition: 'orders.v2-eu/6', records: [3], merged: ['9007199254740993-9007199254740995 n=3 [3]'], gaps: [], overlaps: [], total: '3' },
		]);
		assert.equal(m.partitions[0].auth.kind, 'sasl-scram-512');
		assert.equal(m.partitions[0].spanMs, 60_000);
		assert.match(m.partitions[1].commands[0].command, / -o 9007199254740993 -c 3 -e -F kcat\.properties$/);
	});

	it('explains the 56-digit offsets of the AWS documentation example and makes no commands', () => {
		const m = model(fixture('records/aws-docs-sqs-example.jsonc'), {}, 'example.jsonc');
		assert.deepEqual(m.partitions, []);
		const [range] = m.records[0].ranges;
		assert.equal(range.valid, false);
		assert.equal(range.firstOffset, '49601189658422359378836298521827638475320189012309704722');
		assert.match(range.problem!, /^firstRecordOffset has 56 digits: a Kinesis sequence number, not a Kafka offset \(at most 19 digits\)\./);
		assert.deepEqual(
			m.notes.map((n) => n.severity),
			['warning'],
		);
		assert.match(m.notes[0].message, /more than 19 digits/);
		assert.match(m.records[0].notes[0].message, /bootstrapServers is not a host:port list/);
	});

	it('reports ranges that cannot be read back', () => {
		const text = recordsInfoLine('no_partition', '5', '3', '2025-01-15T10:00:10.000Z', '2025-01-15T10:00:00.000Z').replace('"no_partition"', '"nopartition"');
		const m = model(text);
		const [range] = m.records[0].ranges;
		assert.equal(range.valid, false);
		assert.equal(
			range.problem,
			'"nopartition" is not "<topic>-<partition>". The first offset 5 is after the last offset 3. The first timestamp is after the last one.',
		);
		const reversed = model(recordsInfoLine('t-0', '5', '3', '2025-01-15T10:00:00.000Z', '2025-01-15T10:00:00.000Z')).records[0].ranges[0];
		assert.equal(reversed.problem, 'The first offset 5 is after the last offset 3.');
		const negative = model(recordsInfoLine('t-0', '-1', 3, '2025-01-15T10:00:00.000Z', '2025-01-15T10:00:00.000Z')).records[0].ranges[0];
		assert.equal(negative.problem, 'firstRecordOffset is not a Kafka offset (0 to 9223372036854775807).');
	});

	it('turns a bare Kafka event into ranges and decoded records', () => {
		const m = model(fixture('records/kafka-event-msk.json'), {}, 'kafka-event.json');
		assert.equal(m.records[0].source, 'kafka-event');
		assert.deepEqual(
			m.records[0].ranges.map((r) => [r.key, r.firstOffset, r.lastOffset, r.count, r.firstTimestamp, r.lastTimestamp]),
			[
				['order-events-0', '41', '42', '2', '2025-01-15T12:00:00.123Z', '2025-01-15T12:00:00.456Z'],
				['order-events-1', '17', '17', '1', '2025-01-15T12:00:01.789Z', '2025-01-15T12:00:01.789Z'],
			],
		);
		assert.deepEqual(
			m.payloadRecords.map((r) => r.position),
			['first', 'last', 'only'],
		);
		const selfManaged = model(fixture('records/kafka-event-self-managed.json'), {}, 'kafka-event.json');
		assert.deepEqual(
			selfManaged.partitions.map((p) => [p.partition, p.auth.kind, p.cluster]),
			[
				[0, 'plaintext', 'kafka-1.streaming.example.internal:9092,kafka-2.streaming.example.internal:9092,kafka-3.streaming.example.internal:9092'],
				[12, 'plaintext', 'kafka-1.streaming.example.internal:9092,kafka-2.streaming.example.internal:9092,kafka-3.streaming.example.internal:9092'],
			],
		);
		const noKey = selfManaged.payloadRecords.find((r) => r.offset === '4471')!;
		assert.deepEqual(noKey.key, { form: 'missing', text: '', byteLength: 0, truncated: false });
		assert.equal(noKey.timestampType, 'LOG_APPEND_TIME');
	});

	it('decodes the payload of S3 records given as an object or as a string alike', () => {
		const fromObject = model(fixture('records/s3-record-object.json'));
		const fromString = model(fixture('records/s3-record-string.json'));
		assert.equal(fromObject.payloadRecords.length, 3);
		assert.deepEqual(fromObject.payloadRecords, fromString.payloadRecords);
	});

	it('keeps a payload offset above 2^53 exact and flags records outside every range', () => {
		const event =
			'{"eventSource":"aws:kafka","records":{"order-events-0":[{"topic":"order-events","partition":0,"offset":9007199254740993,"timestamp":1736942400123,"timestampType":"CREATE_TIME","value":"AAEC/w==","headers":[]}]}}';
		const text = fixture('records/sqs-record.json').replace(/\n}\s*$/, `,\n  "payload": ${event}\n}`);
		const m = model(text);
		const [record] = m.payloadRecords;
		assert.equal(record.offset, '9007199254740993');
		assert.equal(record.position, 'outside');
		assert.deepEqual(record.value, { form: 'hex', text: '00 01 02 ff', byteLength: 4, truncated: false });
	});

	it('warns when the records may be past retention', () => {
		const old = model(fixture('records/sqs-record.json'), { now: Date.parse('2025-02-01T00:00:00Z') });
		assert.match(old.partitions[0].notes[0].message, /^The newest of these records is 16 d 12 h old, past Kafka's default retention of 7 days/);
		assert.deepEqual(model(fixture('records/sqs-record.json')).partitions[0].notes, []);
	});

	it('takes the auth from the mapping when the client knows it', () => {
		const m = model(fixture('records/sqs-record.json'), { sourceAccessTypes: ['SASL_SCRAM_512_AUTH'] });
		assert.equal(m.partitions[0].auth.source, 'mapping');
		assert.deepEqual(
			m.configTemplates.map((t) => `${t.auth}:${t.tool}`),
			['sasl-scram-512:kafka-console-consumer', 'sasl-scram-512:kcat'],
		);
	});

	it('links to kafka-ui and AKHQ only when their base URLs are set', () => {
		assert.deepEqual(model(fixture('records/sqs-record.json')).partitions[0].links, []);
		const m = model(fixture('records/sqs-record.json'), { kafkaUiBaseUrl: 'https://tools.example.com/kafka-ui/', akhqBaseUrl: 'http://localhost:8080' });
		assert.deepEqual(
			m.partitions[0].links.map((l) => l.url),
			[
				'https://tools.example.com/kafka-ui/ui/clusters/orders-prod/all-topics/order-events/messages?mode=FROM_OFFSET&offset=41&partitions=0&limit=2',
				'http://localhost:8080/ui/orders-prod/topic/order-events/data?single=true&partition=0&offset=41',
			],
		);
		const named = model(fixture('records/sqs-record.json'), { akhqBaseUrl: 'http://localhost:8080', clusterName: 'prod cluster' });
		assert.equal(named.partitions[1].links[0].url, 'http://localhost:8080/ui/prod%20cluster/topic/order-events/data?single=true&partition=1&offset=17');
		const selfManaged = model(fixture('records/kafka-event-self-managed.json'), { akhqBaseUrl: 'http://localhost:8080' }, 'kafka-event.json');
		assert.deepEqual(selfManaged.partitions[0].links, []);
		assert.match(selfManaged.partitions[0].notes[0].message, /set lambdaKafka\.preview\.clusterName/);
	});

	it('makes no commands or links for a topic Kafka would reject, and says why', () => {
		const options = { kafkaUiBaseUrl: 'https://tools.example.com/kafka-ui', akhqBaseUrl: 'http://localhost:8080', clusterName: 'orders-prod' };
		const reasons: Record<string, string> = {
			'../../api/clusters': '"/" at position 3',
			'a/b': '"/" at position 2',
			'%2e%2e%2f': '"%" at position 1',
		};
		for (const [topic, where] of Object.entries(reasons)) {
			const text = recordsInfoLine(`${topic}-0`, 10, 12, '2025-01-15T10:00:00.000Z', '2025-01-15T10:00:01.000Z');
			const [partition] = model(text, options, 'r.json').partitions;
			assert.equal(partition.topic, topic);
			assert.deepEqual(partition.commands, [], topic);
			assert.deepEqual(partition.links, [], topic);
			assert.deepEqual(partition.notes, [
				{
					severity: 'warning',
					message: `A Kafka topic name may contain only ASCII letters, digits, ".", "_" and "-"; ${where} is not allowed. No Kafka cluster has such a topic, so no consumer commands or web-UI links are made for it; check the record.`,
				},
			]);
		}
	});

	it('makes no links for a cluster name that would leave its path segment, and says why', () => {
		const text = recordsInfoLine('orders-0', 10, 12, '2025-01-15T10:00:00.000Z', '2025-01-15T10:00:01.000Z');
		const [partition] = model(text, { akhqBaseUrl: 'http://localhost:8080', clusterName: '../../api' }, 'r.json').partitions;
		assert.deepEqual(partition.links, []);
		assert.equal(partition.commands.length, 4);
		assert.deepEqual(partition.notes, [
			{
				severity: 'info',
				message:
					'The cluster name cannot be part of a link: "/" would change the link\'s path once decoded. No web-UI links are made; check lambdaKafka.preview.clusterName or the record\'s event source ARN.',
			},
		]);
	});

	it('lists commands for the first 20 separate ranges of a partition and says how to read them all', () => {
		const text = Array.from({ length: 25 }, (_, i) =>
			recordsInfoLine('t-0', String(i * 10), String(i * 10 + 1), '2025-01-15T10:00:00.000Z', '2025-01-15T10:00:01.000Z'),
		).join('\n');
		const [partition] = model(text, {}, 'r.jsonl').partitions;
		assert.equal(partition.merged.length, 25);
		assert.equal(partition.gaps.length, 24);
		assert.equal(partition.commands.length, 20 * 4);
		assert.deepEqual(
			partition.notes.map((n) => n.message),
			['Commands are listed for the first 20 of 25 separate ranges; to read them all at once, read from offset 0 to 241, gaps included.'],
		);
	});

	it('says so when there is nothing to preview', () => {
		const m = model('{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:q"}}', {}, 'x.destination.json');
		assert.deepEqual(m.records, []);
		assert.deepEqual(m.notes, [{ severity: 'info', message: 'This document has no failure records or Kafka events to preview.' }]);
	});
});

describe('preview anchors (code lenses)', () => {
	function anchorTexts(text: string, fileName: string): string[] {
		return previewAnchors(analyze(text, { fileName })).map((a) => `${a.recordIndex}:${text.slice(a.offset, a.offset + 14)}`);
	}

	it('puts a lens on recordsInfo of a single record', () => {
		assert.deepEqual(anchorTexts(fixture('records/sqs-record.json'), 'r.json'), ['0:"recordsInfo":']);
		assert.deepEqual(anchorTexts(fixture('records/kafka-destination-record.json'), 'r.json'), ['0:"recordInfo": ']);
		assert.deepEqual(anchorTexts(fixture('records/kafka-event-msk.json'), 'kafka-event.json'), ['0:"records": {\n ']);
	});

	it('puts a lens on each record of an array and on its recordsInfo', () => {
		assert.deepEqual(anchorTexts(fixture('records/records-array.json'), 'r.json'), [
			'0:{\n    "request',
			'0:"recordsInfo":',
			'1:{\n    "request',
			'1:"recordsInfo":',
			'2:{\n    "request',
			'2:"recordInfo": ',
		]);
	});

	it('puts a lens on each JSON Lines record', () => {
		const text = fixture('records/records.jsonl');
		const anchors = previewAnchors(analyze(text, { fileName: 'records.jsonl' }));
		const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
		assert.deepEqual(
			anchors.map((a) => [a.recordIndex, lineOf(a.offset)]),
			[
				[0, 0],
				[0, 0],
				[1, 1],
				[1, 1],
				[2, 2],
				[2, 2],
			],
		);
	});
});
