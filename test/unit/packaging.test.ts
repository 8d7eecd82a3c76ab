/**
 * What the .vsix ships, as `vsce ls` lists it: the bundles, schemas, grammar, media and docs, and
 * nothing else (no sources, tests, source maps or node_modules).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers';

describe('the packaged extension', () => {
	it('ships exactly the bundles, schemas, grammar, media and docs', () => {
		const root = repoRoot();
		const result = spawnSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
			cwd: root,
			encoding: 'utf8',
		});
		assert.equal(result.status, 0, result.stderr);
		const files = result.stdout
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line !== '')
			.sort();
		assert.deepEqual(files, [
			'CHANGELOG.md',
			'LICENSE',
			'README.ja.md',
			'README.md',
			'dist/check.js',
			'dist/cli-main.js',
			'dist/cli.js',
			'dist/cliWorker.js',
			'dist/client.js',
			'dist/server-main.js',
			'dist/server.js',
			'dist/tree-sitter-terraform.wasm',
			'dist/tree-sitter.wasm',
			'dist/validationWorker.js',
			'dist/validators/destination-config.js',
			'dist/validators/esm-request.js',
			'dist/validators/failure-record.js',
			'dist/validators/kafka-event.js',
			'dist/web-tree-sitter.js',
			'dist/webview.js',
			'dist/yaml.js',
			'l10n/bundle.l10n.ja.json',
			'l10n/bundle.l10n.json',
			'media/icon.png',
			'media/preview.css',
			'package.json',
			'package.nls.ja.json',
			'package.nls.json',
			'schemas/destination-config.schema.json',
			'schemas/esm-request.schema.json',
			'schemas/failure-record.schema.json',
			'schemas/kafka-event.schema.json',
			'syntaxes/lambda-kafka.injection.tmLanguage.json',
		]);
	});
});
