/** What the LSP handler modules share: the connection, the open documents and their cached analyses. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../language/validation/analyzeDocument';

/**
 * What handler modules get: the connection, the open documents and the cached analysis of each.
 * Feature handlers that are not core LSP (apply checks, preview) live in ./handlers/, one module
 * each, and register themselves through `registerHandlers` in startServer.ts.
 */
export interface ServerContext {
	connection: Connection;
	documents: TextDocuments<TextDocument>;
	/** The analysis of the document's current version (cached per version). */
	analysisOf(document: TextDocument): DocumentAnalysis;
	/** Its parse only (units and kind, no problems), or the analysis if there is one: for features that need no validation. */
	structureOf(document: TextDocument): DocumentAnalysis;
	/** Whether the editor reports JSON syntax errors itself (from the initialization options). */
	hostReportsJsonSyntax: () => boolean;
}
