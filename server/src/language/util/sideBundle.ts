/**
 * A library the programs load on first use from its own bundle beside them (dist/yaml.js,
 * dist/web-tree-sitter.js; esbuild.mjs leaves it out of theirs), so that a start that never needs
 * it never compiles it. Compiled by tsc (the tests), there is no bundle beside this module: the
 * package itself is loaded.
 *
 * `require` here, not `import`: an import loads the module at start-up, which is what this avoids,
 * and `import()` is asynchronous, which the synchronous parsers that call this could not wait for.
 */
export function loadSideBundle<T>(bundleFile: string, packageName: string): T {
	/* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, see above */
	try {
		return require(`${__dirname}/${bundleFile}`) as T;
	} catch (error) {
		if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') {
			throw error;
		}
		return require(packageName) as T;
	}
	/* eslint-enable @typescript-eslint/no-require-imports */
}
