/**
 * Messages between the preview webview's script (client/webview/preview.ts) and the extension
 * host (client/src/preview/previewPanel.ts). The page never acts on its own: it asks the host,
 * which copies or opens only what it generated itself.
 */

/** From the webview to the host. */
export type WebviewToHost =
	/** Copy a command or template shown on the page (the host checks it is one of the model's). */
	| { type: 'copy'; text: string }
	/** Copy every command as one shell snippet. */
	| { type: 'copyAll' }
	/** Open a web-UI link the user clicked (the host checks it is one of the model's). */
	| { type: 'openLink'; url: string };

/** From the host to the webview. */
export type HostToWebview =
	/** Confirms a copy, so the button can say so: the text copied, or '' for the whole shell snippet. */
	| { type: 'copied'; text: string }
	/** Scroll to a record and highlight it. */
	| { type: 'reveal'; recordIndex: number };

/** Narrows an unknown message from the webview; anything else is ignored. */
export function parseWebviewMessage(message: unknown): WebviewToHost | undefined {
	if (typeof message !== 'object' || message === null) {
		return undefined;
	}
	const m = message as Record<string, unknown>;
	if (m['type'] === 'copy' && typeof m['text'] === 'string') {
		return { type: 'copy', text: m['text'] };
	}
	if (m['type'] === 'copyAll') {
		return { type: 'copyAll' };
	}
	if (m['type'] === 'openLink' && typeof m['url'] === 'string') {
		return { type: 'openLink', url: m['url'] };
	}
	return undefined;
}
