/** The two ways the commands show progress: one that stays up until done, and one around a piece of cancellable work. */
import * as vscode from 'vscode';
import { safeWindow } from '../safeWindow';

export interface OpenProgress {
	done(): void;
	report(message: string): void;
}

/** A progress indicator that stays up until `done()`; `onCancel` runs when the user cancels it. */
export function startProgress(options: vscode.ProgressOptions, onCancel?: () => void): OpenProgress {
	let done: () => void = () => undefined;
	let report: (message: string) => void = () => undefined;
	let pending: string | undefined;
	const finished = new Promise<void>((resolve) => (done = resolve));
	void safeWindow.withProgress(options, (progress, token) => {
		token.onCancellationRequested(() => onCancel?.());
		report = (message) => progress.report({ message });
		if (pending !== undefined) {
			report(pending);
		}
		return finished;
	});
	return {
		done: () => done(),
		report: (message) => {
			pending = message;
			report(message);
		},
	};
}

export type ProgressReporter = vscode.Progress<{ message?: string; increment?: number }>;

/** Runs work under a cancellable notification; undefined when the user cancelled and the work failed for it. */
export async function withCancellableProgress<T>(
	title: string,
	work: (token: vscode.CancellationToken, progress: ProgressReporter) => Promise<T>,
): Promise<T | undefined> {
	return safeWindow.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
		try {
			return await work(token, progress);
		} catch (error) {
			if (token.isCancellationRequested) {
				return undefined;
			}
			throw error;
		}
	});
}
