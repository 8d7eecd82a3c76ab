import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PreviewModel } from '../../../shared/protocol';
import { buildPreviewModel } from '../../../server/src/language/preview/previewModel';
import { contentSecurityPolicy, renderMessageDocument, renderPreviewBody, renderPreviewDocument } from '../../../client/src/preview/render/renderHtml';
import { nothingToPreviewMessage, previewPanelTitle } from '../../../client/src/preview/previewTitles';
import { SafeHtml, escapeHtml, html } from '../../../client/src/preview/render/safeHtml';
import { shellSnippet } from '../../../client/src/preview/shellSnippet';
import { timelineSvg } from '../../../client/src/preview/render/timelineSvg';
import { analyze, fixture } from '../../helpers';

const HOSTILE = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'</textarea><svg onload=alert(1)>',
	'javascript:alert(1)',
	"'><iframe src=javascript:alert(1)>",
	'`${alert(1)}`',
	'x\ntouch PWNED',
];

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const bytes = (text: string): number[] => [...Buffer.from(text, 'utf8')].map((b) => (b > 127 ? b - 256 : b));

/**
 * The topic of the extra record: the only one Kafka accepts, so the only one that gets commands
 * and links; its brokers are as hostile as a usable broker list can be.
 */
const VALID_TOPIC = 'orders.v2';
const HOSTILE_BROKERS = '<script>alert(1)</script>:9092';

