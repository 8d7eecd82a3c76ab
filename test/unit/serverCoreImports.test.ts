/**
 * The language server core (startServer and all it imports) gets file access, timers and schemas
 * from its ServerRuntime: it must not reach server/src/node/ or a Node.js module that has no
 * browser counterpart, or it could not run in a browser worker. The check follows the source's
 * static imports (type-only ones are erased and do not count).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers';

/** Node.js modules the core still uses, with what a browser bundle would put in their place. */
const TOLERATED_NODE_MODULES = new Set([
	'node:buffer', // base64 and record decoding: a Buffer polyfill
	'node:util', // TextDecoder: a browser global
]);

const IMPORT = /^\s*(import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)';/gm;

/** Every module reachable from `entry` by value imports: repository files and bare module names. */
function reachable(entry: string): { files: Set<string>; modules: Set<string> } {
	const files = new Set<string>();
	const modules = new Set<string>();
	const visit = (file: string): void => {
		if (files.has(file)) {
			return;
		}
		files.add(file);
		for (const [, , specifier] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
			if (!specifier.startsWith('.')) {
				modules.add(specifier);
				continue;
			}
			const target = path.resolve(path.dirname(file), specifier);
			visit(fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
		}
	};
	visit(entry);
	return { files, modules };
}

describe('language server core imports', () => {
	const root = repoRoot();
	const { files, modules } = reachable(path.join(root, 'server', 'src', 'lsp', 'startServer.ts'));

	it('does not reach the Node.js runtime (server/src/node)', () => {
		const nodeRuntimeFiles = [...files].map((file) => path.relative(root, file)).filter((file) => file.startsWith(path.join('server', 'src', 'node')));
		assert.deepEqual(nodeRuntimeFiles, []);
	});

	it('uses no Node.js module but the tolerated ones, and vscode-languageserver only through its common API', () => {
		const nodeModules = [...modules].filter((name) => name.startsWith('node:') && !TOLERATED_NODE_MODULES.has(name));
		assert.deepEqual(nodeModules, []);
		assert.deepEqual(
			[...modules].filter((name) => name.startsWith('vscode-languageserver/')),
			[],
		);
	});
});
