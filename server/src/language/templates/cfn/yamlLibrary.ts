/**
 * The `yaml` library's functions the template adapter calls, loaded on the first template. The
 * bundles leave the library out and load it from dist/yaml.js, its own bundle beside them: it was
 * a third of the CLI's and the server's code, compiled at every start (esbuild.mjs), and its
 * modules took about 5 ms to initialise, for runs that read JSON records only. Compiled by tsc
 * (the tests), this module has no yaml.js beside it and loads the package.
 */
import type * as Yaml from 'yaml';
import type { Alias, Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { loadSideBundle } from '../../util/sideBundle';

let library: typeof Yaml | undefined;

function yaml(): typeof Yaml {
	library ??= loadSideBundle<typeof Yaml>('yaml.js', 'yaml');
	return library;
}

export function parseDocument(source: string, options: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions): Document.Parsed {
	return yaml().parseDocument(source, options);
}

export function isAlias(node: unknown): node is Alias {
	return yaml().isAlias(node);
}

export function isMap<K = unknown, V = unknown>(node: unknown): node is YAMLMap<K, V> {
	return yaml().isMap(node);
}

export function isScalar<T = unknown>(node: unknown): node is Scalar<T> {
	return yaml().isScalar(node);
}

export function isSeq<T = unknown>(node: unknown): node is YAMLSeq<T> {
	return yaml().isSeq(node);
}
