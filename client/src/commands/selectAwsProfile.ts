/** `lambdaKafka.selectAwsProfile`: picks the AWS profile (or goes on to the region); stored in the user settings. */
import { pickAwsProfile } from '../aws/statusBar';
import type { CommandDeps } from './support';
import { requireTrust } from './support';

export const selectAwsProfile =
	(deps: CommandDeps) =>
	async (): Promise<void> => {
		if (!requireTrust('Choosing an AWS profile')) {
			return;
		}
		if (await pickAwsProfile(deps.output)) {
			await deps.statusBar.refresh();
		}
	};
