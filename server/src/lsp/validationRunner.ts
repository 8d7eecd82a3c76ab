/**
 * Runs the validation of one document and publishes its diagnostics. It validates in slices of
 * `sliceMs` between the documents of a file (array elements, lines), answering requests that
 * arrived meanwhile, such as hovers, in between; a newer version of the text, or new settings,
 * make it stop.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, ValidateOptions } from '../language/validation/pipeline';
import { validationSteps } from '../language/validation/pipeline';
import type { AnalysisCache } from './analysisCache';
import { toDiagnostic } from './diagnostics';
import { withLspRanges } from './lspPositions';
import type { ServerTimers } from './serverRuntime';

export interface ValidationRunnerOptions {
	/** The open document of a URI, in its current version. */
	documentOf: (uri: string) => TextDocument | undefined;
	cache: AnalysisCache;
	optionsOf: (document: TextDocument) => ValidateOptions;
	/** Whether validation is enabled (settings). */
	enabled: () => boolean;
	publish: (params: PublishDiagnosticsParams) => void;
	logError: (message: string) => void;
	timers: ServerTimers;
	/** Longest stretch of validation without answering other requests. */
	sliceMs: number;
	/** What must be loaded before a document of this kind is validated (the HCL parser for Terraform). */
	loadFor?: (kind: DocumentAnalysis['kind']) => Promise<void> | undefined;
}

/** Validates `uri` and publishes its diagnostics; resolves once published, superseded or failed. */
export type ValidationRunner = (uri: string) => Promise<void>;

export function createValidationRunner(options: ValidationRunnerOptions): ValidationRunner {
	const { cache, publish, logError } = options;
	return async (uri) => {
		const document = options.documentOf(uri);
		if (!document) {
			return;
		}
		if (!options.enabled()) {
			publish({ uri, diagnostics: [] });
			return;
		}
		const version = document.version;
		try {
			// A Terraform analysis made before the parser was loaded (by a code action) is not final.
			const stored = cache.storedAnalysis(uri, version);
			const analysis = stored && !stored.terraformPending ? stored : await analyzeInSlices(options, document);
			if (!analysis) {
				return; // Superseded: the newer version (or the new settings) has its own run scheduled.
			}
			const diagnostics = withLspRanges(
				analysis.problems.map((problem) => toDiagnostic(document, version, problem)),
				(message) => logError(`${uri}: ${message}`),
			);
			publish({ uri, version, diagnostics });
		} catch (error) {
			logError(`Validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
	};
}

/** The full analysis of the document's version, stored in the cache; undefined when superseded meanwhile. */
async function analyzeInSlices(options: ValidationRunnerOptions, document: TextDocument): Promise<DocumentAnalysis | undefined> {
	const { cache, timers } = options;
	const { uri, version } = document;
	const startedIn = cache.generation;
	const start = cache.preparedOf(document);
	const loading = options.loadFor?.(start.analysis.kind);
	if (loading) {
		await loading;
		if (options.documentOf(uri)?.version !== version || cache.generation !== startedIn) {
			return undefined;
		}
	}
	let analysis: DocumentAnalysis;
	if (start.validate) {
		const steps = validationSteps(start.analysis, options.optionsOf(document), options.sliceMs);
		for (let step = steps.next(); ; step = steps.next()) {
			if (step.done) {
				analysis = step.value;
				break;
			}
			await new Promise<void>((resolve) => timers.setImmediate(resolve));
			if (options.documentOf(uri)?.version !== version || cache.generation !== startedIn) {
				return undefined;
			}
		}
	} else {
		analysis = start.analysis;
	}
	cache.remember(uri, version, analysis);
	return analysis;
}
