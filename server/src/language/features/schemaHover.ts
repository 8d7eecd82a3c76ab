/** The schema documentation of a key or value, the part of hover that completion shows too. */
import type { Schema } from '../schema/schemaRegistry';
import { typesOf } from '../schema/schemaLookup';
import { inlineCode } from '../util/markdown';

export interface HoverResult {
	markdown: string;
	/** Offsets in the whole file of the token the hover describes. */
	start: number;
	end: number;
}

/** The documentation of a schema, and of `value` when the cursor is on one of its enum values. */
export function schemaHover(schema: Schema, name: string | number | undefined, value: unknown): string | undefined {
	const parts: string[] = [];
	const types = typesOf(schema);
	const title = schema.title ?? (typeof name === 'string' ? name : undefined);
	if (title) {
		parts.push(`**${title}**${types.length > 0 ? ` · ${types.join(' | ')}` : ''}`);
	}
	const enumIndex = value !== undefined && schema.enum ? schema.enum.findIndex((v) => v === value) : -1;
	if (enumIndex >= 0) {
		const description = schema.markdownEnumDescriptions?.[enumIndex] ?? schema.enumDescriptions?.[enumIndex];
		parts.push(`${inlineCode(JSON.stringify(value))}${description ? `: ${description}` : ''}`);
	}
	const description = schema.markdownDescription ?? schema.description;
	if (description) {
		parts.push(description);
	}
	if (schema.enum && enumIndex < 0) {
		const lines = schema.enum.map((v, i) => {
			const d = schema.enumDescriptions?.[i];
			return `- ${inlineCode(JSON.stringify(v))}${d ? `: ${d}` : ''}`;
		});
		parts.push(`Allowed values:\n${lines.join('\n')}`);
	}
	if (schema.docUrl) {
		parts.push(`[AWS documentation](${schema.docUrl})`);
	}
	return parts.length > 0 ? parts.join('\n\n') : undefined;
}
