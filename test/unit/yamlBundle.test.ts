/**
 * The bundles that validate leave the yaml library to dist/yaml.js, which they load on the first
 * template (server/src/language/templates/cfn/yamlLibrary.ts): it must exist, be shipped, and
 * not be compiled into them again. (A message of its directives parser marks its code.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers';

const dist = path.join(repoRoot(), 'dist');

describe('the yaml bundle', () => {
	it('is a bundle of its own, shipped, and not inside the programs that validate', () => {
		assert.match(fs.readFileSync(path.join(dist, 'yaml.js'), 'utf8'), /%YAML directive should contain exactly one part/);
		for (const program of ['cli-main.js', 'cliWorker.js', 'server-main.js', 'validationWorker.js']) {
			assert.doesNotMatch(fs.readFileSync(path.join(dist, program), 'utf8'), /%YAML directive should contain exactly one part/, program);
		}
		assert.ok(fs.readFileSync(path.join(repoRoot(), '.vscodeignore'), 'utf8').split('\n').includes('!dist/yaml.js'));
	});

	it('is loaded by the CLI for a template, and not for a JSON record', () => {
		const examples = path.join(repoRoot(), 'examples');
		const loads = (file: string): boolean => {
			const script = `require(${JSON.stringify(path.join(dist, 'cli.js'))}); process.on('exit', () => process.stderr.write(String(Object.keys(require.cache).some((f) => f.endsWith('yaml.js')))));`;
			const result = spawnSync(process.execPath, ['-e', script, '--', 'cli', 'validate', file], { encoding: 'utf8' });
			return result.stderr.endsWith('true');
		};
		assert.equal(loads(path.join(examples, 'records', 'sqs-record.json')), false);
		assert.equal(loads(path.join(examples, 'templates', 'sam-orders.yaml')), true);
	});
});
