/**
 * What the extension knows about the mapping a fetched record came from, kept in memory for the
 * session only (no record content): the preview uses it to choose the consumers' auth. One
 * instance per activation, in the extension's state.
 */

export interface MappingContext {
	mappingUuid?: string;
	sourceAccessTypes?: string[];
	eventSourceArn?: string;
}

const MAX_ENTRIES = 500;

export class MappingContexts {
	private readonly byDocument = new Map<string, MappingContext>();

	remember(documentUri: string, context: MappingContext): void {
		if (this.byDocument.size >= MAX_ENTRIES) {
			const oldest = this.byDocument.keys().next().value;
			if (oldest !== undefined) {
				this.byDocument.delete(oldest);
			}
		}
		this.byDocument.set(documentUri, context);
	}

	of(documentUri: string): MappingContext | undefined {
		return this.byDocument.get(documentUri);
	}

	forget(documentUri: string): void {
		this.byDocument.delete(documentUri);
	}

	clear(): void {
		this.byDocument.clear();
	}
}
