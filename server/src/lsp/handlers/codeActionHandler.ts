/**
 * textDocument/codeAction: the quick fixes of our diagnostics (carried in their data, or computed
 * again for an older version's diagnostic) and of the syntax problems the editor reported itself,
 * and, when asked for by kind, the fix-all of a pasted example (fixAllAction.ts).
 */
import type { CodeAction, CodeActionParams, Diagnostic, ResponseError, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from '../lspValues';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { computeCodeActions, currentProblemFor } from '../../language/features/codeActions';
import { hasSyntaxErrorsIn } from '../../language/validation/pipeline';
import type { LocatedFix, LocatedProblem } from '../../language/validation/problem';
import type { DiagnosticData } from '../diagnostics';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { runSafe } from '../runSafe';
import type { ServerContext } from '../serverContext';
import { fixAllAction, wantsFixAll } from './fixAllAction';

export function registerCodeActionHandler(context: ServerContext): void {
	const { connection, documents } = context;
	connection.onCodeAction((params, token): CodeAction[] | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return [];
		}
		return runSafe(connection, 'Code actions', [] as CodeAction[], token, () => codeActionsFor(context, document, params));
	});
}

function codeActionsFor(context: ServerContext, document: TextDocument, params: CodeActionParams): CodeAction[] {
	// Every edit is computed for the current text, and names its version to a client that
	// takes versioned edits, so that the client refuses it should the text change meanwhile.
	const versioned = context.canSendVersionedEdits();
	const toAction = (fix: LocatedFix, diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction =>
		toCodeAction(document, fix, diagnostic, preferred, versioned);
	const start = document.offsetAt(params.range.start);
	const end = document.offsetAt(params.range.end);
	const actions: CodeAction[] = [];
	if (wantsFixAll(params.context.only)) {
		const fixAll = fixAllAction(document, context.structureOf(document), versioned);
		if (fixAll) {
			actions.push(fixAll);
		}
	}
	let currentProblems: readonly LocatedProblem[] | undefined;
	for (const diagnostic of params.context.diagnostics) {
		const data = diagnostic.data as Partial<DiagnosticData> | undefined;
		if (diagnostic.source !== DIAGNOSTIC_SOURCE || !Array.isArray(data?.fixes)) {
			continue;
		}
		if (data.version === document.version) {
			// VS Code asks for code actions as the cursor moves: the fixes of a diagnostic of this
			// version travel with it, so no validation is needed for them.
			actions.push(...data.fixes.map((fix, i) => toAction(fix, diagnostic, i === 0)));
			continue;
		}
		// A diagnostic of an older version (VS Code asks before an edit's validation has run):
		// its range and its fixes' offsets belong to a text that is gone. Its fixes are computed
		// again for the problem it stands for in the current text.
		currentProblems ??= context.analysisOf(document).problems;
		const problem = currentProblemFor(currentProblems, diagnostic.code, messageText(diagnostic), start, end);
		actions.push(...(problem?.fixes ?? []).map((fix, i) => toAction(fix, diagnostic, i === 0)));
	}
	// Fixes for syntax problems that the editor itself reported (we left those diagnostics
	// out). They are found by the requested range in the current text; the editor's
	// diagnostic is only attached to the action, its range is not used for the edit. The
	// analysis is needed for them only when the text did not parse cleanly.
	const structure = context.structureOf(document);
	const hostProblems = hasSyntaxErrorsIn(structure, start, end) ? context.analysisOf(document).hostProblems : structure.hostProblems;
	for (const { problem, fix } of computeCodeActions(hostProblems, start, end)) {
		const match = params.context.diagnostics.find((d) => d.source !== DIAGNOSTIC_SOURCE && overlaps(document, d, problem));
		actions.push(toAction(fix, match, false));
	}
	return actions;
}

/** A quick fix whose offsets belong to the document's current version. */
function toCodeAction(document: TextDocument, fix: LocatedFix, diagnostic: Diagnostic | undefined, preferred: boolean, versioned: boolean): CodeAction {
	const edits: TextEdit[] = fix.edits.map((edit) => ({
		range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
		newText: edit.newText,
	}));
	return {
		title: fix.title,
		kind: CodeActionKind.QuickFix,
		diagnostics: diagnostic ? [diagnostic] : undefined,
		isPreferred: preferred || undefined,
		edit: versioned ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] } : { changes: { [document.uri]: edits } },
	};
}

function messageText(diagnostic: Diagnostic): string {
	return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function overlaps(document: TextDocument, diagnostic: Diagnostic, problem: LocatedProblem): boolean {
	const start = document.offsetAt(diagnostic.range.start);
	const end = document.offsetAt(diagnostic.range.end);
	return start <= problem.end && problem.start <= end;
}
