/**
 * Checks the `contentChanges` of a `textDocument/didChange` before any of them is applied. A
 * position without `character`, or with a string there, used to be read as NaN: the text was
 * inserted at the end and every later position was NaN. Such a change is refused instead.
 */
import { isLspInteger } from './lspPositions';

/** What is wrong with the first malformed change ("change 2: range.start.character is missing"), or undefined when all are well formed. */
export function malformedChanges(changes: unknown): string | undefined {
	if (!Array.isArray(changes)) {
		return 'the changes are not an array';
	}
	for (let i = 0; i < changes.length; i++) {
		const problem = malformedChange(changes[i]);
		if (problem) {
			return `change ${i + 1}: ${problem}`;
		}
	}
	return undefined;
}

function malformedChange(change: unknown): string | undefined {
	if (!isObject(change)) {
		return 'not an object';
	}
	if (typeof change['text'] !== 'string') {
		return 'text is not a string';
	}
	// Without a range the change replaces the whole text; `range: null` is no such change.
	if (!('range' in change) || change['range'] === undefined) {
		return undefined;
	}
	const range = change['range'];
	if (!isObject(range) || !isObject(range['start']) || !isObject(range['end'])) {
		return 'range is not an object with start and end';
	}
	for (const end of ['start', 'end'] as const) {
		const position = range[end] as Record<string, unknown>;
		for (const field of ['line', 'character'] as const) {
			const value = position[field];
			if (value === undefined) {
				return `range.${end}.${field} is missing`;
			}
			if (!isLspInteger(value)) {
				return `range.${end}.${field} is ${typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value)}, not a non-negative integer`;
			}
		}
	}
	return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}
