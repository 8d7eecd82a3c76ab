/**
 * Hovers on failure-record ranges (recordsInfo, recordInfo) and on Kafka event records (bare, in
 * a payload object, inside an escaped payload string): exact counts from 64-bit offsets, decoded
 * keys, values and headers, bounded sizes, and Markdown that record text cannot break out of.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeHover } from '../../server/src/language/features/hover';
import { sharedSchemaRegistry } from '../../server/src/node/schemaFiles';
import { formatDuration, reindentJson } from '../../shared/format';
import { describeBytes, headerBytes } from '../../server/src/language/util/kafkaRecord';
import { analyze, fixture } from '../helpers';

const registry = sharedSchemaRegistry();

/** The hover at `delta` characters into the `nth` occurrence of `needle` in `text`. */
function hoverAt(text: string, needle: string, delta = 1, nth = 0, fileName?: string): { markdown: string; covered: string } | undefined {
	let at = -1;
	for (let i = 0; i <= nth; i++) {
		at = text.indexOf(needle, at + 1);
		assert.ok(at >= 0, `${needle} #${nth}`);
	}
	const hover = computeHover(analyze(text, { fileName }), at + delta, registry);
	return hover && { markdown: hover.markdown, covered: text.slice(hover.start, hover.end) };
}

/**
 * What a Markdown renderer shows as formatted text: the Markdown without its fenced code blocks
 * and inline code spans, found the CommonMark way (a fence closes only with a fence at least as
 * long; a code span closes only with a backtick run of exactly its length). Fails on a fence or
 * span left open.
 */
function outsideCode(markdown: string): string {
	const lines = markdown.split('\n');
	const kept: string[] = [];
	let fence = '';
	for (const line of lines) {
		const run = /^(`{3,})/.exec(line)?.[1];
		if (fence) {
			if (run && run.length >= fence.length && line.trim() === run) {
				fence = '';
			}
			continue;
		}
		if (run) {
			fence = run;
			continue;
		}
		kept.push(line);
	}
	assert.equal(fence, '', 'a fenced block is left open');
	const text = kept.join('\n');
	let out = '';
	let i = 0;
	while (i < text.length) {
		if (text[i] === '\\') {
			out += text.slice(i, i + 2);
			i += 2;
			continue;
		}
		if (text[i] !== '`') {
			out += text[i];
			i++;
			continue;
		}
		let n = 0;
		while (text[i + n] === '`') {
			n++;
		}
		let close = i + n;
		for (;;) {
			close = text.indexOf('`'.repeat(n), close);
			assert.ok(close >= 0, `code span of ${n} backticks is left open in: ${text}`);
			let after = close + n;
			while (text[after] === '`') {
				after++;
			}
			if (after - close === n && text[close - 1] !== '`') {
				break;
			}
			close = after;
		}
		out += ' CODE ';
		i = close + n;
	}
	return out;
}

/** Asserts that nothing from the document can render as a link, an image, HTML or a command. */
function assertInert(markdown: string): void {
	const plain = outsideCode(markdown);
	assert.doesNotMatch(plain, /</, plain);
	assert.doesNotMatch(plain, /\]\(/, plain);
	assert.doesNotMatch(plain, /command:|javascript:/i, plain);
}

