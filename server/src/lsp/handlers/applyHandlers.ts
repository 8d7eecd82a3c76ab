/** Requests the client makes before it applies a document to AWS (issue 3). */
import * as l10n from '@vscode/l10n';
import type { ResponseError } from 'vscode-languageserver';
import type { CheckAgainstMappingResult } from '../../../../shared/protocol';
import { CheckAgainstMappingRequest } from '../../../../shared/protocol';
import { checkAgainstMapping } from '../../language/apply/mappingCheck';
import { runSafe } from '../runSafe';
import type { ServerContext } from '../serverContext';
import { fileNameOf } from '../uri';
import { requestType } from '../requestTypes';

export function registerApplyHandlers({ connection, documents, schemas, hostReportsJsonSyntax }: ServerContext): void {
	// The document checked against the mapping it will change: what the mapping becomes after the update.
	connection.onRequest(requestType(CheckAgainstMappingRequest.type), (params, token): CheckAgainstMappingResult | ResponseError<void> => {
		const document = documents.get(params.uri);
		if (!document) {
			return { problems: [], unavailable: l10n.t('The document is not open.') };
		}
		return runSafe(connection, 'Check against mapping', { problems: [], unavailable: l10n.t('The check failed; see the server log.') }, token, () =>
			checkAgainstMapping(document.getText(), params.mapping, {
				fileName: fileNameOf(document.uri),
				languageId: document.languageId,
				hostReportsJsonSyntax: hostReportsJsonSyntax(),
				registry: schemas,
			}),
		);
	});
}
