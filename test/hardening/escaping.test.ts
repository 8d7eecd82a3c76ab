/**
 * Hostile strings from documents (as topic names, header names and values, keys and values,
 * bootstrap servers, condition values) are escaped wherever they are shown: hover Markdown (no
 * live link, command, image or HTML), the preview webview (no tag, attribute or URL from data),
 * shell commands (each argument round-trips through a real /bin/sh), the log (one line per call,
 * control characters escaped), error messages and diagnostics (capped, no raw control characters).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { diffConfigs } from '../../client/src/apply/diff';
import { errorDetails, formatUserFacing, toUserFacingError } from '../../client/src/aws/errors';
import { createLambdaApi } from '../../client/src/aws/lambdaApi';
import { MemoryLogger, redactingLogger } from '../../client/src/aws/logger';
import { computeHover } from '../../server/src/language/features/hover';
import { buildPreviewModel } from '../../server/src/language/preview/previewModel';
import { renderPreviewDocument } from '../../client/src/preview/render/renderHtml';
import { shellQuote } from '../../shared/shellQuote';
import { shellSnippet } from '../../client/src/preview/shellSnippet';
import { topicNameProblem } from '../../server/src/language/util/kafkaTopic';
import type { DocumentAnalysis } from '../../server/src/language/validation/analyzeDocument';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';
import { LoopbackLambda } from '../loopback/lambdaServer';
import { registry, seedDocuments } from './invariants';

const LONG = 'A'.repeat(100_000);
const HOSTILE = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	'[x](command:workbench.action.terminal.new)',
	'[x](command:workbench.action.terminal.new?%5B%22rm%22%5D "title")',
	'![x](https://evil.example/pixel.png)',
	'<a href="command:workbench.action.terminal.new">click</a>',
	'javascript:alert(1)',
	'`',
	'``',
	'```',
	'```js\nalert(1)\n```',
	'~~~\nfenced\n~~~',
	'$(rm -rf ~)',
	'`rm -rf ~`',
	"'; rm -rf ~; '",
	'"; rm -rf ~; "',
	'x\ntouch PWNED\n',
	'a\r\nb\rc',
	'\u202Egnp.exe',
	'\u2028\u2029',
	'\u0007\u001b[31mred\u001b[0m',
	'*bold* _it_ ~~s~~ # h | t |',
	'<!-- x -->',
	'&lt;b&gt;',
	'\\',
	'${IFS}',
	'-rf',
	'--help',
	'x:9092;touch>PWNED',
	LONG,
];
/** The hostile strings a shell argument can hold (not NUL). */
const SHELL_SAFE = HOSTILE;

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const bytes = (text: string): number[] => [...Buffer.from(text, 'utf8')].map((b) => (b > 127 ? b - 256 : b));

const sqsRecord = JSON.parse(seedDocuments().find((s) => s.name.endsWith('fixtures/records/sqs-record.json'))!.text) as Record<string, Record<string, unknown>>;
const range = {
	firstRecordOffset: '10',
	lastRecordOffset: '12',
	firstRecordTimestamp: '2025-01-15T12:00:00.000Z',
	lastRecordTimestamp: '2025-01-15T12:00:01.000Z',
};

