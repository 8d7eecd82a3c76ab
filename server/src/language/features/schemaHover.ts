/** The schema documentation of a key or value, the part of hover that completion shows too. */
import * as l10n from '@vscode/l10n';
import type { Schema } from '../schema/schemaRegistry';
import { typesOf } from '../schema/schemaLookup';
import { awsDocUrl, schemaText } from '../schema/schemaText';
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
