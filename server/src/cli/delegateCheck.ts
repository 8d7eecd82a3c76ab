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

/**
 * Runs the check with the arguments after `check`; resolves with its exit status. `l10nBundle` is
 * the translation the CLI chose (the check bundle has its own copy of @vscode/l10n to configure).
 */
export async function delegateCheck(argv: readonly string[], l10nBundle?: Record<string, string>): Promise<number> {
	const bundle = path.join(__dirname, 'check.js');
	// A path computed at run time, so that the bundler leaves the check out of dist/cli.js.
	const loaded = createRequire(__filename)(bundle) as {
		runCheckCli(argv: readonly string[], io?: undefined, l10nBundle?: Record<string, string>): Promise<number>;
	};
	return loaded.runCheckCli(argv, undefined, l10nBundle);
}
