/** textDocument/hover: schema documentation and record details, computed by language/features/hover. */
import type { Hover, ResponseError } from 'vscode-languageserver';
import { MarkupKind } from '../lspValues';
import { computeHover } from '../../language/features/hover';
import { isLspRange } from '../lspPositions';
import { runSafe } from '../runSafe';
import type { ServerContext } from '../serverContext';

export function registerHoverHandler({ connection, documents, schemas, viewAt }: ServerContext): void {
	connection.onHover((params, token): Hover | null | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return null;
		}
		return runSafe(connection, 'Hover', null, token, () => {
			// On a large document being edited, the newest parse may be of an older version: its offsets are mapped.
			const view = viewAt(document, document.offsetAt(params.position));
			const hover = computeHover(view.analysis, view.offset, schemas);
			if (!hover) {
				return null;
			}
			const range = { start: document.positionAt(view.toCurrent(hover.start)), end: document.positionAt(view.toCurrent(hover.end)) };
			// The range is optional: one that is not a valid LSP range is left out, not sent.
			return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, ...(isLspRange(range) ? { range } : {}) };
		});
	});
}
