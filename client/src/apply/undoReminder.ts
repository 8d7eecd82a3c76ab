/**
 * When the status bar offers Undo, and what it says. The notification with Undo hides after a few
 * seconds; the status bar item keeps Undo one click away until Undo ran or a newer apply replaced
 * the snapshot, and only for an apply made in this window: a snapshot left by an earlier session
 * (it lives in globalState) is still undone by the command, but not advertised.
 *
 * Plain logic, without VS Code: client/src/commands/undoStatusItem.ts shows what `view()` returns.
 */
import * as l10n from '@vscode/l10n';
import { inertLabel, inertMessage } from '../inertText';
import type { ApplyOutcome } from './applyFlow';
import type { ApplySnapshot } from './snapshot';

export interface UndoItemView {
	/** Status bar text; AWS's names in it are inert, so they cannot draw an icon. */
	text: string;
	tooltip: string;
}

export class UndoReminder {
	/** The snapshot this window's last undoable apply saved. */
	private taken: ApplySnapshot | undefined;

	constructor(private readonly store: { last(): ApplySnapshot | undefined }) {}

	/** Called with every flow's outcome. */
	note(outcome: ApplyOutcome): void {
		if (outcome.status !== 'applied') {
			return;
		}
		if (outcome.undoAvailable) {
			this.taken = this.store.last();
		} else if (this.taken?.uuid === outcome.uuid) {
			// Undo itself, or a newer apply to the same mapping that kept no snapshot: the old one no longer fits.
			this.taken = undefined;
		}
	}

	/** What the item shows, or undefined to hide it: the stored snapshot must still be the one this window took. */
	view(): UndoItemView | undefined {
		const stored = this.store.last();
		const taken = this.taken;
		if (!taken || !stored || stored.uuid !== taken.uuid || stored.takenAt !== taken.takenAt) {
			return undefined;
		}
		const mapping = `${taken.functionName ?? l10n.t('event source mapping')} · ${taken.uuid.slice(0, 8)}`;
		return {
			text: `$(discard) ${inertLabel(l10n.t('Undo apply to {0}', mapping))}`,
			tooltip: inertMessage(
				l10n.t(
					'Undo Last Apply: sends back the values your apply of {0} replaced on event source mapping {1} ({2}): {3}',
					taken.takenAt,
					taken.uuid,
					taken.region,
					taken.summary,
				),
			),
		};
	}
}
