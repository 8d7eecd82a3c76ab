/**
 * The timeline picture: one row per partition, one bar per failure record's range from its first
 * to its last record timestamp. Colours come from CSS classes (media/preview.css maps them to
 * VS Code theme variables); labels and tooltips go through the escaping `html` tag.
 */
import * as l10n from '@vscode/l10n';
import type { PreviewModel, PreviewPartition } from '../../../../shared/protocol';
import type { SafeHtml } from './safeHtml';
import { html } from './safeHtml';

/**
 * The drawing's own width. media/preview.css shows it at 440 to 600 px, so that its 12-unit
 * labels stay 11 to 15 px on screen: drawn at 760 units, a 500 px side column shrank them to 8 px.
 */
const WIDTH = 480;
const LABEL_WIDTH = 150;
const RIGHT_MARGIN = 16;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 14;
const TOP = 8;
/** Two lines of ticks: the start under the axis's start, the end under its end (one line has no room for both). */
const AXIS_HEIGHT = 50;
const MIN_BAR_WIDTH = 3;
const MAX_LABEL_CHARS = 20;
/** Bars drawn at most; more would make the page slow without showing more. */
const MAX_BARS = 1000;

interface Bar {
	row: number;
	fromMs: number;
	toMs: number;
	title: string;
}

/** The SVG for the model, or a sentence when no range has timestamps. */
export function timelineSvg(model: PreviewModel): SafeHtml {
	const rows = model.partitions;
	let bars = collectBars(model, rows);
	let coarse = false;
	if (bars.length > MAX_BARS) {
		// Too many records to draw one by one: draw each partition's merged ranges instead.
		bars = mergedBars(rows);
		coarse = true;
	}
	const drawn = bars.length;
	bars = bars.slice(0, MAX_BARS);
	if (bars.length === 0) {
		return html`<p class="empty">${l10n.t('No range has timestamps to draw.')}</p>`;
	}
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (const bar of bars) {
		min = Math.min(min, bar.fromMs);
		max = Math.max(max, bar.toMs);
	}
	if (max - min < 1000) {
		const middle = (min + max) / 2;
		min = middle - 500;
		max = middle + 500;
	}
	const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
	const x = (ms: number): number => round(LABEL_WIDTH + ((ms - min) / (max - min)) * plotWidth);
	const height = TOP + rows.length * ROW_HEIGHT + AXIS_HEIGHT;
	const axisY = TOP + rows.length * ROW_HEIGHT + 4;
	const rowMarkup = rows.map((partition, i) => {
		const y = TOP + i * ROW_HEIGHT;
		const label = `${partition.topic} [${partition.partition}]`;
		return html`<g class="tl-row"><rect class="tl-band${i % 2 === 1 ? ' odd' : ''}" x="0" y="${y}" width="${WIDTH}" height="${ROW_HEIGHT}"></rect><text class="tl-label" x="6" y="${y + ROW_HEIGHT / 2 + 4}"><title>${label}</title>${shorten(label)}</text></g>`;
	});
	const barMarkup = bars.map((bar) => {
		const left = x(bar.fromMs);
		const width = Math.max(MIN_BAR_WIDTH, x(bar.toMs) - left);
		const y = TOP + bar.row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
		return html`<rect class="tl-range" x="${left}" y="${y}" width="${round(width)}" height="${BAR_HEIGHT}" rx="2"><title>${bar.title}</title></rect>`;
	});
	const start = new Date(min).toISOString();
	const end = new Date(max).toISOString();
	const description = coarse
		? l10n.t('Timeline of {0} merged offset ranges in {1} partitions, from {2} to {3}.', bars.length, rows.length, start, end)
		: l10n.t('Timeline of {0} offset ranges in {1} partitions, from {2} to {3}.', bars.length, rows.length, start, end);
	const caption =
		coarse || drawn > bars.length
			? html`<p class="note">${coarse ? l10n.t('Each bar is a merged range of several records.') : ''}${drawn > bars.length ? l10n.t(' Only the first {0} of {1} ranges are drawn.', bars.length, drawn) : ''}</p>`
			: '';
	return html`<svg class="timeline" role="img" aria-label="${description}" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">${rowMarkup}${barMarkup}<line class="tl-axis" x1="${LABEL_WIDTH}" y1="${axisY}" x2="${WIDTH - RIGHT_MARGIN}" y2="${axisY}"></line><text class="tl-tick" x="${LABEL_WIDTH}" y="${axisY + 16}">${start}</text><text class="tl-tick end" x="${WIDTH - RIGHT_MARGIN}" y="${axisY + 34}" text-anchor="end">${end}</text></svg>${caption}`;
}

function collectBars(model: PreviewModel, rows: readonly PreviewPartition[]): Bar[] {
	const records = new Map(model.records.map((r) => [r.index, r]));
	const bars: Bar[] = [];
	rows.forEach((partition, row) => {
		for (const recordIndex of partition.recordIndexes) {
			const record = records.get(recordIndex);
			for (const range of record?.ranges ?? []) {
				if (!range.valid || range.topic !== partition.topic || range.partition !== partition.partition) {
					continue;
				}
				const fromMs = Date.parse(range.firstTimestamp ?? '');
				const toMs = Date.parse(range.lastTimestamp ?? '');
				if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
					continue;
				}
				bars.push({
					row,
					fromMs,
					toMs,
					title: l10n.t(
						'Record #{0}: offsets {1}–{2}, {3} to {4}',
						recordIndex + 1,
						range.firstOffset,
						range.lastOffset,
						range.firstTimestamp ?? '',
						range.lastTimestamp ?? '',
					),
				});
			}
		}
	});
	return bars;
}

function mergedBars(rows: readonly PreviewPartition[]): Bar[] {
	const bars: Bar[] = [];
	rows.forEach((partition, row) => {
		for (const merged of partition.merged) {
			const fromMs = Date.parse(merged.firstTimestamp ?? '');
			const toMs = Date.parse(merged.lastTimestamp ?? '');
			if (Number.isFinite(fromMs) && Number.isFinite(toMs) && toMs >= fromMs) {
				bars.push({
					row,
					fromMs,
					toMs,
					title: l10n.t(
						'Offsets {0}–{1} ({2} records), {3} to {4}',
						merged.firstOffset,
						merged.lastOffset,
						merged.recordIndexes.length,
						merged.firstTimestamp ?? '',
						merged.lastTimestamp ?? '',
					),
				});
			}
		}
	});
	return bars;
}

function shorten(label: string): string {
	return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
