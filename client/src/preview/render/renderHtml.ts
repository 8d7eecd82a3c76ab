/**
 * The preview webview's HTML, built only with the escaping `html` tag (./safeHtml.ts): every
 * string from a record is text, commands sit in `data-copy` attributes for the copy buttons and
 * links in `data-link` attributes (the host opens them, never the page). The page has no inline
 * style or script, so it runs under `default-src 'none'` with a nonce for the one bundled script.
 */
import type { ConsumerCommand, PreviewModel, PreviewNote, PreviewPartition } from '../../../../shared/protocol';
import { formatDuration } from '../../../../shared/format';
import { authName } from '../../../../shared/kafkaAuth';
import type { SafeHtml } from './safeHtml';
import { html } from './safeHtml';
import { timelineSvg } from './timelineSvg';
import { renderPayload, renderRecords } from './recordTables';
import { plural } from '../../../../shared/printable';

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
	return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`;
}

/** The page's head, the same on every page: the CSP with its nonce, the styles, the title. */
function documentHead(shell: Omit<DocumentShell, 'focusRecord'>): SafeHtml {
	return html`<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(shell.cspSource, shell.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${shell.styleUri}">
<title>Preview offsets: ${shell.title}</title>
</head>`;
}

/** The whole page. */
export function renderPreviewDocument(model: PreviewModel, shell: DocumentShell): string {
	const page = html`<!DOCTYPE html>
<html lang="en">
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
	const recordWord = model.records.every((r) => r.source === 'kafka-event') && model.records.length > 0 ? 'Kafka event' : 'failure record';
	return html`<header class="page-header">
<h1>Preview offsets <span class="file">${title}</span></h1>
<p class="summary">${plural(model.records.length, recordWord)} · ${plural(model.partitions.length, 'partition')} · ${plural(offsets, 'offset')}</p>
${model.partitions.length > 0 ? html`<p class="actions"><button type="button" class="primary" data-action="copy-all">Copy all commands as a shell snippet</button></p>` : ''}
<p id="status" class="visually-hidden" role="status" aria-live="polite"></p>
</header>
<main>
${renderNotes(model.notes, 'page-notes')}
${model.partitions.length > 0 ? html`<section aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline</h2><div class="scroll timeline-scroll">${timelineSvg(model)}</div></section>` : ''}
${model.partitions.length > 0 ? html`<section aria-labelledby="h-partitions"><h2 id="h-partitions">Partitions</h2>${model.partitions.map(renderPartition)}</section>` : ''}
${model.records.length > 0 ? renderRecords(model.records) : ''}
${renderTemplates(model)}
${model.payloadRecords.length > 0 ? renderPayload(model) : ''}
</main>`;
}

function renderNotes(notes: readonly PreviewNote[], className: string): SafeHtml | string {
	if (notes.length === 0) {
		return '';
	}
	return html`<ul class="notes ${className}">${notes.map((n) => html`<li class="note ${n.severity}"><span class="severity">${n.severity === 'warning' ? 'Warning' : 'Note'}:</span> ${n.message}</li>`)}</ul>`;
}

