/**
 * The walls between the three parts, checked by `npm run lint` (see docs/architecture.md):
 * shared/ is the editor-free core both halves may import; server/ never imports client/ or VS
 * Code; client/ never imports server/; and no module imports itself through others.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'An import circle: two modules that need each other belong together or need a third that both import.',
			from: {},
			to: { circular: true },
		},
		{
			name: 'client-not-to-server',
			severity: 'error',
			comment: 'The client talks to the server over LSP only; code both need lives in shared/.',
			from: { path: '^client/' },
			to: { path: '^server/' },
		},
		{
			name: 'server-not-to-client',
			severity: 'error',
			comment: 'The server runs in any editor: it never imports the VS Code extension.',
			from: { path: '^server/' },
			to: { path: '^client/' },
		},
		{
			name: 'server-not-to-vscode',
			severity: 'error',
			comment: 'The server runs in any editor: no VS Code API.',
			from: { path: '^(server|shared)/' },
			to: { path: '^(vscode|vscode-languageclient)($|/)' },
		},
		{
			name: 'shared-is-the-core',
			severity: 'error',
			comment: 'shared/ is editor-free and runtime-free: no client, server, LSP library or Node.js module, so it can run in a webview or a browser worker.',
			from: { path: '^shared/' },
			to: { path: '^(client/|server/|vscode-languageserver|vscode-jsonrpc)' },
		},
		{
			name: 'shared-no-node',
			severity: 'error',
			comment: 'shared/ runs in a webview or a browser worker too: no Node.js modules.',
			from: { path: '^shared/' },
			to: { dependencyTypes: ['core'] },
		},
		{
			name: 'webview-only-its-messages',
			severity: 'error',
			comment: 'The webview runs in the page: it may import only its own files, the message types and shared/.',
			from: { path: '^client/webview/' },
			to: { path: '^(client/src|server)/', pathNot: '^client/src/preview/webviewMessages\\.ts$' },
		},
		{
			name: 'no-test-code-in-product',
			severity: 'error',
			from: { path: '^(client|server|shared)/' },
			to: { path: '^test/' },
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '^(out|dist|node_modules)/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
	},
};
