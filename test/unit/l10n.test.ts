/**
 * Localisation (issue 18): `npm run l10n:check` finds nothing (every message is in the English
 * bundle and translated into Japanese with the same placeholders, every text users read goes
 * through l10n, every manifest text is a %key% with a Japanese entry), and locale names map to
 * the bundle they select.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { bundleLanguage, posixLocale } from '../../shared/locale';
import { localizedManifest, repoRoot } from '../helpers';

interface Finding {
	kind: string;
	where: string;
	text: string;
}

const root = repoRoot();
const readJson = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8')) as Record<string, unknown>;
const placeholders = (text: string): string => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort().join();

describe('localisation bundles', () => {
	it('npm run l10n:check finds nothing to localise (strings, bundles, placeholders, manifest)', () => {
		const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'l10n', 'check.mjs'), '--json'], { cwd: root, encoding: 'utf8' });
		const findings = JSON.parse(result.stdout) as Finding[];
		assert.deepEqual(
			findings.map((f) => `${f.where}: ${f.kind}: ${f.text.slice(0, 100)}`),
			[],
		);
		assert.equal(result.status, 0, result.stderr);
	});

	it('has a Japanese entry with the same placeholders for every English message', () => {
		const english = readJson('l10n/bundle.l10n.json');
		const japanese = readJson('l10n/bundle.l10n.ja.json');
		for (const [key, entry] of Object.entries(english)) {
			const message = typeof entry === 'string' ? entry : (entry as { message: string }).message;
			const translation = japanese[key];
			assert.equal(typeof translation, 'string', `no Japanese for ${JSON.stringify(key)}`);
			assert.equal(placeholders(translation as string), placeholders(message), key);
		}
	});

	it('translates every manifest text, and keeps command ids, settings keys and codes as they are', () => {
		const english = readJson('package.nls.json');
		const japanese = readJson('package.nls.ja.json');
		assert.deepEqual(Object.keys(japanese).sort(), Object.keys(english).sort());
		const manifest = localizedManifest('ja') as { contributes: { commands: { command: string; title: string }[] } };
		const apply = manifest.contributes.commands.find((c) => c.command === 'lambdaKafka.applyDestinationConfig');
		assert.equal(apply?.title, '送信先設定をイベントソースマッピングに適用');
	});

	it('links hovers to the Japanese AWS documentation', () => {
		const japanese = readJson('l10n/bundle.l10n.ja.json');
		const root = Object.entries(japanese).find(([key]) => key.startsWith('https://docs.aws.amazon.com//'))?.[1];
		assert.equal(root, 'https://docs.aws.amazon.com/ja_jp/');
	});
});

describe('locale names', () => {
	it('selects the Japanese bundle for every spelling of Japanese, and none for English or unknown locales', () => {
		for (const locale of ['ja', 'ja-JP', 'ja_JP.UTF-8', 'JA_jp.eucJP@euro', ' ja ']) {
			assert.equal(bundleLanguage(locale), 'ja', locale);
		}
		for (const locale of [undefined, '', 'C', 'POSIX', 'en', 'en_US.UTF-8', 'fr-FR', 'jav']) {
			assert.equal(bundleLanguage(locale), undefined, String(locale));
		}
	});

	it('follows LC_ALL, then LC_MESSAGES, then LANG, skipping empty ones', () => {
		assert.equal(posixLocale({ LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }), 'ja_JP.UTF-8');
		assert.equal(posixLocale({ LC_ALL: '', LC_MESSAGES: 'ja_JP', LANG: 'en_US.UTF-8' }), 'ja_JP');
		assert.equal(posixLocale({ LANG: 'ja_JP.UTF-8' }), 'ja_JP.UTF-8');
		assert.equal(posixLocale({}), undefined);
	});
});
