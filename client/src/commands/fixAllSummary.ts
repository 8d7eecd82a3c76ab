/**
 * What the "Fix All Pasted-Example Problems" command tells the user after the fix: the fix makes
 * the text JSON, but AWS's placeholders (`"..."`, `"<Whole Event>"`) still need real values, and
 * a validator is silent about most of them. Free of VS Code, for the tests.
 */
import * as l10n from '@vscode/l10n';
import type { FixAllActionData } from '../../../shared/protocol';

export const nothingToFix = (): string =>
	l10n.t('Nothing to fix: the document has no comments, trailing commas or "A" | "B" unions, or it is not a Lambda Kafka document.');

export function fixAllSummary(data: FixAllActionData): string {
	const fixed = data.isValidJson
		? l10n.t('Removed the comments and trailing commas and kept the first alternative of each union: the document is JSON now.')
		: l10n.t('Removed the comments and trailing commas and kept the first alternative of each union; other syntax errors remain (see the Problems panel).');
	if (data.placeholders.length === 0) {
		return data.isValidJson ? l10n.t('{0} No placeholders are left.', fixed) : fixed;
	}
	// Lines are 1-based, as the editor shows them.
	const listed = data.placeholders.map((p) => `${p.path} = ${p.text} (line ${p.line + 1})`).join('; ');
	return l10n.t("{0} Fill in the placeholders from AWS's example: {1}.", fixed, listed);
}
