/**
 * web-tree-sitter's classes, loaded when the HCL parser is first initialised (before the first
 * Terraform file). The bundles leave the library out and load it from dist/web-tree-sitter.js, its
 * own bundle beside them: it was an eighth of the server's and the CLI's code, compiled at every
 * start (esbuild.mjs) for runs that never see a `.tf` file. Compiled by tsc (the tests), this module
 * has no bundle beside it and loads the package.
 */
import type * as TreeSitter from 'web-tree-sitter';
import { loadSideBundle } from '../util/sideBundle';

export type TreeSitterLibrary = Pick<typeof TreeSitter, 'Language' | 'Parser'>;

/** The file name of the bundle, beside the programs that load it. */
export const TREE_SITTER_BUNDLE = 'web-tree-sitter.js';

let library: TreeSitterLibrary | undefined;

export function treeSitter(): TreeSitterLibrary {
	library ??= loadSideBundle<TreeSitterLibrary>(TREE_SITTER_BUNDLE, 'web-tree-sitter');
	return library;
}
