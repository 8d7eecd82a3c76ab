/**
 * `lambdaKafka.openCurrentConfiguration`: GetEventSourceMapping for a picked mapping, shown in a
 * read-only JSON editor as an update request, which the language server validates.
 */
import * as vscode from 'vscode';
import type { PickDeps } from '../apply/applyFlow';
import { pickMapping } from '../apply/applyFlow';
import { toUserFacingError } from '../aws/errors';
import type { CommandDeps } from './support';
import { connect, showError, showOutcome } from './support';
import { safeWindow } from '../safeWindow';

export async function openCurrentConfiguration(deps: CommandDeps): Promise<void> {
	const cancellation = new vscode.CancellationTokenSource();
	let dispose: (() => void) | undefined;
	let status: vscode.Disposable | undefined;
	try {
		const { api, context } = await connect(deps);
		dispose = () => api.dispose();
		const clearStatus = (): void => {
			status?.dispose();
			status = undefined;
		};
		const ui: PickDeps['ui'] = {
			pickFunction: async (items) => {
				clearStatus();
				return safeWindow.showQuickPick(items, { title: 'Open Current Configuration: function', matchOnDescription: true, ignoreFocusOut: true });
			},
			pickMapping: async (items) => {
				clearStatus();
				return safeWindow.showQuickPick(items, {
					title: 'Open Current Configuration: event source mapping',
					matchOnDescription: true,
					matchOnDetail: true,
					ignoreFocusOut: true,
				});
			},
			progress: (update) => {
				clearStatus();
				status = safeWindow.setStatusBarMessage(`Lambda Kafka: ${update.message}`, { icon: 'sync~spin' });
			},
		};
		const picked = await pickMapping({
			api,
			ui,
			token: cancellation.token,
			target: { region: context.region, profile: context.profile, endpoint: context.endpoint },
		});
		if ('status' in picked) {
			await showOutcome(deps, picked, undefined);
			return;
		}
		const mapping = await api.getMapping(picked.uuid, cancellation.token);
		const uri = deps.documents.setMapping(mapping, context.region);
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.languages.setTextDocumentLanguage(document, 'json');
		await vscode.window.showTextDocument(document, { preview: false });
		deps.output.info(`Opened event source mapping ${picked.uuid} (${mapping.State ?? 'unknown state'}).`);
	} catch (error) {
		await showError(deps, toUserFacingError(error));
	} finally {
		status?.dispose();
		dispose?.();
		cancellation.dispose();
	}
}
