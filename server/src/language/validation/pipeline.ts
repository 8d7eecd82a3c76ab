/**
 * The validation pipeline: split a text into documents (one value, an array of records or JSON
 * Lines), decide each one's kind, check syntax, schema and semantic rules (and the nested
 * `payload` of S3 records), then place every problem in the text in one pass per parsed text.
 * Validation takes the schemas from its caller (ValidateOptions), so this module and the language
 * server, which imports it, run without Node.js file access; analyzeDocument.ts is the same
 * pipeline with the schema files as the default.
 */
import * as l10n from '@vscode/l10n';
import type { DocumentKind, DocumentLayout } from '../../../../shared/documentKinds';
import type { JsonPath } from '../../../../shared/jsonPath';
import { isObject } from '../../../../shared/jsonPath';
import { ParsedJson } from '../json/parsedJson';
import { detectKind, isJsonLinesFileName } from '../kinds/detectKind';
import { rulesFor } from '../rules';
import type { RuleContext, RuleReport } from '../rules/types';
import { schemaProblems } from '../schema/schemaProblems';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { hasSchema } from '../schema/schemaRegistry';
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH, printable } from '../../../../shared/printable';
import { placeProblems } from './placeProblems';
import type { LocatedProblem, Problem } from './problem';
import { payloadProblems, parsePayload } from './payload';
import { byteOrderMarkProblem, isReportedByHost, syntaxProblems } from './syntax';
import { requestModeOf } from '../../../../shared/esmRequest';
import type { DocumentUnit, DocumentUnits } from './documentUnits';
import { JsonLinesUnits, NO_UNITS, ParsedUnits } from './documentUnits';
import { isTerraformDocument, terraformProblems } from '../terraform/analyzeTerraform';
import { looksLikeTemplate } from '../kinds/detectTemplate';
import type { TemplateDocument } from '../templates/cfn/analyzeTemplate';
import { readTemplate, templateProblems } from '../templates/cfn/analyzeTemplate';
import { forgetLastRegExpSubject } from '../util/regExpSubject';

export type { DocumentUnit, DocumentUnits } from './documentUnits';

export interface AnalyzeOptions {
	/** The file's name or path; used for JSON Lines and to name a kind the content does not show. */
	fileName?: string;
	/** The editor's language id for the document (json, jsonc, jsonl, plaintext...). */
	languageId?: string;
	/** Texts longer than this many characters get one diagnostic instead of a validation. */
	maxLength?: number;
	/** Leave out the syntax problems the editor's own JSON support reports for this language. */
	hostReportsJsonSyntax?: boolean;
	/** Most problems listed for one file; the rest are summarised in one line. */
	maxProblems?: number;
	/**
	 * The schemas to validate with: the language server passes its runtime's. Only validation
	 * needs them (see ValidateOptions); analyzeDocument.ts fills in the schema files for callers
	 * that pass none.
	 */
	registry?: SchemaRegistry;
	/**
	 * For a Terraform document: the texts of the other files of its module (the same directory),
	 * read to resolve `var.`, `local.` and resource references; problems are reported only in the
	 * document.
	 */
	moduleFiles?: () => readonly string[];
}

/** What validation needs: the analysis options with the schemas to validate with. */
export type ValidateOptions = AnalyzeOptions & { registry: SchemaRegistry };

export interface DocumentAnalysis {
	kind: DocumentKind;
	layout: DocumentLayout;
	requestMode?: 'create' | 'update';
	units: DocumentUnits;
	problems: LocatedProblem[];
	/** Syntax problems left out because the editor reports them itself; kept for their quick fixes. */
	hostProblems: LocatedProblem[];
	/** Why the text was not validated, when it was not. */
	skipped?: 'empty' | 'binary' | 'too-large';
	/** The text starts with a byte order mark, which is read as whitespace. */
	byteOrderMark?: boolean;
	/** A Terraform document's text: it is validated whole, not in units (terraform/analyzeTerraform.ts). */
	terraformText?: string;
	/** A Terraform document analysed before the HCL parser was loaded: no problems yet, not final. */
	terraformPending?: boolean;
	/** For a `cfn-template`: its parse and the Kafka mappings in it (its units are none). */
	template?: TemplateDocument;
}

/** An analysis without its parse: what the server keeps of a validated version, and what validation in another thread hands back (the parse stays there). */
export type ValidatedAnalysis = Omit<DocumentAnalysis, 'units'>;

/** The kinds of document AWS tools read (the AWS CLI's file:// parameters): a byte order mark breaks them. */
const SENT_TO_AWS: readonly DocumentKind[] = ['destination-config', 'esm-request'];

