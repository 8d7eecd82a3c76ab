/**
 * Runs the validation of one document and publishes its diagnostics. A large document goes to the
 * runtime's validator in another thread, when there is one; otherwise the document is validated
 * here in slices of `sliceMs` between the documents of a file (array elements, lines), answering
 * requests that arrived meanwhile, such as hovers, in between. A newer version of the text, or
 * new settings, make it stop, and a result for an outdated version is dropped, never published.
 *
 * A large document is also validated ahead: halfway through the debounce its text goes to the
 * other thread (`ahead`, called by the scheduler), and the run after the debounce publishes that
 * thread's answer for the same version instead of starting another. Diagnostics of the final text
 * then arrive right after the pause, not a validation later (issue 16, target 1).
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, ValidateOptions } from '../language/validation/pipeline';
import { validationSteps } from '../language/validation/pipeline';
import { isTerraformDocument } from '../language/terraform/analyzeTerraform';
import type { AnalysisCache } from './analysisCache';
import type { ValidatedAnalysis } from '../language/validation/pipeline';
import { toDiagnostic } from './diagnostics';
import { textLengthOf, textPiecesOf } from './lazyTextDocument';
import { withLspRanges } from './lspPositions';
import type { OffThreadValidator, ServerTimers } from './serverRuntime';

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
	/** Validation in another thread, for documents of at least its minLength. */
	offThread?: OffThreadValidator;
	/** Called, in the background, after a document validated in another thread was published: this thread has no parse of that version. */
	afterOffThread?: (document: TextDocument) => void;
	/** How long the text must stay unchanged after such a publication before afterOffThread is called. */
	refreshAfterMs?: (document: TextDocument) => number;
}

/** Validates `uri` and publishes its diagnostics; resolves once published, superseded or failed. */
export type ValidationRunner = ((uri: string) => Promise<void>) & {
	/** Starts validating a large document's current text in the other thread now; publishes nothing. */
	ahead(uri: string): void;
	/** Drops what was validated ahead for a closed document. */
	forget(uri: string): void;
};

/** A validation in the other thread, of one version under one generation of settings. */
interface AheadRun {
	version: number;
	generation: number;
	analysis: Promise<ValidatedAnalysis | undefined>;
}

export function createValidationRunner(options: ValidationRunnerOptions): ValidationRunner {
	const { cache, publish, logError } = options;
	const aheadRuns = new Map<string, AheadRun>();
	/** The other thread's analysis of the document's current version: the one under way, or a new one. */
	const offThreadAnalysis = (validator: OffThreadValidator, document: TextDocument): Promise<ValidatedAnalysis | undefined> => {
		const run = aheadRuns.get(document.uri);
		if (run && run.version === document.version && run.generation === cache.generation) {
			return run.analysis;
		}
		// Read before the call: the run belongs to the version it was started for.
		const started = { version: document.version, generation: cache.generation };
		const analysis = analyzeOffThread(options, validator, document);
		aheadRuns.set(document.uri, { ...started, analysis });
		return analysis;
	};
	const goesOffThread = (document: TextDocument): OffThreadValidator | undefined => {
		const validator = options.offThread;
		return validator && textLengthOf(document) >= validator.minLength && !readsOtherFiles(document) ? validator : undefined;
	};
	const run = async (uri: string): Promise<void> => {
		const document = options.documentOf(uri);
		if (!document) {
			aheadRuns.delete(uri);
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
			// What the other thread validated ahead is published with the same care as any of its results.
			const final = stored && !stored.terraformPending && aheadRuns.get(uri)?.version !== version ? stored : undefined;
			const validator = final ? undefined : goesOffThread(document);
			const offThread = validator !== undefined;
			const analysis = final ?? (validator ? await offThreadAnalysis(validator, document) : await analyzeInSlices(options, document));
			if (aheadRuns.get(uri)?.version === version) {
				aheadRuns.delete(uri);
			}
			if (!analysis) {
				return; // Superseded: the newer version (or the new settings) has its own run scheduled.
			}
			const diagnostics = withLspRanges(
				analysis.problems.map((problem) => toDiagnostic(document, version, problem)),
				(message) => logError(`${uri}: ${message}`),
			);
			publish({ uri, version, diagnostics });
			if (offThread && options.afterOffThread) {
				const after = options.afterOffThread;
				// Once the user has paused, and only if the text is still the one validated: a parse of a
				// large text holds this thread for tens of milliseconds, which must not land between keystrokes.
				options.timers.setTimeout(() => document.version === version && after(document), options.refreshAfterMs?.(document) ?? 0, { background: true });
			}
		} catch (error) {
			logError(`Validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
	};
	const ahead = (uri: string): void => {
		const document = options.documentOf(uri);
		const validator = document && options.enabled() ? goesOffThread(document) : undefined;
		if (document && validator) {
			// Failures are reported by the run that publishes (it awaits the same promise).
			offThreadAnalysis(validator, document).catch(() => undefined);
		}
	};
	return Object.assign(run, { ahead, forget: (uri: string) => void aheadRuns.delete(uri) });
}

/**
 * A Terraform file is read with the other open files of its module and the HCL parser this thread
 * has loaded, neither of which the other thread has: it is validated here.
 */
function readsOtherFiles(document: TextDocument): boolean {
	return isTerraformDocument(document.uri, document.languageId);
}

/** Whether the text changed, or the settings did, since a validation started. */
function superseded(options: ValidationRunnerOptions, uri: string, version: number, startedIn: number): boolean {
	return options.documentOf(uri)?.version !== version || options.cache.generation !== startedIn;
}

/**
 * The analysis of the document's version from the other thread, stored in the cache; undefined
 * when superseded meanwhile. If the thread fails, the document is validated here instead.
 */
async function analyzeOffThread(
	options: ValidationRunnerOptions,
	validator: OffThreadValidator,
	document: TextDocument,
): Promise<ValidatedAnalysis | undefined> {
	const { uri, version } = document;
	const startedIn = options.cache.generation;
	const { registry: _registry, moduleFiles: _moduleFiles, ...plainOptions } = options.optionsOf(document);
	let analysis: ValidatedAnalysis | undefined;
	try {
		analysis = await validator.validate(uri, { text: textPiecesOf(document), options: plainOptions });
	} catch (error) {
		options.logError(`Validation of ${uri} in the worker failed, validating it here: ${error instanceof Error ? error.message : String(error)}`);
		return superseded(options, uri, version, startedIn) ? undefined : analyzeInSlices(options, document);
	}
	if (!analysis || superseded(options, uri, version, startedIn)) {
		return undefined;
	}
	options.cache.remember(uri, version, analysis);
	return analysis;
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
			if (superseded(options, uri, version, startedIn)) {
				return undefined;
			}
		}
	} else {
		analysis = start.analysis;
	}
	cache.remember(uri, version, analysis);
	return analysis;
}
