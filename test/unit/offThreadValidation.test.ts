/**
 * Validation off the request thread and reading older parses (issue 16): a result for an outdated
 * version is dropped and never published; the worker keeps only the newest waiting text of a
 * document and finds what the engine finds; a failing worker falls back to validating here; and
 * hover and completion read an older parse only through offsets the edits since did not touch.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';
import { createAnalysisCache, STALE_PARSE_MIN_LENGTH } from '../../server/src/lsp/analysisCache';
import { EditLog } from '../../server/src/lsp/editLog';
import { LazyTextDocument } from '../../server/src/lsp/lazyTextDocument';
import type { ValidatedAnalysis } from '../../server/src/language/validation/pipeline';
import type { OffThreadRequest, OffThreadValidator } from '../../server/src/lsp/serverRuntime';
import { joinText } from '../../server/src/lsp/serverRuntime';
import type { ValidationRunnerOptions } from '../../server/src/lsp/validationRunner';
import { sharedSchemaRegistry } from '../../server/src/node/schemaFiles';
import { workerValidator } from '../../server/src/node/workerValidator';
import { repoRoot } from '../helpers';
import { recordingRunner } from './recordingRunner';

const uri = 'file:///work/orders.destination.json';
const misspelt = '{"OnFailure": {"Destinaton": ""}}';
const optionsOf = () => ({ fileName: 'orders.destination.json', languageId: 'json', registry: sharedSchemaRegistry() });

/** A runner whose documents always go to `offThread`. */
function runnerWith(offThread: OffThreadValidator, document: LazyTextDocument, overrides: Partial<ValidationRunnerOptions> = {}) {
	return recordingRunner({ documentOf: () => document, cache: createAnalysisCache(optionsOf), optionsOf, offThread, ...overrides });
}

/** An off-thread validator that validates here, after `delay` has run. */
function inlineValidator(delay: () => Promise<void>): OffThreadValidator {
	return {
		minLength: 0,
		validate: async (_key, request) => {
			await delay();
			const { units: _units, ...analysis } = analyzeDocument(joinText(request.text), request.options);
			return analysis;
		},
		dispose: () => undefined,
	};
}

describe('validation in another thread', () => {
	it('drops the result of a version edited meanwhile, and publishes the next one', async () => {
		const document = new LazyTextDocument(uri, 'json', 1, misspelt);
		const { published, validate } = runnerWith(
			inlineValidator(() => {
				if (document.version === 1) {
					document.update([{ text: '{"OnFailure": {"Destination": ""}}' }], 2);
				}
				return Promise.resolve();
			}),
			document,
		);
		await validate(uri);
		assert.equal(published.length, 0, 'nothing is published for version 1');
		await validate(uri);
		assert.deepEqual(
			published.map((p) => p.version),
			[2],
		);
		assert.ok(!published[0].diagnostics.some((d) => d.code === 'unknown-field'));
	});

	it('validates here when the other thread fails', async () => {
		const document = new LazyTextDocument(uri, 'json', 1, misspelt);
		const failing: OffThreadValidator = { minLength: 0, validate: () => Promise.reject(new Error('thread died')), dispose: () => undefined };
		const { published, errors, validate } = runnerWith(failing, document);
		await validate(uri);
		assert.equal(published.length, 1);
		assert.ok(published[0].diagnostics.some((d) => d.code === 'unknown-field'));
		assert.match(errors[0], /thread died/);
	});

	it('keeps only the newest waiting text of a document, and finds what the engine finds', async () => {
		const script = path.join(repoRoot(), 'out', 'server', 'src', 'node', 'validationWorker.js');
		const worker = workerValidator(script, 0)!;
		try {
			const request = (text: string): OffThreadRequest => ({ text, options: { fileName: 'orders.destination.json', languageId: 'json' } });
			const texts = [misspelt, misspelt.replace('Destinaton', 'Destinaton2'), misspelt.replace('Destinaton', 'Destinaton3')];
			// The first starts at once; the second waits and is replaced by the third.
			const results = await Promise.all(texts.map((text) => worker.validate(uri, request(text))));
			assert.equal(results[1], undefined);
			for (const i of [0, 2]) {
				const { units: _units, ...expected } = analyzeDocument(texts[i], { ...request(texts[i]).options });
				const plain = (value: unknown): ValidatedAnalysis => JSON.parse(JSON.stringify(value)) as ValidatedAnalysis;
				assert.deepEqual(plain(results[i]), plain(expected));
			}
		} finally {
			worker.dispose();
		}
	});
});

