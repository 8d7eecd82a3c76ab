/**
 * The read-only documents that hold fetched records (`lambda-kafka-fetched:`). Read-only, so
 * closing one never asks to save it; "File: Save As..." keeps a copy under the name its tab shows.
 * The language client's document selector lists the scheme, so the server validates them.
 */
import * as vscode from 'vscode';
import { FETCHED_SCHEME } from './fetchedNames';

/** How many fetched documents' contents are kept; an older one reopened from history reads as a note. */
const KEEP = 200;

const gone = (): string => vscode.l10n.t('This fetched record is no longer held by the extension; fetch it again.\n');

export class FetchedDocuments implements vscode.Disposable {
	private readonly contents = new Map<string, string>();
	private readonly registration: vscode.Disposable;
	private counter = 0;

	constructor() {
		this.registration = vscode.workspace.registerTextDocumentContentProvider(FETCHED_SCHEME, {
			provideTextDocumentContent: (uri) => this.contents.get(uri.toString()) ?? gone(),
		});
	}

	/**
	 * Stores the content under a new URI whose last path segment is `name`; the fetch number in
	 * the query keeps two fetches of the same message apart without changing the title.
	 */
	put(name: string, content: string): vscode.Uri {
		const uri = vscode.Uri.from({ scheme: FETCHED_SCHEME, path: `/${name}`, query: `fetch=${++this.counter}` });
		this.contents.set(uri.toString(), content);
		if (this.contents.size > KEEP) {
			const oldest = this.contents.keys().next().value;
			if (oldest !== undefined) {
				this.contents.delete(oldest);
			}
		}
		return uri;
	}

	dispose(): void {
		this.contents.clear();
		this.registration.dispose();
	}
}
