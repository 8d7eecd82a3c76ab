/** Opening fetched records as untitled documents our server validates, remembering the mapping each came from. */
import * as vscode from 'vscode';
import { safeWindow } from '../safeWindow';
import type { MappingContext, MappingContexts } from './mappingContext';
import { compactJson, isJson, prettyJson } from './recordText';

/** Separate editors beyond this many would bury the workspace: more records go into one JSON Lines document. */
const MAX_SEPARATE_DOCUMENTS = 25;

export interface FetchedRecord {
	text: string;
	name: string;
}

/**
 * Opens records as untitled documents (JSON, so our server validates them): one JSON Lines
 * document for several records when the user prefers it (always beyond
 * {@link MAX_SEPARATE_DOCUMENTS}), else one document each. Returns the first document's URI.
 */
export async function openRecords(records: readonly FetchedRecord[], mapping: MappingContext, mappings: MappingContexts): Promise<vscode.Uri | undefined> {
	const asLines = await chooseLayout(records);
	if (asLines === undefined) {
		return undefined;
	}
	const documents: vscode.TextDocument[] = [];
	if (asLines) {
		const content = records.map((r) => compactJson(r.text)!).join('\n') + '\n';
		documents.push(await vscode.workspace.openTextDocument({ language: 'jsonl', content }));
	} else {
		for (const record of records.slice(0, MAX_SEPARATE_DOCUMENTS)) {
			documents.push(await vscode.workspace.openTextDocument({ language: isJson(record.text) ? 'json' : 'plaintext', content: prettyJson(record.text) }));
		}
	}
	for (const document of documents) {
		mappings.remember(document.uri.toString(), mapping);
		await vscode.window.showTextDocument(document, { preview: false });
	}
	return documents[0]?.uri;
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
			{ label: 'One JSON Lines document', description: `all ${records.length} records, one per line; the preview merges their ranges`, lines: true },
			{ label: 'One document per record', description: `${records.length} editors`, lines: false },
		],
		{ title: 'Open the failure records' },
	);
	return layout?.lines;
}
