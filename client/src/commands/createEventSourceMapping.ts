/** `lambdaKafka.createEventSourceMapping`: creates a mapping from the create request in the editor. */
import * as l10n from '@vscode/l10n';
import { applyDocument } from '../apply/applyFlow';
import type { CommandDeps } from './support';
import { runFlow, serverChecks, targetDocument } from './support';
import { safeWindow } from '../safeWindow';

export async function createEventSourceMapping(deps: CommandDeps, uri?: unknown): Promise<void> {
	const document = await targetDocument(uri);
	if (!document) {
		void safeWindow.showWarningMessage(l10n.t('Open an event source mapping create request (a request without UUID) first.'));
		return;
	}
	deps.awsDiagnostics.delete(document.uri);
	await runFlow(deps, l10n.t('Create Event Source Mapping'), document, (flowDeps) =>
		applyDocument(flowDeps, { text: document.getText(), server: serverChecks(deps.client, document) }, 'create'),
	);
}
