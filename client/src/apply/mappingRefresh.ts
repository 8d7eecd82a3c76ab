/**
 * Keeps the "Open Current Configuration" documents true after this window changes a mapping: an
 * apply, create, removal or undo re-reads the mapping with GetEventSourceMapping and replaces the
 * content of the open documents that show it. Without this the document kept the configuration of
 * the moment it was opened, so after Undo it still showed the destination that Undo took away.
 *
 * Plain logic, without VS Code: client/src/commands/virtualDocuments.ts is the store in the extension.
 */
import type { CancellationLike, LambdaApi, MappingConfiguration } from '../aws/lambdaApi';
import type { Logger } from '../aws/logger';

/** The open mapping documents, as far as the refresh needs them. */
export interface OpenMappingDocuments {
	/** Whether a document of this mapping (UUID and region: UUIDs of other regions are other mappings) is open. */
	isOpen(uuid: string, region: string): boolean;
	/** Replaces the content of that mapping's documents with `mapping`, read at `readAt`. */
	update(mapping: MappingConfiguration, region: string, readAt: Date): void;
}

/**
 * Re-reads the mapping if a document shows it; returns what was read, or undefined when no
 * document shows it (nothing is sent) or the read failed (logged: the change itself went through).
 */
export async function refreshMappingDocuments(
	documents: OpenMappingDocuments,
	api: Pick<LambdaApi, 'getMapping'>,
	target: { uuid: string; region: string },
	options: { token?: CancellationLike; logger: Logger; now?: () => Date },
): Promise<MappingConfiguration | undefined> {
	if (!documents.isOpen(target.uuid, target.region)) {
		return undefined;
	}
	try {
		const mapping = await api.getMapping(target.uuid, options.token);
		const readAt = (options.now ?? (() => new Date()))();
		documents.update(mapping, target.region, readAt);
		options.logger.info(
			`Re-read event source mapping ${target.uuid} for its open configuration (${mapping.State ?? 'unknown state'}, ${readAt.toISOString()}).`,
		);
		return mapping;
	} catch (error) {
		options.logger.warn(
			`Could not re-read event source mapping ${target.uuid} for its open configuration: ${error instanceof Error ? error.message : String(error)}`,
		);
		return undefined;
	}
}
