/** The ServerRuntime of Node.js: its timers, the schema and translation files beside the bundle, the package version, a validation worker thread. */
import type { ServerRuntime, ServerTimers } from '../lsp/serverRuntime';
import { readVersion } from '../version';
import { readHclWasm } from './hclWasmFiles';
import { readL10nBundle } from './l10nFiles';
import { sharedSchemaRegistry } from './schemaFiles';
import { workerValidator } from './workerValidator';

export const nodeTimers: ServerTimers = {
	setImmediate(callback) {
		const handle = setImmediate(callback);
		return { dispose: () => clearImmediate(handle) };
	},
	setTimeout(callback, ms, options) {
		const handle = setTimeout(callback, ms);
		if (options?.background) {
			handle.unref();
		}
		return { dispose: () => clearTimeout(handle) };
	},
};

export function nodeRuntime(): ServerRuntime {
	return {
		timers: nodeTimers,
		schemas: sharedSchemaRegistry(),
		version: readVersion(),
		translations: (locale, bundleUri) => Promise.resolve(readL10nBundle(locale, bundleUri)),
		hclWasm: () => readHclWasm(),
		offThreadValidator: workerValidator(),
	};
}
