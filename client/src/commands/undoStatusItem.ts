/** The status bar item that keeps Undo reachable after the apply's notification hides (see ../apply/undoReminder.ts). */
import * as vscode from 'vscode';
import type { ApplyOutcome } from '../apply/applyFlow';
import type { SnapshotStore } from '../apply/snapshot';
import { UndoReminder } from '../apply/undoReminder';

export class UndoStatusItem implements vscode.Disposable {
	private readonly item: vscode.StatusBarItem;
	private readonly reminder: UndoReminder;

	constructor(snapshots: SnapshotStore) {
		this.reminder = new UndoReminder(snapshots);
		this.item = vscode.window.createStatusBarItem('lambdaKafka.undoLastApply', vscode.StatusBarAlignment.Left, 0);
		this.item.name = vscode.l10n.t('Lambda Kafka: Undo last apply');
		this.item.command = 'lambdaKafka.undoLastApply';
	}

	/** Shows, updates or hides the item after a flow. */
	note(outcome: ApplyOutcome): void {
		this.reminder.note(outcome);
		const view = this.reminder.view();
		if (!view) {
			this.item.hide();
			return;
		}
		this.item.text = view.text;
		this.item.tooltip = view.tooltip;
		this.item.show();
	}

	dispose(): void {
		this.item.dispose();
	}
}
