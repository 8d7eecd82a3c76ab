/**
 * After a large document was validated in another thread, this thread has no parse of that
 * version: hover and completion would read an older one, or parse while the user waits. The parse
 * is made here instead, in the background, and the lookups a first hover would build are built
 * in slices after it (positionLookupSteps), each step answering waiting requests before the next,
 * and stopping as soon as the text changes again.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { positionLookupSteps } from '../language/features/documentPosition';
import type { AnalysisCache } from './analysisCache';
import type { ServerTimers } from './serverRuntime';

export function refreshParseInSlices(document: TextDocument, cache: AnalysisCache, timers: ServerTimers, isOpen: () => boolean): void {
	// A document closed meanwhile must not be parsed into the cache again: nothing would drop it.
	if (!isOpen()) {
		return;
	}
	const version = document.version;
	const steps = positionLookupSteps(cache.refreshParse(document));
	const step = (): void => {
		if (!isOpen() || document.version !== version || steps.next().done) {
			return;
		}
		timers.setImmediate(step);
	};
	timers.setImmediate(step);
}
