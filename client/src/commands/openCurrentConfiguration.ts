/**
 * `lambdaKafka.openCurrentConfiguration`: GetEventSourceMapping for a picked mapping, shown in a
 * read-only JSON editor as an update request, which the language server validates. Opening the
 * same mapping again re-reads it into the same document, and so does any change this window makes
 * to it (commands/support.ts, runFlow); the hover on its first lines says when it was read, since
 * a comment would make the document invalid JSON.
 */
import * as vscode from 'vscode';
import { toUserFacingError } from '../aws/errors';
import type { CommandDeps } from './support';
import { connect, showError, showOutcome } from './support';
import { pickMappingToRead } from './vscodeUi';

export async function openCurrentConfiguration(deps: CommandDeps): Promise<void> {
	const cancellation = new vscode.CancellationTokenSource();
	let dispose: (() => void) | undefined;
	try {
		const { api, context } = await connect(deps);
		dispose = () => api.dispose();
		const picked = await pickMappingToRead({
			api,
			context,
			title: vscode.l10n.t('Open Current Configuration'),
			functionPlaceholder: vscode.l10n.t('The Lambda function whose event source mapping to open'),
			cancellation,
		});
		if ('status' in picked) {
			await showOutcome(deps, picked, undefined);
			return;
		}
		const mapping = await api.getMapping(picked.uuid, cancellation.token);
		const readAt = new Date();
		const uri = deps.documents.setMapping(mapping, context.region, readAt);
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.languages.setTextDocumentLanguage(document, 'json');
		await vscode.window.showTextDocument(document, { preview: false });
		deps.output.info(`Opened event source mapping ${picked.uuid} (${mapping.State ?? 'unknown state'}, read ${readAt.toISOString()}).`);
	} catch (error) {
		await showError(deps, toUserFacingError(error));
	} finally {
		dispose?.();
		cancellation.dispose();
	}
}
