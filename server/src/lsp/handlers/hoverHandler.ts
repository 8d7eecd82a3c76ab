/** textDocument/hover: schema documentation and record details, computed by language/features/hover. */
import type { Hover, ResponseError } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { computeHover } from '../../language/features/hover';
import { isLspRange } from '../lspPositions';
import { runSafe } from '../runSafe';
import type { ServerContext } from '../serverContext';

export function registerHoverHandler({ connection, documents, schemas, structureOf }: ServerContext): void {
	connection.onHover((params, token): Hover | null | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return null;
		}
		return runSafe(connection, 'Hover', null, token, () => {
			const hover = computeHover(structureOf(document), document.offsetAt(params.position), schemas);
			if (!hover) {
				return null;
			}
			const range = { start: document.positionAt(hover.start), end: document.positionAt(hover.end) };
			// The range is optional: one that is not a valid LSP range is left out, not sent.
			return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, ...(isLspRange(range) ? { range } : {}) };
		});
	});
}