describe('recordsInfo hover', () => {
	const sqs = fixture('records/sqs-record.json');
	const expected = [
		'**recordsInfo** `order-events-0`',
		'',
		'Topic `order-events`, partition `0`',
		'',
		'- Offsets: `41` to `42`: **2 records**',
		'- Timestamps: `2025-01-15T12:00:00.123Z` to `2025-01-15T12:00:00.456Z`, spanning 333 ms',
	].join('\n');

	it("shows topic, partition, the exact count and the time span on the entry's key", () => {
		assert.deepEqual(hoverAt(sqs, '"order-events-0"'), { markdown: expected, covered: '"order-events-0"' });
	});

	it("shows the same on each member's value, and leaves the member keys to the schema", () => {
		assert.deepEqual(hoverAt(sqs, '"42"'), { markdown: expected, covered: '"42"' });
		assert.deepEqual(hoverAt(sqs, '"2025-01-15T12:00:00.456Z"'), { markdown: expected, covered: '"2025-01-15T12:00:00.456Z"' });
		const key = hoverAt(sqs, '"firstRecordOffset"');
		assert.match(key!.markdown, /^\*\*First record offset\*\*/);
	});

	it('counts 64-bit ranges exactly, and reads large JSON numbers from their digits', () => {
		const strings = sqs.replace('"41"', '"0"').replace('"42"', '"9223372036854775806"');
		assert.match(hoverAt(strings, '"order-events-0"')!.markdown, /^- Offsets: `0` to `9223372036854775806`: \*\*9223372036854775807 records\*\*$/m);
		const numbers = sqs.replace('"41"', '9007199254740993').replace('"42"', '9007199254740995');
		assert.equal(JSON.parse('9007199254740993'), JSON.parse('9007199254740992'));
		assert.match(hoverAt(numbers, '"order-events-0"')!.markdown, /^- Offsets: `9007199254740993` to `9007199254740995`: \*\*3 records\*\*$/m);
	});

	it('says when offsets or timestamps are not usable, and formats longer spans', () => {
		const kinesis = fixture('records/aws-docs-sqs-example.jsonc');
		const hover = hoverAt(kinesis, '"Topic-1"');
		assert.equal(
			hover?.markdown,
			[
				'**recordsInfo** `Topic-1`',
				'',
				'Topic `Topic`, partition `1`',
				'',
				'- Offsets: `49601189658422359378836298521827638475320189012309704722` to `49601189658422359378836298522902373528957594348623495186`: not valid Kafka offsets',
				'- Timestamps: `2019-11-14T00:38:04.835Z` to `2019-11-14T00:38:05.580Z`, spanning 745 ms',
			].join('\n'),
		);
		const reversed = sqs.replace('"41"', '"43"').replace('"2025-01-15T12:00:00.456Z"', '"2025-01-15T11:56:56.123Z"');
		const lines = hoverAt(reversed, '"order-events-0"')!.markdown.split('\n');
		assert.equal(lines[4], '- Offsets: `43` to `42`: the last offset is before the first');
		assert.equal(lines[5], '- Timestamps: `2025-01-15T12:00:00.123Z` to `2025-01-15T11:56:56.123Z`, the last is 3 min 4 s before the first');
		const bad = sqs.replace('"order-events-1"', '"orders"');
		assert.match(hoverAt(bad, '"orders"')!.markdown, /^The key `orders` is not `<topic>-<partition>`\.$/m);
	});

	it('describes the record under the cursor in arrays and JSON Lines', () => {
		const array = fixture('records/records-array.json');
		assert.match(hoverAt(array, '"order-events-1"', 1, 1)!.markdown, /`17` to `17`: \*\*1 record\*\*/);
		const lines = fixture('records/records.jsonl');
		const hover = hoverAt(lines, '"order-events-0"', 1, 0, 'records.jsonl');
		assert.match(hover!.markdown, /- Offsets: `2200` to `2319`: \*\*120 records\*\*/);
		assert.match(hover!.markdown, /spanning 9\.9 s$/);
	});

	it('shows recordInfo as one record, with its topic and partition from the payload', () => {
		const text = fixture('records/kafka-destination-record.json');
		const expectedSingle = [
			'**recordInfo**: one record (the form Lambda writes to Kafka-topic destinations)',
			'',
			'Topic `order-events`, partition `0` (from `order-events-0` in `payload`)',
			'',
			'- Offset: `42`',
			'- Timestamp: `2025-01-15T12:00:00.456Z`',
		].join('\n');
		assert.deepEqual(hoverAt(text, '"recordInfo"'), { markdown: expectedSingle, covered: '"recordInfo"' });
		assert.deepEqual(hoverAt(text, '"42"'), { markdown: expectedSingle, covered: '"42"' });
	});
});

