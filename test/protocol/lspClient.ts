/**
 * A minimal LSP client for protocol tests: starts the real bundled server (`dist/server.js
 * --stdio`) in a child process and speaks JSON-RPC to it over its stdio, as any editor would; or,
 * with `transport: 'in-process'`, the same server core inside the test process (inProcessServer.ts).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type {
	CodeAction,
	CompletionItem,
	CompletionList,
	Diagnostic,
	Hover,
	InitializeResult,
	LogMessageParams,
	ProtocolConnection,
	PublishDiagnosticsParams,
	Range,
	TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {
	CodeActionRequest,
	CompletionRequest,
	ConfigurationRequest,
	createProtocolConnection,
	DidChangeConfigurationNotification,
	DidChangeTextDocumentNotification,
	DidCloseTextDocumentNotification,
	DidOpenTextDocumentNotification,
	ExitNotification,
	HoverRequest,
	InitializedNotification,
	InitializeRequest,
	LogMessageNotification,
	PublishDiagnosticsNotification,
	ShutdownRequest,
	StreamMessageReader,
	StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers';
import type { ServerRuntime } from '../../server/src/lsp/serverRuntime';
import type { InProcessServer } from './inProcessServer';
import { startInProcessServer } from './inProcessServer';

/** How the client reaches the server: the bundle over stdio, or the core in this process. */
export type Transport = 'stdio' | 'in-process';

export interface ClientOptions {
	initializationOptions?: unknown;
	/** What the client answers to workspace/configuration; undefined means the client lacks that capability. */
	configuration?: unknown;
	/** Whether the client says it supports `documentChanges` in workspace edits (VS Code does). */
	documentChanges?: boolean;
	/** Extra Node.js options for the server process (such as --heapsnapshot-signal). */
	nodeOptions?: string[];
	/** 'stdio' (the default) spawns dist/server.js. */
	transport?: Transport;
	/** The initialize request's `locale` (VS Code sends its display language). */
	locale?: string;
	/** In-process only: the runtime startServer gets (the Node one by default). */
	runtime?: ServerRuntime;
}

export class LspTestClient {
	readonly connection: ProtocolConnection;
	/** The server process (stdio) or the server in this process (in-process). */
	private readonly process: ChildProcess | undefined;
	private readonly inProcess: InProcessServer | undefined;
	private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
	/** When each diagnostics notification arrived (performance.now()), for latency measured from the server's answer, not from when it was looked at. */
	private readonly arrivals = new WeakMap<PublishDiagnosticsParams, number>();
	private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
	readonly stderr: string[] = [];
	/** The server's window/logMessage notifications, in order. */
	readonly logMessages: LogMessageParams[] = [];

