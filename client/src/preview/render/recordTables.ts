/**
 * The two wide tables of the preview: failure records and payload records. A side column is
 * about 500 px wide, so each record shows the columns a user reads first on one row (which record,
 * which offsets, the decoded value) and the rest on a second row that spans the table; no cell
 * stays tall and empty beside a long note. Each record is one `<tbody>`, so the filter hides a
 * record's rows together. Built only with the escaping `html` tag, like the rest of the page.
 */
import * as l10n from '@vscode/l10n';
import type { DecodedView, PreviewModel, PreviewPayloadRecord, PreviewRange, PreviewRecord } from '../../../../shared/protocol';
import { formatDuration } from '../../../../shared/format';
import { counted } from '../../../../shared/printable';
import type { SafeHtml } from './safeHtml';
import { html } from './safeHtml';

/** Records listed in the records table; the partitions above already sum up all of them. */
const MAX_RECORD_ROWS = 1000;
const RECORD_COLUMNS = 5;
const PAYLOAD_COLUMNS = 5;

/** One labelled fact of a second row; nothing when there is no value. */
function fact(label: string, value: SafeHtml | string | undefined, title?: string): SafeHtml | string {
	if (value === undefined || value === '') {
		return '';
	}
	return html`<span class="fact"${title ? html` title="${title}"` : ''}><span class="dim">${label}</span> ${value}</span> `;
}

/** The second row of a record's range: the record's own facts (on its first range), the range's times, the notes. */
function recordMore(r: PreviewRecord, range: PreviewRange | undefined, first: boolean): SafeHtml | string {
	const notes = [...(first ? r.notes.map((n) => n.message) : []), ...(range?.problem ? [range.problem] : [])];
	const facts = [
		first ? fact(l10n.t('Line'), String(r.line + 1)) : '',
		first ? fact(l10n.t('Condition'), r.condition) : '',
		first ? fact(l10n.t('Timestamp'), r.timestamp) : '',
		first ? fact(l10n.t('Function'), r.functionName, r.functionArn) : '',
		fact(l10n.t('First timestamp'), range?.firstTimestamp),
		fact(l10n.t('Last timestamp'), range?.lastTimestamp),
		fact(l10n.t('Span'), range?.spanMs !== undefined ? formatDuration(range.spanMs) : undefined),
	];
	if (facts.every((f) => f === '') && notes.length === 0) {
		return '';
	}
	return html`<tr class="more${range && !range.valid ? ' invalid' : ''}" data-record="${r.index}"><td colspan="${RECORD_COLUMNS}"><div class="more-body">${facts}${notes.map((n) => html`<span class="cell-note">${n}</span>`)}</div></td></tr>`;
}

