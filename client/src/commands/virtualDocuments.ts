/**
 * The read-only documents the AWS commands open: the two sides of a diff (`lambda-kafka-diff:`)
 * and a mapping's current configuration (`lambda-kafka-mapping:`). Their paths end in `.json`, so
 * they open as JSON and the language server validates them like any other document. A mapping's
 * response-only facts (state, last processing result...) are in the editor title and in a hover.
 */
import * as vscode from 'vscode';
import type { MappingConfiguration } from '../aws/lambdaApi';
import { mappingAsUpdateDocument, mappingFacts } from '../apply/mappingDocument';
import { functionNameOf } from '../apply/applyFlow';

export const DIFF_SCHEME = 'lambda-kafka-diff';
export const MAPPING_SCHEME = 'lambda-kafka-mapping';

/** How many documents of each scheme are kept; older ones read as empty. */
const KEEP = 20;

export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.HoverProvider, vscode.Disposable {
	private readonly contents = new Map<string, string>();
	private readonly mappings = new Map<string, MappingConfiguration>();
	private readonly changed = new vscode.EventEmitter<vscode.Uri>();
	private readonly disposables: vscode.Disposable[];
	private counter = 0;
	readonly onDidChange = this.changed.event;

	constructor() {
		this.disposables = [
			this.changed,
			vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this),
			vscode.workspace.registerTextDocumentContentProvider(MAPPING_SCHEME, this),
			vscode.languages.registerHoverProvider({ scheme: MAPPING_SCHEME }, this),
		];
	}

	provideTextDocumentContent(uri: vscode.Uri): string {
		return this.contents.get(uri.toString()) ?? '';
	}

	/** Stores both sides of a diff and returns their URIs. */
	setDiff(id: string, left: string, right: string): [vscode.Uri, vscode.Uri] {
		const n = ++this.counter;
		const short = id.slice(0, 8);
		const leftUri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/current/${short}.json`, query: `n=${n}` });
		const rightUri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/to-be-applied/${short}.json`, query: `n=${n}` });
		this.put(leftUri, left);
		this.put(rightUri, right);
		return [leftUri, rightUri];
	}

	/** Stores a mapping's configuration as an update document; the URI's file name carries function, state and UUID. */
	setMapping(mapping: MappingConfiguration, region: string): vscode.Uri {
		const n = ++this.counter;
		const uuid = mapping.UUID ?? 'unknown';
		const name = `${functionNameOf(mapping) ?? 'mapping'} · ${mapping.State ?? 'unknown state'} · ${uuid.slice(0, 8)}.json`;
		const uri = vscode.Uri.from({ scheme: MAPPING_SCHEME, path: `/${region}/${name}`, query: `uuid=${uuid}&n=${n}` });
		this.put(uri, mappingAsUpdateDocument(mapping));
		this.mappings.set(uri.toString(), mapping);
		return uri;
	}

	/** The facts show on the first two lines (the brace and UUID), so hovers on fields stay the language server's. */
	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const mapping = this.mappings.get(document.uri.toString());
		if (!mapping || position.line > 1) {
			return undefined;
		}
		const markdown = new vscode.MarkdownString();
		markdown.appendMarkdown('**Event source mapping, as GetEventSourceMapping returned it**\n\n');
		for (const [label, value] of mappingFacts(mapping)) {
			markdown.appendMarkdown(`- ${label}: `);
			markdown.appendText(value);
			markdown.appendMarkdown('\n');
		}
		markdown.appendMarkdown('\nThe document holds the fields an update request accepts; save a copy to edit and apply it.');
		return new vscode.Hover(markdown);
	}

	private put(uri: vscode.Uri, content: string): void {
		this.contents.set(uri.toString(), content);
		if (this.contents.size > KEEP * 3) {
			const oldest = this.contents.keys().next().value;
			if (oldest !== undefined) {
				this.contents.delete(oldest);
				this.mappings.delete(oldest);
			}
		}
		this.changed.fire(uri);
	}

	dispose(): void {
		this.disposables.forEach((d) => void d.dispose());
	}
}
