// Bundles the extension's three programs: the VS Code client, the language server
// (also runnable on its own with --stdio for other editors) and the CLI. The benchmark
// is bundled too so that it measures exactly the code that ships: `npm run bench` builds with
// --production, as the .vsix is built (vscode:prepublish), since minified bundles start faster.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

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

// web-tree-sitter's ES module build reads import.meta.url, which a CommonJS bundle lacks: give it
// the bundle's own URL (it is only used to locate files we pass as bytes anyway). Only its own
// bundle, dist/web-tree-sitter.js, contains it.
const IMPORT_META_URL = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";
const withHcl = { define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: IMPORT_META_URL } };

/**
 * The programs that validate leave Ajv, yaml and web-tree-sitter out. yaml, a third of their code,
 * is its own bundle (dist/yaml.js) that they load beside them on the first CloudFormation/SAM
 * template (server/src/language/templates/cfn/yamlLibrary.ts): most runs never compile it.
 * web-tree-sitter, an eighth, is dist/web-tree-sitter.js, loaded with the HCL parser before the
 * first Terraform file (server/src/language/terraform/treeSitterLibrary.ts).
 * They leave Ajv out (a quarter of their bundle, parsed at every start): they
 * use the validators generated at build time (dist/validators/<kind>.js, from the same schema files
 * as the bundle ships), and require Ajv only to compile a schema changed since the build, which
 * only a development checkout, where node_modules has it, can have.
 */
const withoutAjv = [...common.external, 'ajv', 'yaml', 'web-tree-sitter'];

const entries = [
	{ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
	// dist/server.js and dist/cli.js are small loaders that run the programs' bundles with a V8 code
	// cache (server/src/node/codeCache.ts): most of a start was compiling them.
	{ entryPoints: ['server/src/node/serverLoader.ts'], outfile: 'dist/server.js' },
	{ entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js', external: withoutAjv },
	// The server validates large documents in this worker thread (server/src/node/workerValidator.ts).
	{ entryPoints: ['server/src/node/validationWorker.ts'], outfile: 'dist/validationWorker.js', external: withoutAjv },
	{ entryPoints: ['server/src/cli/cliLoader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', external: withoutAjv },
	{ entryPoints: ['server/src/language/templates/cfn/yamlBundle.ts'], outfile: 'dist/yaml.js' },
	{ entryPoints: ['server/src/language/terraform/treeSitterBundle.ts'], outfile: 'dist/web-tree-sitter.js', ...withHcl },
	// The CLI's worker threads for large runs (server/src/cli/validatePool.ts).
	{ entryPoints: ['server/src/cli/cliWorker.ts'], outfile: 'dist/cliWorker.js', external: withoutAjv },
	// `lambda-kafka check`: the extension's AWS code without VS Code, loaded by dist/cli.js at run time.
	{ entryPoints: ['client/src/cli/checkMain.ts'], outfile: 'dist/check.js' },
	// The bench names the build it measured in its report (bench/bench.ts, BENCH_BUILD).
	{
		entryPoints: ['bench/bench.ts'],
		outfile: 'dist/bench.js',
		external: [...common.external, 'web-tree-sitter'],
		define: { BENCH_BUILD: JSON.stringify(production ? 'production' : 'development') },
	},
	{ entryPoints: ['bench/terraformBench.ts'], outfile: 'dist/bench-terraform.js', external: [...common.external, 'web-tree-sitter'] },
	// Issue 16's rows: the floor for the cold start, and the event-loop monitor preloaded into the server.
	{ entryPoints: ['bench/bareServer.ts'], outfile: 'dist/bench-bare-server.js' },
	{ entryPoints: ['bench/loopMonitor.ts'], outfile: 'dist/bench-loop-monitor.js' },
	{ entryPoints: ['bench/cpuReporter.ts'], outfile: 'dist/bench-cpu-reporter.js' },
	// The loopback AWS servers that `npm start` points the extension at (never shipped).
	{ entryPoints: ['test/loopback/demoServer.ts'], outfile: 'dist/demo-server.js' },
	// The preview webview's script runs in the browser sandbox of the webview, not in Node.
	{ entryPoints: ['client/webview/preview.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', external: [] },
];

// The HCL parser's WebAssembly (Terraform files) ships beside the bundles, which load it by path:
// web-tree-sitter's runtime and the Terraform grammar, the same files on every platform.
fs.mkdirSync('dist', { recursive: true });
fs.copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
fs.copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'dist/tree-sitter-terraform.wasm');
/**
 * The schemas' validators as Ajv standalone code (issue 16: no schema compilation at start-up),
 * generated from schemas/ by the same code and options the server compiles with, one module per
 * kind, then bundled as dist/validators/<kind>.js. Not committed: the build regenerates them
 * deterministically. Returns the generated files.
 */
async function generateValidators() {
	await esbuild.build({
		...common,
		sourcemap: false,
		entryPoints: ['server/src/node/generateValidators.ts'],
		outfile: 'dist/.generated/generate-validators.js',
	});
	const { generateValidatorSource, VALIDATED_KINDS } = createRequire(import.meta.url)('./dist/.generated/generate-validators.js');
	fs.mkdirSync('dist/.generated/validators', { recursive: true });
	return VALIDATED_KINDS.map((kind) => {
		const file = `dist/.generated/validators/${kind}.js`;
		fs.writeFileSync(file, generateValidatorSource('schemas', kind, '../../../server/src/language/schema/dateTime'));
		return file;
	});
}
// Minified always: generated code no one reads, parsed at every start-up.
entries.push({ entryPoints: await generateValidators(), outdir: 'dist/validators', minify: true, sourcemap: false });

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
	await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
	await Promise.all(contexts.map((ctx) => ctx.rebuild()));
	await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
