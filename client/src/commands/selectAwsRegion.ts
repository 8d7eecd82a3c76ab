/** `lambdaKafka.selectAwsRegion`: picks the AWS region; stored in the user settings. */
import { pickAwsRegion } from '../aws/statusBar';
import type { CommandDeps } from './support';

export async function selectAwsRegion(deps: CommandDeps): Promise<void> {
	if (await pickAwsRegion(deps.output)) {
		await deps.statusBar.refresh();
	}
}
