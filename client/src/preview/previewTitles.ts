/**
 * The preview panel's title and the sentence it shows when it has nothing to show. Kept free of
 * VS Code so tests can check them; previewPanel.ts supplies the document's name and whether it is
 * open.
 */
import * as l10n from '@vscode/l10n';

/** The panel's tab title for a document. */
export function previewPanelTitle(name: string): string {
	return l10n.t('Preview offsets: {0}', name);
}

/**
 * Why there is no preview. The server answers only for documents it was given: an open document
 * it does not have is one it does not read (not JSON, JSONC or JSON Lines), so saying "open it"
 * would send the user in circles.
 */
export function nothingToPreviewMessage(name: string, open: boolean): string {
	return open ? l10n.t('{0} is not a failure record or Kafka event: nothing to preview.', name) : l10n.t('Open {0} in an editor to preview its offsets.', name);
}