describe('the validation thread letting go of the text', () => {
	it('places problems in a record and inside its payload exactly as the engine does, asking the server thread for the text', async () => {
		const script = path.join(repoRoot(), 'out', 'server', 'src', 'node', 'validationWorker.js');
		const worker = workerValidator(script, 0)!;
		try {
			const record = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'records', 's3-record-string.json'), 'utf8')) as Record<
				string,
				unknown
			>;
			const payload = JSON.parse(record.payload as string) as Record<string, unknown>;
			const text = JSON.stringify({ ...record, version: 7, payload: JSON.stringify({ ...payload, eventSource: 'aws:kafak' }) }, null, 2);
			const options = { fileName: 'broken.record.json', languageId: 'json' };
			// As pieces, the way a lazy document hands its text over: the thread asks for the same pieces again.
			const pieces = [text.slice(0, 100), text.slice(100)];
			const result = await worker.validate(uri, { text: pieces, options });
			const { units: _units, ...expected } = analyzeDocument(text, options);
			assert.ok(expected.problems.length >= 2, JSON.stringify(expected.problems));
			assert.deepEqual(JSON.parse(JSON.stringify(result)), JSON.parse(JSON.stringify(expected)));
		} finally {
			worker.dispose();
		}
	});
});

describe("the validation thread's gc()", () => {
	it("is given to the thread, and V8's flags are back as they were once it runs (a code cache made before is still accepted)", () => {
		const validatorModule = path.join(repoRoot(), 'out', 'server', 'src', 'node', 'workerValidator.js');
		// In a process of its own: V8's flags belong to the whole process.
		const program = `
			const vm = require('node:vm');
			const { Worker } = require('node:worker_threads');
			const { withCollectionExposed } = require(${JSON.stringify(validatorModule)});
			const source = 'function twice(a) { return a * 2; } twice(21);';
			const cache = new vm.Script(source, { filename: 'probe.js' }).createCachedData();
			const probe = "require('node:worker_threads').parentPort.postMessage(typeof globalThis.gc)";
			const worker = withCollectionExposed(() => new Worker(probe, { eval: true }));
			worker.once('message', (inThread) => {
				const accepted = !new vm.Script(source, { filename: 'probe.js', cachedData: cache }).cachedDataRejected;
				const plain = new Worker(probe, { eval: true });
				plain.once('message', (inPlainThread) => {
					process.stdout.write(JSON.stringify({ inThread, accepted, inPlainThread, here: typeof globalThis.gc }));
					process.exit(0);
				});
			});`;
		const child = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8', timeout: 20_000 });
		assert.equal(child.status, 0, child.stderr);
		assert.deepEqual(JSON.parse(child.stdout), { inThread: 'function', accepted: true, inPlainThread: 'undefined', here: 'undefined' });
	});
});

describe('validating ahead of the debounce', () => {
	/** A validator that records what it was given and answers when `release` is called. */
	function heldValidator() {
		const requests: { key: string; text: string }[] = [];
		const releases: (() => void)[] = [];
		const validator: OffThreadValidator = {
			minLength: 0,
			validate: async (key, request) => {
				requests.push({ key, text: joinText(request.text) });
				await new Promise<void>((resolve) => releases.push(resolve));
				const { units: _units, ...analysis } = analyzeDocument(joinText(request.text), request.options);
				return analysis;
			},
			dispose: () => undefined,
		};
		return { validator, requests, release: () => releases.splice(0).forEach((resolve) => resolve()) };
	}

	it('hands each edited text to the other thread at once, publishes nothing until the run, and the run reuses that answer', async () => {
		const document = new LazyTextDocument(uri, 'json', 1, misspelt);
		const { validator, requests, release } = heldValidator();
		const { published, validate } = runnerWith(validator, document);
		document.update([{ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } }, text: ' ' }], 2);
		validate.ahead(uri);
		assert.deepEqual(requests, [{ key: uri, text: '{"OnFailure": { "Destinaton": ""}}' }], 'the edited text, joined from its pieces');
		release();
		await new Promise((resolve) => setImmediate(resolve));
		assert.equal(published.length, 0, 'validating ahead publishes nothing');
		await validate(uri);
		assert.equal(requests.length, 1, 'the run did not validate the same version again');
		assert.deepEqual(
			published.map((p) => [p.version, p.diagnostics.map((d) => d.code)]),
			[[2, ['unknown-field']]],
		);
	});

	it('lets a run wait for the answer still under way, and starts a new one for a newer version', async () => {
		const document = new LazyTextDocument(uri, 'json', 1, misspelt);
		const { validator, requests, release } = heldValidator();
		const { published, validate } = runnerWith(validator, document);
		validate.ahead(uri);
		const running = validate(uri);
		assert.equal(requests.length, 1);
		release();
		await running;
		assert.deepEqual(
			published.map((p) => p.version),
			[1],
		);
		document.update([{ text: '{"OnFailure": {"Destination": ""}}' }], 2);
		validate.ahead(uri);
		assert.equal(requests.length, 2);
		release();
		await validate(uri);
		assert.deepEqual(
			published.map((p) => [p.version, p.diagnostics.some((d) => d.code === 'unknown-field')]),
			[
				[1, true],
				[2, false],
			],
		);
	});

	it('leaves documents validated on this thread and disabled validation alone', () => {
		const { validator, requests } = heldValidator();
		const document = new LazyTextDocument(uri, 'json', 1, misspelt);
		runnerWith({ ...validator, minLength: 1024 }, document).validate.ahead(uri);
		const disabled = runnerWith(validator, document, { enabled: () => false });
		disabled.validate.ahead(uri);
		assert.equal(disabled.published.length, 0);
		assert.deepEqual(requests, []);
	});
});

