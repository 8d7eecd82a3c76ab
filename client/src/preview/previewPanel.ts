/**
 * The "Preview offsets" webview: one panel beside the editor that shows the preview model of the
 * active record document, follows the editor to other record documents and re-renders (debounced)
 * while the document is edited. The model and the page come from the language server and the
 * pure renderer; this class only adapts them to VS Code.
 *
 * The page is locked down: CSP `default-src 'none'` with a fresh nonce for our one bundled
 * script, resources only from media/ and dist/, no command URIs, nothing retained while hidden.
 * The page cannot act on its own: it asks, and the host copies or opens only text it generated
 * itself (a command, a template, a link of the current model).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import type { KafkaAuth, PreviewModel, PreviewOptions } from '../../../shared/protocol';
import { KAFKA_AUTHS, PreviewModelRequest } from '../../../shared/protocol';
import { linkStaysOnItsPath } from '../../../shared/links';
import { renderMessageDocument, renderPreviewDocument } from './render/renderHtml';
import { nothingToPreviewMessage, previewPanelTitle } from './previewTitles';
import { shellSnippet } from './shellSnippet';
import type { HostToWebview } from './webviewMessages';
import { parseWebviewMessage } from './webviewMessages';
import { pickUserScoped } from '../aws/awsSettings';
import type { MappingContexts } from '../fetch/mappingContext';
import { requestType } from '../requestTypes';

export const PREVIEW_VIEW_TYPE = 'lambdaKafka.preview';
const PREVIEW_LANGUAGES: ReadonlySet<string> = new Set(['json', 'jsonc', 'jsonl', 'plaintext']);
const DEBOUNCE_MS = 300;

export const previewModelRequest = requestType(PreviewModelRequest.type);

export interface PreviewDeps {
	extensionUri: vscode.Uri;
	client: Pick<BaseLanguageClient, 'sendRequest'>;
	/** The mapping of a fetched record, for the consumers' auth. */
	mappings: MappingContexts;
}

/** Whether the preview may show (and follow) this document. */
export function isPreviewable(document: vscode.TextDocument): boolean {
	return PREVIEW_LANGUAGES.has(document.languageId) && document.uri.scheme !== 'output';
}

/** The preview settings for a document. Base URLs come from user settings only: a repository must not choose where links lead. */
export function previewOptions(uri: vscode.Uri, mappings: MappingContexts): PreviewOptions {
	const config = vscode.workspace.getConfiguration('lambdaKafka.preview', uri);
	const userString = (key: string): string | undefined => {
		const value = pickUserScoped(config.inspect<string>(key)).value;
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	};
	const auth = config.get<string>('defaultAuth');
	const clusterName = config.get<string>('clusterName');
	return {
		kafkaUiBaseUrl: userString('kafkaUiBaseUrl'),
		akhqBaseUrl: userString('akhqBaseUrl'),
		clusterName: clusterName?.trim() ? clusterName.trim() : undefined,
		defaultAuth: KAFKA_AUTHS.includes(auth as KafkaAuth) ? (auth as KafkaAuth) : undefined,
		sourceAccessTypes: mappings.of(uri.toString())?.sourceAccessTypes,
	};
}

/** The model of an open document, or null. */
export async function requestPreviewModel(deps: Pick<PreviewDeps, 'client' | 'mappings'>, uri: vscode.Uri): Promise<PreviewModel | null> {
	return deps.client.sendRequest(previewModelRequest, { uri: uri.toString(), options: previewOptions(uri, deps.mappings) });
}

/** A short name for a document, for titles. */
export function documentTitle(uri: vscode.Uri): string {
	const last = uri.path.slice(uri.path.lastIndexOf('/') + 1);
	return last !== '' ? last : uri.toString();
}

/** Holds the one preview panel of this activation: shows it, says what it shows, disposes it. */
export class PreviewHost {
	private current: PreviewPanel | undefined;

	constructor(private readonly deps: PreviewDeps) {}

	/** Shows the preview of `uri` (creating the panel or reusing it) and scrolls to `recordIndex`. */
	show(uri: vscode.Uri, recordIndex?: number): void {
		if (this.current) {
			this.current.showDocument(uri, recordIndex);
			return;
		}
		const panel = vscode.window.createWebviewPanel(
			PREVIEW_VIEW_TYPE,
			previewPanelTitle(documentTitle(uri)),
			{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
			{
				enableScripts: true,
				enableCommandUris: false,
				enableFindWidget: true,
				retainContextWhenHidden: false,
				localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'media'), vscode.Uri.joinPath(this.deps.extensionUri, 'dist')],
			},
		);
		const created: PreviewPanel = new PreviewPanel(panel, this.deps, uri, recordIndex, () => {
			if (this.current === created) {
				this.current = undefined;
			}
		});
		this.current = created;
	}

	/** The document the open preview shows, if any. */
	currentUri(): vscode.Uri | undefined {
		return this.current?.shownUri;
	}

	dispose(): void {
		this.current?.close();
	}
}

class PreviewPanel {
	private readonly disposables: vscode.Disposable[] = [];
	private model: PreviewModel | undefined;
	private renderedKey: string | undefined;
	private generation = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private disposed = false;

