/**
 * What the language server needs from the platform it runs on, handed to startServer so that the
 * same server runs under Node.js (server/src/node/nodeRuntime.ts), in a browser worker, or inside
 * a test process, without the server importing any Node.js module itself.
 */
import type { SchemaRegistry } from '../language/schema/schemaRegistry';
import type { HclWasm } from '../language/terraform/hclParser';

/** Stops a pending timer. */
export interface Disposable {
	dispose(): void;
}

export interface ServerTimers {
	/** Runs `callback` after the events already queued (Node.js `setImmediate`). */
	setImmediate(callback: () => void): Disposable;
	/**
	 * Runs `callback` after `ms`. A `background` timer must not keep the process alive: it is
	 * work worth doing while the server runs, not a reason to run.
	 */
	setTimeout(callback: () => void, ms: number, options?: { background?: boolean }): Disposable;
}

export interface ServerRuntime {
	timers: ServerTimers;
	/** The schemas the server validates with, and reads for hover and completion. */
	schemas: SchemaRegistry;
	/** The version the server reports in `serverInfo`. */
	version: string;
	/**
	 * The translation bundle (English message to translation) for the client's locale, or
	 * undefined for English. `bundleUri` is a bundle the client located itself (VS Code's
	 * `vscode.l10n.uri`). A runtime without this serves English.
	 */
	translations?(locale: string | undefined, bundleUri: string | undefined): Promise<Record<string, string> | undefined>;
	/** The HCL parser's WebAssembly, for Terraform files; without it .tf files get no diagnostics. */
	hclWasm?: () => Promise<HclWasm>;
}
