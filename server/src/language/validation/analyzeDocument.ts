/**
 * The validation pipeline (pipeline.ts) for callers that have no runtime to take schemas from,
 * the CLI, tests and benchmarks: validation uses the schema files (server/src/node/schemaFiles.ts)
 * unless options name a registry. The language server imports pipeline.ts instead, with its
 * runtime's schemas, so that it needs no file access.
 */
import { sharedSchemaRegistry } from '../../node/schemaFiles';
import type { AnalyzeOptions, DocumentAnalysis, PreparedDocument, ValidateOptions } from './pipeline';
import * as pipeline from './pipeline';

export * from './pipeline';

/** The options with the schema files as the registry, unless they name one. */
export function withSchemaFiles(options: AnalyzeOptions): ValidateOptions {
	return options.registry ? (options as ValidateOptions) : { ...options, registry: sharedSchemaRegistry() };
}

/** Parses, then validates everything at once. */
export function analyzeDocument(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
	return pipeline.analyzeDocument(text, withSchemaFiles(options));
}

/** Validates a prepared document to the end. */
export function validatePrepared(prepared: PreparedDocument, options: AnalyzeOptions = {}): DocumentAnalysis {
	return pipeline.validatePrepared(prepared, withSchemaFiles(options));
}

/** pipeline.validationSteps, with the schema files unless options name a registry. */
export function validationSteps(prepared: DocumentAnalysis, options: AnalyzeOptions = {}, sliceMs = Infinity): Generator<void, DocumentAnalysis, void> {
	return pipeline.validationSteps(prepared, withSchemaFiles(options), sliceMs);
}
