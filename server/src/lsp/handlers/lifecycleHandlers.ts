/** initialize, initialized and the settings: what the server announces and how it follows the client's settings. */
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import * as l10n from '@vscode/l10n';
import { CodeActionKind, TextDocumentSyncKind } from '../lspValues';
import { FIX_ALL_KIND } from '../../../../shared/protocol';
import type { ServerSettings } from '../../../../shared/settings';
import { resolveSettings, SETTINGS_SECTION } from '../../../../shared/settings';
import type { ServerContext } from '../serverContext';
import type { ServerRuntime } from '../serverRuntime';
import type { ServerState } from '../serverState';
import { changesResults } from '../serverState';

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
	/** The editor's own JSON support reports JSON syntax errors for `json`/`jsonc` documents (VS Code does). */
	hostReportsJsonSyntax?: boolean;
	/** Settings for clients that do not answer `workspace/configuration`. */
	settings?: Partial<ServerSettings>;
	/**
	 * The client runs the `lambdaKafka.previewOffsets` command (the VS Code extension does): only
	 * then are "Preview offsets" code lenses offered, as another editor could not run them.
	 */
	previewCodeLens?: boolean;
	/**
	 * The translation bundle the client located for its display language (VS Code's
	 * `vscode.l10n.uri`, a `file:` URI). Without it the server looks for the bundle of the
	 * initialize request's `locale` among its own files.
	 */
	l10nBundleUri?: string;
}

export interface LifecycleOptions {
	state: ServerState;
	runtime: ServerRuntime;
	/** Called when new settings change validation results. */
	revalidateAll: () => void;
}

export function registerLifecycleHandlers({ connection }: ServerContext, { state, runtime, revalidateAll }: LifecycleOptions): void {
	const applySettings = (section: unknown): void => {
		const before = state.settings.validation;
		state.settings = resolveSettings(section);
		if (changesResults(before, state.settings.validation)) {
			revalidateAll();
		}
	};
	/** Reads the settings again (and revalidates if that changes results). */
	const refreshSettings = async (): Promise<void> => {
		const before = state.settings.validation;
		if (state.canPullConfiguration) {
			try {
				state.settings = resolveSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
			} catch (error) {
				connection.console.warn(`Could not read settings: ${String(error)}`);
			}
		}
		if (changesResults(before, state.settings.validation)) {
			revalidateAll();
		}
	};

	connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
		const options = (params.initializationOptions ?? {}) as InitializationOptions;
		// Messages, hovers and titles follow the client's display language from the first answer on.
		const bundle = await runtime.translations?.(params.locale, options.l10nBundleUri);
		// Always configured, so a server started in a process that served another locale forgets it.
		l10n.config({ contents: bundle ?? {} });
		runtime.offThreadValidator?.useTranslations?.(bundle ?? {});
		state.hostReportsJsonSyntax = options.hostReportsJsonSyntax === true;
		state.settings = resolveSettings(options.settings);
		state.canPullConfiguration = params.capabilities.workspace?.configuration === true;
		state.canSendVersionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
		return {
			capabilities: {
				textDocumentSync: TextDocumentSyncKind.Incremental,
				hoverProvider: true,
				completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
				...(options.previewCodeLens === true ? { codeLensProvider: { resolveProvider: false } } : {}),
			},
			serverInfo: { name: 'lambda-kafka-language-server', version: runtime.version },
		};
	});

	connection.onInitialized(() => {
		if (state.canPullConfiguration) {
			void refreshSettings();
		}
		// Each schema is compiled when a document of its kind first needs it, so the first document
		// opened is validated without waiting for all four; the rest are compiled once things are quiet.
		runtime.timers.setTimeout(() => runtime.schemas.warmUp(), 2000, { background: true });
	});
	connection.onDidChangeConfiguration((change) => {
		if (!state.canPullConfiguration) {
			const section = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
			if (section !== undefined) {
				applySettings(section);
			}
			return;
		}
		void refreshSettings();
	});
}
