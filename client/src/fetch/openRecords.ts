/**
 * Opening fetched records as read-only documents our server validates, named after their queue
 * and message or object key, remembering the mapping each came from.
 */
import * as vscode from 'vscode';
import { safeWindow } from '../safeWindow';
import type { FetchedDocuments } from './fetchedDocuments';
import type { FetchOrigin, NamedRecord } from './fetchedNames';
import { planDocuments } from './fetchedNames';
import type { MappingContext, MappingContexts } from './mappingContext';
import { isJson } from './recordText';

/** Separate editors beyond this many would bury the workspace: more records go into one JSON Lines document. */
const MAX_SEPARATE_DOCUMENTS = 25;

export type FetchedRecord = NamedRecord;

/** Where the opened documents are kept and what they are remembered with. */
export interface OpenRecordsDeps {
	mappings: MappingContexts;
	fetched: FetchedDocuments;
}

/**
 * Opens records as read-only documents (JSON, so our server validates them): one JSON Lines
 * document for several records when the user prefers it (always beyond
 * {@link MAX_SEPARATE_DOCUMENTS}), else one document each. Returns the first document's URI.
 */
export async function openRecords(
	records: readonly FetchedRecord[],
	origin: FetchOrigin,
	mapping: MappingContext,
	deps: OpenRecordsDeps,
): Promise<vscode.Uri | undefined> {
	const asLines = await chooseLayout(records);
	if (asLines === undefined) {
		return undefined;
	}
	const planned = planDocuments(origin, asLines ? records : records.slice(0, MAX_SEPARATE_DOCUMENTS), asLines);
	const uris: vscode.Uri[] = [];
	for (const { name, language, content } of planned) {
		let document = await vscode.workspace.openTextDocument(deps.fetched.put(name, content));
		if (document.languageId !== language) {
			// An object key has no extension, so VS Code would open the record as plain text.
			document = await vscode.languages.setTextDocumentLanguage(document, language);
		}
		// After the language is set: changing it closes and reopens the document, and closing forgets its mapping.
		deps.mappings.remember(document.uri.toString(), mapping);
		await vscode.window.showTextDocument(document, { preview: false });
		uris.push(document.uri);
	}
	return uris[0];
}

/** True for one JSON Lines document, false for one document per record, undefined when the user cancelled. */
async function chooseLayout(records: readonly FetchedRecord[]): Promise<boolean | undefined> {
	if (records.length <= 1 || !records.every((r) => isJson(r.text))) {
		return false;
	}
	if (records.length > MAX_SEPARATE_DOCUMENTS) {
		return true;
	}
	const layout = await safeWindow.showQuickPick(
		[
			{
				label: vscode.l10n.t('One JSON Lines document'),
				description: vscode.l10n.t('all {0} records, one per line; the preview merges their ranges', records.length),
				lines: true,
			},
			{ label: vscode.l10n.t('One document per record'), description: `${records.length} editors`, lines: false },
		],
		{ title: vscode.l10n.t('Open the failure records') },
	);
	return layout?.lines;
}
