/**
 * A pseudo-locale run (issue 18): with a bundle that wraps every message in ⟦ ⟧, whatever the
 * server core, the client's VS Code-free modules and the CLI show must be wrapped too. Text that
 * is not wrapped did not go through l10n.t: a string the sources check (npm run l10n:check) missed,
 * such as one built from pieces or from a table read before the bundle was configured.
 */
import * as l10n from '@vscode/l10n';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { computeHover } from '../../server/src/language/features/hover';
import { buildPreviewModel } from '../../server/src/language/preview/previewModel';
import { sharedSchemaRegistry } from '../../server/src/node/schemaFiles';
import { renderPreviewDocument } from '../../client/src/preview/render/renderHtml';
import { fixAllSummary } from '../../client/src/commands/fixAllSummary';
import { toUserFacingError } from '../../client/src/aws/errors';
import { analyze, fixture, problemsOf, repoRoot } from '../helpers';
import { loadParser, tfProblems } from './terraform/tfHelpers';
import { formatReportText, summaryLine } from '../../shared/preflight/formatReport';
import { runPreflight } from '../../shared/preflight/runPreflight';
import type { PreflightSources, SimulationResult } from '../../shared/preflight/types';

const root = repoRoot();
const OPEN = '⟦';
const CLOSE = '⟧';

/** The pseudo-locale: every English message wrapped, placeholders kept. */
function pseudoBundle(): Record<string, string> {
	const english = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string | { message: string }>;
	return Object.fromEntries(Object.entries(english).map(([key, entry]) => [key, `${OPEN}${typeof entry === 'string' ? entry : entry.message}${CLOSE}`]));
}

/** The words of a document (split as unwrapped splits them), which the texts shown may quote. */
function documentWords(text: string): string[] {
	return (text.match(/[A-Za-z][a-z]{2,}/g) ?? []).map((w) => w.toLowerCase());
}

/** JSON Schema's type names, shown as they are in hovers (`**Offset** · string`), like code. */
const TYPE_NAMES = new Set(['object', 'string', 'integer', 'number', 'boolean', 'array', 'null']);

