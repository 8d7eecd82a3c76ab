/**
 * The language server: adapts the pure language functions (server/src/language) to LSP. It owns
 * the open documents, the settings, the validation schedule and a cache of the last analysis of
 * each document; every answer is computed by the language functions.
 */
import type { CodeAction, CompletionItem, Connection, Diagnostic, Hover, InitializeParams, InitializeResult, ResponseError, TextEdit } from 'vscode-languageserver/node';
import {
	CodeActionKind,
	CompletionItemKind,
	DiagnosticSeverity,
	DiagnosticTag,
	InsertTextFormat,
	MarkupKind,
	TextDocumentSyncKind,
	TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentInfoRequest } from '../../../shared/protocol';
import type { ServerSettings } from '../../../shared/settings';
import { resolveSettings, SETTINGS_SECTION } from '../../../shared/settings';
import { computeCodeActions, currentProblemFor } from '../language/features/codeActions';
import { computeCompletions } from '../language/features/completion';
import { computeHover } from '../language/features/hover';
import { sharedSchemaRegistry } from '../language/schema/schemaRegistry';
import type { AnalyzeOptions, DocumentAnalysis, PreparedDocument } from '../language/validation/analyzeDocument';
import { hasSyntaxErrorsIn, prepareDocument, validatePrepared, validationSteps } from '../language/validation/analyzeDocument';
import type { LocatedFix, LocatedProblem } from '../language/validation/problem';
import { registerApplyHandlers } from './handlers/applyHandlers';
import { registerPreviewHandlers } from './handlers/previewHandlers';
import { lazyTextDocuments } from './lazyTextDocument';
import { isLspRange, withLspRanges } from './lspPositions';
import { readVersion } from '../version';
import { runSafe } from './runSafe';
import type { ServerContext } from './serverContext';
import { fileNameOf } from './uri';
import { createScheduler } from './validationScheduler';
import { requestType } from './requestTypes';

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
	/** The editor's own JSON support reports JSON syntax errors for `json`/`jsonc` documents (VS Code does). */
	hostReportsJsonSyntax?: boolean;
	/** Settings for clients that do not answer `workspace/configuration`. */
	settings?: Partial<ServerSettings>;
	/**
	 * The client runs the `lambdaKafka.previewOffsets` command (the VS Code extension does): only
	 * then are "Preview offsets" code lenses offered, as another editor could not run them.
	 */
	previewCodeLens?: boolean;
}

export const DIAGNOSTIC_SOURCE = 'lambda-kafka';

/** Data attached to each diagnostic so code actions need no second analysis. */
interface DiagnosticData {
	/** The document version the fixes' offsets belong to. */
	version: number;
	fixes: LocatedFix[];
}

/** Longest stretch of validation without answering other requests (a frame at 60 Hz). */
const VALIDATION_SLICE_MS = 16;

