/** `lambdaKafka.removeOnFailureDestination`: sets a picked mapping's on-failure destination to `""`. */
import { removeOnFailureDestination as removeFlow } from '../apply/applyFlow';
import type { CommandDeps } from './support';
import { requireTrust, runFlow } from './support';

export const removeOnFailureDestination =
	(deps: CommandDeps) =>
	async (): Promise<void> => {
		if (!requireTrust('Removing on-failure destinations')) {
			return;
		}
		await runFlow(deps, 'Remove On-Failure Destination', undefined, (flowDeps) => removeFlow(flowDeps));
	};
