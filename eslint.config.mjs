import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'node_modules/',
			'dist/',
			'out/',
			'.vscode-test/',
			'test-results/',
			'.bench/',
			'examples/',
			'esbuild.mjs',
			'eslint.config.mjs',
			'.dependency-cruiser.cjs',
			'scripts/**/*.mjs',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			curly: 'error',
			eqeqeq: 'error',
			'no-throw-literal': 'error',
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
		},
	},
	{
		// Long functions hide their steps: past 80 lines, split them or say why in a comment that
		// disables this rule for the one function.
		files: ['client/**/*.ts', 'server/**/*.ts', 'shared/**/*.ts', 'bench/**/*.ts'],
		rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
	},
	{
		files: ['server/**/*.ts', 'shared/**/*.ts'],
		ignores: ['server/src/cli/**'],
		rules: { 'no-console': 'error' },
	},
	{
		// vscode-languageserver's values come from one module (server/src/lsp/lspValues.ts): each
		// bundled module importing the CommonJS library copies its 300 exports at start-up. main.ts
		// creates the connection from vscode-languageserver/node, which the bundle loads anyway.
		files: ['server/**/*.ts'],
		ignores: ['server/src/lsp/lspValues.ts', 'server/src/lsp/main.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: ['vscode-languageserver', 'vscode-languageserver/node'].map((name) => ({
						name,
						allowTypeImports: true,
						message: 'Import its values from server/src/lsp/lspValues.ts (one copy of the library per bundle); types may come from here.',
					})),
				},
			],
		},
	},
	{
		// These modules find and escape control characters in text from documents and AWS: their
		// regular expressions match control characters on purpose.
		files: ['shared/printable.ts', 'client/src/aws/logger.ts', 'test/hardening/escaping.test.ts'],
		rules: { 'no-control-regex': 'off' },
	},
	{
		// The protocol module follows vscode-languageserver's convention: one namespace per message.
		files: ['shared/protocol.ts'],
		rules: { '@typescript-eslint/no-namespace': 'off' },
	},
	{
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@typescript-eslint/no-floating-promises': [
				'error',
				{ allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' }] },
			],
		},
	},
);
