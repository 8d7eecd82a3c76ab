/**
 * The validation worker thread (workerValidator.ts): validates each text it is sent with the same
 * engine and schema files as the server, and sends back the analysis without its parse.
 */
import { parentPort } from 'node:worker_threads';
import type { OffThreadRequest } from '../lsp/serverRuntime';
import { analyzeDocument } from '../language/validation/analyzeDocument';

parentPort?.on('message', (request: OffThreadRequest) => {
	try {
		// The parse stays here: it is garbage once the problems are placed.
		const { units: _units, ...analysis } = analyzeDocument(request.text, request.options);
		parentPort?.postMessage({ analysis });
	} catch (error) {
		parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	}
});
