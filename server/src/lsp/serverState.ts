/** What the server learns at initialisation and from the settings, read by the handlers as it changes. */
import type { ServerSettings } from '../../../shared/settings';
import { resolveSettings } from '../../../shared/settings';

export interface ServerState {
	settings: ServerSettings;
	/** The editor's own JSON support reports JSON syntax errors (initialization option). */
	hostReportsJsonSyntax: boolean;
	/** The client answers `workspace/configuration`. */
	canPullConfiguration: boolean;
	/** Workspace edits may name the document version they were computed for. */
	canSendVersionedEdits: boolean;
}

export function initialServerState(): ServerState {
	return { settings: resolveSettings(undefined), hostReportsJsonSyntax: false, canPullConfiguration: false, canSendVersionedEdits: false };
}

/**
 * Whether new settings change validation results. Only enabling or disabling validation and the
 * size limit do: other changes (the debounce; the client's AWS profile and region, which live in
 * the same section) revalidate nothing.
 */
export function changesResults(before: ServerSettings['validation'], after: ServerSettings['validation']): boolean {
	return after.enable !== before.enable || after.maxFileSizeMB !== before.maxFileSizeMB;
}
