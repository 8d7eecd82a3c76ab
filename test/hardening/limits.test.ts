/**
 * Size and content limits: a file above the size limit gets exactly one `file-too-large`
 * diagnostic and no validation (in the engine, the CLI, and the real server, whose limit the
 * `lambdaKafka.validation.maxFileSizeMB` setting changes), binary content gets none, and the real
 * server given a 20 MB record validates it and stays up.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { validateText } from '../../server/src/cli/validateFile';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';
import { fixture } from '../helpers';
import { LspTestClient } from '../protocol/lspClient';

const MB = 1024 * 1024;

/** An S3 failure record whose payload holds one record with a value of about `megabytes` MB. */
function bigRecord(megabytes: number): string {
	const record = JSON.parse(fixture('records/s3-record-string.json')) as { payload: string };
	const event = JSON.parse(record.payload) as { records: Record<string, { value: string }[]> };
	Object.values(event.records)[0][0].value = Buffer.alloc(Math.floor(megabytes * MB * 0.74), 'kafka-record-').toString('base64');
	record.payload = JSON.stringify(event);
	return JSON.stringify(record, null, 2);
}

const withNul = (text: string, at: number): string => `${text.slice(0, at)}\u0000${text.slice(at)}`;

function vmRssKb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
}

describe('size and binary limits in the engine and the CLI', () => {
	const big = bigRecord(1.5);

	it('a file above the limit gets exactly one file-too-large warning, on its first character, and no validation', () => {
		const broken = big.replace('"version": "1.0"', '"version": 1.0,,');
		for (const text of [big, broken]) {
			const analysis = analyzeDocument(text, { fileName: 'record.json', maxLength: MB });
			assert.equal(analysis.skipped, 'too-large');
			assert.equal(analysis.kind, 'failure-record');
			assert.deepEqual(
				analysis.problems.map((p) => [p.code, p.severity, p.start, p.end]),
				[['file-too-large', 'warning', 0, 1]],
			);
			assert.match(
				analysis.problems[0].message,
				/^This file is 1\.5 MB, above the validation limit of 1\.0 MB \(setting lambdaKafka\.validation\.maxFileSizeMB\): it was not validated\.$/,
			);
			assert.deepEqual([...analysis.units], []);
		}
		// The same text under the limit is validated: the broken one has its syntax errors.
		assert.equal(
			analyzeDocument(broken, { fileName: 'record.json', maxLength: 2 * MB }).problems.some((p) => p.code === 'file-too-large'),
			false,
		);
		assert.ok(analyzeDocument(broken, { fileName: 'record.json', maxLength: 2 * MB }).problems.some((p) => p.code.startsWith('syntax-')));
	});

	it('a large file that is not one of ours gets nothing, not even the warning', () => {
		const other = JSON.stringify({ name: 'x', dependencies: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`package-${i}`, `^${i}.0.0`])) });
		assert.ok(other.length > MB);
		const analysis = analyzeDocument(other, { fileName: 'package-lock.json', maxLength: MB });
		assert.deepEqual(analysis.problems, []);
	});

	it('the CLI names its option in the warning', () => {
		const report = validateText('big.json', big, 1);
		assert.equal(report.skipped, 'too-large');
		assert.deepEqual(
			report.diagnostics.map((d) => [d.code, d.line, d.column, d.endLine, d.endColumn]),
			[['file-too-large', 1, 1, 1, 2]],
		);
		assert.match(report.diagnostics[0].message, /\(option --max-file-size-mb\)/);
	});

	it('binary content (a NUL in the first 8 KiB) is left alone: no diagnostic at all', () => {
		for (const text of [
			withNul(big.slice(0, 5000), 3000),
			withNul(fixture('records/sqs-record.json'), 10),
			`\u0000${fixture('records/records.jsonl')}`,
			withNul(big, 100),
		]) {
			for (const maxLength of [undefined, MB]) {
				const analysis = analyzeDocument(text, { fileName: 'record.json', maxLength });
				assert.equal(analysis.skipped, 'binary');
				assert.deepEqual(analysis.problems, []);
				assert.deepEqual(analysis.hostProblems, []);
			}
		}
	});
});

