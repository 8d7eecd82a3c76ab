/**
 * What "Copy Consumer Commands" tells the user. The reason quotes the document (a range problem
 * names its `recordsInfo` key), so the caller shows it through safeWindow, which makes it inert.
 */
import * as l10n from '@vscode/l10n';
import type { PreviewModel } from '../../../shared/protocol';
import { plural } from '../../../shared/printable';

/** Why nothing was copied: the first warning of the model, else the first range problem. */
export function nothingToCopyMessage(title: string, model: PreviewModel | null): string {
	const reason = model?.notes.find((n) => n.severity === 'warning')?.message ?? model?.records.flatMap((r) => r.ranges).find((r) => r.problem)?.problem;
	return l10n.t('{0} names no offset range that can be read back.{1}', title, reason ? ` ${reason}` : '');
}

export function copiedMessage(model: PreviewModel): string {
	const commands = model.partitions.reduce((n, p) => n + p.commands.length, 0);
	return l10n.t('Copied {0} consumer commands for {1} as a shell snippet.', commands, plural(model.partitions.length, 'partition'));
}
