/** textDocument/completion: the candidates of language/features/completion as LSP snippet items. */
import type { CompletionItem, ResponseError } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from '../lspValues';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionCandidate } from '../../language/features/completion';
import { computeCompletions } from '../../language/features/completion';
import { runSafe } from '../runSafe';
import type { ServerContext } from '../serverContext';

const ITEM_KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
	property: CompletionItemKind.Property,
	snippet: CompletionItemKind.Snippet,
	value: CompletionItemKind.Value,
};

export function registerCompletionHandler({ connection, documents, schemas, viewAt }: ServerContext): void {
	connection.onCompletion((params, token): CompletionItem[] | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return [];
		}
		return runSafe(connection, 'Completion', [] as CompletionItem[], token, () => {
			// On a large document being edited, the newest parse may be of an older version: its offsets are mapped.
			const view = viewAt(document, document.offsetAt(params.position));
			// The text is read only for templates, Terraform files and documents of no known kind, which
			// are never answered from an older parse (analysisCache.ts, answersFromParse).
			const text = view.current ? document.getText() : '';
			return computeCompletions(text, view.analysis, view.offset, schemas).map((candidate, index) =>
				toCompletionItem(
					document,
					{ ...candidate, replaceStart: view.toCurrent(candidate.replaceStart), replaceEnd: view.toCurrent(candidate.replaceEnd) },
					index,
				),
			);
		});
	});
}

/** An item whose sort text keeps the order the candidates came in. */
function toCompletionItem(document: TextDocument, candidate: CompletionCandidate, index: number): CompletionItem {
	return {
		label: candidate.label,
		kind: ITEM_KIND[candidate.kind],
		detail: candidate.detail,
		documentation: candidate.documentation ? { kind: MarkupKind.Markdown, value: candidate.documentation } : undefined,
		insertTextFormat: InsertTextFormat.Snippet,
		textEdit: {
			range: { start: document.positionAt(candidate.replaceStart), end: document.positionAt(candidate.replaceEnd) },
			newText: candidate.insertText,
		},
		filterText: candidate.filterText,
		sortText: String(index).padStart(4, '0'),
	};
}
