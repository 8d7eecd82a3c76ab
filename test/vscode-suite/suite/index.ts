/** Entry point VS Code calls inside the extension host: runs every *.vscode.js file with mocha. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: true });
	for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.vscode.js'))) {
		mocha.addFile(path.join(__dirname, file));
	}
	return new Promise((resolve, reject) => {
		mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed`)) : resolve()));
	});
}
