/**
 * Hover: computed hovers for values that mean more than their schema says (a recordsInfo entry,
 * a payload record) come first; otherwise the schema's documentation of the key or value under
 * the cursor, with its allowed values and a link to the AWS page.
 */
import * as l10n from '@vscode/l10n';
import type { DocumentAnalysis } from '../validation/pipeline';
import { hasSchema } from '../schema/schemaRegistry';
import type { Schema, SchemaRegistry } from '../schema/schemaRegistry';
import { schemaAtPath, typesOf } from '../schema/schemaLookup';
import { awsDocUrl, schemaText } from '../schema/schemaText';
import { inlineCode } from '../util/markdown';
import { HOVER_PROVIDERS } from './hoverProviders';
import { positionContext } from './documentPosition';

export interface HoverResult {
	markdown: string;
	/** Offsets in the whole file of the token the hover describes. */
	start: number;
	end: number;
}

export function computeHover(analysis: DocumentAnalysis, offset: number, registry: SchemaRegistry): HoverResult | undefined {
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

/** The documentation of a schema, and of `value` when the cursor is on one of its enum values. */
export function schemaHover(schema: Schema, name: string | number | undefined, value: unknown): string | undefined {
	const parts: string[] = [];
	const types = typesOf(schema);
	const title = schemaText(schema.title) ?? (typeof name === 'string' ? name : undefined);
	if (title) {
		parts.push(`**${title}**${types.length > 0 ? ` · ${types.join(' | ')}` : ''}`);
	}
	const enumIndex = value !== undefined && schema.enum ? schema.enum.findIndex((v) => v === value) : -1;
	if (enumIndex >= 0) {
		const description = schemaText(schema.markdownEnumDescriptions?.[enumIndex] ?? schema.enumDescriptions?.[enumIndex]);
		parts.push(`${inlineCode(JSON.stringify(value))}${description ? `: ${description}` : ''}`);
	}
	const description = schemaText(schema.markdownDescription ?? schema.description);
	if (description) {
		parts.push(description);
	}
	if (schema.enum && enumIndex < 0) {
		const lines = schema.enum.map((v, i) => {
			const d = schemaText(schema.enumDescriptions?.[i]);
			return `- ${inlineCode(JSON.stringify(v))}${d ? `: ${d}` : ''}`;
		});
		parts.push(l10n.t('Allowed values:\n{0}', lines.join('\n')));
	}
	if (schema.docUrl) {
		parts.push(l10n.t('[AWS documentation]({0})', awsDocUrl(schema.docUrl)));
	}
	return parts.length > 0 ? parts.join('\n\n') : undefined;
}
