/** The entry of dist/web-tree-sitter.js, web-tree-sitter bundled on its own (see treeSitterLibrary.ts and esbuild.mjs). */
export { Language, Parser } from 'web-tree-sitter';