/** Documents in which `h` appears everywhere a document may put text. */
function documentsWith(h: string): { text: string; fileName: string }[] {
	const event = {
		eventSource: 'aws:kafka',
		eventSourceArn: `arn:aws:kafka:us-east-1:123456789012:cluster/${h}/x`,
		bootstrapServers: h,
		records: {
			[`${h}-0`]: [
				{
					topic: h,
					partition: 0,
					offset: 10,
					timestamp: 1736942400000,
					timestampType: h,
					key: b64(h),
					value: b64(`{"v":${JSON.stringify(h)}}`),
					headers: [{ [h]: bytes(h) }, { 'content-type': bytes(h) }],
				},
			],
		},
	};
	const record = {
		...sqsRecord,
		requestContext: { ...sqsRecord['requestContext'], requestId: h, functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${h}`, condition: h },
		timestamp: h,
		KafkaBatchInfo: {
			...sqsRecord['KafkaBatchInfo'],
			bootstrapServers: h,
			recordsInfo: { [`${h}-0`]: range, [h]: { ...range, firstRecordOffset: h } },
			[h]: h,
		},
		payload: JSON.stringify(event),
		[h]: h,
	};
	return [
		{ text: JSON.stringify(record, null, 2), fileName: 'record.json' },
		{ text: JSON.stringify({ ...record, payload: event }, null, 2), fileName: 'record.json' },
		{ text: JSON.stringify(event, null, 2), fileName: 'kafka-event.json' },
		{ text: JSON.stringify({ OnFailure: { Destination: h, [h]: h }, [h]: h }, null, 2), fileName: 'x.destination.json' },
		{ text: JSON.stringify({ OnFailure: { Destination: `kafka://${h}` } }, null, 2), fileName: 'x.destination.json' },
		{
			text: JSON.stringify(
				{
					FunctionName: h,
					Topics: [h],
					StartingPosition: h,
					SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: [h, `${h}:9092`] } },
					Tags: { [h]: h },
					DestinationConfig: { OnFailure: { Destination: h } },
					[h]: h,
				},
				null,
				2,
			),
			fileName: 'x.esm.json',
		},
	];
}

// ---- Markdown -----------------------------------------------------------------------------------

/**
 * The Markdown outside code: fenced blocks and inline code spans removed as CommonMark reads
 * them (a span closes only at a backtick run of the same length), and backslash escapes removed.
 */
function proseOf(markdown: string): string {
	const lines = markdown.split('\n');
	const kept: string[] = [];
	let fence: { char: string; length: number } | undefined;
	for (const line of lines) {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (fence) {
			if (marker && marker[1][0] === fence.char && marker[1].length >= fence.length && line.slice(marker[0].length).trim() === '') {
				fence = undefined;
			}
			continue;
		}
		if (marker && !(marker[1][0] === '`' && line.slice(marker[0].length).includes('`'))) {
			fence = { char: marker[1][0], length: marker[1].length };
			continue;
		}
		kept.push(line);
	}
	assert.equal(fence, undefined, 'a code fence is never closed');
	let text = kept.join('\n');
	let prose = '';
	for (let i = 0; i < text.length;) {
		if (text[i] === '\\' && i + 1 < text.length) {
			i += 2;
			continue;
		}
		if (text[i] !== '`') {
			prose += text[i++];
			continue;
		}
		let n = 0;
		while (text[i + n] === '`') {
			n++;
		}
		let close = -1;
		for (let j = i + n; j < text.length;) {
			if (text[j] !== '`') {
				j++;
				continue;
			}
			let m = 0;
			while (text[j + m] === '`') {
				m++;
			}
			if (m === n) {
				close = j;
				break;
			}
			j += m;
		}
		if (close < 0) {
			prose += text.slice(i, i + n);
			i += n;
		} else {
			assert.doesNotMatch(text.slice(i + n, close), /[\r\n]/, 'an inline code span holds a line break');
			i = close + n;
		}
	}
	text = prose;
	return text;
}

/** Control characters (but tab and line feed, which Markdown may hold), line separators and bidi overrides. */
const RAW_CONTROL_IN_PROSE = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\u202a-\u202e]/;
const DOC_LINK = /\[AWS documentation\]\(https:\/\/docs\.aws\.amazon\.com\/[^\s()]*\)/g;

function assertSafeMarkdown(markdown: string, where: string): void {
	assert.ok(markdown.length < 20_000, `${where}: hover of ${markdown.length} characters`);
	const prose = proseOf(markdown).replace(DOC_LINK, '');
	assert.doesNotMatch(
		prose,
		/\]\(|!\[|\]\[|<[A-Za-z!/?]|command:|javascript:/i,
		`${where}: live Markdown outside code in ${JSON.stringify(markdown.slice(0, 500))}`,
	);
	assert.doesNotMatch(prose, RAW_CONTROL_IN_PROSE, `${where}: raw control character outside code`);
}

function hoverAll(text: string, analysis: DocumentAnalysis): string[] {
	const markdowns = new Set<string>();
	for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) {
		for (const offset of [at + 1, at + 2]) {
			const hover = computeHover(analysis, Math.min(offset, text.length), registry);
			if (hover) {
				markdowns.add(hover.markdown);
			}
		}
	}
	return [...markdowns];
}

