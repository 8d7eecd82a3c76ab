/**
 * Validates a Terraform file: every `resource "aws_lambda_event_source_mapping"` that reads Kafka
 * is mapped to the request it stands for and checked by the same rules as an ESM request file,
 * then by the rules across resources (templates/runMappingRules.ts). Only our findings are
 * reported: syntax errors, unknown arguments and wrong types are Terraform's own (`terraform
 * validate`, HashiCorp's extension), so a broken file yields what its intact parts show.
 *
 * Sibling files of the same module (variables.tf, iam.tf) may be passed to resolve references;
 * problems are reported only in the document itself.
 */
import type { LocatedProblem } from '../validation/problem';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { runMappingRules } from '../templates/runMappingRules';
import { schemaProblemsOf } from './schemaOnSubject';
import { mapResource, readsKafka } from './esmAdapter';
import { parseHcl } from './hclParser';
import { inTerraformTerms } from './terraformNames';
import type { TerraformFile } from './terraformModule';
import { buildModule, terraformFile } from './terraformModule';
import { terraformSubject } from './terraformSubject';

export const MAPPING_RESOURCE = 'aws_lambda_event_source_mapping';

/** Whether a document is Terraform: HashiCorp's language id, or a `.tf` file name. */
export function isTerraformDocument(fileName: string | undefined, languageId: string | undefined): boolean {
	return languageId === 'terraform' || (fileName !== undefined && /\.tf$/i.test(fileName));
}

/**
 * The problems of a Terraform document, or undefined before the HCL parser is loaded
 * (hclParser.ts: the server and the CLI load it before their first Terraform file).
 */
export function terraformProblems(text: string, registry: SchemaRegistry | undefined, siblings: readonly string[] = []): LocatedProblem[] | undefined {
	const trees = [text, ...siblings].map((source) => ({ source, tree: parseHcl(source) }));
	try {
		if (trees.some((entry) => !entry.tree)) {
			return undefined;
		}
		const [document, ...others] = trees.map((entry, index): TerraformFile => terraformFile(entry.tree!, entry.source, index === 0));
		const module = buildModule(document, others);
		const problems: LocatedProblem[] = [];
		for (const declaration of module.resourcesOfType(MAPPING_RESOURCE)) {
			if (!declaration.file.isDocument) {
				continue;
			}
			const mapped = mapResource(declaration, module);
			if (readsKafka(mapped)) {
				const subject = terraformSubject(mapped, declaration, module);
				const found = [...(registry ? schemaProblemsOf(subject, registry) : []), ...runMappingRules(subject)];
				problems.push(...found.map(inTerraformTerms));
			}
		}
		return problems;
	} finally {
		// Trees live in WebAssembly memory, which the garbage collector does not free.
		for (const entry of trees) {
			entry.tree?.delete();
		}
	}
}