describe('payload record hover', () => {
	const msk = fixture('records/kafka-event-msk.json');

	it('decodes key, JSON value and headers of a record in a bare event', () => {
		const hover = hoverAt(msk, '"x-source"');
		assert.equal(hover?.covered, '"x-source"');
		assert.equal(
			hover?.markdown,
			[
				'**Kafka record** · topic `order-events` · partition `0` · offset `41`',
				'',
				'Timestamp: `2025-01-15T12:00:00.123Z` (`CREATE_TIME`)',
				'',
				'**Key** · 13 bytes · UTF-8 text: `customer-1001`',
				'',
				'**Value** · 51 bytes · JSON',
				'',
				'```json',
				'{',
				'  "orderId": 41,',
				'  "customerId": 1001,',
				'  "status": "CREATED"',
				'}',
				'```',
				'',
				'**Headers** (2)',
				'',
				'- `content-type`: `application/json`',
				'- `x-source`: `café-checkout`',
			].join('\n'),
		);
	});

	it('works anywhere on the record: a key, a value, a header byte', () => {
		for (const [needle, delta] of [
			['"timestampType"', 1],
			['"CREATE_TIME"', 1],
			['-61', 1],
			['"topic": "order-events"', 10],
		] as const) {
			assert.match(hoverAt(msk, needle, delta)!.markdown, /^\*\*Kafka record\*\* · topic `order-events` · partition `0` · offset `41`/, needle);
		}
		assert.match(hoverAt(msk, '"offset": 17', 3)!.markdown, /partition `1` · offset `17`/);
	});

	it('works inside a payload object and inside an escaped payload string', () => {
		const object = fixture('records/s3-record-object.json');
		assert.match(hoverAt(object, '"x-trace-id"')!.markdown, /^\*\*Kafka record\*\* · topic `order-events` · partition `1` · offset `17`/);
		const string = fixture('records/s3-record-string.json');
		const hover = hoverAt(string, '\\"x-trace-id', 3);
		assert.equal(hover?.covered, '\\"x-trace-id\\"');
		assert.match(hover.markdown, /"status": "CANCELLED"/);
		assert.match(hover.markdown, /- `x-trace-id`: `1-6787a3c0-5f2b8e1d9c4a7b3e6f0d2a18`$/);
	});

	it('leaves other positions of an event to the schema', () => {
		assert.doesNotMatch(hoverAt(msk, '"eventSource"')?.markdown ?? '', /Kafka record/);
		assert.doesNotMatch(hoverAt(msk, '"order-events-0"')?.markdown ?? '', /Kafka record/);
	});

	it('shows a large offset with its exact digits', () => {
		const text = msk.replace('"offset": 41', '"offset": 9007199254740993');
		assert.match(hoverAt(text, '"x-source"')!.markdown, /· offset `9007199254740993`/);
	});

	it('shows missing, null, invalid, empty and binary keys and values', () => {
		const selfManaged = fixture('records/kafka-event-self-managed.json');
		assert.match(hoverAt(selfManaged, '"partition": 12', 3)!.markdown, /^\*\*Key\*\*: none$/m);
		const edited = (key: string, value: string): string =>
			msk.replace('"Y3VzdG9tZXItMTAwMQ=="', key).replace('"eyJvcmRlcklkIjo0MSwiY3VzdG9tZXJJZCI6MTAwMSwic3RhdHVzIjoiQ1JFQVRFRCJ9"', value);
		const nullAndBad = hoverAt(edited('null', '"not base64!"'), '"x-source"')!.markdown;
		assert.match(nullAndBad, /^\*\*Key\*\*: null$/m);
		assert.match(nullAndBad, /^\*\*Value\*\*: not valid base64, so it cannot be decoded$/m);
		const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]).toString('base64');
		const emptyAndBinary = hoverAt(edited('""', JSON.stringify(binary)), '"x-source"')!.markdown;
		assert.match(emptyAndBinary, /^\*\*Key\*\* · 0 bytes · empty$/m);
		assert.match(emptyAndBinary, /\*\*Value\*\* · 6 bytes · binary, shown as hex\n\n```\n00 01 02 ff fe 80\n```/);
	});

	it('bounds the hover of a 1 MB value', () => {
		const big = Buffer.alloc(1024 * 1024, 0x61).toString('base64');
		const text = msk.replace('"eyJvcmRlcklkIjo0MSwiY3VzdG9tZXJJZCI6MTAwMSwic3RhdHVzIjoiQ1JFQVRFRCJ9"', JSON.stringify(big));
		const markdown = hoverAt(text, '"x-source"')!.markdown;
		assert.ok(markdown.length < 6000, `${markdown.length} characters`);
		assert.match(markdown, /\*\*Value\*\* · 1048576 bytes · UTF-8 text/);
		assert.match(markdown, /\*Truncated: the first 4000 characters are shown\.\*/);
		const binary = Buffer.alloc(1024 * 1024, 0x00).toString('base64');
		const hex = hoverAt(msk.replace('"eyJvcmRlcklkIjo0MSwiY3VzdG9tZXJJZCI6MTAwMSwic3RhdHVzIjoiQ1JFQVRFRCJ9"', JSON.stringify(binary)), '"x-source"')!.markdown;
		assert.ok(hex.length < 2500, `${hex.length} characters`);
		assert.match(hex, /\*Truncated: the first 256 of 1048576 bytes are shown\.\*/);
	});

	it('escapes hostile record text: topic, key, value, header names and values', () => {
		const hostile = '`]<img src=x onerror=alert(1)>[x](command:foo)';
		const fence = '```\n# heading\n[link](javascript:alert(1))\n````\n<script>alert(1)</script>';
		const event = {
			eventSource: 'aws:kafka',
			records: {
				'evil-0': [
					{
						topic: hostile,
						partition: 0,
						offset: 1,
						timestamp: 1,
						timestampType: '<b>CREATE_TIME</b>',
						key: Buffer.from(`${hostile}\`\`\``).toString('base64'),
						value: Buffer.from(fence).toString('base64'),
						headers: [{ [hostile]: [...Buffer.from(hostile)] }, { '``': [...Buffer.from(JSON.stringify({ a: '```' }))] }],
					},
				],
			},
		};
		const text = JSON.stringify(event, null, 2);
		const markdown = hoverAt(text, '"timestampType"')!.markdown;
		assertInert(markdown);
		assert.ok(
			markdown.includes('```\n# heading\n[link](javascript:alert(1))\n````\n<script>alert(1)</script>\n'),
			'the value is shown verbatim inside its fence',
		);
		assert.match(markdown, /^`{5}\n/m, 'the fence is longer than any backtick run in the value');

		const record = JSON.parse(fixture('records/sqs-record.json')) as { KafkaBatchInfo: { recordsInfo: Record<string, unknown> } };
		record.KafkaBatchInfo.recordsInfo = {
			[`${hostile}-0`]: { firstRecordOffset: hostile, lastRecordOffset: '``', firstRecordTimestamp: hostile, lastRecordTimestamp: '<i>' },
		};
		const recordText = JSON.stringify(record, null, 2);
		const rangeHover = hoverAt(recordText, '"``"')!.markdown;
		assertInert(rangeHover);
		assert.match(rangeHover, /not valid Kafka offsets/);
	});

	it('treats the hostile-text checker itself as strict', () => {
		assert.throws(() => outsideCode('`open'));
		assert.throws(() => outsideCode('```\nnever closed'));
		assert.throws(() => assertInert('[x](command:foo)'));
		assert.throws(() => assertInert('<img>'));
		assert.doesNotThrow(() => assertInert('`<img>` and ``a`b`` and\n````\n```\n<x>\n````'));
	});
});

