/**
 * The HCL parser: tree-sitter's Terraform grammar compiled to WebAssembly, run by web-tree-sitter.
 * WebAssembly keeps the .vsix platform-neutral (no native module per OS), the grammar is
 * maintained (tree-sitter-grammars), every node carries offsets, and broken input still yields
 * a tree with ERROR nodes around the damage, so the rest of a half-typed file is checked.
 *
 * Loading is asynchronous and happens once per process (`initHclParser`); parsing is synchronous
 * afterwards, so the validation pipeline stays synchronous. The caller hands over the bytes of the
 * two .wasm files: the language core reads no files (see ServerRuntime). The library itself is
 * loaded here too, not at start-up (treeSitterLibrary.ts).
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { treeSitter } from './treeSitterLibrary';

/** The two WebAssembly modules: web-tree-sitter's runtime and the Terraform grammar. */
export interface HclWasm {
	runtime: Uint8Array;
	grammar: Uint8Array;
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the parser once; later calls return the same promise. A failed load is forgotten so the
 * next call retries (a test may fix the paths), and its error goes to the caller.
 */
export function initHclParser(load: () => Promise<HclWasm>): Promise<void> {
	loading ??= (async () => {
		const wasm = await load();
		const library = treeSitter();
		// Emscripten takes the runtime's bytes instead of fetching or reading tree-sitter.wasm itself.
		await library.Parser.init({ wasmBinary: wasm.runtime } as Parameters<typeof Parser.init>[0]);
		const language = await library.Language.load(wasm.grammar);
		const created = new library.Parser();
		created.setLanguage(language);
		parser = created;
	})().catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

export function isHclParserReady(): boolean {
	return parser !== undefined;
}

/**
 * Parses `text`, or returns undefined before the parser is loaded. The caller must `delete()` the
 * tree: it lives in WebAssembly memory, which JavaScript's collector does not free.
 */
export function parseHcl(text: string): Tree | undefined {
	if (!parser) {
		return undefined;
	}
	return parser.parse(text) ?? undefined;
}
