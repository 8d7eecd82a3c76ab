/**
 * The language server: adapts the pure language functions (server/src/language) to LSP. It owns
 * the open documents, the settings, the validation schedule and a cache of the last analysis of
 * each document; every answer is computed by the language functions, and each feature's handlers
 * live in ./handlers/. Everything platform-specific (timers, schemas, version) comes in the
 * ServerRuntime, so that the same server runs under Node.js (./main.ts), in a test process, or
 * in a browser worker.
 */
import { forgetLastRegExpSubject } from '../language/util/regExpSubject';
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ValidateOptions } from '../language/validation/pipeline';
import { createAnalysisCache } from './analysisCache';
import { registerApplyHandlers } from './handlers/applyHandlers';
import { registerCodeActionHandler } from './handlers/codeActionHandler';
import { registerCompletionHandler } from './handlers/completionHandler';
import { registerDocumentInfoHandler } from './handlers/documentInfoHandler';
import { registerHoverHandler } from './handlers/hoverHandler';
import { registerLifecycleHandlers } from './handlers/lifecycleHandlers';
import { registerPreviewHandlers } from './handlers/previewHandlers';
import { KnownTextDocuments, lazyTextDocuments } from './lazyTextDocument';
import type { ServerContext } from './serverContext';
import type { ServerRuntime } from './serverRuntime';
import { initialServerState } from './serverState';
import { refreshParseInSlices } from './parseRefresher';
import { fileNameOf } from './uri';
import { createValidationRunner } from './validationRunner';
import { initHclParser, isHclParserReady } from '../language/terraform/hclParser';
import { moduleSiblings } from './moduleSiblings';
import { createScheduler } from './validationScheduler';

export { DIAGNOSTIC_SOURCE } from './diagnostics';
export type { InitializationOptions } from './handlers/lifecycleHandlers';

/** Longest stretch of validation without answering other requests (a frame at 60 Hz). */
const VALIDATION_SLICE_MS = 16;

/**
 * How long the text of a document validated in the worker must rest before this thread parses it
 * for hover and completion (until then they read the newest parse through the edits since).
 */
const REFRESH_PARSE_AFTER_MS = 1000;

export function startServer(connection: Connection, runtime: ServerRuntime): void {
	// Edits cost in proportion to their size, not the document's: see lazyTextDocument.ts.
	const documents = new KnownTextDocuments(
		lazyTextDocuments((uri, message) => {
			connection.console.warn(message);
			// What was published describes a text the client no longer has.
			void connection.sendDiagnostics({ uri, diagnostics: [] });
		}),
	);
	const state = initialServerState();
	const hclWasm = runtime.hclWasm;
	const analyzeOptions = (document: TextDocument): ValidateOptions => ({
		fileName: fileNameOf(document.uri),
		languageId: document.languageId,
		hostReportsJsonSyntax: state.hostReportsJsonSyntax,
		maxLength: state.settings.validation.maxFileSizeMB * 1024 * 1024,
		registry: runtime.schemas,
		moduleFiles: () => moduleSiblings(documents.all(), document),
	});
	const cache = createAnalysisCache(analyzeOptions);
	const validate = createValidationRunner({
		documentOf: (uri) => documents.get(uri),
		cache,
		optionsOf: analyzeOptions,
		enabled: () => state.settings.validation.enable,
		publish: (params) => void connection.sendDiagnostics(params),
		logError: (message) => connection.console.error(message),
		timers: runtime.timers,
		sliceMs: VALIDATION_SLICE_MS,
		loadFor: (kind) => (kind === 'terraform' && hclWasm && !isHclParserReady() ? initHclParser(hclWasm) : undefined),
		offThread: runtime.offThreadValidator,
		// This thread has no parse of what the worker validated: parse it once the text rests, so
		// that hover and completion read a recent one (see analysisCache.ts).
		// A document just opened has no parse at all: the first hover would wait for one.
		refreshAfterMs: (document) => (cache.hasParse(document.uri) ? REFRESH_PARSE_AFTER_MS : 0),
		afterOffThread: (document) => refreshParseInSlices(document, cache, runtime.timers, () => documents.get(document.uri) === document),
	});
	const scheduler = createScheduler(
		(uri) => void validate(uri),
		() => state.settings.validation.debounceMs,
		runtime.timers,
		// A large document's text goes to the other thread halfway through the pause; the run after it publishes the answer.
		(uri) => validate.ahead(uri),
	);
	const revalidateAll = (): void => {
		cache.clear();
		for (const document of documents.all()) {
			scheduler.now(document.uri);
		}
	};

	documents.onDidOpen((event) => scheduler.now(event.document.uri));
	// onDidOpen also fires a content change: the scheduler keeps the open's immediate run.
	documents.onDidChangeContent((event) => scheduler.later(event.document.uri));
	documents.onDidClose((event) => {
		scheduler.cancel(event.document.uri);
		validate.forget(event.document.uri);
		cache.forget(event.document.uri);
		// A closed 12 MB document stayed in memory through the last match on a slice of it.
		forgetLastRegExpSubject();
		void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
	});

	const context: ServerContext = {
		connection,
		documents,
		schemas: runtime.schemas,
		analysisOf: cache.analysisOf,
		structureOf: cache.structureOf,
		viewAt: cache.viewAt,
		hostReportsJsonSyntax: () => state.hostReportsJsonSyntax,
		canSendVersionedEdits: () => state.canSendVersionedEdits,
	};
	registerLifecycleHandlers(context, { state, runtime, revalidateAll });
	registerHandlers(context);
	connection.onShutdown(() => {
		scheduler.dispose();
		runtime.offThreadValidator?.dispose();
	});
	documents.listen(connection);
}

/** Each feature's handlers, one module each under ./handlers/ (see ServerContext). */
function registerHandlers(context: ServerContext): void {
	registerHoverHandler(context);
	registerCompletionHandler(context);
	registerCodeActionHandler(context);
	registerDocumentInfoHandler(context);
	registerApplyHandlers(context);
	registerPreviewHandlers(context);
}
