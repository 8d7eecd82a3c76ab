/**
 * The values (enums, classes) the server takes from vscode-languageserver, imported here once.
 * The library is CommonJS: the bundle turns each module's import of it into a copy of its 300-odd
 * exports (esbuild's __toESM), and eight copies cost about 3 ms of every start (issue 16). Other
 * modules import these values from here (an ESLint rule says so); types may come from the library.
 */
export {
	AbstractMessageReader,
	CodeActionKind,
	CompletionItemKind,
	DiagnosticSeverity,
	DiagnosticTag,
	ErrorCodes,
	InsertTextFormat,
	LSPErrorCodes,
	MarkupKind,
	Message,
	RequestType,
	ResponseError,
	ShutdownRequest,
	TextDocuments,
	TextDocumentSyncKind,
} from 'vscode-languageserver';