describe('what the validation thread prints', () => {
	it('goes to stderr, never to stdout, which is the protocol stream under --stdio', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-worker-'));
		try {
			const script = path.join(dir, 'printingWorker.js');
			fs.writeFileSync(
				script,
				"const { parentPort } = require('node:worker_threads');\n" +
					"parentPort.on('message', () => { console.log('stray print from a library'); setTimeout(() => parentPort.postMessage({ analysis: { problems: [] } }), 50); });\n",
			);
			// In a process of its own: this one's stdout carries the test runner's reports.
			const validatorModule = path.join(repoRoot(), 'out', 'server', 'src', 'node', 'workerValidator.js');
			const program = `require(${JSON.stringify(validatorModule)}).workerValidator(${JSON.stringify(script)}, 0).validate('k', { text: '{}', options: {} }).then(() => process.exit(0));`;
			const child = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8', timeout: 20_000 });
			assert.equal(child.status, 0, child.stderr);
			assert.equal(child.stdout, '');
			assert.equal(child.stderr, 'stray print from a library\n');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('reading an older parse through the edits since', () => {
	it('maps offsets around edits, and none on edited text', () => {
		const log = new EditLog(1);
		log.record(10, 12, 5, 2); // "ab" at 10 became 5 characters
		log.record(30, 30, 1, 3); // one inserted at 30
		const since1 = log.since(1)!;
		assert.equal(since1.toOlder(5), 5);
		assert.equal(since1.toOlder(16), 13);
		assert.equal(since1.toOlder(12), undefined);
		assert.equal(since1.toOlder(30), undefined);
		assert.equal(since1.toOlder(40), 36);
		assert.equal(since1.toCurrent(13), 16);
		assert.equal(since1.toCurrent(36), 40);
		assert.equal(log.since(3)!.toOlder(40), 40);
		log.reset(4);
		assert.equal(log.since(3), undefined);
	});

	it('answers from the parse of an older version of a large document, and from the current one at an edit', () => {
		const filler = 'x'.repeat(STALE_PARSE_MIN_LENGTH);
		const text = `{"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dlq"}, "filler": "${filler}"}`;
		const document = new LazyTextDocument(uri, 'json', 1, text);
		const cache = createAnalysisCache(optionsOf);
		const first = cache.structureOf(document);
		// An edit at the end: offsets before it map to themselves in the parse of version 1.
		const end = document.positionAt(text.length - 1);
		document.update([{ range: { start: end, end }, text: ' ' }], 2);
		const view = cache.viewAt(document, 20);
		assert.equal(view.analysis, first);
		assert.equal(view.current, false);
		assert.equal(view.offset, 20);
		// At the edit, the current text is parsed.
		const atEdit = cache.viewAt(document, text.length - 1);
		assert.equal(atEdit.current, true);
		assert.notEqual(atEdit.analysis, first);
	});

	it('answers a large template or Terraform file from its current text: completion there reads the text, of the current version', () => {
		const filler = 'x'.repeat(STALE_PARSE_MIN_LENGTH);
		const cases = [
			{
				fileName: 'stack.template.json',
				languageId: 'json',
				text: `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}, "Description": "${filler}"}`,
			},
			{ fileName: 'main.tf', languageId: 'terraform', text: `resource "aws_sqs_queue" "q" {}\n# ${filler}\n` },
		];
		for (const { fileName, languageId, text } of cases) {
			const document = new LazyTextDocument(`file:///work/${fileName}`, languageId, 1, text);
			const cache = createAnalysisCache(() => ({ fileName, languageId, registry: sharedSchemaRegistry() }));
			const first = cache.structureOf(document);
			const end = document.positionAt(text.length - 1);
			document.update([{ range: { start: end, end }, text: ' ' }], 2);
			const view = cache.viewAt(document, 20);
			assert.equal(view.current, true, fileName);
			assert.notEqual(view.analysis, first, fileName);
		}
	});
});
