/**
 * The schemas' documentation (titles, descriptions, enum descriptions, snippet labels) in the
 * display language. The schema files stay English, as AWS's API is; their texts are keys of the
 * l10n bundle (`npm run l10n` folds them into l10n/bundle.l10n.json) and translated there.
 */
import * as l10n from '@vscode/l10n';

/** `text` in the display language (unchanged when the bundle has no translation). */
export function schemaText<T extends string | undefined>(text: T): T {
	return (text === undefined ? text : l10n.t(text)) as T;
}

const AWS_DOCS = 'https://docs.aws.amazon.com/';

/**
 * An AWS documentation link in the display language: AWS publishes its translated guides under a
 * language folder of the same path (`https://docs.aws.amazon.com/ja_jp/lambda/...`).
 */
export function awsDocUrl(url: string): string {
	if (!url.startsWith(AWS_DOCS)) {
		return url;
	}
	const root = l10n.t({
		message: 'https://docs.aws.amazon.com/',
		comment: ['The root of AWS documentation in this language, e.g. https://docs.aws.amazon.com/ja_jp/'],
	});
	return root + url.slice(AWS_DOCS.length);
}
