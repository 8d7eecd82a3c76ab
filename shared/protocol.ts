/**
 * Custom LSP messages between the extension's client and its language server. Each message is a
 * method name plus its parameter and result types; both halves build their typed RequestType from
 * these so the names cannot drift apart. Other editors can send them too.
 */
import type { DocumentKind, DocumentLayout } from './documentKinds';

/** Parameters of {@link DocumentInfoRequest}. */
export interface DocumentInfoParams {
	/** URI of an open document. */
	uri: string;
}

/** What the server made of a document. */
export interface DocumentInfoResult {
	kind: DocumentKind;
	layout: DocumentLayout;
	/** For `esm-request`: whether the document is an update (it has a `UUID`) or a create request. */
	requestMode?: 'create' | 'update';
	/** Number of diagnostics of each severity the last validation produced. */
	counts: { error: number; warning: number; info: number; hint: number };
	/** The document's version the result describes. */
	version: number;
}

/**
 * Sent by the client to learn a document's kind and problem counts, e.g. before applying it to AWS
 * (a document with errors is never sent) and for the language status item.
 */
export namespace DocumentInfoRequest {
	export const method = 'lambdaKafka/documentInfo' as const;
}
