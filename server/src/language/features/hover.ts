/**
 * Hover: computed hovers for values that mean more than their schema says (a recordsInfo entry,
 * a payload record) come first; otherwise the schema's documentation of the key or value under
 * the cursor, with its allowed values and a link to the AWS page.
 */
import type { DocumentAnalysis } from '../validation/pipeline';
import { hasSchema } from '../schema/schemaRegistry';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { schemaAtPath } from '../schema/schemaLookup';
import type { HoverResult } from './schemaHover';
import { schemaHover } from './schemaHover';
import { HOVER_PROVIDERS } from './hoverProviders';
import { positionContext } from './documentPosition';
import { terraformHover } from '../terraform/terraformFeatures';
import { templateHover } from './templateHover';

export type { HoverResult } from './schemaHover';
export { schemaHover } from './schemaHover';

export function computeHover(analysis: DocumentAnalysis, offset: number, registry: SchemaRegistry): HoverResult | undefined {
	if (analysis.terraformText !== undefined) {
		return terraformHover(analysis.terraformText, offset);
	}
	if (analysis.template) {
		return templateHover(analysis.template, offset, registry);
	}
	const context = positionContext(analysis, offset);
	const node = context?.node;
	// The location's node is the last token at or before the cursor, also across the whitespace
	// after it (even onto the next line): only a cursor on the token itself gets its hover, so a
	// hover's range always contains the cursor. As in VS Code's JSON hover, the end is exclusive:
	// a cursor just after the closing quote is on the next character, not on the string.
	if (!context || !node || context.offset < node.offset || context.offset >= node.offset + node.length) {
		return undefined;
	}
	const range = context.toFileRange(node.offset, node.offset + node.length);
	for (const provider of HOVER_PROVIDERS) {
		const markdown = provider(context);
		if (markdown) {
			return { markdown, ...range };
		}
	}
	if (!hasSchema(context.kind)) {
		return undefined;
	}
	const root = registry.schema(context.kind);
	const schema = schemaAtPath(root, context.path);
	if (!schema) {
		return undefined;
	}
	const markdown = schemaHover(schema, context.path[context.path.length - 1], context.isAtPropertyKey ? undefined : (node.value as unknown));
	return markdown ? { markdown, ...range } : undefined;
}
