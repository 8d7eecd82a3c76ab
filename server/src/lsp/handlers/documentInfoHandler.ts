/** lambdaKafka/documentInfo: the kind, layout and problem counts the client's status bar and commands show. */
import { DocumentInfoRequest } from '../../../../shared/protocol';
import { requestType } from '../requestTypes';
import { runSafe } from '../runSafe';
import type { ServerContext } from '../serverContext';

export function registerDocumentInfoHandler({ connection, documents, analysisOf }: ServerContext): void {
	connection.onRequest(requestType(DocumentInfoRequest.type), (params, token) => {
		const document = documents.get(params.uri);
		if (!document) {
			return null;
		}
		return runSafe(connection, 'Document info', null, token, () => {
			const analysis = analysisOf(document);
			const counts = { error: 0, warning: 0, info: 0, hint: 0 };
			for (const problem of analysis.problems) {
				counts[problem.severity]++;
			}
			// Syntax errors the editor reports are errors all the same: they block an apply.
			counts.error += analysis.hostProblems.filter((p) => p.severity === 'error').length;
			return { kind: analysis.kind, layout: analysis.layout, requestMode: analysis.requestMode, counts, version: document.version };
		});
	});
}
