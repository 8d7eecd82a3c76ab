/**
 * A failure record downloaded from S3 keeps its object key as file name, which has no extension,
 * so VS Code opens it as plain text. When such a file's content is a failure record, a Kafka event
 * or an ESM document, switch it to JSON: it then gets JSON highlighting, folding and our checks
 * without the user picking a language.
 */
import * as vscode from 'vscode';
import { realExtension } from '../../shared/fileNames';
import { SETTINGS_SECTION } from '../../shared/settings';

const RECOGNISED = /"(requestContext|KafkaBatchInfo|eventSource|OnFailure|DestinationConfig)"\s*:/;

export function shouldSwitchToJson(fileName: string, languageId: string, head: string): boolean {
	return languageId === 'plaintext' && realExtension(fileName) === '' && /^\s*[[{]/.test(head) && RECOGNISED.test(head);
}

export function registerRecordDetection(context: vscode.ExtensionContext): void {
	const check = (document: vscode.TextDocument): void => {
		if (!vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('detectFilesWithoutExtension', true)) {
			return;
		}
		const head = document.getText(new vscode.Range(0, 0, 40, 0)).slice(0, 4096);
		if (shouldSwitchToJson(document.fileName, document.languageId, head)) {
			void vscode.languages.setTextDocumentLanguage(document, 'json');
		}
	};
	context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
	vscode.workspace.textDocuments.forEach(check);
}
