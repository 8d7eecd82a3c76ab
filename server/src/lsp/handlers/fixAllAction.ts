/**
 * The `source.fixAll.lambdaKafka` code action: language/features/fixAll.ts's edits as one
 * workspace edit, with the placeholders left after it in its data for the client's command.
 */
import * as l10n from '@vscode/l10n';
import type { CodeAction, CodeActionContext, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatPath } from '../../../../shared/jsonPath';
import type { FixAllActionData } from '../../../../shared/protocol';
import { FIX_ALL_KIND } from '../../../../shared/protocol';
import { fixPastedExample } from '../../language/features/fixAll';
import type { DocumentAnalysis } from '../../language/validation/pipeline';

export const fixAllTitle = (): string => l10n.t('Fix all pasted-example problems (comments, trailing commas, unions)');

/**
 * Whether the request asks for the fix-all action. Only an explicit `only` does: VS Code asks
 * without one at every cursor move, and the action is for the Source Action menu and save.
 */
export function wantsFixAll(only: CodeActionContext['only']): boolean {
	return (only ?? []).some((kind) => kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/**
 * The action for the document's current text, or none when there is nothing to fix or the
 * document is not one of ours: on save, another JSON file's comments are not ours to remove.
 */
export function fixAllAction(document: TextDocument, structure: DocumentAnalysis, versioned: boolean): CodeAction | undefined {
	// JSON Lines is parsed a line at a time, and a template may be YAML; the fix reads the text as one JSON value.
	if (structure.kind === 'unknown' || structure.kind === 'cfn-template' || structure.layout === 'json-lines') {
		return undefined;
	}
	const result = fixPastedExample(document.getText());
	if (result.edits.length === 0) {
		return undefined;
	}
	const edits: TextEdit[] = result.edits.map((edit) => ({
		range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
		newText: edit.newText,
	}));
	const fixed = TextDocument.create(document.uri, document.languageId, document.version, result.fixedText);
	const data: FixAllActionData = {
		isValidJson: result.isValidJson,
		placeholders: result.placeholders.map((p) => ({ path: formatPath(p.path), text: p.text, ...fixed.positionAt(p.start) })),
	};
	return {
		title: fixAllTitle(),
		kind: FIX_ALL_KIND,
		data,
		edit: versioned ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] } : { changes: { [document.uri]: edits } },
	};
}
