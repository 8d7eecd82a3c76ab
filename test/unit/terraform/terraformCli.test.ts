/**
 * The built CLI (dist/cli.js) on Terraform: `validate main.tf`, a directory (whose sibling files
 * resolve variables), and the same output formats as for JSON.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../helpers';
import { mskMapping } from './tfHelpers';

const cliPath = path.join(repoRoot(), 'dist', 'cli.js');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lambda-kafka validate on Terraform', () => {
	let tmp = '';
	before(() => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-tf-'));
		fs.writeFileSync(path.join(tmp, 'main.tf'), mskMapping('  batch_size = var.size'));
		fs.writeFileSync(path.join(tmp, 'variables.tf'), 'variable "size" {\n  default = 0\n}\n');
		fs.writeFileSync(path.join(tmp, 'notes.txt'), 'not ours');
	});
	after(() => fs.rmSync(tmp, { recursive: true, force: true }));

	it('validates main.tf, resolving the variable from variables.tf, in text', () => {
		const result = run(['validate', path.join(tmp, 'main.tf')]);
		assert.equal(result.status, 1);
		assert.equal(
			result.stdout,
			`${path.join(tmp, 'main.tf')}:6:16: error schema-range "batch_size" is 0, below the minimum of 1 (allowed: 1 to 10000).\n1 file, 1 error, 0 warnings\n`,
		);
	});

	it('validates a directory in JSON and SARIF', () => {
		const json = run(['validate', '--format', 'json', tmp]);
		const output = JSON.parse(json.stdout) as {
			files: { path: string; kind: string; diagnostics: { line: number; column: number; endColumn: number; code: string }[] }[];
		};
		assert.deepEqual(
			output.files.map((file) => [path.basename(file.path), file.kind, file.diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn])]),
			[
				['main.tf', 'terraform', [['schema-range', 6, 16, 24]]],
				['variables.tf', 'terraform', []],
			],
		);
		const sarif = JSON.parse(run(['validate', '--format', 'sarif', tmp]).stdout) as { runs: { results: { ruleId: string }[] }[] };
		assert.deepEqual(
			sarif.runs[0].results.map((result) => result.ruleId),
			['schema-range'],
		);
	});
});