export function startServer(connection: Connection): void {
	// Edits cost in proportion to their size, not the document's: see lazyTextDocument.ts.
	const documents = new TextDocuments(lazyTextDocuments((message) => connection.console.warn(message)));
	const registry = sharedSchemaRegistry();
	const analyses = new Map<string, { version: number; analysis: DocumentAnalysis }>();
	let settings = resolveSettings(undefined);
	let hostReportsJsonSyntax = false;
	let canPullConfiguration = false;
	// Whether workspace edits may name the document version they were computed for.
	let canSendVersionedEdits = false;

	// The parse of each document's current version, for hover and completion, which need no
	// validation: after an edit they cost one parse, not a validation.
	const prepared = new Map<string, { version: number; prepared: PreparedDocument }>();
	// Bumped when settings change: a validation that started before must not store its result.
	let generation = 0;

	const analyzeOptions = (document: TextDocument): AnalyzeOptions => ({
		fileName: fileNameOf(document.uri),
		languageId: document.languageId,
		hostReportsJsonSyntax,
		maxLength: settings.validation.maxFileSizeMB * 1024 * 1024,
	});

	/** Stores the full analysis of a version; the parse kept for it is then part of that analysis. */
	const remember = (uri: string, version: number, analysis: DocumentAnalysis): void => {
		analyses.set(uri, { version, analysis });
		prepared.delete(uri);
	};

	/** The full analysis of the current version, validated at once if no validation has finished yet. */
	const analysisOf = (document: TextDocument): DocumentAnalysis => {
		const cached = analyses.get(document.uri);
		if (cached && cached.version === document.version) {
			return cached.analysis;
		}
		const analysis = validatePrepared(preparedOf(document), analyzeOptions(document));
		remember(document.uri, document.version, analysis);
		return analysis;
	};

	const preparedOf = (document: TextDocument): PreparedDocument => {
		const cached = prepared.get(document.uri);
		if (cached && cached.version === document.version) {
			return cached.prepared;
		}
		const result = prepareDocument(document.getText(), analyzeOptions(document));
		prepared.set(document.uri, { version: document.version, prepared: result });
		return result;
	};

	/** What hover and completion read: the full analysis when there is one for this version, else the parse. */
	const structureOf = (document: TextDocument): DocumentAnalysis => {
		const cached = analyses.get(document.uri);
		return cached && cached.version === document.version ? cached.analysis : preparedOf(document).analysis;
	};

	/**
	 * Validates in slices of VALIDATION_SLICE_MS between the documents of a file (array elements,
	 * lines), answering requests that arrived meanwhile, such as hovers, in between; a newer
	 * version of the text makes it stop.
	 */
	const validate = async (uri: string): Promise<void> => {
		const document = documents.get(uri);
		if (!document) {
			return;
		}
		if (!settings.validation.enable) {
			void connection.sendDiagnostics({ uri, diagnostics: [] });
			return;
		}
		const version = document.version;
		const startedIn = generation;
		try {
			let analysis = analyses.get(uri)?.version === version ? analyses.get(uri)?.analysis : undefined;
			if (!analysis) {
				const start = preparedOf(document);
				if (start.validate) {
					const steps = validationSteps(start.analysis, analyzeOptions(document), VALIDATION_SLICE_MS);
					for (let step = steps.next(); ; step = steps.next()) {
						if (step.done) {
							analysis = step.value;
							break;
						}
						await new Promise((resolve) => setImmediate(resolve));
						if (documents.get(uri)?.version !== version || generation !== startedIn) {
							return; // Superseded: the newer version (or the new settings) has its own run scheduled.
						}
					}
				} else {
					analysis = start.analysis;
				}
				remember(uri, version, analysis);
			}
			const diagnostics = withLspRanges(
				analysis.problems.map((problem) => toDiagnostic(document, version, problem)),
				(message) => connection.console.error(`${uri}: ${message}`),
			);
			void connection.sendDiagnostics({ uri, version, diagnostics });
		} catch (error) {
			connection.console.error(`Validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
	};
	const scheduler = createScheduler((uri) => void validate(uri), () => settings.validation.debounceMs);

	/**
	 * Reads the settings again. Only enabling or disabling validation and the size limit change
	 * results: other changes (the debounce; the client's AWS profile and region, which live in the
	 * same section) revalidate nothing.
	 */
	const refreshSettings = async (): Promise<void> => {
		const before = settings.validation;
		if (canPullConfiguration) {
			try {
				settings = resolveSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
			} catch (error) {
				connection.console.warn(`Could not read settings: ${String(error)}`);
			}
		}
		if (settings.validation.enable !== before.enable || settings.validation.maxFileSizeMB !== before.maxFileSizeMB) {
			revalidateAll();
		}
	};

	const revalidateAll = (): void => {
		generation++;
		analyses.clear();
		prepared.clear();
		for (const document of documents.all()) {
			scheduler.now(document.uri);
		}
	};

	connection.onInitialize((params: InitializeParams): InitializeResult => {
		const options = (params.initializationOptions ?? {}) as InitializationOptions;
		hostReportsJsonSyntax = options.hostReportsJsonSyntax === true;
		settings = resolveSettings(options.settings);
		canPullConfiguration = params.capabilities.workspace?.configuration === true;
		canSendVersionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
		return {
			capabilities: {
				textDocumentSync: TextDocumentSyncKind.Incremental,
				hoverProvider: true,
				completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
				...(options.previewCodeLens === true ? { codeLensProvider: { resolveProvider: false } } : {}),
			},
			serverInfo: { name: 'lambda-kafka-language-server', version: readVersion() },
		};
	});

	connection.onInitialized(() => {
		if (canPullConfiguration) {
			void refreshSettings();
		}
		// Each schema is compiled when a document of its kind first needs it, so the first document
		// opened is validated without waiting for all four; the rest are compiled once things are quiet.
		setTimeout(() => registry.warmUp(), 2000).unref();
	});
	connection.onDidChangeConfiguration((change) => {
		if (!canPullConfiguration) {
			const section = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
			if (section !== undefined) {
				const before = settings.validation;
				settings = resolveSettings(section);
				if (settings.validation.enable !== before.enable || settings.validation.maxFileSizeMB !== before.maxFileSizeMB) {
					revalidateAll();
				}
			}
			return;
		}
		void refreshSettings();
	});

	documents.onDidOpen((event) => scheduler.now(event.document.uri));
	// onDidOpen also fires a content change: the scheduler keeps the open's immediate run.
	documents.onDidChangeContent((event) => scheduler.later(event.document.uri));
	documents.onDidClose((event) => {
		scheduler.cancel(event.document.uri);
		analyses.delete(event.document.uri);
		prepared.delete(event.document.uri);
		void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
	});

	connection.onHover((params, token): Hover | null | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return null;
		}
		const result = runSafe(connection, 'Hover', null, token, () => {
			const analysis = structureOf(document);
			const hover = computeHover(analysis, document.offsetAt(params.position), registry);
			if (!hover) {
				return null;
			}
			const range = { start: document.positionAt(hover.start), end: document.positionAt(hover.end) };
			// The range is optional: one that is not a valid LSP range is left out, not sent.
			return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, ...(isLspRange(range) ? { range } : {}) };
		});
		return result;
	});

	connection.onCompletion((params, token): CompletionItem[] | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return [];
		}
		const result = runSafe(connection, 'Completion', [] as CompletionItem[], token, () => {
			const analysis = structureOf(document);
			return computeCompletions(document.getText(), analysis, document.offsetAt(params.position), registry).map((candidate, index) => ({
				label: candidate.label,
				kind: candidate.kind === 'property' ? CompletionItemKind.Property : candidate.kind === 'snippet' ? CompletionItemKind.Snippet : CompletionItemKind.Value,
				detail: candidate.detail,
				documentation: candidate.documentation ? { kind: MarkupKind.Markdown, value: candidate.documentation } : undefined,
				insertTextFormat: InsertTextFormat.Snippet,
				textEdit: {
					range: { start: document.positionAt(candidate.replaceStart), end: document.positionAt(candidate.replaceEnd) },
					newText: candidate.insertText,
				},
				filterText: candidate.filterText,
				sortText: String(index).padStart(4, '0'),
			}));
		});
		return result;
	});

	connection.onCodeAction((params, token): CodeAction[] | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return [];
		}
		const result = runSafe(connection, 'Code actions', [] as CodeAction[], token, () => {
			// Every edit is computed for the current text, and names its version to a client that
			// takes versioned edits, so that the client refuses it should the text change meanwhile.
			const toAction = (fix: LocatedFix, diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction =>
				toCodeAction(document, fix, diagnostic, preferred, canSendVersionedEdits);
			const start = document.offsetAt(params.range.start);
			const end = document.offsetAt(params.range.end);
			const actions: CodeAction[] = [];
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
				currentProblems ??= analysisOf(document).problems;
				const problem = currentProblemFor(currentProblems, diagnostic.code, messageText(diagnostic), start, end);
				actions.push(...(problem?.fixes ?? []).map((fix, i) => toAction(fix, diagnostic, i === 0)));
			}
			// Fixes for syntax problems that the editor itself reported (we left those diagnostics
			// out). They are found by the requested range in the current text; the editor's
			// diagnostic is only attached to the action, its range is not used for the edit. The
			// analysis is needed for them only when the text did not parse cleanly.
			const structure = structureOf(document);
			const hostProblems = hasSyntaxErrorsIn(structure, start, end) ? analysisOf(document).hostProblems : structure.hostProblems;
			for (const { problem, fix } of computeCodeActions(hostProblems, start, end)) {
				const match = params.context.diagnostics.find((d) => d.source !== DIAGNOSTIC_SOURCE && overlaps(document, d, problem));
				actions.push(toAction(fix, match, false));
			}
			return actions;
		});
		return result;
	});

	connection.onRequest(requestType(DocumentInfoRequest.type), (params, token) => {
		const document = documents.get(params.uri);
		if (!document) {
			return null;
		}
		return runSafe(connection, 'Document info', null, token, () => {
			const analysis = analysisOf(document);
			const counts = { error: 0, warning: 0, info: 0, hint: 0 };
			for (const problem of analysis.problems) {
				counts[problem.severity]++;
			}
			// Syntax errors the editor reports are errors all the same: they block an apply.
			counts.error += analysis.hostProblems.filter((p) => p.severity === 'error').length;
			return { kind: analysis.kind, layout: analysis.layout, requestMode: analysis.requestMode, counts, version: document.version };
		});
	});

	registerHandlers({ connection, documents, analysisOf, structureOf, hostReportsJsonSyntax: () => hostReportsJsonSyntax });
	connection.onShutdown(() => scheduler.dispose());
	documents.listen(connection);
}

/** Feature modules with handlers of their own (see ServerContext). */
function registerHandlers(context: ServerContext): void {
	registerApplyHandlers(context);
	registerPreviewHandlers(context);
}

function toDiagnostic(document: TextDocument, version: number, problem: LocatedProblem): Diagnostic {
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

const SEVERITY = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
} as const;

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