function renderPartition(p: PreviewPartition): SafeHtml {
	const headingId = `h-${p.id}`;
	const meta = [
		p.cluster,
		`${plural(p.recordIndexes.length, 'failure record')} (${recordList(p.recordIndexes)})`,
		plural(p.rangeCount, 'range'),
		plural(BigInt(p.total), 'offset'),
		p.spanMs !== undefined ? `span ${formatDuration(p.spanMs)}` : undefined,
	].filter((m): m is string => m !== undefined);
	const rows: SafeHtml[] = [];
	p.merged.forEach((m, i) => {
		rows.push(html`<tr class="merged${m.recordIndexes.length > 1 ? ' joined' : ''}">
<td class="num">${m.firstOffset}</td><td class="num">${m.lastOffset}</td><td class="num">${m.count}</td>
<td>${m.firstTimestamp ?? '—'}</td><td>${m.lastTimestamp ?? '—'}</td><td>${recordList(m.recordIndexes)}</td></tr>`);
		const gap = p.gaps[i];
		if (gap) {
			rows.push(
				html`<tr class="gap"><td colspan="6"><span class="marker">Gap</span> offsets ${gap.firstOffset}–${gap.lastOffset} (${plural(BigInt(gap.size), 'offset')}) are in no failure record.</td></tr>`,
			);
		}
	});
	const overlaps = p.overlaps.map(
		(o) =>
			html`<li class="overlap"><span class="marker">Overlap</span> offsets ${o.firstOffset}–${o.lastOffset} (${plural(BigInt(o.size), 'offset')}) are in ${recordList(o.recordIndexes)}${o.duplicate ? ' (the same range more than once: a record delivered twice?)' : ''}.</li>`,
	);
	return html`<article class="partition" id="partition-${p.id}" aria-labelledby="${headingId}">
<h3 id="${headingId}">${p.topic} <span class="badge">partition ${p.partition}</span></h3>
<p class="meta">${meta.join(' · ')}</p>
<p class="auth">Auth: ${authName(p.auth.kind)}. ${p.auth.reason}</p>
${renderNotes(p.notes, 'partition-notes')}
<div class="scroll"><table class="ranges">
<caption>Offset ranges of ${p.topic} partition ${p.partition}, merged across records</caption>
<thead><tr><th scope="col">First offset</th><th scope="col">Last offset</th><th scope="col">Count</th><th scope="col">First timestamp</th><th scope="col">Last timestamp</th><th scope="col">Records</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
${overlaps.length > 0 ? html`<ul class="overlaps">${overlaps}</ul>` : ''}
<div class="commands">${p.commands.map((c) => renderCommand(c, p))}</div>
${p.links.length > 0 ? html`<p class="links">${p.links.map((l) => html`<button type="button" class="link" data-link="${l.url}" title="${l.url}">${l.label} (from ${l.firstOffset})</button> `)}</p>` : ''}
</article>`;
}

function renderCommand(c: ConsumerCommand, p: PreviewPartition): SafeHtml {
	return html`<div class="command">
<div class="command-head"><span class="label">${c.label}</span> <span class="from">from offset ${c.firstOffset}</span>
<button type="button" class="copy" data-copy="${c.command}" aria-label="${`Copy the ${c.label} command for ${p.topic} partition ${p.partition} from offset ${c.firstOffset}`}">Copy</button></div>
<pre class="code"><code>${c.command}</code></pre>
${c.note ? html`<p class="note">${c.note}</p>` : ''}
</div>`;
}

function renderTemplates(model: PreviewModel): SafeHtml | string {
	if (model.configTemplates.length === 0) {
		return '';
	}
	return html`<section aria-labelledby="h-templates"><h2 id="h-templates">Client properties</h2>
<p>Fill in the placeholders; never paste real secrets into shared files.</p>
${model.configTemplates.map(
	(t) => html`<div class="command template">
<div class="command-head"><span class="label">${t.fileName}</span> <span class="from">for ${t.tool} (${authName(t.auth)})</span>
<button type="button" class="copy" data-copy="${t.text}" aria-label="${`Copy the ${t.fileName} template for ${t.tool}`}">Copy</button></div>
<pre class="code"><code>${t.text}</code></pre></div>`,
)}</section>`;
}

function recordList(indexes: readonly number[]): string {
	const shown = indexes.slice(0, 12).map((i) => `#${i + 1}`);
	const more = indexes.length > shown.length ? ` and ${indexes.length - shown.length} more` : '';
	return `${indexes.length === 1 ? 'record' : 'records'} ${shown.join(', ')}${more}`;
}

/** A page with one message, for when there is no model (the document is closed, the server is starting). */
export function renderMessageDocument(message: string, shell: Omit<DocumentShell, 'focusRecord'>): string {
	return html`<!DOCTYPE html>
<html lang="en">
${documentHead(shell)}
<body>
<h1>Preview offsets <span class="file">${shell.title}</span></h1>
<p class="empty">${message}</p>
</body>
</html>`.value;
}