	private constructor(private options: ClientOptions) {
		if (options.transport === 'in-process') {
			this.inProcess = startInProcessServer(options.runtime);
			this.connection = createProtocolConnection(this.inProcess.reader, this.inProcess.writer);
		} else {
			const child = spawn(process.execPath, [...(options.nodeOptions ?? []), path.join(repoRoot(), 'dist', 'server.js'), '--stdio'], {
				stdio: ['pipe', 'pipe', 'pipe'],
			});
			child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
			this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
			this.process = child;
		}
		this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
			this.arrivals.set(params, performance.now());
			const list = this.diagnostics.get(params.uri) ?? [];
			list.push(params);
			this.diagnostics.set(params.uri, list);
			for (const waiter of [...this.waiters]) {
				if (waiter.uri === params.uri && waiter.predicate(params)) {
					this.waiters.splice(this.waiters.indexOf(waiter), 1);
					waiter.resolve(params);
				}
			}
		});
		this.connection.onNotification(LogMessageNotification.type, (params) => {
			this.logMessages.push(params);
		});
		this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.options.configuration ?? null));
		this.connection.listen();
	}

	static async start(options: ClientOptions = {}): Promise<{ client: LspTestClient; result: InitializeResult }> {
		const client = new LspTestClient(options);
		const result = await client.connection.sendRequest(InitializeRequest.type, {
			// In-process, no process id: the server would watch it every 3 s (see inProcessServer.ts).
			processId: options.transport === 'in-process' ? null : process.pid,
			rootUri: null,
			capabilities: {
				workspace: { configuration: options.configuration !== undefined, workspaceEdit: { documentChanges: options.documentChanges === true } },
				textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] } },
			},
			initializationOptions: options.initializationOptions,
			...(options.locale !== undefined ? { locale: options.locale } : {}),
		});
		await client.connection.sendNotification(InitializedNotification.type, {});
		return { client, result };
	}

	/** The server process's id (for reading its memory use from /proc). */
	get pid(): number | undefined {
		return this.process?.pid;
	}

	/** Whether the server process is still running. */
	get isRunning(): boolean {
		return this.process ? this.process.exitCode === null && this.process.signalCode === null : this.inProcess !== undefined;
	}

	/** Changes what the client answers to workspace/configuration and tells the server the settings changed. */
	async setConfiguration(configuration: unknown): Promise<void> {
		this.options = { ...this.options, configuration };
		await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
	}

	async open(uri: string, text: string, languageId = 'json', version = 1): Promise<void> {
		await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
	}

	async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
		await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
	}

	async close(uri: string): Promise<void> {
		await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
	}

	/** Resolves with the first diagnostics for `uri` (already received or coming) that satisfy `predicate`. */
	diagnosticsFor(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
		const existing = (this.diagnostics.get(uri) ?? []).find(predicate);
		if (existing) {
			return Promise.resolve(existing);
		}
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.diagnostics.get(uri) ?? [])}`)),
				timeoutMs,
			);
			this.waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
		});
	}

	/** When `published` (a notification this client received) arrived, in performance.now() time. */
	arrivalOf(published: PublishDiagnosticsParams): number {
		const arrival = this.arrivals.get(published);
		if (arrival === undefined) {
			throw new Error('These diagnostics did not come through this client.');
		}
		return arrival;
	}

	/** Every diagnostics notification received for `uri`, in order. */
	allDiagnostics(uri: string): PublishDiagnosticsParams[] {
		return this.diagnostics.get(uri) ?? [];
	}

	hover(uri: string, line: number, character: number): Promise<Hover | null> {
		return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
	}

	async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
		const result: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, {
			textDocument: { uri },
			position: { line, character },
		});
		return Array.isArray(result) ? result : (result?.items ?? []);
	}

	/** The code actions for `diagnostic`, asked for its range unless another `range` (the cursor's) is given. */
	async codeActions(uri: string, diagnostic: Diagnostic, range: Range = diagnostic.range): Promise<CodeAction[]> {
		const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [diagnostic] } });
		return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
	}

	/** The server process's exit code, once it has exited. */
	get exitCode(): number | null {
		return this.process?.exitCode ?? null;
	}

	async stop(): Promise<void> {
		if (this.inProcess) {
			await this.stopInProcess(this.inProcess);
			return;
		}
		const child = this.process!;
		try {
			await this.connection.sendRequest(ShutdownRequest.type);
		} catch {
			// The process may already be gone, or a test already shut it down (a second shutdown is an invalid request).
		}
		try {
			await this.connection.sendNotification(ExitNotification.type);
		} catch {
			// The process may already be gone.
		}
		this.connection.dispose();
		await new Promise<void>((resolve) => {
			if (child.exitCode !== null) {
				resolve();
				return;
			}
			const timer = setTimeout(() => (child.kill(), resolve()), 2000);
			child.once('exit', () => (clearTimeout(timer), resolve()));
		});
	}

	/** Shuts the in-process server down without `exit`, which would end the test process. */
	private async stopInProcess(server: InProcessServer): Promise<void> {
		try {
			await this.connection.sendRequest(ShutdownRequest.type);
		} catch {
			// A test already shut it down (a second shutdown is an invalid request).
		}
		this.connection.dispose();
		server.dispose();
	}
}
