/**
 * Validates one file with the same engine as the language server and turns offsets into the
 * 1-based lines and columns that terminals and CI tools expect. Columns count UTF-16 code
 * units, as LSP positions do, so the CLI and the editor agree on every location.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../../../shared/documentKinds';
import type { DocumentAnalysis } from '../language/validation/analyzeDocument';
import { analyzeDocument, tooLargeAnalysis } from '../language/validation/analyzeDocument';
import type { Severity } from '../language/validation/problem';
import type { FoundFile } from './collectFiles';
import { sharedSchemaRegistry } from '../node/schemaFiles';
import { readSource } from './readSource';
import { terraformSiblings } from './terraformSiblings';

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
			// Only the head was read; the engine names the kind from it and states the file's own size.
			return { status: 'report', report: reportOf(file.path, source.head, tooLargeAnalysis(source.head, source.size, limitBytes)) };
		case 'text':
			return { status: 'report', report: validateText(file.path, source.text, maxFileSizeMB) };
	}
}

/** validateFile, with an exception turned into an `error` outcome naming the file: what every thread of the CLI runs. */
export function validateFileSafely(file: FoundFile, maxFileSizeMB: number): FileOutcome {
	try {
		return validateFile(file, maxFileSizeMB);
	} catch (error) {
		return { status: 'error', message: l10n.t("cannot validate '{0}': {1}", file.path, error instanceof Error ? error.message : String(error)) };
	}
}

export function validateText(filePath: string, text: string, maxFileSizeMB: number): FileReport {
	const languageId = languageIdFor(filePath);
	const analysis = analyzeDocument(text, {
		fileName: filePath,
		languageId,
		maxLength: maxFileSizeMB * MEGABYTE,
		hostReportsJsonSyntax: false,
		// Given here rather than filled in per file by analyzeDocument (an object copy per file).
		registry: sharedSchemaRegistry(),
		moduleFiles: languageId === 'terraform' ? () => terraformSiblings(filePath) : undefined,
	});
	return reportOf(filePath, text, analysis);
}

/** The CLI's report of an analysis of `text`: 1-based lines and columns. */
function reportOf(filePath: string, text: string, analysis: DocumentAnalysis): FileReport {
	const report: FileReport = {
		path: filePath,
		kind: analysis.kind,
		diagnostics: analysis.problems.length === 0 ? [] : diagnosticsOf(filePath, text, analysis),
	};
	if (analysis.skipped === 'binary' || analysis.skipped === 'empty' || analysis.skipped === 'too-large') {
		report.skipped = analysis.skipped;
	}
	return report;
}

/** The problems in 1-based lines and columns; only a file that has some pays for a line table. */
function diagnosticsOf(filePath: string, text: string, analysis: DocumentAnalysis): CliDiagnostic[] {
	const languageId = languageIdFor(filePath);
	// Lines are counted only as far as the last problem: a line table of a whole 60 MB JSON Lines
	// file (20 million lines) took more memory than its text, for problems that lie in its first lines.
	const reach = analysis.problems.reduce((max, problem) => Math.max(max, problem.end), 0);
	const document = TextDocument.create('file:///cli', languageId, 0, text.slice(0, reach + 1));
	return analysis.problems.map((problem): CliDiagnostic => {
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
}

function languageIdFor(filePath: string): string {
	switch (path.extname(filePath).toLowerCase()) {
		case '.tf':
			return 'terraform';
		case '.jsonc':
			return 'jsonc';
		case '.jsonl':
		case '.ndjson':
			return 'jsonl';
		case '.yaml':
		case '.yml':
		case '.template':
			return 'yaml';
		default:
			return 'json';
	}
}

/** The engine names the editor setting that sets the limit; here the option sets it. */
function forCommandLine(message: string): string {
	return message.replace('setting lambdaKafka.validation.maxFileSizeMB', 'option --max-file-size-mb');
}
