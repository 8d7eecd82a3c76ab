/**
 * LSP glue for "Preview offsets": the `lambdaKafka/previewModel` request and the "Preview
 * offsets" code lenses. All of the work is done by server/src/language/preview.
 */
import * as l10n from '@vscode/l10n';
import type { CodeLens, ResponseError } from 'vscode-languageserver';
import { PreviewModelRequest } from '../../../../shared/protocol';
import { buildPreviewModel, previewAnchors } from '../../language/preview/previewModel';
import { runSafe } from '../runSafe';
import type { ServerContext } from '../serverContext';
import { CHECK_FAILURE_DESTINATION_COMMAND, PREVIEW_OFFSETS_COMMAND } from '../../../../shared/documentKinds';
import { requestType } from '../requestTypes';

/** The client command a lens runs, with arguments `[uri, recordIndex]`. */

export function registerPreviewHandlers(context: ServerContext): void {
	const { connection, documents } = context;

	connection.onRequest(requestType(PreviewModelRequest.type), (params, token) => {
		const document = documents.get(params.uri);
		if (!document) {
			return null;
		}
		return runSafe(connection, 'Preview model', null, token, () =>
			buildPreviewModel({
				uri: document.uri,
				version: document.version,
				text: document.getText(),
				analysis: context.structureOf(document),
				options: params.options,
			}),
		);
	});

	connection.onCodeLens((params, token): CodeLens[] | ResponseError<void> => {
		const document = documents.get(params.textDocument.uri);
		if (!document) {
			return [];
		}
		const result = runSafe(connection, 'Code lenses', [] as CodeLens[], token, () => {
			const structure = context.structureOf(document);
			const lenses: CodeLens[] = checkLenses(structure.kind, structure.layout, structure.requestMode, document.uri);
			const lines = new Set<number>();
			// Lenses need only where the records are: no validation for them (VS Code asks after every edit).
			for (const anchor of previewAnchors(structure)) {
				const position = document.positionAt(anchor.offset);
				// JSON Lines: the record start and its recordsInfo key share a line; one lens is enough.
				if (lines.has(position.line)) {
					continue;
				}
				lines.add(position.line);
				lenses.push({
					range: { start: position, end: position },
					command: { title: l10n.t('Preview offsets'), command: PREVIEW_OFFSETS_COMMAND, arguments: [document.uri, anchor.recordIndex] },
				});
			}
			return lenses;
		});
		return result;
	});
}

/** "Check failure destination" at the top of a document Apply would send as an update (issue 15). */
function checkLenses(kind: string, layout: string, requestMode: string | undefined, uri: string): CodeLens[] {
	if (layout !== 'single' || !(kind === 'destination-config' || (kind === 'esm-request' && requestMode === 'update'))) {
		return [];
	}
	const top = { line: 0, character: 0 };
	return [
		{ range: { start: top, end: top }, command: { title: l10n.t('Check failure destination'), command: CHECK_FAILURE_DESTINATION_COMMAND, arguments: [uri] } },
	];
}
