/**
 * The parts of `vscode.window` that show text, with every text made inert (./inertText.ts) on the
 * way: notifications and modal details, quick picks (labels, descriptions, details, titles),
 * input boxes, progress titles and messages, and status bar messages. Client code shows text only
 * through this, so no caller can forget; it takes the window as a parameter so tests can record
 * what would be shown without VS Code.
 */
import type * as vscode from 'vscode';
import { inertLabel, inertMessage, inertPickItem } from './inertText';

/** What this needs of `vscode.window`. */
export type TextWindow = Pick<
	typeof vscode.window,
	'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'showQuickPick' | 'showInputBox' | 'withProgress' | 'setStatusBarMessage'
>;

export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

export interface InertWindow {
	/** Button labels (`items`) are our own words and come back as given. */
	showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
	showWarningMessage(message: string, ...items: string[]): Thenable<string | undefined>;
	showErrorMessage(message: string, ...items: string[]): Thenable<string | undefined>;
	/** A modal warning with a detail paragraph. */
	showModalWarning(message: string, detail: string, ...items: string[]): Thenable<string | undefined>;
	/** Resolves to the item given (not the inert copy shown), so callers can read its own fields. */
	showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options?: Omit<vscode.QuickPickOptions, 'canPickMany'>): Thenable<T | undefined>;
	showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options?: Omit<vscode.QuickPickOptions, 'canPickMany'>): Thenable<T[] | undefined>;
	showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
	withProgress<R>(options: vscode.ProgressOptions, task: (progress: ProgressReport, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
	/** `icon` (a codicon name such as `sync~spin`) is drawn before the text; the text itself cannot draw one. */
	setStatusBarMessage(text: string, options?: { hideAfterMs?: number; icon?: string }): vscode.Disposable;
}

/**
 * Wraps `window`. `notificationLocation` is `vscode.ProgressLocation.Notification`: progress shown
 * anywhere else (the status bar) draws icons, so its text is escaped as a label.
 */
export function inertWindow(window: TextWindow, notificationLocation: vscode.ProgressLocation): InertWindow {
	const pickOptions = (options: Omit<vscode.QuickPickOptions, 'canPickMany'> | undefined): vscode.QuickPickOptions => ({
		...options,
		...(options?.title !== undefined ? { title: inertLabel(options.title) } : {}),
		...(options?.placeHolder !== undefined ? { placeHolder: inertMessage(options.placeHolder) } : {}),
	});
	/** Inert copies of the items, and the way back from a copy to the item given. */
	const copiesOf = <T extends vscode.QuickPickItem>(items: readonly T[]): { copies: T[]; original: (copy: T) => T } => {
		const originals = new Map<T, T>();
		const copies = items.map((item) => {
			const copy = inertPickItem(item);
			originals.set(copy, item);
			return copy;
		});
		return { copies, original: (copy) => originals.get(copy) ?? copy };
	};
	return {
		showInformationMessage: (message, ...items) => window.showInformationMessage(inertMessage(message), ...items),
		showWarningMessage: (message, ...items) => window.showWarningMessage(inertMessage(message), ...items),
		showErrorMessage: (message, ...items) => window.showErrorMessage(inertMessage(message), ...items),
		showModalWarning: (message, detail, ...items) => window.showWarningMessage(inertMessage(message), { modal: true, detail: inertMessage(detail) }, ...items),
		showQuickPick: (items, options) => {
			const { copies, original } = copiesOf(items);
			return window
				.showQuickPick(copies, { ...pickOptions(options), canPickMany: false })
				.then((picked) => (picked === undefined ? undefined : original(picked)));
		},
		showQuickPickMany: (items, options) => {
			const { copies, original } = copiesOf(items);
			return window.showQuickPick(copies, { ...pickOptions(options), canPickMany: true }).then((picked) => picked?.map(original));
		},
		showInputBox: (options) =>
			window.showInputBox({
				...options,
				...(options.title !== undefined ? { title: inertLabel(options.title) } : {}),
				...(options.prompt !== undefined ? { prompt: inertMessage(options.prompt) } : {}),
				...(options.placeHolder !== undefined ? { placeHolder: inertMessage(options.placeHolder) } : {}),
			}),
		withProgress: (options, task) => {
			const inert = options.location === notificationLocation ? inertMessage : inertLabel;
			return window.withProgress({ ...options, ...(options.title !== undefined ? { title: inert(options.title) } : {}) }, (progress, token) =>
				task({ report: (value) => progress.report(value.message !== undefined ? { ...value, message: inert(value.message) } : value) }, token),
			);
		},
		setStatusBarMessage: (text, options = {}) => {
			const shown = options.icon !== undefined ? `$(${options.icon}) ${inertLabel(text)}` : inertLabel(text);
			return options.hideAfterMs !== undefined ? window.setStatusBarMessage(shown, options.hideAfterMs) : window.setStatusBarMessage(shown);
		},
	};
}
