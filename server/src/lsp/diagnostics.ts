/** Problems as LSP diagnostics, with the data code actions read back from them. */
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity, DiagnosticTag } from './lspValues';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocatedFix, LocatedProblem } from '../language/validation/problem';

export const DIAGNOSTIC_SOURCE = 'lambda-kafka';

/** Data attached to each diagnostic so code actions need no second analysis. */
export interface DiagnosticData {
	/** The document version the fixes' offsets belong to. */
	version: number;
	fixes: LocatedFix[];
}

const SEVERITY = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
} as const;

export function toDiagnostic(document: TextDocument, version: number, problem: LocatedProblem): Diagnostic {
	const diagnostic: Diagnostic = {
		range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) },
		severity: SEVERITY[problem.severity],
		source: DIAGNOSTIC_SOURCE,
		code: problem.code,
		message: problem.message,
	};
	if (problem.fixes.length > 0) {
		diagnostic.data = { version, fixes: problem.fixes } satisfies DiagnosticData;
	}
	if (problem.tags) {
		diagnostic.tags = problem.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
	}
	return diagnostic;
}
