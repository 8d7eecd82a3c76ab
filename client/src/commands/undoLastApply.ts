/** `lambdaKafka.undoLastApply`: sends back the values the last apply replaced, to the account and region it went to. */
import { undoLastApply as undoFlow } from '../apply/applyFlow';
import type { CommandDeps } from './support';
import { runFlow } from './support';
import { safeWindow } from '../safeWindow';

export async function undoLastApply(deps: CommandDeps): Promise<void> {
	const snapshot = deps.snapshots.last();
	if (!snapshot) {
		void safeWindow.showInformationMessage('There is no apply to undo.');
		return;
	}
	// Undo goes where the apply went, even if the profile or region was switched since.
	await runFlow(deps, 'Undo Last Apply', undefined, (flowDeps) => undoFlow(flowDeps), {
		profile: snapshot.profile,
		region: snapshot.region,
		endpointUrl: snapshot.endpoint,
	});
}
