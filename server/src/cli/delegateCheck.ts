/**
 * `lambda-kafka check …` reaches AWS with the extension's own AWS code, which lives in client/
 * and which server/ never imports. It is bundled apart, as dist/check.js next to dist/cli.js,
 * and loaded here by path at run time: the validator stays free of the AWS SDK, and the walls of
 * docs/architecture.md hold for the source.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

export function isCheckCommand(argv: readonly string[]): boolean {
	return argv[0] === 'check';
}

/** Runs the check with the arguments after `check`; resolves with its exit status. */
export async function delegateCheck(argv: readonly string[]): Promise<number> {
	const bundle = path.join(__dirname, 'check.js');
	// A path computed at run time, so that the bundler leaves the check out of dist/cli.js.
	const loaded = createRequire(__filename)(bundle) as { runCheckCli(argv: readonly string[]): Promise<number> };
	return loaded.runCheckCli(argv);
}