describe('record display helpers', () => {
	it('formats durations', () => {
		assert.equal(formatDuration(0), '0 ms');
		assert.equal(formatDuration(333), '333 ms');
		assert.equal(formatDuration(1200), '1.2 s');
		assert.equal(formatDuration(5000), '5 s');
		assert.equal(formatDuration(59_990), '1 min');
		assert.equal(formatDuration(184_000), '3 min 4 s');
		assert.equal(formatDuration(3_600_000), '1 h');
		assert.equal(formatDuration(7_500_000), '2 h 5 min');
		assert.equal(formatDuration(97_200_000), '1 d 3 h');
		assert.equal(formatDuration(-1200), '1.2 s');
	});

	it('re-indents JSON without changing a digit, and stops at the limit', () => {
		assert.deepEqual(reindentJson('{"id":12345678901234567890,"a":[],"b":{},"s":"x,{y}: \\"z\\""}', 1000), {
			text: '{\n  "id": 12345678901234567890,\n  "a": [],\n  "b": {},\n  "s": "x,{y}: \\"z\\""\n}',
			truncated: false,
		});
		assert.deepEqual(reindentJson('[1,[2,3]]', 1000).text, '[\n  1,\n  [\n    2,\n    3\n  ]\n]');
		const long = reindentJson(JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i)), 100);
		assert.equal(long.truncated, true);
		assert.equal(long.text.length, 100);
	});

	it('decodes bytes as JSON, text or hex', () => {
		assert.equal(describeBytes(Buffer.from('{"a":1}')).form, 'json');
		assert.equal(describeBytes(Buffer.from('[1,')).form, 'text');
		assert.equal(describeBytes(Buffer.from('42')).form, 'text');
		assert.equal(describeBytes(Buffer.from('café')).text, 'café');
		assert.equal(describeBytes(Buffer.from([0x63, 0x61, 0x66, 0xc3])).form, 'hex', 'cut UTF-8');
		assert.equal(describeBytes(Buffer.from('a\u0000b')).form, 'hex', 'control characters');
		assert.deepEqual(describeBytes(Buffer.alloc(40, 1), { maxChars: 10, maxHexBytes: 20 }), {
			form: 'hex',
			byteLength: 40,
			text: '01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01\n01 01 01 01',
			truncated: true,
			shownBytes: 20,
		});
	});

	it('reads header values as signed or unsigned bytes', () => {
		assert.deepEqual(headerBytes([99, 97, 102, -61, -87]), Uint8Array.from([99, 97, 102, 0xc3, 0xa9]));
		assert.deepEqual(headerBytes([255, 0]), Uint8Array.from([255, 0]));
		assert.equal(headerBytes([256]), undefined);
		assert.equal(headerBytes([-129]), undefined);
		assert.equal(headerBytes([1.5]), undefined);
		assert.equal(headerBytes('YWJj'), undefined);
	});
});
