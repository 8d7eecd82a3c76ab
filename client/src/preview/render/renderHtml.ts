/**
 * The preview webview's HTML, built only with the escaping `html` tag (./safeHtml.ts): every
 * string from a record is text, commands sit in `data-copy` attributes for the copy buttons and
 * links in `data-link` attributes (the host opens them, never the page). The page has no inline
 * style or script, so it runs under `default-src 'none'` with a nonce for the one bundled script.
 */
import * as l10n from '@vscode/l10n';
import type { ConsumerCommand, PreviewModel, PreviewNote, PreviewPartition } from '../../../../shared/protocol';
import { formatDuration } from '../../../../shared/format';
import { authName } from '../../../../shared/kafkaAuth';
import type { SafeHtml } from './safeHtml';
import { html } from './safeHtml';
import { timelineSvg } from './timelineSvg';
import { renderPayload, renderRecords } from './recordTables';
import { counted } from '../../../../shared/printable';

export interface DocumentShell {
	/** The webview's `cspSource`. */
	cspSource: string;
	/** A fresh random nonce for the script tag. */
	nonce: string;
	/** Webview URIs of dist/webview.js and media/preview.css. */
	scriptUri: string;
	styleUri: string;
	/** The document's name, for the heading. */
	title: string;
	/** The record to scroll to and highlight ({@link PreviewRecord.index}). */
	focusRecord?: number;
	/** The page replaces one of the same document: keep its scroll position and filter. */
	restoreState?: boolean;
}

/** The Content-Security-Policy of the page: nothing but our stylesheet, our nonce'd script and images from the extension. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
	return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`; // l10n-ignore
}

/** The page's head, the same on every page: the CSP with its nonce, the styles, the title. */
function documentHead(shell: Omit<DocumentShell, 'focusRecord'>): SafeHtml {
	return html`<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(shell.cspSource, shell.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="l10n" content="${JSON.stringify(pageTexts())}">
<link rel="stylesheet" href="${shell.styleUri}">
<title>${l10n.t('Preview offsets: {0}', shell.title)}</title>
</head>`;
}

/** The whole page. */
export function renderPreviewDocument(model: PreviewModel, shell: DocumentShell): string {
	const page = html`<!DOCTYPE html>
<html lang="${pageLanguage()}">
${documentHead(shell)}
<body data-focus-record="${shell.focusRecord ?? ''}" data-restore-state="${shell.restoreState === true ? 'true' : 'false'}">
${renderPreviewBody(model, shell.title)}
<script nonce="${shell.nonce}" src="${shell.scriptUri}"></script>
</body>
</html>`;
	return page.value;
}

/** The page's body content: summary, notes, timeline, partitions, records, templates, payload records. */
export function renderPreviewBody(model: PreviewModel, title: string): SafeHtml {
	const offsets = model.partitions.reduce((sum, p) => sum + BigInt(p.total), 0n);
	const onlyKafkaEvents = model.records.every((r) => r.source === 'kafka-event') && model.records.length > 0;
	return html`<header class="page-header">
<h1>${l10n.t('Preview offsets')} <span class="file">${title}</span></h1>
<p class="summary">${recordCount(model.records.length, onlyKafkaEvents)} · ${counted(model.partitions.length, l10n.t('{0} partition'), l10n.t('{0} partitions'))} · ${offsetCount(offsets)}</p>
${model.partitions.length > 0 ? html`<p class="actions"><button type="button" class="primary" data-action="copy-all">${l10n.t('Copy all commands as a shell snippet')}</button></p>` : ''}
<p id="status" class="visually-hidden" role="status" aria-live="polite"></p>
</header>
<main>
${renderNotes(model.notes, 'page-notes')}
${model.partitions.length > 0 ? html`<section aria-labelledby="h-timeline"><h2 id="h-timeline">${l10n.t('Timeline')}</h2><div class="scroll timeline-scroll">${timelineSvg(model)}</div></section>` : ''}
${model.partitions.length > 0 ? html`<section aria-labelledby="h-partitions"><h2 id="h-partitions">${l10n.t('Partitions')}</h2>${model.partitions.map(renderPartition)}</section>` : ''}
${model.records.length > 0 ? renderRecords(model.records) : ''}
${renderTemplates(model)}
${model.payloadRecords.length > 0 ? renderPayload(model) : ''}
</main>`;
}

