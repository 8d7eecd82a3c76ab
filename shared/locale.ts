/**
 * Locale names as editors and shells spell them (`ja`, `ja-JP`, `ja_JP.UTF-8`, `C`), reduced to the
 * language whose translation bundle applies (`l10n/bundle.l10n.<language>.json`).
 */

/** Languages the product ships translations for, besides English (the source language). */
export const TRANSLATED_LANGUAGES: readonly string[] = ['ja'];

/**
 * The bundle language for `locale`, or undefined for English and for anything unknown.
 * `qps-ploc` (VS Code's pseudo-locale) is kept whole, so a pseudo bundle can be tried out.
 */
export function bundleLanguage(locale: string | undefined, available: readonly string[] = TRANSLATED_LANGUAGES): string | undefined {
	if (locale === undefined) {
		return undefined;
	}
	// `ja_JP.UTF-8@euro` → `ja-jp`: the codeset and modifier say nothing about the language.
	const end = locale.search(/[.@]/);
	const normalized = (end < 0 ? locale : locale.slice(0, end)).trim().toLowerCase().replace(/_/g, '-');
	if (available.includes(normalized)) {
		return normalized;
	}
	const language = normalized.split('-')[0];
	return available.includes(language) ? language : undefined;
}

/**
 * The locale a POSIX program follows: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the first that is
 * set and not empty), as gettext does.
 */
export function posixLocale(env: Readonly<Record<string, string | undefined>>): string | undefined {
	for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const value = env[name];
		if (value !== undefined && value !== '') {
			return value;
		}
	}
	return undefined;
}
