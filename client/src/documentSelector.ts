/** Which documents the language client sends to the server; without VS Code, so tests can read it. */
import { FETCHED_SCHEME } from './fetch/fetchedNames';

/** The languages whose documents the server looks at; it decides by content which ones are ours. */
export const DOCUMENT_SELECTOR = [
	{ language: 'json' },
	{ language: 'jsonc' },
	{ language: 'jsonl' },
	// CloudFormation and SAM templates (the server reads only those, by content): the built-in YAML
	// language, and the id the Red Hat YAML and CloudFormation extensions keep for YAML files.
	{ language: 'yaml' },
	// A record saved under its S3 key has no extension and opens as plain text.
	{ language: 'plaintext' },
	// Terraform files (the id HashiCorp's extension uses; this extension declares it for *.tf too,
	// so .tf files are validated with or without HashiCorp's extension).
	{ language: 'terraform' },
	// Fetched records, whatever language the editor gives them (the filters above match any scheme).
	{ scheme: FETCHED_SCHEME },
];
