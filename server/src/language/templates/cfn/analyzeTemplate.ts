/**
 * A template's analysis: the parse, the Kafka mappings found in it, and (on demand) their
 * problems. Parsing is skipped when the text names neither an event source mapping nor a SAM
 * function, so a large template without one costs a regular-expression scan.
 */
import type { LocatedProblem } from '../../validation/problem';
import { runMappingRules } from '../runMappingRules';
import type { TemplateMapping } from './templateMappings';
import { templateMappings } from './templateMappings';
import type { ParsedTemplate } from './templateNodes';
import { parseTemplate } from './templateNodes';

export interface TemplateDocument {
	/** Undefined when the text has no mapping to look at. */
	parsed: ParsedTemplate | undefined;
	mappings: TemplateMapping[];
}

const MAY_HAVE_MAPPINGS = /AWS::Lambda::EventSourceMapping|AWS::Serverless::Function/;

export function readTemplate(text: string): TemplateDocument {
	if (!MAY_HAVE_MAPPINGS.test(text)) {
		return { parsed: undefined, mappings: [] };
	}
	const parsed = parseTemplate(text);
	// A template with syntax errors is the YAML or JSON extension's to report; a half-typed tree would mislead the rules.
	if (parsed.hasErrors) {
		return { parsed, mappings: [] };
	}
	return { parsed, mappings: templateMappings(parsed) };
}

export function templateProblems(document: TemplateDocument): LocatedProblem[] {
	return document.mappings.flatMap((mapping) => runMappingRules(mapping.subject));
}
