/**
 * The contents of the read-only documents of one URI scheme, without VS Code. Each scheme gets
 * its own store and its own change event because VS Code ignores (and logs) a provider's change
 * event for a URI of a scheme other than the one the provider was registered for; one provider
 * for two schemes logged "… will be IGNORED" on every apply.
 */
import * as l10n from '@vscode/l10n';

export const DIFF_SCHEME = 'lambda-kafka-diff';
export const MAPPING_SCHEME = 'lambda-kafka-mapping';
/** Pre-flight reports (issue 15): read-only plain text, so closing one asks nothing. */
export const REPORT_SCHEME = 'lambda-kafka-report';

/** The members of a URI a store needs; `vscode.Uri` has them, tests pass plain objects. */
export interface SchemeUri {
	readonly scheme: string;
	toString(): string;
}

export class SchemeDocuments<U extends SchemeUri> {
	private readonly contents = new Map<string, string>();

	/**
	 * @param keep how many documents are kept; older ones read as empty.
	 * @param fire the change event of this scheme's provider.
	 */
	constructor(
		readonly scheme: string,
		private readonly keep: number,
		private readonly fire: (uri: U) => void,
	) {}

	get(uri: U): string {
		return this.contents.get(uri.toString()) ?? '';
	}

	/** Stores the content and fires this scheme's change event; returns the key of an evicted document. */
	put(uri: U, content: string): string | undefined {
		if (uri.scheme !== this.scheme) {
			// A programming error: the other scheme's provider would never be asked for it.
			throw new Error(l10n.t('A {0}: document cannot be stored with the {1}: documents.', uri.scheme, this.scheme));
		}
		const key = uri.toString();
		this.contents.delete(key);
		this.contents.set(key, content);
		let evicted: string | undefined;
		if (this.contents.size > this.keep) {
			evicted = this.contents.keys().next().value;
			if (evicted !== undefined) {
				this.contents.delete(evicted);
			}
		}
		this.fire(uri);
		return evicted;
	}
}

/**
 * Whether the language server's problems in a document go to the Problems panel. The diff's two
 * sides repeat the applied document's problems (and the mapping's), once per apply, in documents
 * nobody can edit; the server still sees them, so hovers work there.
 */
export function reportsProblems(uri: { readonly scheme: string }): boolean {
	return uri.scheme !== DIFF_SCHEME;
}

/** The tabs of a tab group that show one of the diffs whose modified side is in `rightUris` (a `vscode.TabInputTextDiff` has `modified`). */
export function diffTabsOf<T extends { readonly input: unknown }>(tabs: readonly T[], rightUris: ReadonlySet<string>): T[] {
	return tabs.filter((tab) => {
		const input = tab.input;
		return typeof input === 'object' && input !== null && 'modified' in input && rightUris.has(String(input.modified));
	});
}
