/** `lambdaKafka.applyDestinationConfig`: applies the destination config or update request in the editor to an event source mapping. */
import * as l10n from '@vscode/l10n';
import { applyDocument } from '../apply/applyFlow';
import type { CommandDeps } from './support';
import { runFlow, serverChecks, targetDocument } from './support';
import { safeWindow } from '../safeWindow';

export const applyTitle = (): string => l10n.t('Apply Destination Config to Event Source Mapping');

export async function applyDestinationConfig(deps: CommandDeps, uri?: unknown): Promise<void> {
	const document = await targetDocument(uri);
	if (!document) {
		void safeWindow.showWarningMessage(l10n.t('Open a destination config or an event source mapping update request first.'));
		return;
	}
	deps.awsDiagnostics.delete(document.uri);
	await runFlow(
		deps,
		applyTitle(),
		document,
		(flowDeps) => applyDocument(flowDeps, { text: document.getText(), server: serverChecks(deps.client, document) }, 'apply'),
		{},
		{ preflight: true },
	);
}
