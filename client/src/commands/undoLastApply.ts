/** `lambdaKafka.undoLastApply`: sends back the values the last apply replaced, to the account and region it went to. */
import * as l10n from '@vscode/l10n';
import { undoLastApply as undoFlow } from '../apply/applyFlow';
import type { CommandDeps } from './support';
import { runFlow } from './support';
import { safeWindow } from '../safeWindow';

export async function undoLastApply(deps: CommandDeps): Promise<void> {
	const snapshot = deps.snapshots.last();
	if (!snapshot) {
		void safeWindow.showInformationMessage(l10n.t('There is no apply to undo.'));
		return;
	}
	// Undo goes where the apply went, even if the profile or region was switched since.
	await runFlow(deps, l10n.t('Undo Last Apply'), undefined, (flowDeps) => undoFlow(flowDeps), {
		profile: snapshot.profile,
		region: snapshot.region,
		endpointUrl: snapshot.endpoint,
	});
}