// ---- HTML ---------------------------------------------------------------------------------------

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

/** Every `<` starts a tag the renderer writes, with attributes it writes, double-quoted, and URLs only to the configured places. */
function assertSafeHtml(page: string, where: string): void {
	for (let i = page.indexOf('<'); i >= 0; i = page.indexOf('<', i + 1)) {
		const end = page.indexOf('>', i);
		assert.ok(end > i, `${where}: unclosed tag`);
		const raw = page.slice(i + 1, end);
		const name = /^\/?([A-Za-z!][A-Za-z0-9-]*)/.exec(raw);
		assert.ok(name && TAGS.has(name[1]), `${where}: unexpected markup <${raw.slice(0, 60)}>`);
		let rest = name[1] === '!DOCTYPE' ? '' : raw.slice(name[0].length);
		while (rest.trim() !== '') {
			const attribute = /^\s+([A-Za-z][A-Za-z0-9-]*)(?:="([^"<>]*)")?/.exec(rest);
			assert.ok(attribute, `${where}: stray text in <${name[1]}>: ${rest.slice(0, 60)}`);
			assert.ok(ATTRIBUTES.has(attribute[1]), `${where}: attribute ${attribute[1]}`);
			const value = attribute[2] ?? '';
			if (['href', 'src', 'data-link'].includes(attribute[1])) {
				assert.match(value, /^(https?:\/\/(ui|akhq)\.example\/|vscode-resource:\/)/, `${where}: ${attribute[1]}="${value.slice(0, 80)}"`);
				assert.doesNotMatch(value, /javascript:/i, `${where}: javascript: URL`);
			}
			rest = rest.slice(attribute[0].length);
		}
		i = end;
	}
	assert.equal((page.match(/<script/g) ?? []).length, 1, `${where}: one script tag`);
}

// ---- shell --------------------------------------------------------------------------------------

/** Runs a script with /bin/sh: as `sh -c script`, or read from stdin when it is longer than one argument may be (128 KiB on Linux). */
function shell(script: string, env: NodeJS.ProcessEnv = {}, cwd?: string): { stdout: string; stderr: string; status: number | null; error?: string } {
	const viaStdin = Buffer.byteLength(script) > 120_000;
	const run = spawnSync('/bin/sh', viaStdin ? ['-s'] : ['-c', script], {
		input: viaStdin ? script : undefined,
		encoding: 'utf8',
		env: { PATH: '/usr/bin:/bin', ...env },
		cwd,
		maxBuffer: 64 * 1024 * 1024,
	});
	return { stdout: run.stdout, stderr: run.stderr, status: run.status, error: run.error ? String(run.error) : undefined };
}

// ---- logs and messages --------------------------------------------------------------------------

const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function assertOneLine(line: string, where: string): void {
	assert.doesNotMatch(line, RAW_CONTROL, `${where}: raw control character in ${JSON.stringify(line.slice(0, 300))}`);
}

