/**
 * A stand-in for VS Code's own language pack, which cannot be downloaded here (no marketplace).
 * VS Code's server resolves `--locale` through `languagepacks.json` in its user data folder (as
 * installing a language pack writes it); this writes one whose translations are empty. Then
 * `--locale <language>` takes effect: `vscode.env.language` is that language and VS Code selects
 * each extension's l10n bundle for it, while the workbench's own words stay English.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeStandInLanguagePack(userDataDir: string, language: string): void {
	const translations = path.join(userDataDir, `stand-in-language-pack-${language}`, 'main.i18n.json');
	fs.mkdirSync(path.dirname(translations), { recursive: true });
	fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
	const packs = {
		[language]: {
			hash: `stand-in-${language}`,
			label: language,
			extensions: [{ extensionIdentifier: { id: `lambda-kafka-tests.language-pack-${language}` }, version: '0.0.1' }],
			translations: { vscode: translations },
		},
	};
	fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}
