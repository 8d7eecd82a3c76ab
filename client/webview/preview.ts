/**
 * The preview webview's script (bundled to dist/webview.js). The host renders the page, already
 * escaped; this script only wires the controls: copy buttons and link buttons ask the host,
 * the filter box hides payload rows, and a record asked for is scrolled to. It never writes
 * markup: text changes go through `textContent`.
 */
import type { HostToWebview, WebviewToHost } from '../src/preview/webviewMessages';

interface VsCodeApi {
	postMessage(message: WebviewToHost): void;
	getState(): unknown;
	setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface State {
	filter?: string;
	scrollY?: number;
}

const vscode = acquireVsCodeApi();
const COPIED_MS = 1500;

function state(): State {
	const saved = vscode.getState();
	return typeof saved === 'object' && saved !== null ? saved : {};
}

/**
 * The page's own words, translated by the host (renderHtml.ts puts them in `<meta name="l10n">`):
 * the page cannot reach the extension's l10n bundle. English when an entry is missing.
 */
function pageText(name: string, english: string, ...args: (string | number)[]): string {
	let texts: Record<string, unknown> = {};
	try {
		texts = JSON.parse(document.querySelector('meta[name="l10n"]')?.getAttribute('content') ?? '{}') as Record<string, unknown>;
	} catch {
		// A page rendered without its texts reads in English.
	}
	const template = typeof texts[name] === 'string' ? texts[name] : english;
	return template.replace(/\{(\d+)\}/g, (match, index: string) => String(args[Number(index)] ?? match));
}

function announce(text: string): void {
	const status = document.getElementById('status');
	if (status) {
		status.textContent = text;
	}
}

function onClick(event: MouseEvent): void {
	const target = event.target instanceof Element ? event.target.closest('button') : null;
	if (!target) {
		return;
	}
	const { copy, link, action } = target.dataset;
	if (copy !== undefined) {
		vscode.postMessage({ type: 'copy', text: copy });
	} else if (link !== undefined) {
		vscode.postMessage({ type: 'openLink', url: link });
	} else if (action === 'copy-all') {
		vscode.postMessage({ type: 'copyAll' });
	}
}

function showCopied(text: string): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy], button[data-action="copy-all"]')) {
		const matches = button.dataset.copy === text || (button.dataset.action === 'copy-all' && text === '');
		if (matches) {
			const label = button.textContent ?? '';
			button.textContent = pageText('copied', 'Copied');
			window.setTimeout(() => {
				button.textContent = label;
			}, COPIED_MS);
		}
	}
	announce(pageText('copiedToClipboard', 'Copied to the clipboard.'));
}

function setUpFilter(): void {
	const input = document.getElementById('payload-filter');
	const table = document.getElementById('payload-table');
	const count = document.getElementById('payload-count');
	if (!(input instanceof HTMLInputElement) || !table) {
		return;
	}
	// One <tbody> per record (its main row and its second line): filtering hides both together.
	const rows = [...table.querySelectorAll<HTMLTableSectionElement>('tbody')];
	// Lower-cased once: filtering then costs one substring search per record.
	const texts = rows.map((row) => (row.textContent ?? '').toLowerCase());
	const apply = (): void => {
		const query = input.value.trim().toLowerCase();
		let shown = 0;
		rows.forEach((row, i) => {
			const visible = query === '' || texts[i].includes(query);
			row.hidden = !visible;
			shown += visible ? 1 : 0;
		});
		if (count) {
			count.textContent = query === '' ? pageText('records', '{0} records', rows.length) : pageText('recordsShown', '{0} of {1} records', shown, rows.length);
		}
		vscode.setState({ ...state(), filter: input.value });
	};
	input.addEventListener('input', apply);
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && input.value !== '') {
			input.value = '';
			apply();
			event.preventDefault();
		}
	});
	const saved = restoring ? state().filter : undefined;
	if (saved) {
		input.value = saved;
		apply();
	}
}

function reveal(recordIndex: number): void {
	for (const element of document.querySelectorAll('.focused')) {
		element.classList.remove('focused');
	}
	for (const row of document.querySelectorAll<HTMLElement>(`[data-record="${recordIndex}"]`)) {
		row.classList.add('focused');
	}
	const target = document.getElementById(`record-${recordIndex}`);
	if (target) {
		target.scrollIntoView({ block: 'center' });
		target.focus({ preventScroll: true });
	}
}

function onMessage(event: MessageEvent<unknown>): void {
	const message = event.data as HostToWebview | null;
	if (typeof message !== 'object' || message === null) {
		return;
	}
	if (message.type === 'copied' && typeof message.text === 'string') {
		showCopied(message.text);
	} else if (message.type === 'reveal' && Number.isInteger(message.recordIndex)) {
		reveal(message.recordIndex);
	}
}

/** Keeps the scroll position, so that a page re-rendered after an edit opens where the user was. */
function trackScroll(): void {
	let pending = false;
	window.addEventListener('scroll', () => {
		if (!pending) {
			pending = true;
			window.setTimeout(() => {
				pending = false;
				vscode.setState({ ...state(), scrollY: window.scrollY });
			}, 200);
		}
	});
}

const restoring = document.body.dataset['restoreState'] === 'true';
document.addEventListener('click', onClick);
window.addEventListener('message', onMessage);
setUpFilter();
trackScroll();
const focus = document.body.dataset['focusRecord'];
const savedScroll = state().scrollY;
if (focus !== undefined && /^[0-9]+$/.test(focus)) {
	reveal(Number(focus));
} else if (restoring && typeof savedScroll === 'number') {
	window.scrollTo(0, savedScroll);
}
