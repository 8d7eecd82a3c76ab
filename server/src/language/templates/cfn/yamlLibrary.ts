/**
 * The `yaml` library's functions the template adapter calls, loaded on the first template: its
 * modules took about 5 ms to initialise at every start of the CLI and the server, which most runs
 * (JSON records only) never repay. The bundler still includes it; only its initialisation waits.
 */
import type * as Yaml from 'yaml';
import type { Alias, Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';

let library: typeof Yaml | undefined;

function yaml(): typeof Yaml {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
	return (library ??= require('yaml') as typeof Yaml);
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
