/**
 * What is timed for each document (shared/reference/perf-anchors.md, "Cases"): the JSON.parse
 * lower bound, our full validation, and VS Code's own engine (vscode-json-languageservice) fed our
 * schemas, on the outer record alone and as the "2-step" a VS Code user needs to check a payload.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JSONSchema, LanguageService } from 'vscode-json-languageservice';
import { parseDocument } from 'yaml';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import type { DocumentAnalysis } from '../server/src/language/validation/analyzeDocument';
import { analyzeDocument } from '../server/src/language/validation/analyzeDocument';
import { SCHEMA_FILES } from '../server/src/language/schema/schemaRegistry';
import { findSchemasDir, sharedSchemaRegistry } from '../server/src/node/schemaFiles';
import type { DocumentSpec } from './generate';
import type { Operation } from './measure';

export type CaseId = 'json-parse' | 'ours' | 'vscode' | 'vscode-2step';

export const CASE_LABELS: Record<CaseId, string> = {
	'json-parse': 'a. JSON.parse (lower bound)',
	ours: 'b. ours: analyzeDocument (full validation, payload included)',
	vscode: 'c. vscode-json-ls: parse + doValidation (outer document)',
	'vscode-2step': 'd. VS Code 2-step: c + payload as its own document',
};

/** The cases that apply to a document: the 2-step only exists when there is a payload. */
export function casesFor(spec: DocumentSpec): CaseId[] {
	if (spec.compareWithVscode === false) {
		return ['json-parse', 'ours'];
	}
	return spec.payload ? ['json-parse', 'ours', 'vscode', 'vscode-2step'] : ['json-parse', 'ours', 'vscode'];
}

export interface PreparedCase {
	run: Operation;
	/** JSON.parse of the same text, timed alternately with `run` in the same process. */
	baseline: Operation;
	/** Summarises a result; throws when it is not what the document must give (a skipped check is a regression, not a speed-up). */
	check: (result: unknown) => string;
	/** Run after the measurement (so that it does not warm the cold call): throws when the comparison would be unfair. */
	verify?: () => Promise<void>;
}

export function prepareCase(id: CaseId, spec: DocumentSpec, text: string): PreparedCase {
	const baseline = jsonParse(spec, text);
	switch (id) {
		case 'json-parse':
			return { run: baseline, baseline, check: () => '' };
		case 'ours':
			return { ...prepareOurs(spec, text), baseline };
		case 'vscode':
			return { ...prepareVscode(spec, text, false), baseline };
		case 'vscode-2step':
			return { ...prepareVscode(spec, text, true), baseline };
	}
}

/** JSON Lines: the split is part of the work (every JSON Lines reader has to split). */
function parseLines(text: string): unknown[] {
	const values: unknown[] = [];
	for (const line of text.split('\n')) {
		if (line !== '') {
			values.push(JSON.parse(line));
		}
	}
	return values;
}

/** The same for lines that are not JSON: what any reader pays to learn that each line is broken. */
function parseBrokenLines(text: string): number {
	let broken = 0;
	for (const line of text.split('\n')) {
		if (line !== '') {
			try {
				JSON.parse(line);
			} catch {
				broken++;
			}
		}
	}
	return broken;
}

function jsonParse(spec: DocumentSpec, text: string): Operation {
	if (spec.baseline === 'yaml-parse') {
		// The parse with positions our adapter reads: what any YAML tool pays before it can say anything.
		return () => parseDocument(text, { uniqueKeys: false });
	}
	if (spec.layout === 'json-lines') {
		return spec.brokenLines ? () => parseBrokenLines(text) : () => parseLines(text);
	}
	return () => JSON.parse(text) as unknown;
}

function prepareOurs(spec: DocumentSpec, text: string): Omit<PreparedCase, 'baseline'> {
	// The server compiles its schemas at start-up (registry.warmUp() in onInitialize), so the timed calls do not include it.
	sharedSchemaRegistry().warmUp();
	const expected = spec.expectedProblems(spec.fullSize);
	return {
		run: () => analyzeDocument(text, { fileName: spec.fileName }),
		check: (result) => {
			const analysis = result as DocumentAnalysis;
			const count = analysis.problems.length;
			if (count !== expected) {
				const sample = analysis.problems.slice(0, 5).map((p) => `${p.code}: ${p.message}`);
				throw new Error(`analyzeDocument reported ${count} problems on ${spec.id}, expected ${expected}. First ones:\n  ${sample.join('\n  ')}`);
			}
			return `problems=${count}`;
		},
	};
}

