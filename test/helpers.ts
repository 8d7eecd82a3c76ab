/**
 * Helpers shared by the unit tests: analyse a text and describe each problem by its 0-based
 * line/character range and the text it covers, so tests assert exact ranges.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, DocumentAnalysis } from '../server/src/language/validation/analyzeDocument';
import { analyzeDocument } from '../server/src/language/validation/analyzeDocument';
import type { LocatedProblem } from '../server/src/language/validation/problem';

export interface ProblemView {
	code: string;
	severity: string;
	message: string;
	/** [startLine, startCharacter, endLine, endCharacter], 0-based as in LSP. */
	range: [number, number, number, number];
	/** The text the range covers. */
	text: string;
	fixes: string[];
}

export function view(text: string, problem: LocatedProblem): ProblemView {
	const document = TextDocument.create('file:///test.json', 'json', 1, text);
	const start = document.positionAt(problem.start);
	const end = document.positionAt(problem.end);
	return {
		code: problem.code,
		severity: problem.severity,
		message: problem.message,
		range: [start.line, start.character, end.line, end.character],
		text: text.slice(problem.start, problem.end),
		fixes: problem.fixes.map((f) => f.title),
	};
}

/** Analyses `text` and returns its problems as views. */
export function problemsOf(text: string, options: AnalyzeOptions = {}): ProblemView[] {
	return analyzeDocument(text, options).problems.map((p) => view(text, p));
}

/** Only the problems with the given code. */
export function problemsWithCode(text: string, code: string, options: AnalyzeOptions = {}): ProblemView[] {
	return problemsOf(text, options).filter((p) => p.code === code);
}

export function analyze(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
	return analyzeDocument(text, options);
}

/** Applies a fix's edits to the text (edits must not overlap). */
export function applyFix(text: string, problem: LocatedProblem, fixIndex = 0): string {
	const fix = problem.fixes[fixIndex];
	if (!fix) {
		throw new Error(`Problem ${problem.code} has no fix ${fixIndex}`);
	}
	let result = text;
	for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) {
		result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
	}
	return result;
}

/** The repository root (the folder holding package.json), found from the compiled test file. */
export function repoRoot(): string {
	let dir = __dirname;
	while (!fs.existsSync(path.join(dir, 'package.json'))) {
		const parent = path.dirname(dir);
		if (parent === dir) {
			throw new Error('package.json not found');
		}
		dir = parent;
	}
	return dir;
}

export function fixture(relative: string): string {
	return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', relative), 'utf8');
}

/**
 * package.json as VS Code shows it: each `%key%` text replaced from package.nls.json (or, given a
 * language, from package.nls.<language>.json where it has the key).
 */
export function localizedManifest(language?: string): unknown {
	const root = repoRoot();
	const read = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8')) as Record<string, string>;
	const texts = { ...read('package.nls.json'), ...(language !== undefined ? read(`package.nls.${language}.json`) : {}) };
	return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'), (_key, value: unknown) => {
		const key = typeof value === 'string' ? /^%(.+)%$/.exec(value)?.[1] : undefined;
		return key !== undefined && key in texts ? texts[key] : value;
	}) as unknown;
}
