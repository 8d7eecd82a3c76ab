/** What the LSP handler modules share: the connection, the open documents and their cached analyses. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaRegistry } from '../language/schema/schemaRegistry';
import type { DocumentAnalysis, ValidatedAnalysis } from '../language/validation/pipeline';
import type { StructureView } from './analysisCache';

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
	/** The validated analysis of the document's current version (cached per version): its problems, no parse. */
	analysisOf: (document: TextDocument) => ValidatedAnalysis;
	/** The parse of its current version (units and kind): for features that need no validation and edit the text. */
	structureOf: (document: TextDocument) => DocumentAnalysis;
	/** For hover and completion at `offset`: a parse that may be of an older version, and the cursor in its text (analysisCache.ts). */
	viewAt: (document: TextDocument, offset: number) => StructureView;
	/** Whether the editor reports JSON syntax errors itself (from the initialization options). */
	hostReportsJsonSyntax: () => boolean;
	/** Whether workspace edits may name the document version they were computed for (client capability). */
	canSendVersionedEdits: () => boolean;
}
