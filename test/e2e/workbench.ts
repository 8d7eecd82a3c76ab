/**
 * Drives the VS Code workbench in headless Chromium the way a user does: quick open, the command
 * palette, the Problems panel, hovers and the quick-fix menu. Every wait is on a selector or a
 * condition, never a fixed sleep.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { repoRoot } from '../helpers';

/** The few DOM members read inside the page (the tests compile without the DOM library). */
interface DomNode {
	getAttribute(name: string): string | null;
	textContent: string | null;
	style: { top: string };
}

export const RESULTS_DIR = path.join(repoRoot(), 'test-results', 'e2e');

export async function launchBrowser(): Promise<Browser> {
	const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
	if (!fs.existsSync(executablePath)) {
		throw new Error(`Chromium not found at ${executablePath}: run 'bash scripts/install-e2e-deps.sh' first.`);
	}
	return chromium.launch({
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
		],
	});
}

export interface ProblemRow {
	severity: string;
	message: string;
	line: number;
	character: number;
	source: string;
}

/** Polls `probe` until it returns a defined value or the time runs out. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 150): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) {
				return value;
			}
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

export class Workbench {
	constructor(readonly page: Page) {}

	static async open(browser: Browser, url: string, options: { trustWorkspace?: boolean } = {}): Promise<Workbench> {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(url);
		await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
		if (options.trustWorkspace === false) {
			// With workspace trust on, VS Code asks first; answering no opens Restricted Mode.
			const no = page.locator('.monaco-dialog-box a.monaco-button', { hasText: "No, I don't trust the authors" });
			await no.waitFor({ state: 'visible', timeout: 60_000 });
			await no.click();
		}
		// The explorer shows the folder once the workbench has restored its layout.
		await page.waitForSelector('.explorer-folders-view', { timeout: 60_000 });
		return new Workbench(page);
	}

	/** Opens a workspace file with Quick Open and waits for its editor tab to be active. */
	async openFile(relativePath: string): Promise<void> {
		const name = path.basename(relativePath);
		await this.dismissWidgets();
		await this.page.keyboard.press('Control+P');
		const input = this.page.locator('.quick-input-widget input');
		await input.waitFor({ state: 'visible' });
		await input.fill(relativePath);
		// Enter picks the focused row: wait until filtering has put the file there.
		await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ state: 'visible' });
		await this.page.keyboard.press('Enter');
		await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible' });
		await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
	}

	/** Closes whatever quick input or hover is open, so the next keystroke goes to the workbench. */
	async dismissWidgets(): Promise<void> {
		for (let i = 0; i < 3 && (await this.page.locator('.quick-input-widget:visible, .monaco-hover:visible, .action-widget:visible').count()) > 0; i++) {
			await this.page.keyboard.press('Escape');
		}
	}

	/** Runs a command from the command palette by its title. */
	async runCommand(title: string): Promise<void> {
		await this.dismissWidgets();
		await this.page.keyboard.press('F1');
		const input = this.page.locator('.quick-input-widget input');
		await input.waitFor({ state: 'visible' });
		await input.fill(`>${title}`);
		await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ state: 'visible' });
		await this.page.keyboard.press('Enter');
	}

	/** The titles the command palette lists for a search. */
	async paletteEntries(search: string): Promise<string[]> {
		await this.page.keyboard.press('F1');
		const input = this.page.locator('.quick-input-widget input');
		await input.waitFor({ state: 'visible' });
		await input.fill(`>${search}`);
		// The list settles after filtering; "No matching commands" shows when nothing matches.
		await until('the command palette to filter', async () =>
			(await this.page.locator('.quick-input-list .monaco-list-row, .quick-input-message').count()) > 0 ? true : undefined,
		);
		const rows = await this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
		await this.page.keyboard.press('Escape');
		return rows;
	}

	async showProblems(): Promise<void> {
		if (!(await this.page.locator('.markers-panel').isVisible())) {
			// Toggles the Problems panel (workbench.actions.view.problems).
			await this.page.keyboard.press('Control+Shift+M');
		}
		await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
	}

	/** The Problems panel's rows for one file (every row is read from its accessible label). */
	async problemsOf(fileName: string): Promise<ProblemRow[]> {
		await this.showProblems();
		const labels = await this.page
			.locator('.markers-panel .monaco-list-row[aria-label]')
			.evaluateAll((rows: unknown[]) => rows.map((r) => (r as DomNode).getAttribute('aria-label') ?? ''));
		const rows: ProblemRow[] = [];
		let currentFile = '';
		for (const label of labels) {
			const file = /problems? in file (.+?) of folder/.exec(label);
			if (file) {
				currentFile = file[1]!;
				continue;
			}
			const marker = /^(Error|Warning|Info): (.*) at line (\d+) and character (\d+)\. generated by (.+)$/s.exec(label);
			if (marker && currentFile === fileName) {
				rows.push({ severity: marker[1], message: marker[2], line: Number(marker[3]), character: Number(marker[4]), source: marker[5] });
			}
		}
		return rows;
	}

	/** Waits until the Problems panel lists exactly `count` problems for the file, and returns them. */
	async waitForProblems(fileName: string, count: number): Promise<ProblemRow[]> {
		return until(`${count} problems for ${fileName}`, async () => {
			const rows = await this.problemsOf(fileName);
			return rows.length === count ? rows : undefined;
		});
	}

	/** Moves the mouse over the first rendered occurrence of `text` in the active editor and returns the hover's text. */
	async hover(text: string): Promise<string> {
		const token = this.page.locator('.editor-instance .view-lines span span', { hasText: text }).first();
		await token.waitFor({ state: 'visible' });
		const box = await token.boundingBox();
		if (!box) {
			throw new Error(`No box for ${text}`);
		}
		await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		const hover = this.page.locator('.monaco-hover .hover-contents').first();
		await hover.waitFor({ state: 'visible' });
		return hover.innerText();
	}

	/** Clicks the token containing `text`, opens the quick-fix menu (Ctrl+.) and picks `title`. */
	async quickFix(text: string, title: string): Promise<void> {
		const token = this.page.locator('.editor-instance .view-lines span span', { hasText: text }).first();
		await token.click();
		await this.pickQuickFix(title);
	}

	/**
	 * Puts the cursor at a 1-based line and column (Go to Line) and applies the quick fix `title`:
	 * for a file without syntax colouring, whose line is one token that a click cannot aim into.
	 */
	async quickFixAt(line: number, column: number, title: string): Promise<void> {
		await this.dismissWidgets();
		await this.page.keyboard.press('Control+G');
		const input = this.page.locator('.quick-input-widget input');
		await input.waitFor({ state: 'visible' });
		await input.fill(`:${line}:${column}`);
		await this.page.keyboard.press('Enter');
		await input.waitFor({ state: 'hidden' });
		await this.pickQuickFix(title);
	}

	private async pickQuickFix(title: string): Promise<void> {
		await this.page.keyboard.press('Control+.');
		await this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
		// The menu is keyboard-driven (a pointer block covers it): move the focus to the fix, then Enter.
		const focused = this.page.locator('.action-widget .monaco-list-row.focused');
		for (let i = 0; i < 20 && !(await focused.innerText()).includes(title); i++) {
			await this.page.keyboard.press('ArrowDown');
		}
		assert.ok((await focused.innerText()).includes(title), `the quick-fix menu has no "${title}"`);
		await this.page.keyboard.press('Enter');
		await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
	}

	/** Types text at the end of a line (1-based) of a file. */
	async typeAtEndOfLine(fileName: string, line: number, text: string): Promise<void> {
		await this.openFile(fileName);
		await this.page.locator('.editor-instance .view-lines').first().click();
		await this.page.keyboard.press('Control+Home');
		for (let i = 1; i < line; i++) {
			await this.page.keyboard.press('ArrowDown');
		}
		await this.page.keyboard.press('End');
		// Inserted as one input event: no auto-closing quotes or brackets get in the way.
		await this.page.keyboard.insertText(text);
	}

	/** The active editor's text, read from the model through the DOM (visible lines). */
	async editorText(): Promise<string> {
		const lines = await this.page.locator('.editor-instance .view-lines .view-line').evaluateAll((nodes: unknown[]) =>
			(nodes as DomNode[])
				.map((n) => ({ top: parseFloat(n.style.top || '0'), text: (n.textContent ?? '').replace(/\u00a0/g, ' ') }))
				.sort((a, b) => a.top - b.top)
				.map((l) => l.text),
		);
		return lines.join('\n');
	}

	/** Picks the first item of the open quick pick whose text contains `text`. */
	async pickQuickInput(text: string): Promise<void> {
		const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
		await row.waitFor({ state: 'visible', timeout: 30_000 });
		await row.click();
	}

	/** Clicks a button of the modal dialog VS Code shows for `{ modal: true }` messages. */
	async clickDialogButton(label: string): Promise<void> {
		const button = this.page.locator('.monaco-dialog-box .dialog-buttons a.monaco-button', { hasText: label }).first();
		await button.waitFor({ state: 'visible', timeout: 30_000 });
		await button.click();
	}

	/** Waits for a notification toast whose text matches, and returns that text. */
	async waitForNotification(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
		return until(
			`a notification matching ${pattern}`,
			async () => {
				const texts = await this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
				return texts.find((t) => pattern.test(t));
			},
			timeoutMs,
		);
	}

	/** The content frame of the (single) webview panel: VS Code nests it in two iframes. */
	webviewFrame(): FrameLocator {
		return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
	}

	/**
	 * Resizes the browser until the preview panel is about `width` px wide (the editor groups keep
	 * their shares of the window, so each step moves the panel by a share of the change), and
	 * returns the width it got.
	 */
	async resizeWebviewTo(width: number): Promise<number> {
		const frame = this.page.locator('iframe.webview.ready');
		let panel = 0;
		for (let i = 0; i < 6; i++) {
			panel = Math.round((await frame.boundingBox())?.width ?? 0);
			const viewport = this.page.viewportSize() ?? { width: 1400, height: 900 };
			if (Math.abs(panel - width) <= 8 || panel === 0) {
				break;
			}
			const share = panel / viewport.width;
			await this.page.setViewportSize({ width: Math.round(viewport.width + (width - panel) / Math.max(share, 0.2)), height: viewport.height });
			await this.page.waitForTimeout(300);
		}
		return panel;
	}

	async screenshot(name: string): Promise<string> {
		fs.mkdirSync(RESULTS_DIR, { recursive: true });
		const file = path.join(RESULTS_DIR, `${name}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}
}
