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
import { DIFF_SCHEME, MAPPING_SCHEME, SchemeDocuments } from './schemeDocuments';

/** How many diffs and mappings are kept; older ones read as empty. */
const KEEP = 20;

/** Registers a content provider for one scheme, whose change event fires only for that scheme's URIs. */
function registerScheme(scheme: string, keep: number, disposables: vscode.Disposable[]): SchemeDocuments<vscode.Uri> {
	const changed = new vscode.EventEmitter<vscode.Uri>();
	const documents = new SchemeDocuments<vscode.Uri>(scheme, keep, (uri) => changed.fire(uri));
	const provider: vscode.TextDocumentContentProvider = {
		onDidChange: changed.event,
		provideTextDocumentContent: (uri) => documents.get(uri),
	};
	disposables.push(changed, vscode.workspace.registerTextDocumentContentProvider(scheme, provider));
	return documents;
}

export class VirtualDocuments implements vscode.HoverProvider, vscode.Disposable {
	private readonly mappings = new Map<string, MappingConfiguration>();
	private readonly disposables: vscode.Disposable[] = [];
	/** Two documents a diff. */
	private readonly diffs = registerScheme(DIFF_SCHEME, KEEP * 2, this.disposables);
	private readonly mappingDocuments = registerScheme(MAPPING_SCHEME, KEEP, this.disposables);
	private counter = 0;

	constructor() {
		this.disposables.push(vscode.languages.registerHoverProvider({ scheme: MAPPING_SCHEME }, this));
	}

	/** Stores both sides of a diff and returns their URIs. */
	setDiff(id: string, left: string, right: string): [vscode.Uri, vscode.Uri] {
		const n = ++this.counter;
		const short = id.slice(0, 8);
		const leftUri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/current/${short}.json`, query: `n=${n}` });
		const rightUri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/to-be-applied/${short}.json`, query: `n=${n}` });
		this.diffs.put(leftUri, left);
		this.diffs.put(rightUri, right);
		return [leftUri, rightUri];
	}

	/** Stores a mapping's configuration as an update document; the URI's file name carries function, state and UUID. */
	setMapping(mapping: MappingConfiguration, region: string): vscode.Uri {
		const n = ++this.counter;
		const uuid = mapping.UUID ?? 'unknown';
		const name = `${functionNameOf(mapping) ?? 'mapping'} · ${mapping.State ?? 'unknown state'} · ${uuid.slice(0, 8)}.json`;
		const uri = vscode.Uri.from({ scheme: MAPPING_SCHEME, path: `/${region}/${name}`, query: `uuid=${uuid}&n=${n}` });
		const evicted = this.mappingDocuments.put(uri, mappingAsUpdateDocument(mapping));
		if (evicted !== undefined) {
			this.mappings.delete(evicted);
		}
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

	dispose(): void {
		this.disposables.forEach((d) => void d.dispose());
	}
}