export const DEFAULT_MAX_PROBLEMS = 1000;

/**
 * The documents a text holds and their kind, without validating them: what hover and completion
 * need, at the cost of one parse. `validate` is false when there is nothing to validate (an empty,
 * binary, too large or unrecognised text); `analysis` is then final.
 */
export interface PreparedDocument {
	analysis: DocumentAnalysis;
	validate: boolean;
}

export function prepareDocument(text: string, options: AnalyzeOptions = {}): PreparedDocument {
	const final = (analysis: DocumentAnalysis): PreparedDocument => ({ analysis, validate: false });
	if (text.trim() === '') {
		return final({ kind: 'unknown', layout: 'single', units: NO_UNITS, problems: [], hostProblems: [], skipped: 'empty' });
	}
	if (looksBinary(text)) {
		return final({ kind: 'unknown', layout: 'single', units: NO_UNITS, problems: [], hostProblems: [], skipped: 'binary' });
	}
	if (options.maxLength !== undefined && text.length > options.maxLength) {
		return final(tooLargeAnalysis(text, text.length, options.maxLength));
	}
	if (isTerraformDocument(options.fileName, options.languageId)) {
		// Parsed when validated: the parser may still be loading now (hclParser.ts).
		return { analysis: { kind: 'terraform', layout: 'single', units: NO_UNITS, problems: [], hostProblems: [], terraformText: text }, validate: true };
	}
	if (looksLikeTemplate(text, options.fileName, options.languageId)) {
		const template = readTemplate(text);
		const analysis: DocumentAnalysis = { kind: 'cfn-template', layout: 'single', units: NO_UNITS, problems: [], hostProblems: [], template };
		return { analysis, validate: template.mappings.length > 0 };
	}
	if (!/^\s*[[{]/.test(text.slice(0, 1024))) {
		// Not JSON we could understand (a log, a CSV...): leave it alone without parsing it.
		return final({ kind: 'unknown', layout: 'single', units: NO_UNITS, problems: [], hostProblems: [] });
	}
	// Read as whitespace (same length, same offsets); whether it is a problem depends on the kind.
	const byteOrderMark = text.charCodeAt(0) === 0xfeff;
	if (byteOrderMark) {
		text = ` ${text.slice(1)}`;
	}
	const jsonLines = options.languageId === 'jsonl' || isJsonLinesFileName(options.fileName) || looksLikeJsonLines(text);
	const units = jsonLines ? JsonLinesUnits.index(text, options.fileName) : splitDocument(text, options.fileName);
	const layout: DocumentLayout = jsonLines ? 'json-lines' : units.count > 0 && units.get(0).path.length > 0 ? 'array' : 'single';
	const kind = kindOfUnits(units, text);
	if (kind === 'unknown') {
		return final({ kind, layout, units: NO_UNITS, problems: [], hostProblems: [] });
	}
	const first = units.count > 0 ? units.get(0).value : undefined;
	const requestMode = kind === 'esm-request' && isObject(first) ? requestModeOf(first) : undefined;
	return { analysis: { kind, layout, requestMode, units, problems: [], hostProblems: [], byteOrderMark }, validate: true };
}

/**
 * Lets the prepared document's parse go of its text until placing a problem or reading a number's
 * exact digits needs it; `fetch` must then return the same text the document was prepared from.
 * For the validation thread, which has no other use for the text once it is parsed: a record's
 * payload is parsed next, and the text would otherwise stay alive beside it (issue 16, target 5).
 * Returns whether the text was released: only a document held in one parse is (a single value or
 * an array); JSON Lines, templates and Terraform documents keep their text.
 */
export function releaseDocumentText(prepared: DocumentAnalysis, fetch: () => string): boolean {
	const units = prepared.units;
	if (!(units instanceof ParsedUnits) || units.count === 0 || prepared.template !== undefined || prepared.terraformText !== undefined) {
		return false;
	}
	// The parse read a byte order mark as a space (prepareDocument); the text fetched again must match it.
	const byteOrderMark = prepared.byteOrderMark === true;
	units.get(0).parsed.releaseText(() => {
		const text = fetch();
		return byteOrderMark ? ` ${text.slice(1)}` : text;
	});
	// Deciding the kind tested slices of the text, and the last one tested would keep it all alive.
	forgetLastRegExpSubject();
	return true;
}

/** Whether the text around [start, end] (the lines there, for JSON Lines) has syntax errors. */
export function hasSyntaxErrorsIn(analysis: DocumentAnalysis, start: number, end: number): boolean {
	for (const unit of analysis.units.overlapping(start, end)) {
		if (!unit.parsed.isValidJson) {
			return true;
		}
	}
	return false;
}

/** Parses, then validates everything at once. */
export function analyzeDocument(text: string, options: ValidateOptions): DocumentAnalysis {
	return validatePrepared(prepareDocument(text, options), options);
}

/** Validates a prepared document at once (see validationSteps for validation in slices). */
export function validatePrepared(prepared: PreparedDocument, options: ValidateOptions): DocumentAnalysis {
	if (!prepared.validate) {
		return prepared.analysis;
	}
	const steps = validationSteps(prepared.analysis, options);
	for (;;) {
		const step = steps.next();
		if (step.done) {
			return step.value;
		}
	}
}

/**
 * Validates a prepared document, pausing (yielding) whenever `sliceMs` have passed since the last
 * pause, between two of its documents (array elements, JSON Lines lines): the server resumes it
 * after answering whatever arrived meanwhile, such as a hover, and drops it when the text has
 * changed. Run to the end without pausing, it is analyzeDocument.
 */
export function* validationSteps(prepared: DocumentAnalysis, options: ValidateOptions, sliceMs = Infinity): Generator<void, DocumentAnalysis, void> {
	if (prepared.template) {
		// A template's mappings are few and checked at once: no slices needed.
		return { ...prepared, problems: finish(templateProblems(prepared.template), options.maxProblems ?? DEFAULT_MAX_PROBLEMS, 0) };
	}
	const registry = options.registry;
	const { kind, layout, units } = prepared;
	if (prepared.terraformText !== undefined) {
		const problems = terraformProblems(prepared.terraformText, registry, options.moduleFiles?.() ?? []);
		if (!problems) {
			return { ...prepared, terraformPending: true };
		}
		return { ...prepared, problems: finish(problems, options.maxProblems ?? DEFAULT_MAX_PROBLEMS, 0) };
	}
	// Units that share a parse (the elements of one array) are placed together: one locate pass.
	const located: LocatedProblem[] = [];
	const hostProblems: LocatedProblem[] = [];
	const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
	// Only maxProblems are listed: placing more than twice that is work no one sees (a file with
	// 100,000 unknown keys spent a second placing them). The rest are only counted.
	const placeLimit = 2 * maxProblems;
	let unplaced = 0;
	const place = (unit: DocumentUnit, problems: Problem[], hidden: Problem[]): void => {
		const room = Math.max(0, placeLimit - located.length);
		if (problems.length > room) {
			unplaced += problems.length - room;
			problems = problems.slice(0, room);
		}
		if (problems.length > 0) {
			located.push(...placeProblems(unit.parsed, unit.baseOffset, problems));
		}
		if (hidden.length > 0) {
			hostProblems.push(...placeProblems(unit.parsed, unit.baseOffset, hidden));
		}
	};
	if (prepared.byteOrderMark && SENT_TO_AWS.includes(kind)) {
		located.push(byteOrderMarkProblem());
	}
	const validator = new SubjectValidator(registry);
	let problems: Problem[] = [];
	let hidden: Problem[] = [];
	let sliceStart = sliceMs === Infinity ? 0 : performance.now();
	// Walked with the iterator: JSON Lines parses each line afresh and drops it after its problems are placed.
	let i = 0;
	for (const unit of units) {
		const firstOfParse = i === 0 || !units.shareParse;
		if (firstOfParse && unit.parsed.syntaxErrors.length > 0) {
			for (const problem of syntaxProblems(unit.parsed.text, unit.parsed.syntaxErrors)) {
				// The editor's JSON support parses any depth, so it never reports nesting as too deep.
				const byHost = options.hostReportsJsonSyntax === true && !unit.parsed.isTooDeep && isReportedByHost(problem.code, options.languageId);
				(byHost ? hidden : problems).push(problem);
			}
		}
		if (unit.parsed.isValidJson || !unit.parsed.isTooDeep) {
			validator.schemaBudget = placeLimit - located.length;
			const before = problems.length;
			try {
				// Elements of a records array are all checked as records, even one that does not look like one.
				validator.validate(unit, unit.value, unit.path, layout === 'array' ? kind : unit.kind === 'unknown' ? kind : unit.kind, false, problems);
			} catch (error) {
				// Valid JSON is not checked for depth up front; code that recursed into a value nested
				// thousands of levels deep overflowed the stack. Say so instead of half a result.
				if (!(error instanceof RangeError && /call stack/i.test(error.message))) {
					throw error;
				}
				problems.length = before;
				const offset = Math.max(0, unit.parsed.tooDeepAt);
				problems.push(...syntaxProblems(unit.parsed.text, [{ offset, length: 1, error: 'NestingTooDeep' }]));
			}
		}
		const lastOfParse = i === units.count - 1 || !units.shareParse;
		if (lastOfParse && (problems.length > 0 || hidden.length > 0)) {
			// New lists only after a parse that had problems: a JSON Lines file has a parse per line.
			place(unit, problems, hidden);
			problems = [];
			hidden = [];
		}
		if (sliceMs !== Infinity && i + 1 < units.count && performance.now() - sliceStart >= sliceMs) {
			yield;
			sliceStart = performance.now();
		}
		i++;
	}
	return { ...prepared, problems: finish(located, maxProblems, unplaced + validator.omitted), hostProblems };
}

/**
 * Runs the schema and the rules on one subject (a document, an array element, a JSON Lines line,
 * or a nested payload). One rule context serves every subject of a file: a 10,000-line file
 * would otherwise allocate a context and two closures per line.
 */
class SubjectValidator implements RuleContext {
	kind: DocumentKind = 'unknown';
	value: Record<string, unknown> = {};
	requestMode: 'create' | 'update' | undefined;
	nested = false;
	payload: unknown;
	private unit: DocumentUnit | undefined;
	private path: JsonPath = [];
	private code = '';
	private out: Problem[] = [];
	/** How many more schema problems are worth building (see placeLimit in analyzeDocument). */
	schemaBudget = Infinity;
	/** Schema errors beyond the budget, counted only. */
	omitted = 0;

	constructor(private readonly registry: SchemaRegistry) {}

	validate(unit: DocumentUnit, value: unknown, path: JsonPath, kind: DocumentKind, nested: boolean, out: Problem[]): void {
		if (hasSchema(kind)) {
			this.omitted += schemaProblems(this.registry, kind, value, path, out, Math.max(0, this.schemaBudget - out.length));
		}
		if (!isObject(value)) {
			return;
		}
		let payload: unknown;
		if (kind === 'failure-record' && 'payload' in value) {
			const payloadPath = [...path, 'payload'];
			const parsedPayload = parsePayload(unit.parsed, payloadPath, value['payload']);
			payload = parsedPayload.value;
			out.push(...payloadProblems(parsedPayload, payloadPath));
		}
		this.unit = unit;
		this.kind = kind;
		this.value = value;
		this.path = path;
		this.nested = nested;
		this.payload = payload;
		this.out = out;
		this.requestMode = kind === 'esm-request' ? requestModeOf(value) : undefined;
		for (const rule of rulesFor(kind)) {
			this.code = rule.id;
			rule.check(this);
		}
		if (isObject(payload)) {
			this.validate(unit, payload, [...path, 'payload'], 'kafka-event', true, out);
		}
	}

	report = (r: RuleReport): void => {
		this.out.push({
			code: this.code,
			severity: r.severity,
			message: r.message,
			path: [...this.path, ...r.path],
			target: r.target ?? 'value',
			span: r.span,
			fixes: r.fixes,
			tags: r.tags,
		});
	};

	rawNumber = (relative: JsonPath): string | undefined => (this.unit ? rawNumberAt(this.unit.parsed, [...this.path, ...relative]) : undefined);
}

/** The exact text of a number, following the path into JSON held in strings (the payload). */
function rawNumberAt(parsed: ParsedJson, path: JsonPath): string | undefined {
	let current: unknown = parsed.value;
	for (let i = 0; i < path.length; i++) {
		if (typeof current === 'string') {
			const inner = parsed.embedded(path.slice(0, i), current);
			return inner ? rawNumberAt(inner, path.slice(i)) : undefined;
		}
		const segment = path[i];
		if (typeof segment === 'number' ? !Array.isArray(current) : !isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
			return undefined;
		}
		current = (current as Record<string | number, unknown>)[segment];
	}
	if (typeof current !== 'number') {
		return undefined;
	}
	return parsed.numberText(path) ?? String(current);
}

/**
 * Lines of a JSON Lines file read to decide its kind. A file whose first lines are none of ours (a
 * log, an export) is left alone without parsing the rest: a million lines took seconds and
 * gigabytes only to find nothing to say.
 */
export const KIND_LINES = 64;

/**
 * The kind of the first unit that has one. A text nested too deeply has no value to tell its
 * kind; its first lines may, so that the user learns why it is not validated.
 */
function kindOfUnits(units: DocumentUnits, text: string): DocumentKind {
	let tooDeep = false;
	const head = units instanceof JsonLinesUnits ? units.head(KIND_LINES) : units;
	for (const unit of head) {
		if (unit.kind !== 'unknown') {
			return unit.kind;
		}
		tooDeep ||= unit.parsed.isTooDeep;
	}
	return tooDeep ? detectKindFromHead(text.slice(0, 4096)) : 'unknown';
}

function splitDocument(text: string, fileName: string | undefined): DocumentUnits {
	const parsed = ParsedJson.parse(text);
	const value = parsed.value;
	if (Array.isArray(value)) {
		const units = value.map((element: unknown, index) => ({ parsed, baseOffset: 0, path: [index], value: element, kind: detectKind(element) }));
		if (units.some((u) => u.kind !== 'unknown')) {
			return new ParsedUnits(units);
		}
	}
	return new ParsedUnits([{ parsed, baseOffset: 0, path: [], value, kind: detectKind(value, fileName) }]);
}

/** Content that is JSON Lines even without the extension: several lines that each start a top-level object, the first complete on its own. */
function looksLikeJsonLines(text: string): boolean {
	const firstBreak = text.indexOf('\n');
	// trimStart: a byte order mark reaches here as a space.
	if (firstBreak < 0 || !text.trimStart().startsWith('{')) {
		return false;
	}
	const rest = text.slice(firstBreak + 1).trimStart();
	if (!rest.startsWith('{')) {
		return false;
	}
	try {
		JSON.parse(text.slice(0, firstBreak));
		return true;
	} catch {
		return false;
	}
}

/** A NUL character in the first 8 KiB means the file is binary (as git decides). */
function looksBinary(text: string): boolean {
	return text.slice(0, 8192).includes('\u0000');
}

/**
 * The analysis of a text over the size limit, from its head alone: its kind, and one warning with
 * the sizes. The CLI calls it with the first bytes and the size of a file it does not read whole.
 */
export function tooLargeAnalysis(head: string, size: number, maxLength: number): DocumentAnalysis {
	const kind = looksLikeTemplate(head) ? 'cfn-template' : detectKindFromHead(head.slice(0, 4096));
	if (kind === 'unknown') {
		return { kind, layout: 'single', units: NO_UNITS, problems: [], hostProblems: [], skipped: 'too-large' };
	}
	const megabytes = (n: number): string => (n / (1024 * 1024)).toFixed(1);
	return {
		kind,
		layout: 'single',
		units: NO_UNITS,
		hostProblems: [],
		skipped: 'too-large',
		problems: [
			{
				code: 'file-too-large',
				severity: 'warning',
				message: l10n.t(
					'This file is {0} MB, above the validation limit of {1} MB (setting lambdaKafka.validation.maxFileSizeMB): it was not validated.',
					megabytes(size),
					megabytes(maxLength),
				),
				start: 0,
				end: Math.min(1, head.length),
				fixes: [],
			},
		],
	};
}

function detectKindFromHead(head: string): DocumentKind {
	if (/"(requestContext|KafkaBatchInfo)"/.test(head)) {
		return 'failure-record';
	}
	if (/"eventSource"\s*:\s*"(aws:kafka|SelfManagedKafka)"/.test(head)) {
		return 'kafka-event';
	}
	if (/"(FunctionName|EventSourceArn|UUID|Topics|DestinationConfig)"/.test(head)) {
		return 'esm-request';
	}
	if (/"On(Failure|Success)"/.test(head)) {
		return 'destination-config';
	}
	return 'unknown';
}

/** Orders problems by position, drops exact duplicates and caps the list. */
function finish(problems: LocatedProblem[], maxProblems: number, unplaced: number): LocatedProblem[] {
	const seen = new Set<string>();
	const unique: LocatedProblem[] = [];
	for (const found of problems) {
		// Messages and fix titles quote document text: one line, invisible characters escaped, length capped.
		const problem = {
			...found,
			message: printable(found.message, MAX_MESSAGE_LENGTH),
			fixes: found.fixes.map((fix) => ({ ...fix, title: printable(fix.title, MAX_TITLE_LENGTH) })),
		};
		const key = `${problem.start}:${problem.end}:${problem.code}:${problem.message}`;
		if (!seen.has(key)) {
			seen.add(key);
			unique.push(problem);
		}
	}
	unique.sort((a, b) => a.start - b.start || a.end - b.end);
	const notShown = Math.max(0, unique.length - maxProblems) + unplaced;
	if (notShown === 0 || unique.length === 0) {
		return unique;
	}
	const shown = unique.slice(0, maxProblems);
	const last = shown[shown.length - 1];
	shown.push({
		code: 'too-many-problems',
		severity: 'info',
		message: l10n.t('{0} more problems are not shown; fix the ones above first.', notShown),
		start: last.start,
		end: last.end,
		fixes: [],
	});
	return shown;
}
