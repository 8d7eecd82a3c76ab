/**
 * What the server knows of each open document: the validated analysis of a version (its problems,
 * for diagnostics, quick fixes and document info), and the newest parse made of it (units and
 * kind, for hover, completion, the preview and fixes).
 *
 * Hover and completion on a large document do not parse every version again (10 MB took about
 * 100 ms after each keystroke): they read the newest parse, of an older version, through the
 * edits made since (viewAt), as long as the cursor is not on edited text. The parse is brought up
 * to date in the background after each validation (refreshParse), so it is at most one quiet
 * period old. Features that edit the text (fixes, the preview) always read the current version.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, PreparedDocument, ValidateOptions, ValidatedAnalysis } from '../language/validation/pipeline';
import { prepareDocument, validatePrepared } from '../language/validation/pipeline';
import type { OffsetMapping } from './editLog';
import { IDENTITY_MAPPING } from './editLog';
import { LazyTextDocument, textLengthOf } from './lazyTextDocument';

/** Texts shorter than this are parsed again for each version: it costs less than a millisecond or two. */
export const STALE_PARSE_MIN_LENGTH = 256 * 1024;

/** A parse to read at an offset of the current text: `offset` is the cursor in the parse's text. */
export interface StructureView {
	analysis: DocumentAnalysis;
	offset: number;
	/** Brings an offset of the parse's text to the current text. */
	toCurrent: (offset: number) => number;
	/** Whether the parse is of the current version. */
	current: boolean;
}

export interface AnalysisCache {
	/** The validated analysis of the current version, validated at once if no validation has finished yet. */
	analysisOf: (document: TextDocument) => ValidatedAnalysis;
	/** The parse of the current version (kept until a newer one is made). */
	preparedOf: (document: TextDocument) => PreparedDocument;
	/** The parse of the current version, or its full analysis when validated in this thread. */
	structureOf: (document: TextDocument) => DocumentAnalysis;
	/** What hover and completion read at `offset`: the newest parse when the cursor maps into it, else the current one. */
	viewAt: (document: TextDocument, offset: number) => StructureView;
	/** Parses the current version now if the newest parse is older (after a validation, in the background); returns its structure. */
	refreshParse: (document: TextDocument) => DocumentAnalysis;
	/** Whether any parse of the document is kept, of whichever version. */
	hasParse: (uri: string) => boolean;
	/** The stored analysis of exactly this version, if there is one. */
	storedAnalysis: (uri: string, version: number) => ValidatedAnalysis | undefined;
	/** Stores the analysis of a version; a full one (validated in this thread) is also its newest parse. */
	remember: (uri: string, version: number, analysis: ValidatedAnalysis | DocumentAnalysis) => void;
	/** Drops what is kept for a closed document. */
	forget: (uri: string) => void;
	/** Drops everything (the settings changed) and starts a new generation. */
	clear: () => void;
	/** Bumped by clear(): a validation that started in an older generation must not store its result. */
	readonly generation: number;
}

interface Versioned<T> {
	version: number;
	value: T;
}

export function createAnalysisCache(optionsOf: (document: TextDocument) => ValidateOptions): AnalysisCache {
	const analyses = new Map<string, Versioned<ValidatedAnalysis>>();
	const parses = new Map<string, Versioned<PreparedDocument>>();
	let generation = 0;

	const parseNow = (document: TextDocument): PreparedDocument => {
		const result = prepareDocument(document.getText(), optionsOf(document));
		parses.set(document.uri, { version: document.version, value: result });
		return result;
	};
	/** The newest parse and how to reach it from the current text, when reading it is worth it. */
	const olderParse = (document: TextDocument): { parse: PreparedDocument; mapping: OffsetMapping } | undefined => {
		const newest = parses.get(document.uri);
		if (!newest || !(document instanceof LazyTextDocument) || !answersFromParse(newest.value.analysis)) {
			return undefined;
		}
		const mapping = document.editsSince(newest.version);
		return mapping && { parse: newest.value, mapping };
	};

	const cache: AnalysisCache = {
		get generation() {
			return generation;
		},
		hasParse: (uri) => parses.has(uri),
		storedAnalysis(uri, version) {
			const cached = analyses.get(uri);
			return cached && cached.version === version ? cached.value : undefined;
		},
		remember(uri, version, analysis) {
			analyses.set(uri, { version, value: analysis });
			if ('units' in analysis) {
				parses.set(uri, { version, value: { analysis, validate: false } });
			}
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
			const cached = parses.get(document.uri);
			return cached && cached.version === document.version ? cached.value : parseNow(document);
		},
		structureOf(document) {
			return cache.preparedOf(document).analysis;
		},
		viewAt(document, offset) {
			const newest = parses.get(document.uri);
			if (newest?.version !== document.version && textLengthOf(document) >= STALE_PARSE_MIN_LENGTH) {
				const older = olderParse(document);
				const mapped = older?.mapping.toOlder(offset);
				if (older && mapped !== undefined) {
					return { analysis: older.parse.analysis, offset: mapped, toCurrent: older.mapping.toCurrent, current: false };
				}
			}
			return { analysis: cache.structureOf(document), offset, toCurrent: IDENTITY_MAPPING.toCurrent, current: true };
		},
		refreshParse(document) {
			return cache.structureOf(document);
		},
		forget(uri) {
			analyses.delete(uri);
			parses.delete(uri);
		},
		clear() {
			generation++;
			analyses.clear();
			parses.clear();
		},
	};
	return cache;
}

/**
 * Whether hover and completion answer from this parse alone, so that an older one may serve with
 * mapped offsets: a JSON document's. Completion in a template or a Terraform file, and the
 * snippets of a document of no known kind, read the current text, which an older parse is not of.
 */
function answersFromParse(analysis: DocumentAnalysis): boolean {
	return analysis.kind !== 'unknown' && analysis.kind !== 'cfn-template' && analysis.terraformText === undefined;
}
