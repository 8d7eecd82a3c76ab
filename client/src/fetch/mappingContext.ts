/**
 * What the extension knows about the mapping a fetched record came from, kept in memory for the
 * session only (no record content): the preview uses it to choose the consumers' auth.
 */

export interface MappingContext {
	mappingUuid?: string;
	sourceAccessTypes?: string[];
	eventSourceArn?: string;
}

const byDocument = new Map<string, MappingContext>();
const MAX_ENTRIES = 500;

export function rememberMapping(documentUri: string, context: MappingContext): void {
	if (byDocument.size >= MAX_ENTRIES) {
		const oldest = byDocument.keys().next().value;
		if (oldest !== undefined) {
			byDocument.delete(oldest);
		}
	}
	byDocument.set(documentUri, context);
}

export function mappingFor(documentUri: string): MappingContext | undefined {
	return byDocument.get(documentUri);
}

export function forgetMapping(documentUri: string): void {
	byDocument.delete(documentUri);
}
