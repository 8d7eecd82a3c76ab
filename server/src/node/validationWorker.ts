/**
 * The validation worker thread (workerValidator.ts): validates each text it is sent with the same
 * engine and schema files as the server, and sends back the analysis without its parse.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import type { OffThreadRequest } from '../lsp/serverRuntime';
import { requestText } from '../lsp/serverRuntime';
import { analyzeDocument } from '../language/validation/analyzeDocument';

// The server's language (workerValidator.ts passes the translation the client asked for).
l10n.config({ contents: ((workerData ?? {}) as { l10nBundle?: Record<string, string> }).l10nBundle ?? {} });

parentPort?.on('message', (request: OffThreadRequest) => {
	try {
		// The parse stays here: it is garbage once the problems are placed.
		const { units: _units, ...analysis } = analyzeDocument(requestText(request), request.options);
		parentPort?.postMessage({ analysis });
	} catch (error) {
		parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	}
});
