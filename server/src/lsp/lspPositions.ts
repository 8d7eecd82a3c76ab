/**
 * What LSP accepts as a position: `line` and `character` are unsigned integers. A NaN offset
 * would reach the client as `character: null` (JSON has no NaN), which no client can place.
 */
import type { Diagnostic } from 'vscode-languageserver';

/** The largest `uinteger` of the LSP specification. */
const MAX_UINTEGER = 2 ** 31 - 1;

export function isLspInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UINTEGER;
}

export function isLspPosition(value: unknown): value is { line: number; character: number } {
	return isObject(value) && isLspInteger(value['line']) && isLspInteger(value['character']);
}

export function isLspRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
	return isObject(value) && isLspPosition(value['start']) && isLspPosition(value['end']);
}

/**
 * The diagnostics whose ranges are valid LSP ranges. Any other would be a bug in computing them;
 * it is left out and reported rather than sent, as a client may reject the whole notification.
 */
export function withLspRanges(diagnostics: readonly Diagnostic[], report: (message: string) => void): Diagnostic[] {
	return diagnostics.filter((diagnostic) => {
		if (isLspRange(diagnostic.range)) {
			return true;
		}
		const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
		report(`Left out a diagnostic with an invalid range (${JSON.stringify(diagnostic.range)}): ${message}`);
		return false;
	});
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}
