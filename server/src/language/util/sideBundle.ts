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
	try {
		return requireOnFirstUse(`${__dirname}/${bundleFile}`) as T;
	} catch (error) {
		if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') {
			throw error;
		}
		return requireOnFirstUse(packageName) as T;
	}
}

/**
 * Loads a module (a bundle beside the program, or a package the bundles leave out, such as Ajv)
 * synchronously, when first needed: the project's one `require`, for the reason above.
 */
export function requireOnFirstUse(id: string): unknown {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
	return require(id);
}