	constructor(
		private readonly panel: vscode.WebviewPanel,
		private readonly deps: PreviewDeps,
		private uri: vscode.Uri,
		private focusRecord: number | undefined,
		private readonly onDisposed: () => void,
	) {
		this.disposables.push(
			panel.onDidDispose(() => this.dispose()),
			panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
			vscode.window.onDidChangeActiveTextEditor((editor) => {
				if (editor && isPreviewable(editor.document) && editor.document.uri.toString() !== this.uri.toString()) {
					void this.follow(editor.document.uri);
				}
			}),
			vscode.workspace.onDidChangeTextDocument((event) => {
				if (event.document.uri.toString() === this.uri.toString() && event.contentChanges.length > 0) {
					this.schedule();
				}
			}),
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (event.affectsConfiguration('lambdaKafka.preview')) {
					this.schedule();
				}
			}),
		);
		void this.update();
	}

	get shownUri(): vscode.Uri {
		return this.uri;
	}

	close(): void {
		this.panel.dispose();
	}

	showDocument(uri: vscode.Uri, recordIndex: number | undefined): void {
		this.panel.reveal(undefined, true);
		if (uri.toString() === this.uri.toString() && this.model && recordIndex !== undefined) {
			this.focusRecord = recordIndex;
			void this.post({ type: 'reveal', recordIndex });
			return;
		}
		this.uri = uri;
		this.focusRecord = recordIndex;
		void this.update();
	}

	/** Switches to another document when it has something to preview; a document without records leaves the preview as it is. */
	private async follow(uri: vscode.Uri): Promise<void> {
		const generation = ++this.generation;
		let model: PreviewModel | null;
		try {
			model = await requestPreviewModel(this.deps, uri);
		} catch {
			return;
		}
		if (this.disposed || generation !== this.generation || !model || model.records.length === 0) {
			return;
		}
		this.uri = uri;
		this.focusRecord = undefined;
		this.render(model);
	}

	private schedule(): void {
		if (this.timer) {
			clearTimeout(this.timer);
		}
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.update();
		}, DEBOUNCE_MS);
	}

	private async update(): Promise<void> {
		const generation = ++this.generation;
		let model: PreviewModel | null;
		try {
			model = await requestPreviewModel(this.deps, this.uri);
		} catch (error) {
			if (!this.disposed && generation === this.generation) {
				this.renderMessage(vscode.l10n.t('The language server could not build the preview: {0}', error instanceof Error ? error.message : String(error)));
			}
			return;
		}
		if (this.disposed || generation !== this.generation) {
			return;
		}
		if (!model) {
			const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === this.uri.toString());
			this.renderMessage(nothingToPreviewMessage(documentTitle(this.uri), open));
			return;
		}
		this.render(model);
	}

	private render(model: PreviewModel): void {
		const sameDocument = this.model?.uri === model.uri;
		this.model = model;
		const title = documentTitle(this.uri);
		// The version changes with every edit; the page only when what it shows changes.
		const key = JSON.stringify([title, { ...model, version: 0 }]);
		if (key === this.renderedKey && this.focusRecord === undefined) {
			return;
		}
		this.renderedKey = key;
		this.panel.title = previewPanelTitle(title);
		this.panel.webview.html = renderPreviewDocument(model, {
			...this.shell(),
			title,
			focusRecord: this.focusRecord,
			restoreState: sameDocument && this.focusRecord === undefined,
		});
		// Scroll to a record once; later renders (after edits) keep the user's scroll position.
		this.focusRecord = undefined;
	}

	private renderMessage(message: string): void {
		this.model = undefined;
		this.renderedKey = undefined;
		// The tab names the document the message is about, not the one shown before.
		this.panel.title = previewPanelTitle(documentTitle(this.uri));
		this.panel.webview.html = renderMessageDocument(message, { ...this.shell(), title: documentTitle(this.uri) });
	}

	private shell(): { cspSource: string; nonce: string; scriptUri: string; styleUri: string } {
		const webview = this.panel.webview;
		return {
			cspSource: webview.cspSource,
			nonce: randomBytes(18).toString('base64'),
			scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview.js')).toString(),
			styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'preview.css')).toString(),
		};
	}

	private async onMessage(raw: unknown): Promise<void> {
		const message = parseWebviewMessage(raw);
		const model = this.model;
		if (!message || !model) {
			return;
		}
		switch (message.type) {
			case 'copy': {
				const known = new Set([...model.partitions.flatMap((p) => p.commands.map((c) => c.command)), ...model.configTemplates.map((t) => t.text)]);
				if (known.has(message.text)) {
					await vscode.env.clipboard.writeText(message.text);
					await this.post({ type: 'copied', text: message.text });
				}
				break;
			}
			case 'copyAll':
				await vscode.env.clipboard.writeText(shellSnippet(model, documentTitle(this.uri)));
				await this.post({ type: 'copied', text: '' });
				break;
			case 'openLink': {
				// Uri.parse decodes the path (`%2F` becomes `/`): open only links of this model that decoding leaves on their page.
				const known = model.partitions.some((p) => p.links.some((l) => l.url === message.url));
				if (known && linkStaysOnItsPath(message.url)) {
					await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
				}
				break;
			}
		}
	}

	private async post(message: HostToWebview): Promise<void> {
		if (!this.disposed) {
			await this.panel.webview.postMessage(message);
		}
	}

	private dispose(): void {
		this.disposed = true;
		if (this.timer) {
			clearTimeout(this.timer);
		}
		this.model = undefined;
		this.renderedKey = undefined;
		for (const disposable of this.disposables.splice(0)) {
			disposable.dispose();
		}
		this.onDisposed();
	}
}
