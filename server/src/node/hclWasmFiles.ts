/**
 * The Node.js source of the HCL parser's WebAssembly: `tree-sitter.wasm` (web-tree-sitter's
 * runtime) and `tree-sitter-terraform.wasm` (the grammar), copied next to the bundles by
 * esbuild.mjs and shipped in the .vsix; from a source checkout (tests), the installed packages.
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HclWasm } from '../language/terraform/hclParser';
import { initHclParser } from '../language/terraform/hclParser';

export const RUNTIME_WASM = 'tree-sitter.wasm';
export const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

/** The folder holding both files: beside the bundle, or the packages of the checkout above `start`. */
function findWasm(start: string): { runtime: string; grammar: string } {
	const beside = { runtime: path.join(start, RUNTIME_WASM), grammar: path.join(start, GRAMMAR_WASM) };
	if (fs.existsSync(beside.runtime) && fs.existsSync(beside.grammar)) {
		return beside;
	}
	let dir = start;
	for (let i = 0; i < 8; i++) {
		const modules = path.join(dir, 'node_modules');
		const found = {
			runtime: path.join(modules, 'web-tree-sitter', RUNTIME_WASM),
			grammar: path.join(modules, '@tree-sitter-grammars', 'tree-sitter-hcl', GRAMMAR_WASM),
		};
		if (fs.existsSync(found.runtime) && fs.existsSync(found.grammar)) {
			return found;
		}
		const parent = path.dirname(dir);
		if (parent === dir) {
			break;
		}
		dir = parent;
	}
	throw new Error(l10n.t('Cannot find {0} and {1} beside {2} or in the packages above it.', RUNTIME_WASM, GRAMMAR_WASM, start));
}

export async function readHclWasm(start: string = __dirname): Promise<HclWasm> {
	const files = findWasm(start);
	const [runtime, grammar] = await Promise.all([fs.promises.readFile(files.runtime), fs.promises.readFile(files.grammar)]);
	return { runtime: new Uint8Array(runtime), grammar: new Uint8Array(grammar) };
}

/** Loads the parser from the files (once per process). */
export function initHclParserFromFiles(start: string = __dirname): Promise<void> {
	return initHclParser(() => readHclWasm(start));
}