function renderNotes(notes: readonly PreviewNote[], className: string): SafeHtml | string {
	if (notes.length === 0) {
		return '';
	}
	return html`<ul class="notes ${className}">${notes.map((n) => html`<li class="note ${n.severity}"><span class="severity">${n.severity === 'warning' ? l10n.t('Warning:') : l10n.t('Note:')}</span> ${n.message}</li>`)}</ul>`;
}

function renderPartition(p: PreviewPartition): SafeHtml {
	const headingId = `h-${p.id}`;
	const meta = [
		p.cluster,
		`${counted(p.recordIndexes.length, l10n.t('{0} failure record'), l10n.t('{0} failure records'))} (${recordList(p.recordIndexes)})`,
		counted(p.rangeCount, l10n.t('{0} range'), l10n.t('{0} ranges')),
		offsetCount(BigInt(p.total)),
		p.spanMs !== undefined ? l10n.t('span {0}', formatDuration(p.spanMs)) : undefined,
	].filter((m): m is string => m !== undefined);
	const rows: SafeHtml[] = [];
	p.merged.forEach((m, i) => {
		rows.push(html`<tr class="merged${m.recordIndexes.length > 1 ? ' joined' : ''}">
<td class="num">${m.firstOffset}</td><td class="num">${m.lastOffset}</td><td class="num">${m.count}</td>
<td>${m.firstTimestamp ?? '—'}</td><td>${m.lastTimestamp ?? '—'}</td><td>${recordList(m.recordIndexes)}</td></tr>`);
		const gap = p.gaps[i];
		if (gap) {
			rows.push(
				html`<tr class="gap"><td colspan="6"><span class="marker">${l10n.t('Gap')}</span> ${l10n.t('offsets {0}–{1} ({2}) are in no failure record.', gap.firstOffset, gap.lastOffset, offsetCount(BigInt(gap.size)))}</td></tr>`,
			);
		}
	});
	const overlaps = p.overlaps.map(
		(o) =>
			html`<li class="overlap"><span class="marker">${l10n.t('Overlap')}</span> ${o.duplicate ? l10n.t('offsets {0}–{1} ({2}) are in {3} (the same range more than once: a record delivered twice?).', o.firstOffset, o.lastOffset, offsetCount(BigInt(o.size)), recordList(o.recordIndexes)) : l10n.t('offsets {0}–{1} ({2}) are in {3}.', o.firstOffset, o.lastOffset, offsetCount(BigInt(o.size)), recordList(o.recordIndexes))}</li>`,
	);
	return html`<article class="partition" id="partition-${p.id}" aria-labelledby="${headingId}">
<h3 id="${headingId}">${p.topic} <span class="badge">${l10n.t('partition {0}', p.partition)}</span></h3>
<p class="meta">${meta.join(' · ')}</p>
<p class="auth">${l10n.t('Auth: {0}.', authName(p.auth.kind))} ${p.auth.reason}</p>
${renderNotes(p.notes, 'partition-notes')}
<div class="scroll"><table class="ranges">
<caption>${l10n.t('Offset ranges of {0} partition {1}, merged across records', p.topic, p.partition)}</caption>
<thead><tr><th scope="col">${l10n.t('First offset')}</th><th scope="col">${l10n.t('Last offset')}</th><th scope="col">${l10n.t('Count')}</th><th scope="col">${l10n.t('First timestamp')}</th><th scope="col">${l10n.t('Last timestamp')}</th><th scope="col">${l10n.t('Records')}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
${overlaps.length > 0 ? html`<ul class="overlaps">${overlaps}</ul>` : ''}
<div class="commands">${p.commands.map((c) => renderCommand(c, p))}</div>
${p.links.length > 0 ? html`<p class="links">${p.links.map((l) => html`<button type="button" class="link" data-link="${l.url}" title="${l.url}">${l10n.t('{0} (from {1})', l.label, l.firstOffset)}</button> `)}</p>` : ''}
</article>`;
}

