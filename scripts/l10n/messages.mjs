// The messages the product translates, read from the sources: the l10n.t calls (extracted by
// @vscode/l10n-dev, as `npx @vscode/l10n-dev export` does) and the schemas' documentation texts,
// which the hovers and completions pass through l10n.t (server/src/language/schema/schemaText.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { listSourceFiles } from './sourceStrings.mjs';

/** Schema keywords whose text users read in hovers and completions. */
const TEXT_KEYWORDS = new Set(['title', 'description', 'markdownDescription', 'patternErrorMessage', 'errorMessage']);
const TEXT_LIST_KEYWORDS = new Set(['enumDescriptions', 'markdownEnumDescriptions']);

/** The texts of one schema, in document order; `label` only within `defaultSnippets`. */
export function schemaTexts(schema) {
	const texts = [];
	const walk = (node, inSnippets) => {
		if (Array.isArray(node)) {
			node.forEach((child) => walk(child, inSnippets));
			return;
		}
		if (typeof node !== 'object' || node === null) {
			return;
		}
		for (const [key, value] of Object.entries(node)) {
			if (typeof value === 'string' && (TEXT_KEYWORDS.has(key) || (inSnippets && key === 'label'))) {
				texts.push(value);
			} else if (TEXT_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
				texts.push(...value.filter((v) => typeof v === 'string'));
			} else if (key !== 'examples' && key !== 'default' && key !== 'const' && key !== 'enum') {
				walk(value, key === 'defaultSnippets' || (inSnippets && key !== 'body'));
			}
		}
	};
	walk(schema, false);
	return texts;
}

/** Every schema text of schemas/*.schema.json, each once. */
export function allSchemaTexts(root) {
	const dir = path.join(root, 'schemas');
	const texts = new Set();
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
		for (const text of schemaTexts(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))) {
			texts.add(text);
		}
	}
	return [...texts];
}

/** The English bundle as it should be: `{ message: message }` (or `{ key: { message, comment } }`), keys sorted. */
export async function expectedBundle(root) {
	const files = listSourceFiles(root).map((file) => ({ contents: fs.readFileSync(file, 'utf8'), extension: '.ts' }));
	const extracted = await getL10nJson(files);
	for (const text of allSchemaTexts(root)) {
		extracted[text] ??= text;
	}
	return Object.fromEntries(Object.entries(extracted).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The translation a bundle entry holds (entries with a comment are `{ message, comment }`). */
export function messageOf(entry) {
	return typeof entry === 'string' ? entry : entry.message;
}

/** The `{0}`-style placeholders of a message, sorted, e.g. `['{0}', '{1}']`. */
export function placeholders(message) {
	return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}
