/** `lambdaKafka.selectAwsRegion`: picks the AWS region; stored in the user settings. */
import { pickAwsRegion } from '../aws/statusBar';
import type { CommandDeps } from './support';
import { requireTrust } from './support';

export const selectAwsRegion =
	(deps: CommandDeps) =>
	async (): Promise<void> => {
		if (!requireTrust('Choosing an AWS region')) {
			return;
		}
		if (await pickAwsRegion(deps.output)) {
			await deps.statusBar.refresh();
		}
	};
