// Runs the compiled tests with Node's test runner. Given a folder, node --test would also run
// every helper module under out/test (any .js below a "test" folder counts as a test file), so the
// test files are listed explicitly: *.test.js, without the end-to-end suite unless asked for.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const suite = process.argv[2] ?? 'unit';
const root = 'out/test';

function testFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) {
			return testFiles(full);
		}
		return entry.name.endsWith('.test.js') ? [full] : [];
	});
}

const files = testFiles(root)
	.filter((file) => (suite === 'e2e' ? file.includes('/e2e/') : !file.includes('/e2e/')))
	.sort();
if (files.length === 0) {
	console.error(`No ${suite} test files under ${root}: run 'npm run compile-tests' first.`);
	process.exit(1);
}
const args = ['--test', '--test-reporter=spec'];
if (suite === 'e2e') {
	// One VS Code at a time: the suites share the machine's two cores.
	args.push('--test-concurrency=1');
}
const result = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