function recordRows(r: PreviewRecord): SafeHtml {
	const ranges = r.ranges.length > 0 ? r.ranges : [undefined];
	const rows = ranges.map((range, i) => {
		const first = i === 0;
		return html`<tr class="${range && !range.valid ? 'invalid' : ''}"${first ? html` id="record-${r.index}" tabindex="-1"` : ''} data-record="${r.index}">
<td>${first ? `#${r.index + 1}` : ''}</td><td>${range?.key ?? '—'}</td><td class="num">${range?.firstOffset ?? ''}</td><td class="num">${range?.lastOffset ?? ''}</td><td class="num">${range?.count ?? ''}</td></tr>
${recordMore(r, range, first)}`;
	});
	return html`<tbody>${rows}</tbody>`;
}

export function renderRecords(all: readonly PreviewRecord[]): SafeHtml {
	const records = all.slice(0, MAX_RECORD_ROWS);
	return html`<section aria-labelledby="h-records"><h2 id="h-records">${l10n.t('Failure records')}</h2>
<div class="scroll">
<table class="records">
<caption>${l10n.t("Each record's topic-partition ranges")}</caption>
<thead><tr><th scope="col">${l10n.t('Record')}</th><th scope="col">${l10n.t('Topic-partition')}</th><th scope="col">${l10n.t('First offset')}</th><th scope="col">${l10n.t('Last offset')}</th><th scope="col">${l10n.t('Count')}</th></tr></thead>
${records.map(recordRows)}
</table></div>
${all.length > records.length ? html`<p class="note">${l10n.t('Only the first {0} of {1} records are listed; the partitions above include them all.', records.length, all.length)}</p>` : ''}</section>`;
}

function payloadRows(r: PreviewPayloadRecord): SafeHtml {
	const position = r.position === 'outside' ? 'outside' : r.position === 'unknown' ? 'unknown' : 'in-range';
	const timestamp = r.timestamp ? html`${r.timestamp}${r.timestampType ? html` <span class="dim">(${r.timestampType})</span>` : ''}` : undefined;
	return html`<tbody class="payload-record">
<tr class="payload-row ${position}" data-record="${r.recordIndex}">
<td>#${r.recordIndex + 1}</td><td class="num">${r.partition ?? '—'}</td><td class="num">${r.offset ?? '—'}</td>
<td>${renderDecoded(r.value)}</td><td>${renderDecoded(r.key)}</td></tr>
<tr class="more payload-more ${position}" data-record="${r.recordIndex}"><td colspan="${PAYLOAD_COLUMNS}"><div class="more-body">${fact(l10n.t('Topic'), r.topic)}${fact(l10n.t('Timestamp'), timestamp)}${fact(l10n.t('Range'), positionText(r))}
<div class="fact-block"><span class="dim">${l10n.t('Headers')}</span> ${renderHeaders(r)}</div></div></td></tr>
</tbody>`;
}

export function renderPayload(model: PreviewModel): SafeHtml {
	return html`<section aria-labelledby="h-payload"><h2 id="h-payload">${l10n.t('Payload records')}</h2>
<p class="filter"><label for="payload-filter">${l10n.t('Filter records')}</label> <input id="payload-filter" type="search" placeholder="${l10n.t('topic, key, value, header…')}" aria-controls="payload-table" aria-describedby="payload-count"> <span id="payload-count" role="status" aria-live="polite">${counted(model.payloadRecords.length, l10n.t('{0} record'), l10n.t('{0} records'))}</span></p>
<div class="scroll">
<table class="payload" id="payload-table">
<caption>${l10n.t('The original Kafka records carried in payload, decoded')}</caption>
<thead><tr><th scope="col">${l10n.t('Record')}</th><th scope="col">${l10n.t('Partition')}</th><th scope="col">${l10n.t('Offset')}</th><th scope="col">${l10n.t('Value')}</th><th scope="col">${l10n.t('Key')}</th></tr></thead>
${model.payloadRecords.map(payloadRows)}
</table></div>
${model.payloadRecordsOmitted > 0 ? html`<p class="note">${counted(model.payloadRecordsOmitted, l10n.t('{0} more record not shown.'), l10n.t('{0} more records not shown.'))}</p>` : ''}
</section>`;
}

function renderDecoded(view: DecodedView): SafeHtml {
	switch (view.form) {
		case 'missing':
			return html`<span class="dim">${l10n.t('(none)')}</span>`;
		case 'empty':
			return html`<span class="dim">${l10n.t('(empty)')}</span>`;
		case 'invalid':
			return html`<span class="dim">${l10n.t('(not base64 / bytes)')}</span>${view.text ? html`<pre class="value">${view.text}</pre>` : ''}`;
		default: {
			const label = view.form === 'json' ? 'JSON' : view.form === 'hex' ? l10n.t('hex') : l10n.t('text');
			const size = counted(view.byteLength, l10n.t('{0} byte'), l10n.t('{0} bytes'));
			return html`<span class="form">${label} · ${view.truncated ? l10n.t('{0}, shortened', size) : size}</span><pre class="value ${view.form}">${view.text}</pre>`;
		}
	}
}

function renderHeaders(r: PreviewPayloadRecord): SafeHtml {
	if (r.headers.length === 0) {
		return html`<span class="dim">${l10n.t('(none)')}</span>`;
	}
	return html`<dl class="headers">${r.headers.map((h) => html`<dt>${h.name}</dt><dd>${renderDecoded(h.value)}</dd>`)}</dl>`;
}

function positionText(r: PreviewPayloadRecord): string {
	switch (r.position) {
		case 'first':
			return l10n.t('first of {0}', r.rangeKey ?? '');
		case 'last':
			return l10n.t('last of {0}', r.rangeKey ?? '');
		case 'only':
			return l10n.t('only record of {0}', r.rangeKey ?? '');
		case 'inside':
			return l10n.t('in {0}', r.rangeKey ?? '');
		case 'outside':
			return l10n.t('outside every range');
		case 'unknown':
			return l10n.t('unknown offset');
	}
}
