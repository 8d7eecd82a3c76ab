/**
 * The open Terraform files of a document's module (its directory), whose variables, locals and
 * resources its references may name. Only open documents: the server reads no files itself.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function moduleSiblings(open: readonly TextDocument[], document: TextDocument): string[] {
	if (!/\.tf$/i.test(document.uri)) {
		return [];
	}
	const directory = document.uri.slice(0, document.uri.lastIndexOf('/') + 1);
	return open
		.filter(
			(other) => other.uri !== document.uri && /\.tf$/i.test(other.uri) && other.uri.startsWith(directory) && !other.uri.slice(directory.length).includes('/'),
		)
		.map((other) => other.getText());
}
