/**
 * What the language server needs from the platform it runs on, handed to startServer so that the
 * same server runs under Node.js (server/src/node/nodeRuntime.ts), in a browser worker, or inside
 * a test process, without the server importing any Node.js module itself.
 */
import type { SchemaRegistry } from '../language/schema/schemaRegistry';
import type { HclWasm } from '../language/terraform/hclParser';
import type { AnalyzeOptions, ValidatedAnalysis } from '../language/validation/pipeline';

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
	/**
	 * Validation in another thread (a worker thread under Node.js, a Web Worker in a browser), so
	 * that validating a large document never holds up hover, completion or the next edit. Without
	 * one, documents are validated on the request thread in slices.
	 */
	offThreadValidator?: OffThreadValidator;
}

/** What crosses to the validating thread: the text and the options that are plain data (its schemas are its own). */
export interface OffThreadRequest {
	/** The text, or its pieces in order (a lazy document's, joined by the other thread). */
	text: string | readonly string[];
	/** Plain data only: functions (the Terraform module's other files) cannot cross to another thread. */
	options: Omit<AnalyzeOptions, 'registry' | 'moduleFiles'>;
}

/** A text, or its pieces joined. */
export function joinText(text: string | readonly string[]): string {
	return typeof text === 'string' ? text : text.length === 1 ? text[0] : text.join('');
}

export interface OffThreadValidator {
	/** Texts shorter than this are validated on the request thread: the round trip would cost more than they do. */
	readonly minLength: number;
	/**
	 * Validates a text in the other thread. A newer request with the same `key` (the document)
	 * replaces one still waiting for the thread, which then resolves undefined. Rejects when the
	 * thread fails; the server then validates on its own thread.
	 */
	validate(key: string, request: OffThreadRequest): Promise<ValidatedAnalysis | undefined>;
	/** The translation the server's messages use (from `initialize`): the other thread's messages must use it too. */
	useTranslations?(bundle: Record<string, string>): void;
	dispose(): void;
}
