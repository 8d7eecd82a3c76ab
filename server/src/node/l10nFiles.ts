/**
 * The translation bundles shipped beside the bundle (`l10n/bundle.l10n.<language>.json`, the same
 * files the VS Code extension's client reads), for the language server and the CLI under Node.js.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLanguage, TRANSLATED_LANGUAGES } from '../../../shared/locale';

/** A bundle: English message (the key) to its translation. */
export type L10nBundle = Record<string, string>;

/** Finds the `l10n` folder next to the running bundle or above the compiled sources. */
export function findL10nDir(start: string = __dirname): string | undefined {
	let dir = start;
	for (let i = 0; i < 8; i++) {
		const candidate = path.join(dir, 'l10n');
		if (fs.existsSync(path.join(candidate, 'bundle.l10n.json'))) {
			return candidate;
		}
		const parent = path.dirname(dir);
		if (parent === dir) {
			break;
		}
		dir = parent;
	}
	return undefined;
}

/**
 * The bundle for `locale` (undefined for English or a language without one). `bundleUri`, a
 * `file:` URI the client already resolved (VS Code's `vscode.l10n.uri`), wins over the search.
 */
export function readL10nBundle(locale: string | undefined, bundleUri?: string, l10nDir: string | undefined = findL10nDir()): L10nBundle | undefined {
	if (bundleUri !== undefined && bundleUri.startsWith('file:')) {
		return readBundleFile(fileURLToPath(bundleUri));
	}
	const pseudo = l10nDir !== undefined && fs.existsSync(path.join(l10nDir, 'bundle.l10n.qps-ploc.json')) ? ['qps-ploc'] : [];
	const language = bundleLanguage(locale, [...TRANSLATED_LANGUAGES, ...pseudo]);
	if (language === undefined || l10nDir === undefined) {
		return undefined;
	}
	return readBundleFile(path.join(l10nDir, `bundle.l10n.${language}.json`));
}

function readBundleFile(file: string): L10nBundle | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as L10nBundle;
	} catch {
		// A missing or broken translation is not worth failing for: English is always there.
		return undefined;
	}
}
