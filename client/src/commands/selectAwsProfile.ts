/** `lambdaKafka.selectAwsProfile`: picks the AWS profile (or goes on to the region); stored in the user settings. */
import { pickAwsProfile } from '../aws/statusBar';
import type { CommandDeps } from './support';

export async function selectAwsProfile(deps: CommandDeps): Promise<void> {
	if (await pickAwsProfile(deps.output)) {
		await deps.statusBar.refresh();
	}
}