// ---- vscode-json-languageservice ------------------------------------------------------------

const RECORD_URI = 'urn:lambda-kafka:schema:failure-record';
const EVENT_URI = 'urn:lambda-kafka:schema:kafka-event';
const ARRAY_URI = 'urn:lambda-kafka:bench:failure-record-array';

function readSchema(kind: keyof typeof SCHEMA_FILES): JSONSchema {
	return JSON.parse(fs.readFileSync(path.join(findSchemasDir(), SCHEMA_FILES[kind]), 'utf8')) as JSONSchema;
}

/** One service with our schemas associated by file name, as VS Code does through `json.schemas`. The resolved schemas stay cached across runs, as in VS Code. */
function createService(): LanguageService {
	const service = getLanguageService({});
	service.configure({
		validate: true,
		allowComments: false,
		schemas: [
			{ uri: RECORD_URI, fileMatch: ['record.json', 'line.jsonl'], schema: readSchema('failure-record') },
			{ uri: ARRAY_URI, fileMatch: ['records.json'], schema: { type: 'array', items: { $ref: RECORD_URI } } },
			{ uri: EVENT_URI, fileMatch: ['payload.json'], schema: readSchema('kafka-event') },
		],
	});
	return service;
}

/** Parse + validate one text as a document of its own (a new TextDocument each time, so no cache is reused). */
async function validateText(service: LanguageService, fileName: string, text: string): Promise<number> {
	const document = TextDocument.create(`file:///bench/${fileName}`, 'json', 1, text);
	const jsonDocument = service.parseJSONDocument(document);
	return (await service.doValidation(document, jsonDocument)).length;
}

/** vscode-json-ls has no JSON Lines mode: each line is validated as a document. */
async function validateLines(service: LanguageService, text: string): Promise<number> {
	let count = 0;
	for (const line of text.split('\n')) {
		if (line !== '') {
			count += await validateText(service, 'line.jsonl', line);
		}
	}
	return count;
}

/** The payload as a user would paste it into its own file: the decoded string, or the object's text. */
function extractPayload(text: string): string {
	const payload = (JSON.parse(text) as { payload?: unknown }).payload;
	return typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
}

/** Invalid documents for each file name: without a diagnostic, the schema was not associated and vscode-json-ls would only parse. */
const PROBES: Record<string, string> = {
	'record.json': '{"version":"2.0"}',
	'line.jsonl': '{"version":"2.0"}',
	'records.json': '[{"version":"2.0"}]',
	'payload.json': '{"eventSource":"nope"}',
};

async function assertSchemaApplied(service: LanguageService, fileName: string): Promise<void> {
	if ((await validateText(service, fileName, PROBES[fileName])) === 0) {
		throw new Error(`vscode-json-languageservice applied no schema to ${fileName}: the comparison would time a parse only.`);
	}
}

function prepareVscode(spec: DocumentSpec, text: string, withPayload: boolean): Omit<PreparedCase, 'baseline'> {
	const service = createService();
	const outerName = spec.layout === 'array' ? 'records.json' : 'record.json';
	const verify = async (): Promise<void> => {
		await assertSchemaApplied(service, spec.layout === 'json-lines' ? 'line.jsonl' : outerName);
		if (withPayload) {
			await assertSchemaApplied(service, 'payload.json');
		}
	};
	const validateOuter = (): Promise<number> => (spec.layout === 'json-lines' ? validateLines(service, text) : validateText(service, outerName, text));
	// Extracted before timing: the user does that by hand.
	const payloadText = withPayload ? extractPayload(text) : '';
	const expected = spec.expectedProblems(spec.fullSize);
	return {
		run: withPayload ? async () => (await validateOuter()) + (await validateText(service, 'payload.json', payloadText)) : validateOuter,
		check: (result) => {
			const count = result as number;
			if (count !== expected) {
				throw new Error(`vscode-json-languageservice reported ${count} diagnostics on ${spec.id}, expected ${expected}: the comparison would be unfair.`);
			}
			return `diagnostics=${count}`;
		},
		verify,
	};
}
