/**
 * The bundles that validate leave web-tree-sitter to dist/web-tree-sitter.js, which they load with
 * the HCL parser before the first Terraform file (server/src/language/terraform/treeSitterLibrary.ts):
 * it must exist, be shipped, not be compiled into them again, and be loaded by the CLI for a `.tf`
 * file only. (A message of its Parser marks its code.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers';

const dist = path.join(repoRoot(), 'dist');
const MARKER = /Parser must have a language to parse/;

describe('the web-tree-sitter bundle', () => {
	it('is a bundle of its own, shipped, and not inside the programs that validate', () => {
		assert.match(fs.readFileSync(path.join(dist, 'web-tree-sitter.js'), 'utf8'), MARKER);
		for (const program of ['cli-main.js', 'cliWorker.js', 'server-main.js', 'validationWorker.js']) {
			assert.doesNotMatch(fs.readFileSync(path.join(dist, program), 'utf8'), MARKER, program);
		}
		assert.ok(fs.readFileSync(path.join(repoRoot(), '.vscodeignore'), 'utf8').split('\n').includes('!dist/web-tree-sitter.js'));
	});

	it('is loaded by the CLI for a Terraform file, and not for a JSON record, whose results it does not change', () => {
		const examples = path.join(repoRoot(), 'examples');
		const run = (file: string): { loaded: boolean; stdout: string } => {
			const script = `require(${JSON.stringify(path.join(dist, 'cli.js'))}); process.on('exit', () => process.stderr.write(String(Object.keys(require.cache).some((f) => f.endsWith('web-tree-sitter.js')))));`;
			const result = spawnSync(process.execPath, ['-e', script, '--', 'cli', 'validate', '--format', 'json', file], { encoding: 'utf8' });
			return { loaded: result.stderr.endsWith('true'), stdout: result.stdout };
		};
		assert.equal(run(path.join(examples, 'records', 'sqs-record.json')).loaded, false);
		const terraform = run(path.join(examples, 'terraform', 'main.tf'));
		assert.equal(terraform.loaded, true);
		// The parser the bundle provides read the file: its batch_size above the maximum is found where it is.
		const report = JSON.parse(terraform.stdout) as { files: { kind: string; diagnostics: { line: number; code: string }[] }[] };
		assert.equal(report.files[0].kind, 'terraform');
		assert.ok(report.files[0].diagnostics.some((d) => d.code === 'schema-range' && d.line === 49));
	});
});
