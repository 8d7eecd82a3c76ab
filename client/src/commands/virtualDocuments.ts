/**
 * The read-only documents the AWS commands open: the two sides of a diff (`lambda-kafka-diff:`),
 * a mapping's current configuration (`lambda-kafka-mapping:`) and pre-flight reports
 * (`lambda-kafka-report:`, plain text). Their paths end in `.json`, so
 * they open as JSON and the language server sees them (hover, and validation of the mapping; the
 * diff's problems are not listed, see ../languageClient.ts). A mapping's response-only facts
 * (state, last processing result...) and when it was read are in a hover.
 *
 * A mapping keeps one URI per region and UUID, and re-reading it (opening it again, or the refresh
 * after this window changed it: ../apply/mappingRefresh.ts) replaces its content: a new URI for
 * each read listed the same problems once per read. So the title carries no state, which would
 * go stale; the hover says what the state was and when it was read.
 */
import * as vscode from 'vscode';
import type { MappingConfiguration } from '../aws/lambdaApi';
import { mappingAsUpdateDocument, mappingFacts } from '../apply/mappingDocument';
import { functionNameOf } from '../apply/applyFlow';
import type { OpenMappingDocuments } from '../apply/mappingRefresh';
import { DIFF_SCHEME, MAPPING_SCHEME, REPORT_SCHEME, SchemeDocuments } from './schemeDocuments';

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

interface ShownMapping {
	mapping: MappingConfiguration;
	region: string;
	readAt: Date;
}

export class VirtualDocuments implements vscode.HoverProvider, vscode.Disposable, OpenMappingDocuments {
	private readonly mappings = new Map<string, ShownMapping>();
	private readonly disposables: vscode.Disposable[] = [];
	/** Two documents a diff. */
	private readonly diffs = registerScheme(DIFF_SCHEME, KEEP * 2, this.disposables);
	private readonly mappingDocuments = registerScheme(MAPPING_SCHEME, KEEP, this.disposables);
	private readonly reports = registerScheme(REPORT_SCHEME, KEEP, this.disposables);
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

	/** Stores a pre-flight report; each check gets its own URI, so an earlier report stays as it was. */
	setReport(uuid: string, text: string): vscode.Uri {
		const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/Pre-flight ${uuid.slice(0, 8)}.txt`, query: `n=${++this.counter}` });
		this.reports.put(uri, text);
		return uri;
	}

	/** Stores a mapping's configuration as an update document; the URI's file name carries function and UUID. */
	setMapping(mapping: MappingConfiguration, region: string, readAt = new Date()): vscode.Uri {
		const uuid = mapping.UUID ?? 'unknown';
		const name = `${functionNameOf(mapping) ?? 'mapping'} · ${uuid.slice(0, 8)}.json`;
		const uri = vscode.Uri.from({ scheme: MAPPING_SCHEME, path: `/${region}/${name}`, query: `uuid=${uuid}` });
		// Stored before `put`, whose change event makes VS Code read the content and may show the hover.
		this.mappings.set(uri.toString(), { mapping, region, readAt });
		const evicted = this.mappingDocuments.put(uri, mappingAsUpdateDocument(mapping));
		if (evicted !== undefined) {
			this.mappings.delete(evicted);
		}
		return uri;
	}

	isOpen(uuid: string, region: string): boolean {
		const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
		return [...this.mappingsOf(uuid, region)].some((key) => open.has(key));
	}

	update(mapping: MappingConfiguration, region: string, readAt: Date): void {
		for (const key of this.mappingsOf(mapping.UUID ?? '', region)) {
			// The function may have changed: its old document gets the new content under its old name.
			this.mappings.set(key, { mapping, region, readAt });
			this.mappingDocuments.put(vscode.Uri.parse(key), mappingAsUpdateDocument(mapping));
		}
	}

	private *mappingsOf(uuid: string, region: string): Iterable<string> {
		for (const [key, shown] of this.mappings) {
			if (shown.mapping.UUID === uuid && shown.region === region) {
				yield key;
			}
		}
	}

	/** The facts show on the first two lines (the brace and UUID), so hovers on fields stay the language server's. */
	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const shown = this.mappings.get(document.uri.toString());
		if (!shown || position.line > 1) {
			return undefined;
		}
		const markdown = new vscode.MarkdownString();
		markdown.appendMarkdown(vscode.l10n.t('**Event source mapping, as GetEventSourceMapping returned it**\n\n'));
		for (const [label, value] of [...mappingFacts(shown.mapping), [vscode.l10n.t('Read'), shown.readAt.toISOString()] as const]) {
			markdown.appendMarkdown(`- ${label}: `);
			markdown.appendText(value);
			markdown.appendMarkdown('\n');
		}
		markdown.appendMarkdown(vscode.l10n.t('\nThe document holds the fields an update request accepts; save a copy to edit and apply it.'));
		return new vscode.Hover(markdown);
	}

	dispose(): void {
		this.disposables.forEach((d) => void d.dispose());
	}
}
