/** `lambdaKafka.removeOnFailureDestination`: sets a picked mapping's on-failure destination to `""`. */
import * as l10n from '@vscode/l10n';
import { removeOnFailureDestination as removeFlow } from '../apply/applyFlow';
import type { CommandDeps } from './support';
import { runFlow } from './support';

export async function removeOnFailureDestination(deps: CommandDeps): Promise<void> {
	await runFlow(deps, l10n.t('Remove On-Failure Destination'), undefined, (flowDeps) => removeFlow(flowDeps));
}
