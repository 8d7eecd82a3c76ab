/**
 * The extension-host test suite for desktop VS Code (`npm run test:vscode`): downloads VS Code
 * 1.100 with @vscode/test-electron and runs the mocha suite in ./suite inside it. VS Code cannot
 * be downloaded on the machines this project's CI uses, so CI runs the same checks through
 * code-server instead (test/e2e); run this one where VS Code can be downloaded.
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../helpers';

async function main(): Promise<void> {
	const root = repoRoot();
	await runTests({
		version: '1.100.0',
		extensionDevelopmentPath: root,
		extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
		launchArgs: [path.join(root, 'test', 'e2e', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
	});
}

main().catch((error: unknown) => {
	process.stderr.write(`The VS Code test suite failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
