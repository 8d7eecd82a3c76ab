/** A completion the features compute and the LSP handler turns into a CompletionItem. */
export interface CompletionCandidate {
	label: string;
	kind: 'property' | 'value' | 'snippet';
	/** Snippet syntax (`$1`, `${1:x}`, `${1|a,b|}`). */
	insertText: string;
	/** Offsets in the whole file of the text the candidate replaces. */
	replaceStart: number;
	replaceEnd: number;
	detail?: string;
	documentation?: string;
	filterText?: string;
}
