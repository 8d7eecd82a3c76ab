/** Helpers for the Terraform tests: the parser loaded from the installed packages, and problems as views. */
import { sharedSchemaRegistry } from '../../../server/src/node/schemaFiles';
import { initHclParserFromFiles } from '../../../server/src/node/hclWasmFiles';
import { terraformProblems } from '../../../server/src/language/terraform/analyzeTerraform';
import type { ProblemView } from '../../helpers';
import type { LocatedFix } from '../../../server/src/language/validation/problem';
import { view } from '../../helpers';

export function loadParser(): Promise<void> {
	return initHclParserFromFiles(__dirname);
}

/** The problems of a Terraform text, as views with exact ranges. */
export function tfProblems(text: string, siblings: string[] = []): ProblemView[] {
	const problems = terraformProblems(text, sharedSchemaRegistry(), siblings);
	if (!problems) {
		throw new Error('The HCL parser is not loaded.');
	}
	return problems.map((problem) => view(text, problem));
}

/** A Kafka mapping on an MSK cluster ARN with `body` added inside the resource. */
export function mskMapping(body: string, name = 'orders'): string {
	return `resource "aws_lambda_event_source_mapping" "${name}" {
  event_source_arn  = "arn:aws:kafka:us-east-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-1"
  function_name     = "handler"
  topics            = ["orders"]
  starting_position = "LATEST"
${body}
}
`;
}

/** The text after a fix's edits (applied from the end, so earlier offsets stay valid). */
export function applyFix(text: string, fix: LocatedFix): string {
	return [...fix.edits].sort((a, b) => b.start - a.start).reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}