describe('size limits in the real server', () => {
	let client: LspTestClient;
	const big = bigRecord(1.5);
	const huge = bigRecord(20);

	before(async () => {
		({ client } = await LspTestClient.start({ configuration: { validation: { debounceMs: 20, maxFileSizeMB: 1 } } }));
	});
	after(async () => {
		await client.stop();
	});

	it('publishes exactly one file-too-large diagnostic above the configured limit, and validates fully once the setting allows the size', async () => {
		const uri = 'file:///work/limits/big.record.json';
		await client.open(uri, big);
		// The settings are pulled after initialization; wait for the publication made with them.
		const limited = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'file-too-large'));
		assert.deepEqual(
			limited.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
			[['file-too-large', 2, 0, 0, 1]],
		);
		const message = limited.diagnostics[0].message;
		assert.match(typeof message === 'string' ? message : message.value, /above the validation limit of 1\.0 MB/);

		// Raise the limit through workspace/configuration: the same document is now validated.
		const before = client.allDiagnostics(uri).length;
		await client.setConfiguration({ validation: { debounceMs: 20, maxFileSizeMB: 2 } });
		const validated = await client.diagnosticsFor(uri, (p) => client.allDiagnostics(uri).indexOf(p) >= before);
		assert.deepEqual(
			validated.diagnostics.filter((d) => d.code === 'file-too-large'),
			[],
		);
		const expected = analyzeDocument(big, { fileName: '/work/limits/big.record.json', languageId: 'json', maxLength: 2 * MB }).problems.map((p) => p.code);
		assert.deepEqual(
			validated.diagnostics.map((d) => d.code),
			expected,
		);

		// And lower it again.
		const again = client.allDiagnostics(uri).length;
		await client.setConfiguration({ validation: { debounceMs: 20, maxFileSizeMB: 1 } });
		const limitedAgain = await client.diagnosticsFor(uri, (p) => client.allDiagnostics(uri).indexOf(p) >= again);
		assert.deepEqual(
			limitedAgain.diagnostics.map((d) => d.code),
			['file-too-large'],
		);
	});

	it('publishes no diagnostic for binary content', async () => {
		const uri = 'file:///work/limits/binary.record.json';
		await client.open(uri, withNul(fixture('records/sqs-record.json').replace('"1.0"', '"1.0",,'), 20));
		const published = await client.diagnosticsFor(uri);
		assert.deepEqual(published.diagnostics, []);
	});

	it('validates a 20 MB record, answers a hover on it, and stays up', async () => {
		const uri = 'file:///work/limits/huge.record.json';
		await client.setConfiguration({ validation: { debounceMs: 20, maxFileSizeMB: 64 } });
		const rssBefore = vmRssKb(client.pid!);
		const opened = Date.now();
		await client.open(uri, huge);
		// The new limit is pulled asynchronously: the first publication may still use the old one.
		const published = await client.diagnosticsFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'file-too-large'), 30_000);
		const ms = Date.now() - opened;
		assert.equal(published.version, 1);
		const hover = await client.hover(uri, 1, 5);
		assert.ok(hover, 'hover on "requestContext"');
		assert.ok(client.isRunning, 'the server is still running');
		// The client's copy of the document, the server's, its analysis and the decoded payload: a few copies of 20 MB, not hundreds.
		const growthMb = (vmRssKb(client.pid!) - rssBefore) / 1024;
		assert.ok(growthMb < 10 * 20, `the server grew by ${growthMb.toFixed(0)} MB`);
		process.stdout.write(`# 20 MB record (${(huge.length / MB).toFixed(1)} M chars): published in ${ms} ms, server RSS +${growthMb.toFixed(0)} MB\n`);
		await client.close(uri);
	});
});