describe('hostile strings from documents', () => {
	it('hover Markdown shows them as code: no live link, command, image or HTML', (t) => {
		let hovers = 0;
		for (const h of HOSTILE) {
			for (const doc of documentsWith(h)) {
				const analysis = analyzeDocument(doc.text, { fileName: doc.fileName });
				for (const markdown of hoverAll(doc.text, analysis)) {
					assertSafeMarkdown(markdown, `hover in ${doc.fileName} with ${JSON.stringify(h.slice(0, 40))}`);
					hovers++;
				}
			}
		}
		assert.ok(hovers > 200, `${hovers} hovers`);
		t.diagnostic(`${HOSTILE.length} hostile strings, ${hovers} distinct hovers checked`);
	});

	it('the preview webview renders them as text: no tag, attribute or URL from data', () => {
		for (const h of HOSTILE) {
			for (const doc of documentsWith(h).slice(0, 3)) {
				const analysis = analyzeDocument(doc.text, { fileName: doc.fileName });
				const model = buildPreviewModel({
					uri: 'file:///r.json',
					version: 1,
					text: doc.text,
					analysis,
					options: { now: Date.parse('2025-01-16T00:00:00Z'), kafkaUiBaseUrl: 'http://ui.example', akhqBaseUrl: 'http://akhq.example', clusterName: h },
				});
				const page = renderPreviewDocument(model, {
					cspSource: 'vscode-resource:',
					nonce: 'n0nce',
					scriptUri: 'vscode-resource:/w.js',
					styleUri: 'vscode-resource:/p.css',
					title: h,
				});
				const where = `preview of ${doc.fileName} with ${JSON.stringify(h.slice(0, 40))}`;
				assertSafeHtml(page, where);
				if (/[<>"'&`]/.test(h)) {
					assert.ok(!page.includes(h), `${where}: the raw string is in the page`);
				}
			}
		}
	});

	describe('shell commands', () => {
		let dir: string;
		before(() => {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-shell-'));
			for (const program of ['kcat', 'kafka-console-consumer.sh']) {
				// Each call writes its arguments, NUL-separated, to calls.log.
				fs.writeFileSync(path.join(dir, program), `#!/bin/sh\nprintf '%s\\0' "${program}" "$@" >> calls.log\nprintf '\\n' >> calls.log\n`, { mode: 0o755 });
			}
		});
		after(() => {
			fs.rmSync(dir, { recursive: true, force: true });
		});

		it('each quoted argument reaches /bin/sh printf exactly', () => {
			for (const h of SHELL_SAFE) {
				const run = shell(`printf %s ${shellQuote(h)}`);
				assert.equal(run.status, 0, run.stderr);
				assert.equal(run.stdout, h, `round trip of ${JSON.stringify(h.slice(0, 60))}`);
			}
			assert.throws(() => shellQuote('a\u0000b'), RangeError);
		});

		it('the consumer commands and the snippet run only the consumers, with the topic and brokers as single arguments; hostile topics get none', () => {
			for (const h of ['orders', ...SHELL_SAFE]) {
				const topic = h.replace(/\n/g, ' ');
				const brokers = 'b-1.example:9092,x;touch>PWNED:9096';
				const text = JSON.stringify({
					...sqsRecord,
					KafkaBatchInfo: { ...sqsRecord['KafkaBatchInfo'], bootstrapServers: brokers, recordsInfo: { [`${topic}-3`]: range } },
				});
				const model = buildPreviewModel({ uri: 'file:///r.json', version: 1, text, analysis: analyzeDocument(text, { fileName: 'r.json' }), options: {} });
				assert.equal(model.partitions.length, 1, JSON.stringify(h.slice(0, 40)));
				const commands = model.partitions[0].commands;
				if (topicNameProblem(topic) === undefined) {
					assert.ok(commands.length >= 3);
				} else {
					assert.deepEqual(commands, [], 'a topic Kafka rejects gets no command');
				}
				fs.rmSync(path.join(dir, 'calls.log'), { force: true });
				for (const command of commands) {
					const run = shell(command.command, { PATH: `${dir}:/usr/bin:/bin` }, dir);
					assert.equal(run.status, 0, `${command.command.slice(0, 200)}: ${run.stderr} ${run.error ?? ''}`);
				}
				const snippet = shell(shellSnippet(model, h), { PATH: `${dir}:/usr/bin:/bin`, BOOTSTRAP_SERVERS: 'k:9092' }, dir);
				assert.equal(snippet.status, 0, `${snippet.stderr} ${snippet.error ?? ''}`);
				assert.equal(snippet.stderr, '');
				assert.ok(!fs.existsSync(path.join(dir, 'PWNED')), 'a command from the data ran');
				const log = path.join(dir, 'calls.log');
				const calls = (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '')
					.split('\0\n')
					.filter((c) => c !== '')
					.map((c) => c.split('\0'));
				assert.equal(calls.length, commands.length * 2, 'each command once, then each again from the snippet');
				for (const argv of calls) {
					const kcat = argv[0] === 'kcat';
					assert.equal(argv[argv.indexOf(kcat ? '-t' : '--topic') + 1], topic);
					assert.equal(argv[argv.indexOf(kcat ? '-b' : '--bootstrap-server') + 1], brokers);
				}
			}
		});
	});

	describe('logs and error messages', () => {
		let server: LoopbackLambda;
		before(async () => {
			server = await LoopbackLambda.start({ region: 'us-east-1', transitionDelayMs: 10 });
		});
		after(async () => {
			await server.close();
		});

		it('the redacting logger writes each message as one line with control characters escaped', () => {
			const memory = new MemoryLogger();
			const logger = redactingLogger(memory);
			for (const h of HOSTILE) {
				logger.error(`UpdateEventSourceMapping failed: ${h}`);
				logger.info(h);
			}
			assert.equal(memory.lines.length, HOSTILE.length * 2);
			memory.lines.forEach((line) => assertOneLine(line, 'log line'));
			assert.ok(memory.lines.includes('[info] x\\ntouch PWNED\\n'), 'line breaks are written as \\n');
			assert.ok(memory.lines.includes('[info] \\u202egnp.exe'), 'a bidi override is written as \\u202e');
		});

		it('an AWS error echoing a hostile value is logged as one line, and shown as one bounded line', async () => {
			for (const h of HOSTILE) {
				const memory = new MemoryLogger();
				const api = createLambdaApi(
					{
						region: 'us-east-1',
						profile: undefined,
						endpoint: server.endpoint,
						credentials: () => Promise.resolve({ accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'secret' }),
					},
					{ logger: memory, maxAttempts: 1, env: {} },
				);
				server.injectFault({
					operation: 'ListFunctions',
					kind: 'validation',
					message: `1 validation error detected: Value '${h}' at 'functionName' failed to satisfy constraint`,
				});
				server.injectFault({ operation: 'GetEventSourceMapping', kind: 'server-error', message: h });
				const errors: unknown[] = [];
				await api.listFunctions().catch((e: unknown) => errors.push(e));
				await api.getMapping('14e0db71-5d35-4eb5-b481-8945cf9d10c2').catch((e: unknown) => errors.push(e));
				api.dispose();
				assert.equal(errors.length, 2);
				for (const error of errors) {
					const shown = formatUserFacing(toUserFacingError(error));
					assertOneLine(shown, `error message for ${JSON.stringify(h.slice(0, 40))}`);
					assert.ok(shown.length <= 1500, `an error message of ${shown.length} characters`);
				}
				assert.ok(memory.lines.length >= 2);
				memory.lines.forEach((line) => assertOneLine(line, `log for ${JSON.stringify(h.slice(0, 40))}`));
				assertOneLine(errorDetails(new Error(h)), 'errorDetails');
			}
		});

		it('the apply summary quoting document values is one bounded line', () => {
			for (const h of HOSTILE) {
				const diff = diffConfigs(
					{ UUID: 'u', DestinationConfig: { OnFailure: { Destination: h } }, FunctionResponseTypes: [h] },
					{ UUID: 'u', DestinationConfig: { OnFailure: { Destination: `${h}2` } }, KMSKeyArn: h },
				);
				assertOneLine(diff.summary, 'summary');
				assert.ok(diff.summary.length <= 1000, `a summary of ${diff.summary.length} characters`);
			}
		});
	});

	it('diagnostic messages and fix titles that quote them are capped and have no raw control characters', (t) => {
		let messages = 0;
		for (const h of HOSTILE) {
			for (const doc of documentsWith(h)) {
				for (const problem of analyzeDocument(doc.text, { fileName: doc.fileName }).problems) {
					const where = `${problem.code} in ${doc.fileName} with ${JSON.stringify(h.slice(0, 40))}`;
					assertOneLine(problem.message, where);
					assert.ok(problem.message.length <= 1000, `${where}: message of ${problem.message.length} characters`);
					for (const fix of problem.fixes) {
						assertOneLine(fix.title, `fix "${fix.title.slice(0, 60)}" of ${where}`);
						assert.ok(fix.title.length <= 200, `${where}: fix title of ${fix.title.length} characters`);
					}
					messages++;
				}
			}
		}
		assert.ok(messages > 500, `${messages} messages`);
		t.diagnostic(`${messages} diagnostics checked`);
	});
});