/** A JSON Lines document whose every string a record controls is hostile, with payloads; one more record has a valid topic. */
function hostileDocument(): string {
	const entries = [...HOSTILE.map((h) => ({ h, topic: `${h}-topic`, brokers: h })), { h: HOSTILE[1], topic: VALID_TOPIC, brokers: HOSTILE_BROKERS }];
	return entries
		.map(({ h, topic, brokers }, i) => {
			const key = `${topic}-${i}`;
			const event = {
				eventSource: 'aws:kafka',
				bootstrapServers: brokers,
				records: {
					[key]: [
						{
							topic,
							partition: i,
							offset: 10 + i,
							timestamp: 1736942400000 + i,
							timestampType: h,
							key: b64(h),
							value: b64(`{"v":${JSON.stringify(h)}}`),
							headers: [{ [h]: bytes(h) }],
						},
					],
				},
			};
			return JSON.stringify({
				requestContext: { requestId: h, functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${h}`, condition: h, approximateInvokeCount: 1 },
				version: '1.0',
				timestamp: h,
				KafkaBatchInfo: {
					batchSize: 1,
					eventSourceArn: h,
					bootstrapServers: brokers,
					payloadSize: 1,
					recordsInfo: {
						[key]: {
							firstRecordOffset: String(10 + i),
							lastRecordOffset: String(11 + i),
							firstRecordTimestamp: '2025-01-15T12:00:00.000Z',
							lastRecordTimestamp: '2025-01-15T12:00:01.000Z',
						},
					},
				},
				payload: JSON.stringify(event),
			});
		})
		.join('\n');
}

function hostileModel(): PreviewModel {
	const text = hostileDocument();
	return buildPreviewModel({
		uri: 'file:///x.jsonl',
		version: 1,
		text,
		analysis: analyze(text, { fileName: 'x.jsonl' }),
		options: { now: Date.parse('2025-01-16T00:00:00Z'), kafkaUiBaseUrl: 'http://ui.example', akhqBaseUrl: 'http://akhq.example', clusterName: HOSTILE[1] },
	});
}

const TAGS = new Set(
	'!DOCTYPE html head meta link title body script header h1 h2 h3 span p button main ul li section svg g rect text line article table caption thead tbody tr th td div pre code br label input dl dt dd'.split(
		' ',
	),
);
const ATTRIBUTES = new Set(
	'lang charset http-equiv content name rel href nonce src class id role aria-label aria-labelledby aria-controls aria-describedby aria-live type title data-action data-copy data-link data-record data-focus-record data-restore-state tabindex colspan scope for placeholder viewBox width height preserveAspectRatio xmlns x y x1 y1 x2 y2 rx text-anchor'.split(
		' ',
	),
);

interface Tag {
	name: string;
	attributes: Map<string, string>;
}

/**
 * Tokenizes markup the way a browser starts to: every `<` opens a tag. Fails when a tag or an
 * attribute is not one the renderer writes, which is what a value breaking out would produce.
 */
function tags(markup: string): Tag[] {
	const result: Tag[] = [];
	let i = markup.indexOf('<');
	while (i >= 0) {
		const end = markup.indexOf('>', i);
		assert.ok(end > i, `unclosed tag at ${i}`);
		const raw = markup.slice(i + 1, end);
		const match = /^\/?([A-Za-z!][A-Za-z0-9-]*)/.exec(raw);
		assert.ok(match, `not a tag: <${raw}>`);
		assert.ok(TAGS.has(match[1]), `unexpected tag <${match[1]}>`);
		const attributes = new Map<string, string>();
		let rest = raw.slice(match[0].length);
		if (match[1] === '!DOCTYPE') {
			rest = '';
		}
		while (rest.trim() !== '') {
			const attribute = /^\s+([A-Za-z][A-Za-z0-9-]*)(?:="([^"]*)")?/.exec(rest);
			assert.ok(attribute, `stray text in <${match[1]}>: ${rest}`);
			assert.ok(ATTRIBUTES.has(attribute[1]), `unexpected attribute ${attribute[1]} in <${match[1]}>`);
			attributes.set(attribute[1], unescape(attribute[2] ?? ''));
			rest = rest.slice(attribute[0].length);
		}
		result.push({ name: raw.startsWith('/') ? `/${match[1]}` : match[1], attributes });
		i = markup.indexOf('<', end);
	}
	return result;
}

function unescape(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e]!);
}

describe('escaping helper', () => {
	it('escapes interpolations and nothing else', () => {
		assert.equal(escapeHtml(`<a href="x" title='y'>&\`</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
		const inner = html`<b>${'<i>'}</b>`;
		assert.equal(
			html`<p title="${'"x"'}">${inner}${['<', 1, null, undefined, false, true]}</p>`.value,
			'<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;1true</p>',
		);
	});

	it('cannot be forged from data', () => {
		assert.throws(() => new SafeHtml(Symbol('SafeHtml'), '<script>'), TypeError);
	});
});

describe('preview page', () => {
	const model = hostileModel();
	const shell = {
		cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
		nonce: 'bm9uY2Uxx',
		scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
		styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
		title: HOSTILE[0],
	};

	it('built every part of the page from the hostile records', () => {
		assert.equal(model.records.length, HOSTILE.length + 1);
		assert.equal(model.partitions.length, HOSTILE.length + 1);
		assert.equal(model.payloadRecords.length, HOSTILE.length + 1);
		// Topics Kafka rejects get no command and no link; the valid one gets both.
		assert.deepEqual(
			model.partitions.filter((p) => p.commands.length === 4 && p.links.length === 2).map((p) => p.topic),
			[VALID_TOPIC],
		);
		assert.ok(model.partitions.every((p) => p.topic === VALID_TOPIC || (p.commands.length === 0 && p.links.length === 0)));
		assert.ok(model.partitions.find((p) => p.topic === VALID_TOPIC)!.commands.every((c) => c.command.includes(`'${HOSTILE_BROKERS}'`)));
	});

	it('renders no tag or attribute from record data', () => {
		const page = renderPreviewDocument(model, shell);
		const found = tags(page);
		assert.equal(found.filter((t) => t.name === 'script').length, 1);
		assert.equal(found.filter((t) => t.name === 'link').length, 1);
		for (const tag of found) {
			for (const name of tag.attributes.keys()) {
				assert.doesNotMatch(name, /^on/i);
			}
		}
		const body = renderPreviewBody(model, HOSTILE[0]).value;
		assert.ok(!tags(body).some((t) => t.name === 'script'));
		for (const h of HOSTILE) {
			if (/[<>"']/.test(h)) {
				assert.ok(!page.includes(h), `raw ${JSON.stringify(h)} in the page`);
			}
		}
		assert.ok(!/<(img|iframe|textarea|svg onload)/i.test(page.replace(/<svg class="timeline"/g, '')));
	});

	it('puts the exact commands in the copy buttons and the exact links in the link buttons', () => {
		const found = tags(renderPreviewBody(model, 'x').value);
		const copies = found.filter((t) => t.attributes.has('data-copy')).map((t) => t.attributes.get('data-copy'));
		const expected = [...model.partitions.flatMap((p) => p.commands.map((c) => c.command)), ...model.configTemplates.map((t) => t.text)];
		assert.deepEqual(copies, expected);
		const links = found.filter((t) => t.attributes.has('data-link')).map((t) => t.attributes.get('data-link'));
		assert.deepEqual(
			links,
			model.partitions.flatMap((p) => p.links.map((l) => l.url)),
		);
		assert.ok(links.every((l) => /^http:\/\/(ui|akhq)\.example\/ui\//.test(l)));
		assert.ok(!found.some((t) => t.attributes.has('href') && t.name !== 'link'));
	});

	it('sets a strict Content-Security-Policy with the nonce', () => {
		const page = renderPreviewDocument(model, shell);
		const meta = tags(page).find((t) => t.attributes.get('http-equiv') === 'Content-Security-Policy');
		assert.equal(
			meta?.attributes.get('content'),
			"default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-bm9uY2Uxx'; img-src https://file+.vscode-resource.vscode-cdn.net data:;",
		);
		assert.equal(contentSecurityPolicy('a', 'b'), "default-src 'none'; style-src a; script-src 'nonce-b'; img-src a data:;");
		assert.equal(
			tags(page)
				.find((t) => t.name === 'script')
				?.attributes.get('nonce'),
			'bm9uY2Uxx',
		);
		assert.doesNotMatch(page, /\sstyle=/);
	});

	it('marks gaps and overlaps, and the records a focus goes to', () => {
		const text = [
			fixture('records/records.jsonl').split('\n')[1],
			fixture('records/records.jsonl').split('\n')[1].replace('"2200"', '"2300"').replace('"2319"', '"2400"'),
			fixture('records/records.jsonl').split('\n')[1].replace('"2200"', '"2500"').replace('"2319"', '"2500"'),
		].join('\n');
		const m = buildPreviewModel({
			uri: 'u',
			version: 1,
			text,
			analysis: analyze(text, { fileName: 'r.jsonl' }),
			options: { now: Date.parse('2025-01-16T00:00:00Z') },
		});
		const page = renderPreviewDocument(m, { ...shell, focusRecord: 2 });
		assert.match(page, /<span class="marker">Gap<\/span> offsets 2401–2499 \(99 offsets\) are in no failure record\./);
		assert.match(page, /<span class="marker">Overlap<\/span> offsets 2300–2319 \(20 offsets\) are in records #1, #2\./);
		assert.match(page, /<body data-focus-record="2" data-restore-state="false">/);
		assert.match(page, /<tr class="" id="record-2" tabindex="-1" data-record="2">/);
		assert.match(page, /Reading by partition and offset with no consumer group commits nothing/);
	});
});

describe('timeline', () => {
	it('draws one bar per range with escaped labels', () => {
		const model = hostileModel();
		const svg = timelineSvg(model).value;
		assert.equal((svg.match(/<rect class="tl-range"/g) ?? []).length, HOSTILE.length + 1);
		assert.equal(tags(svg).filter((t) => t.name === 'svg').length, 1);
		assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;-topic [0]'));
		assert.doesNotMatch(svg, /fill=|style=/);
	});

	it('draws merged ranges instead of thousands of bars', () => {
		const line = fixture('records/records.jsonl').split('\n')[0];
		const text = Array.from({ length: 1200 }, (_, i) => line.replace('"1088"', `"${i * 10}"`).replace('"1089"', `"${i * 10 + 1}"`)).join('\n');
		const model = buildPreviewModel({ uri: 'u', version: 1, text, analysis: analyze(text, { fileName: 'r.jsonl' }), options: {} });
		const svg = timelineSvg(model).value;
		assert.equal((svg.match(/<rect class="tl-range"/g) ?? []).length, 1000);
		assert.match(svg, /Each bar is a merged range of several records\. Only the first 1000 of 1200 ranges are drawn\./);
		const body = renderPreviewBody(model, 'r.jsonl').value;
		assert.match(body, /Only the first 1000 of 1200 records are listed; the partitions above include them all\./);
	});

	it('says so when nothing has timestamps', () => {
		const text = fixture('records/sqs-record.json').replace(/"(first|last)RecordTimestamp": "[^"]*"/g, '"$1RecordTimestamp": null');
		const model = buildPreviewModel({ uri: 'u', version: 1, text, analysis: analyze(text), options: {} });
		assert.equal(timelineSvg(model).value, '<p class="empty">No range has timestamps to draw.</p>');
	});
});

describe('shell snippet', () => {
	it('lists the commands with comments', () => {
		const text = fixture('records/sqs-record.json');
		const model = buildPreviewModel({ uri: 'u', version: 1, text, analysis: analyze(text), options: { now: Date.parse('2025-01-16T00:00:00Z') } });
		const snippet = shellSnippet(model, 'sqs-record.json');
		const lines = snippet.split('\n');
		assert.equal(lines[0], '#!/bin/sh');
		assert.equal(lines[1], '# Read back the Kafka records behind the failure records in sqs-record.json.');
		assert.ok(
			lines.includes('# ---- order-events, partition 0 (arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3)'),
		);
		assert.ok(lines.includes('# Offsets 41 to 42: 2 records, 2025-01-15T12:00:00.123Z to 2025-01-15T12:00:00.456Z'));
		assert.ok(lines.includes(model.partitions[0].commands[0].command));
		assert.ok(lines.includes('#   sasl.mechanism=AWS_MSK_IAM'));
	});

	it('runs only the consumer commands, whatever the records hold', () => {
		const model = hostileModel();
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snippet-'));
		try {
			const log = path.join(dir, 'calls.log');
			for (const program of ['kcat', 'kafka-console-consumer.sh']) {
				fs.writeFileSync(path.join(dir, program), `#!/bin/sh\nprintf '%s\\0' "${program}" "$@" >> '${log}'\nprintf '\\n' >> '${log}'\n`, { mode: 0o755 });
			}
			const snippet = shellSnippet(model, HOSTILE.join(' '));
			const run = spawnSync('/bin/sh', ['-c', snippet], { cwd: dir, encoding: 'utf8', env: { PATH: `${dir}:/usr/bin:/bin`, BOOTSTRAP_SERVERS: 'k:9092' } });
			assert.equal(run.status, 0, run.stderr);
			assert.equal(run.stderr, '');
			assert.equal(fs.existsSync(path.join(dir, 'PWNED')), false);
			const calls = fs
				.readFileSync(log, 'utf8')
				.split('\0\n')
				.filter((c) => c !== '');
			assert.equal(
				calls.length,
				model.partitions.reduce((n, p) => n + p.commands.length, 0),
			);
			const topics = calls.map((c) => c.split('\0')).map((argv) => argv[argv.indexOf(argv[0] === 'kcat' ? '-t' : '--topic') + 1]);
			assert.deepEqual([...new Set(topics)], [VALID_TOPIC]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('nothing to preview', () => {
	const shell = { cspSource: 'vscode-webview://x', nonce: 'NONCE', scriptUri: 'webview.js', styleUri: 'preview.css', title: 'notes.txt' };

	it('says that an open document is not a record, instead of asking to open it', () => {
		assert.equal(nothingToPreviewMessage('notes.txt', true), 'notes.txt is not a failure record or Kafka event: nothing to preview.');
		assert.equal(nothingToPreviewMessage('gone.json', false), 'Open gone.json in an editor to preview its offsets.');
	});

	it('titles the panel and the page for the document the message is about', () => {
		assert.equal(previewPanelTitle('notes.txt'), 'Preview offsets: notes.txt');
		const page = renderMessageDocument(nothingToPreviewMessage('<b>x</b>.txt', true), { ...shell, title: '<b>x</b>.txt' });
		assert.ok(page.includes('<title>Preview offsets: &lt;b&gt;x&lt;/b&gt;.txt</title>'), page);
		assert.ok(page.includes('<p class="empty">&lt;b&gt;x&lt;/b&gt;.txt is not a failure record or Kafka event: nothing to preview.</p>'), page);
	});
});

describe('layout for a narrow side column', () => {
	const model = (name: string): PreviewModel => {
		const text = fixture(`records/${name}`);
		return buildPreviewModel({ uri: 'u', version: 1, text, analysis: analyze(text, { fileName: name }), options: { now: Date.parse('2025-01-16T00:00:00Z') } });
	};

	it('shows five columns of failure records and the rest, notes included, on a second line across the table', () => {
		const body = renderPreviewBody(model('aws-docs-sqs-example.jsonc'), 'aws.jsonc').value;
		assert.ok(
			body.includes(
				'<thead><tr><th scope="col">Record</th><th scope="col">Topic-partition</th><th scope="col">First offset</th><th scope="col">Last offset</th><th scope="col">Count</th></tr></thead>',
			),
		);
		const seconds = body.match(/<tr class="more[^]*?<\/tr>/g) ?? [];
		assert.equal(seconds.length, 2);
		assert.ok(
			seconds[0].startsWith(
				'<tr class="more invalid" data-record="0"><td colspan="5"><div class="more-body"><span class="fact"><span class="dim">Line</span> 1</span> <span class="fact"><span class="dim">Condition</span> RetryAttemptsExhausted</span> ',
			),
			seconds[0],
		);
		const offsetNote =
			'<span class="cell-note">firstRecordOffset has 56 digits: a Kinesis sequence number, not a Kafka offset (at most 19 digits). lastRecordOffset has 56 digits: a Kinesis sequence number, not a Kafka offset (at most 19 digits).</span>';
		// The second range repeats only its own facts and notes.
		assert.equal(
			seconds[1],
			`<tr class="more invalid" data-record="0"><td colspan="5"><div class="more-body"><span class="fact"><span class="dim">First timestamp</span> 2019-11-14T00:38:04.835Z</span> <span class="fact"><span class="dim">Last timestamp</span> 2019-11-14T00:38:05.580Z</span> <span class="fact"><span class="dim">Span</span> 745 ms</span> ${offsetNote}</div></td></tr>`,
		);
	});

	it('puts the decoded value in the fourth payload column and each record in its own tbody', () => {
		const m = model('kafka-event-msk.json');
		const body = renderPreviewBody(m, 'msk.json').value;
		assert.ok(
			body.includes(
				'<thead><tr><th scope="col">Record</th><th scope="col">Partition</th><th scope="col">Offset</th><th scope="col">Value</th><th scope="col">Key</th></tr></thead>',
			),
		);
		assert.equal((body.match(/<tbody class="payload-record">/g) ?? []).length, m.payloadRecords.length);
		assert.match(
			body,
			/<tr class="more payload-more in-range" data-record="0"><td colspan="5"><div class="more-body"><span class="fact"><span class="dim">Topic<\/span> /,
		);
	});

	it('draws the timeline 480 units wide, shortens labels to 20 characters and puts the end time on its own line', () => {
		const svg = timelineSvg(hostileModel()).value;
		assert.match(svg, /viewBox="0 0 480 \d+"/);
		assert.ok(svg.includes('<title>&lt;script&gt;alert(1)&lt;/script&gt;-topic [0]</title>&lt;script&gt;alert(1)&lt;/s…</text>'), svg);
		const ticks = [...svg.matchAll(/<text class="tl-tick[^"]*" x="([\d.]+)" y="([\d.]+)"/g)].map((t) => [Number(t[1]), Number(t[2])]);
		assert.equal(ticks.length, 2);
		assert.equal(ticks[1][1] - ticks[0][1], 18);
	});
});
