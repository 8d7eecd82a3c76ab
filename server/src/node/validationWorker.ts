/**
 * The validation worker thread (workerValidator.ts): validates each text it is sent with the same
 * engine and schema files as the server, and sends back the analysis without its parse.
 *
 * Once a document is parsed its text is let go of (releaseDocumentText) and collected at once:
 * the JSON inside a record's payload is parsed next, and a 41 MB record otherwise held its text,
 * the payload's text and the payload's parse in this thread at the same time. Should placing a
 * problem need the text again, it is asked of the server thread (workerTextChannel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import { joinText } from '../lsp/serverRuntime';
import { prepareDocument, releaseDocumentText, validatePrepared } from '../language/validation/analyzeDocument';
import type { WorkerJob, WorkerSetup } from './workerValidator';
import { fetchText } from './workerTextChannel';

const setup = (workerData ?? {}) as Partial<WorkerSetup>;
// The server's language (workerValidator.ts passes the translation the client asked for).
l10n.config({ contents: setup.l10nBundle ?? {} });

/** V8's full collection: the server starts this thread with it (workerValidator.ts, withCollectionExposed). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

parentPort?.on('message', (job: WorkerJob) => {
	try {
		let text: string | undefined = joinText(job.text);
		// The message's copy of the text is ours to drop.
		job.text = [];
		const prepared = prepareDocument(text, job.options);
		text = undefined;
		const channel = setup.textChannel;
		if (channel && prepared.validate && releaseDocumentText(prepared.analysis, () => joinText(fetchText(channel, job.job)))) {
			collectGarbage?.();
		}
		// The parse stays here: it is garbage once the problems are placed.
		const { units: _units, ...analysis } = validatePrepared(prepared, job.options);
		parentPort?.postMessage({ analysis });
	} catch (error) {
		parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	}
});
