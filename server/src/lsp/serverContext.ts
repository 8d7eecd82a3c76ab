/** What the LSP handler modules share: the connection, the open documents and their cached analyses. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaRegistry } from '../language/schema/schemaRegistry';
import type { DocumentAnalysis } from '../language/validation/pipeline';

/**
 * What handler modules get: the connection, the open documents and the cached analysis of each.
 * Each feature's handlers live in ./handlers/, one module each, and are registered through
 * `registerHandlers` in startServer.ts.
 */
export interface ServerContext {
	connection: Connection;
	documents: TextDocuments<TextDocument>;
	/** The schemas (from the runtime), for hover and completion. */
	schemas: SchemaRegistry;
	/** The analysis of the document's current version (cached per version). */
	analysisOf: (document: TextDocument) => DocumentAnalysis;
	/** Its parse only (units and kind, no problems), or the analysis if there is one: for features that need no validation. */
	structureOf: (document: TextDocument) => DocumentAnalysis;
	/** Whether the editor reports JSON syntax errors itself (from the initialization options). */
	hostReportsJsonSyntax: () => boolean;
	/** Whether workspace edits may name the document version they were computed for (client capability). */
	canSendVersionedEdits: () => boolean;
}
