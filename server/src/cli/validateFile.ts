/**
 * Validates one file with the same engine as the language server and turns offsets into the
 * 1-based lines and columns that terminals and CI tools expect. Columns count UTF-16 code
 * units, as LSP positions do, so the CLI and the editor agree on every location.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../../../shared/documentKinds';
import { analyzeDocument } from '../language/validation/analyzeDocument';
import type { Severity } from '../language/validation/problem';
import type { FoundFile } from './collectFiles';
import { readSource } from './readSource';

export interface CliDiagnostic {
	line: number;
	column: number;
	endLine: number;
	/** Exclusive: the column just after the last character. */
	endColumn: number;
	severity: Severity;
	code: string;
	message: string;
}

export interface FileReport {
	path: string;
	kind: DocumentKind;
	diagnostics: CliDiagnostic[];
	skipped?: 'binary' | 'empty' | 'too-large';
}

const MEGABYTE = 1024 * 1024;

export type FileOutcome = { status: 'report'; report: FileReport } | { status: 'ignored' } | { status: 'error'; message: string };

export function validateFile(file: FoundFile, maxFileSizeMB: number): FileOutcome {
	const limitBytes = maxFileSizeMB * MEGABYTE;
	const source = readSource(file, limitBytes);
	switch (source.status) {
		case 'not-json':
			return { status: 'ignored' };
		case 'error':
			return source;
		case 'binary':
			return { status: 'report', report: { path: file.path, kind: 'unknown', diagnostics: [], skipped: source.status } };
		case 'too-large':
			return { status: 'report', report: tooLargeReport(file.path, source.head, source.size, limitBytes) };
		case 'text':
			return { status: 'report', report: validateText(file.path, source.text, maxFileSizeMB) };
	}
}

export function validateText(filePath: string, text: string, maxFileSizeMB: number): FileReport {
	const languageId = languageIdFor(filePath);
	const analysis = analyzeDocument(text, {
		fileName: filePath,
		languageId,
		maxLength: maxFileSizeMB * MEGABYTE,
		hostReportsJsonSyntax: false,
	});
	// Lines are counted only as far as the last problem: a line table of a whole 60 MB JSON Lines
	// file (20 million lines) took more memory than its text, for problems that lie in its first lines.
	const reach = analysis.problems.reduce((max, problem) => Math.max(max, problem.end), 0);
	const document = TextDocument.create('file:///cli', languageId, 0, text.slice(0, reach + 1));
	const diagnostics = analysis.problems.map((problem): CliDiagnostic => {
		const start = document.positionAt(problem.start);
		const end = document.positionAt(problem.end);
		return {
			line: start.line + 1,
			column: start.character + 1,
			endLine: end.line + 1,
			endColumn: end.character + 1,
			severity: problem.severity,
			code: problem.code,
			message: problem.code === 'file-too-large' ? forCommandLine(problem.message) : problem.message,
		};
	});
	const report: FileReport = { path: filePath, kind: analysis.kind, diagnostics };
	if (analysis.skipped === 'binary' || analysis.skipped === 'empty' || analysis.skipped === 'too-large') {
		report.skipped = analysis.skipped;
	}
	return report;
}

/**
 * The report on a file over the limit, from its head alone. The engine names the kind of a
 * too-large text from its head too, so the head with a limit of 0 gets the engine's verdict
 * (kind, or binary or empty) without the rest of the file; the sizes are the file's own.
 */
function tooLargeReport(filePath: string, head: string, sizeBytes: number, limitBytes: number): FileReport {
	const verdict = analyzeDocument(head, { fileName: filePath, languageId: languageIdFor(filePath), maxLength: 0, hostReportsJsonSyntax: false });
	const report: FileReport = {
		path: filePath,
		kind: verdict.kind,
		diagnostics: [],
		skipped: verdict.skipped === 'binary' || verdict.skipped === 'empty' ? verdict.skipped : 'too-large',
	};
	const warning = verdict.problems.find((problem) => problem.code === 'file-too-large');
	if (warning) {
		const megabytes = (bytes: number): string => (bytes / MEGABYTE).toFixed(1);
		report.diagnostics.push({
			line: 1,
			column: 1,
			endLine: 1,
			endColumn: 2,
			severity: warning.severity,
			code: warning.code,
			message: `This file is ${megabytes(sizeBytes)} MB, above the validation limit of ${megabytes(limitBytes)} MB (option --max-file-size-mb): it was not validated.`,
		});
	}
	return report;
}

function languageIdFor(filePath: string): string {
	switch (path.extname(filePath).toLowerCase()) {
		case '.jsonc':
			return 'jsonc';
		case '.jsonl':
		case '.ndjson':
			return 'jsonl';
		default:
			return 'json';
	}
}

/** The engine names the editor setting that sets the limit; here the option sets it. */
function forCommandLine(message: string): string {
	return message.replace('setting lambdaKafka.validation.maxFileSizeMB', 'option --max-file-size-mb');
}