function renderCommand(c: ConsumerCommand, p: PreviewPartition): SafeHtml {
	return html`<div class="command">
<div class="command-head"><span class="label">${c.label}</span> <span class="from">${l10n.t('from offset {0}', c.firstOffset)}</span>
<button type="button" class="copy" data-copy="${c.command}" aria-label="${l10n.t('Copy the {0} command for {1} partition {2} from offset {3}', c.label, p.topic, p.partition, c.firstOffset)}">${l10n.t('Copy')}</button></div>
<pre class="code"><code>${c.command}</code></pre>
${c.note ? html`<p class="note">${c.note}</p>` : ''}
</div>`;
}

function renderTemplates(model: PreviewModel): SafeHtml | string {
	if (model.configTemplates.length === 0) {
		return '';
	}
	return html`<section aria-labelledby="h-templates"><h2 id="h-templates">${l10n.t('Client properties')}</h2>
<p>${l10n.t('Fill in the placeholders; never paste real secrets into shared files.')}</p>
${model.configTemplates.map(
	(t) => html`<div class="command template">
<div class="command-head"><span class="label">${t.fileName}</span> <span class="from">${l10n.t('for {0} ({1})', t.tool, authName(t.auth))}</span>
<button type="button" class="copy" data-copy="${t.text}" aria-label="${l10n.t('Copy the {0} template for {1}', t.fileName, t.tool)}">${l10n.t('Copy')}</button></div>
<pre class="code"><code>${t.text}</code></pre></div>`,
)}</section>`;
}

function recordList(indexes: readonly number[]): string {
	const shown = indexes.slice(0, 12).map((i) => `#${i + 1}`);
	const more = indexes.length > shown.length ? l10n.t(' and {0} more', indexes.length - shown.length) : '';
	return indexes.length === 1 ? l10n.t('record {0}{1}', shown.join(', '), more) : l10n.t('records {0}{1}', shown.join(', '), more);
}

/** The page's language, for screen readers and fonts: the translation's own tag. */
function pageLanguage(): string {
	return l10n.t({ message: 'en', comment: ['The BCP 47 tag of this translation, for <html lang>'] });
}

/** Texts the page's script shows (client/webview/preview.ts), translated here and read from `<meta name="l10n">`: the page has no l10n of its own. */
function pageTexts(): Record<string, string> {
	return {
		copied: l10n.t('Copied'),
		copiedToClipboard: l10n.t('Copied to the clipboard.'),
		records: l10n.t('{0} records'),
		recordsShown: l10n.t('{0} of {1} records'),
	};
}

function offsetCount(count: bigint): string {
	return counted(count, l10n.t('{0} offset'), l10n.t('{0} offsets'));
}

function recordCount(count: number, kafkaEvents: boolean): string {
	return kafkaEvents
		? counted(count, l10n.t('{0} Kafka event'), l10n.t('{0} Kafka events'))
		: counted(count, l10n.t('{0} failure record'), l10n.t('{0} failure records'));
}

/** A page with one message, for when there is no model (the document is closed, the server is starting). */
export function renderMessageDocument(message: string, shell: Omit<DocumentShell, 'focusRecord'>): string {
	return html`<!DOCTYPE html>
<html lang="${pageLanguage()}">
${documentHead(shell)}
<body>
<h1>${l10n.t('Preview offsets')} <span class="file">${shell.title}</span></h1>
<p class="empty">${message}</p>
</body>
</html>`.value;
}
