/**
 * The check against a mapping (mappingCheck.ts) for callers that have no runtime to take schemas
 * from (tests, the client's test harness): the schema files unless options name a registry. The
 * language server imports mappingCheck.ts with its runtime's schemas.
 */
import type { CheckAgainstMappingResult } from '../../../../shared/protocol';
import type { AnalyzeOptions } from '../validation/analyzeDocument';
import { withSchemaFiles } from '../validation/analyzeDocument';
import * as mappingCheck from './mappingCheck';

export * from './mappingCheck';

export function checkAgainstMapping(documentText: string, mapping: unknown, options: AnalyzeOptions = {}): CheckAgainstMappingResult {
	return mappingCheck.checkAgainstMapping(documentText, mapping, withSchemaFiles(options));
}
