// Bundles the extension's three programs: the VS Code client, the language server
// (also runnable on its own with --stdio for other editors) and the CLI. The benchmark
// is bundled too so that it measures exactly the code that ships.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	sourcemap: !production,
	minify: production,
	logLevel: 'warning',
	// Schemas are read from ../schemas at run time so that they ship as plain, exportable files.
	external: ['vscode'],
	// jsonc-parser's UMD build hides its requires from bundlers; its ES module build bundles cleanly.
	mainFields: ['module', 'main'],
};

const entries = [
	{ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
	{ entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
	// `lambda-kafka check`: the extension's AWS code without VS Code, loaded by dist/cli.js at run time.
	{ entryPoints: ['client/src/cli/checkMain.ts'], outfile: 'dist/check.js' },
	{ entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js' },
	// The loopback AWS servers that `npm start` points the extension at (never shipped).
	{ entryPoints: ['test/loopback/demoServer.ts'], outfile: 'dist/demo-server.js' },
	// The preview webview's script runs in the browser sandbox of the webview, not in Node.
	{ entryPoints: ['client/webview/preview.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', external: [] },
];

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
	await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
	await Promise.all(contexts.map((ctx) => ctx.rebuild()));
	await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