/** The words left once wrapped parts (innermost first), code spans and the document's own words are removed. */
function unwrapped(text: string, documentWords: ReadonlySet<string>): string[] {
	let rest = text.replace(/`[^`]*`/g, ' ');
	for (let previous = ''; previous !== rest;) {
		previous = rest;
		rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
	}
	return (rest.match(/[A-Za-z][a-z]{2,}/g) ?? []).filter((word) => !documentWords.has(word.toLowerCase()) && !TYPE_NAMES.has(word));
}

const RECORD_FIXTURES = [
	'sqs-record.json',
	's3-record-object.json',
	'kafka-destination-record.json',
	'kafka-event-msk.json',
	'records.jsonl',
	'aws-docs-sqs-example.jsonc',
];
const BROKEN_DOCUMENTS = [
	'{\n  // comment\n  "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:12345:q"},\n}',
	'{"UUID": "x", "Topics": ["a b"], "StartingPosition": "NOW", "BatchSize": 0, "MaximumRecordAgeInSeconds": 30, "DestinationConfig": {"OnSuccess": {"Destination": "kafka://"}}}',
	'{"FunctionName": "f", "EventSourceArn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/u-1", "Topics": ["orders"], "StartingPosition": "AT_TIMESTAMP", "DestinationConfig": {"OnFailure": {"Destination": "kafka://orders"}}}',
];

describe('pseudo-locale run', () => {
	let bundleFile = '';
	before(() => {
		const bundle = pseudoBundle();
		l10n.config({ contents: bundle });
		bundleFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'l10n-pseudo-')), 'bundle.l10n.qps-ploc.json');
		fs.writeFileSync(bundleFile, JSON.stringify(bundle));
	});
	after(() => {
		l10n.config({ contents: {} });
		fs.rmSync(path.dirname(bundleFile), { recursive: true, force: true });
	});

	it('server core: every diagnostic message and fix title goes through l10n', () => {
		const texts = [...RECORD_FIXTURES.map((name) => fixture(`records/${name}`)), ...BROKEN_DOCUMENTS];
		for (const text of texts) {
			const words = new Set(documentWords(text));
			for (const problem of problemsOf(text, { fileName: 'doc.json' })) {
				assert.deepEqual(unwrapped(problem.message, words), [], `${problem.code}: ${problem.message}`);
				for (const fix of problem.fixes) {
					assert.deepEqual(unwrapped(fix, words), [], `${problem.code} fix: ${fix}`);
				}
			}
		}
	});

	it('server core: hovers on schema keys and computed values go through l10n', () => {
		const registry = sharedSchemaRegistry();
		for (const name of ['sqs-record.json', 'kafka-event-msk.json']) {
			const text = fixture(`records/${name}`);
			const words = new Set(documentWords(text));
			const analysis = analyze(text, { fileName: name });
			let hovers = 0;
			for (const match of text.matchAll(/"([A-Za-z]+)":/g)) {
				const hover = computeHover(analysis, (match.index ?? 0) + 2, registry);
				if (hover) {
					hovers++;
					assert.deepEqual(unwrapped(hover.markdown.replace(/\]\([^)]*\)/g, ']'), words), [], `${name} ${match[1]}: ${hover.markdown}`);
				}
			}
			assert.ok(hovers > 5, name);
		}
	});

	it('server core: template and Terraform diagnostics and fix titles go through l10n', async () => {
		await loadParser();
		const templates = ['cloudformation-orders.yaml', 'sam-orders.yaml'].map((name) => ({
			text: fs.readFileSync(path.join(root, 'examples', 'templates', name), 'utf8'),
			problems: (text: string) => problemsOf(text, { fileName: name }),
		}));
		const tfDir = path.join(root, 'examples', 'terraform');
		const tfSiblings = ['iam.tf', 'variables.tf'].map((name) => fs.readFileSync(path.join(tfDir, name), 'utf8'));
		const terraform = { text: fs.readFileSync(path.join(tfDir, 'main.tf'), 'utf8'), problems: (text: string) => tfProblems(text, tfSiblings) };
		let checked = 0;
		for (const { text, problems } of [...templates, terraform]) {
			// Terraform and template messages quote argument names and resource types, which are code.
			const words = new Set([...documentWords(text), ...tfSiblings.flatMap(documentWords)]);
			for (const problem of problems(text)) {
				checked++;
				assert.deepEqual(unwrapped(problem.message, words), [], `${problem.code}: ${problem.message}`);
				for (const fix of problem.fixes) {
					assert.deepEqual(unwrapped(fix, words), [], `${problem.code} fix: ${fix}`);
				}
			}
		}
		assert.ok(checked > 3, `only ${checked} problems in the examples`);
	});

	it('pre-flight: the report text and its summary go through l10n', async () => {
		const denied = (action: string, resource: string): SimulationResult => ({ action, resource, decision: 'implicitDeny', matchedPolicies: [] });
		const sources: PreflightSources = {
			functionRole: () => Promise.resolve({ ok: true, value: 'arn:aws:iam::123456789012:role/consumer' }),
			mappingTags: () => Promise.resolve({ ok: true, value: { 'aws:cloudformation:stack-name': 'orders' } }),
			queue: () => Promise.resolve({ ok: true, value: { kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/k' } }),
			topic: () => Promise.resolve({ ok: false, failure: { kind: 'not-found', message: 'NotFound', action: 'sns:GetTopicAttributes' } }),
			bucket: () => Promise.resolve({ ok: false, failure: { kind: 'not-found', message: 'NotFound', action: 's3:HeadBucket' } }),
			kafkaTopicExists: () => Promise.resolve({ ok: true, value: false }),
			simulate: (request) => Promise.resolve({ ok: true, value: request.actions.map((action) => denied(action, request.resource)) }),
			describeKey: () =>
				Promise.resolve({ ok: true, value: { arn: 'arn:aws:kms:us-east-1:123456789012:key/k', manager: 'CUSTOMER', account: '123456789012' } }),
			keyPolicy: () => Promise.resolve({ ok: false, failure: { kind: 'access-denied', message: 'denied', action: 'kms:GetKeyPolicy' } }),
			deliveryFailures: () => Promise.resolve({ ok: true, value: 3 }),
		};
		const words = new Set([
			'arn',
			'aws',
			'iam',
			'role',
			'consumer',
			'kms',
			'key',
			'sqs',
			'east',
			'orders',
			'dlq',
			'handler',
			'cloudformation',
			'stack',
			'name',
		]);
		for (const destination of ['arn:aws:sqs:us-east-1:123456789012:dlq', 'kafka://orders', 'arn:aws:lambda:us-east-1:123456789012:function:f', '']) {
			const report = await runPreflight(
				{
					functionName: 'handler',
					mapping: {
						UUID: 'u-1',
						FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:handler',
						EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/u-1',
						Topics: ['orders'],
						DestinationConfig: { OnFailure: { Destination: destination } },
					},
					fromDocument: destination === '',
					region: 'us-east-1',
					now: new Date('2025-01-16T00:00:00Z'),
				},
				sources,
			);
			// The policies' JSON is code; everything else is prose.
			const text = formatReportText(report).replace(/^ {5}.*$/gm, '');
			for (const line of text.split('\n')) {
				assert.deepEqual(unwrapped(line.replace(/^\d+\. /, ''), words), [], line);
			}
			assert.deepEqual(unwrapped(summaryLine(report), words), []);
		}
	});

	it('client: the preview page, the fix-all summary and AWS errors go through l10n', () => {
		const text = fixture('records/records.jsonl');
		const words = new Set([...documentWords(text), 'records', 'jsonl', 'kafka', 'console', 'consumer', 'kcat', 'client', 'properties', 'config']);
		const model = buildPreviewModel({
			uri: 'file:///r.jsonl',
			version: 1,
			text,
			analysis: analyze(text, { fileName: 'r.jsonl' }),
			options: { now: Date.parse('2025-01-16T00:00:00Z') },
		});
		const page = renderPreviewDocument(model, { cspSource: 'csp', nonce: 'n', scriptUri: 'script', styleUri: 'style', title: 'records.jsonl' });
		// The words users read: text between tags and the attributes read aloud or shown, not code.
		const shown = [
			...[...page.replace(/<(pre|code|script|style)\b[\s\S]*?<\/\1>/g, '').matchAll(/>([^<]+)</g)].map((m) => m[1]),
			...[...page.matchAll(/ (?:aria-label|placeholder|title)="([^"]*)"/g)].map((m) => m[1]),
		].filter((s) => s.trim() !== '');
		for (const part of shown) {
			assert.deepEqual(unwrapped(part.replace(/&[a-z#0-9]+;/g, ' '), words), [], part);
		}
		assert.deepEqual(unwrapped(fixAllSummary({ isValidJson: true, placeholders: [] }), words), []);
		const error = toUserFacingError(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } }));
		assert.deepEqual(unwrapped(error.message.replace('Rate exceeded', ''), words), [], error.message);
	});

	it('CLI: messages and the summary go through l10n (LAMBDA_KAFKA_L10N_BUNDLE selects the pseudo bundle)', () => {
		const file = path.join(path.dirname(bundleFile), 'broken.destination.json');
		fs.writeFileSync(file, BROKEN_DOCUMENTS[0]);
		const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'validate', file], {
			encoding: 'utf8',
			env: { ...process.env, NO_COLOR: '1', LAMBDA_KAFKA_L10N_BUNDLE: bundleFile },
		});
		const lines = result.stdout.trim().split('\n');
		assert.ok(lines.length > 1, result.stdout + result.stderr);
		for (const line of lines.slice(0, -1)) {
			// path:line:col: severity code message — the severity and code stay English on purpose.
			const message = / (error|warning|info|hint) [a-z0-9-]+ (.*)$/.exec(line)?.[2] ?? line;
			assert.ok(message.startsWith(OPEN), line);
		}
		assert.ok(lines[lines.length - 1].startsWith(OPEN), lines[lines.length - 1]);
	});
});
