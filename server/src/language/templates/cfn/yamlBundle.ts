/** The entry of dist/yaml.js, the `yaml` library bundled on its own (see yamlLibrary.ts and esbuild.mjs). */
export * from 'yaml';
