/**
 * The last analysis of each open document's version, and its parse alone for hover and completion,
 * which need no validation: after an edit they cost one parse, not a validation.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, PreparedDocument, ValidateOptions } from '../language/validation/pipeline';
import { prepareDocument, validatePrepared } from '../language/validation/pipeline';

export interface AnalysisCache {
	/** The full analysis of the current version, validated at once if no validation has finished yet. */
	analysisOf: (document: TextDocument) => DocumentAnalysis;
	/** The parse of the current version (kept until its full analysis is stored). */
	preparedOf: (document: TextDocument) => PreparedDocument;
	/** What hover and completion read: the full analysis when there is one for this version, else the parse. */
	structureOf: (document: TextDocument) => DocumentAnalysis;
	/** The stored full analysis of exactly this version, if there is one. */
	storedAnalysis: (uri: string, version: number) => DocumentAnalysis | undefined;
	/** Stores the full analysis of a version; the parse kept for it is then part of that analysis. */
	remember: (uri: string, version: number, analysis: DocumentAnalysis) => void;
	/** Drops what is kept for a closed document. */
	forget: (uri: string) => void;
	/** Drops everything (the settings changed) and starts a new generation. */
	clear: () => void;
	/** Bumped by clear(): a validation that started in an older generation must not store its result. */
	readonly generation: number;
}

export function createAnalysisCache(optionsOf: (document: TextDocument) => ValidateOptions): AnalysisCache {
	const analyses = new Map<string, { version: number; analysis: DocumentAnalysis }>();
	const prepared = new Map<string, { version: number; prepared: PreparedDocument }>();
	let generation = 0;

	const cache: AnalysisCache = {
		get generation() {
			return generation;
		},
		storedAnalysis(uri, version) {
			const cached = analyses.get(uri);
			return cached && cached.version === version ? cached.analysis : undefined;
		},
		remember(uri, version, analysis) {
			analyses.set(uri, { version, analysis });
			prepared.delete(uri);
		},
		analysisOf(document) {
			const stored = cache.storedAnalysis(document.uri, document.version);
			if (stored) {
				return stored;
			}
			const analysis = validatePrepared(cache.preparedOf(document), optionsOf(document));
			cache.remember(document.uri, document.version, analysis);
			return analysis;
		},
		preparedOf(document) {
			const cached = prepared.get(document.uri);
			if (cached && cached.version === document.version) {
				return cached.prepared;
			}
			const result = prepareDocument(document.getText(), optionsOf(document));
			prepared.set(document.uri, { version: document.version, prepared: result });
			return result;
		},
		structureOf(document) {
			return cache.storedAnalysis(document.uri, document.version) ?? cache.preparedOf(document).analysis;
		},
		forget(uri) {
			analyses.delete(uri);
			prepared.delete(uri);
		},
		clear() {
			generation++;
			analyses.clear();
			prepared.clear();
		},
	};
	return cache;
}
