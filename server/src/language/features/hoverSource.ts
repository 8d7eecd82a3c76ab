/**
 * Source text for hovers: a JSON number above 2^53 - 1 is rounded in the parsed values a hover
 * sees, so its exact digits are read from the text instead, through the parse's index of long
 * numbers (built once per text).
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import type { PositionContext } from './documentPosition';

const NUMBER_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** The source text of the number at `path` (relative to the hovered subject), or undefined. */
export function numberSourceText(context: PositionContext, path: JsonPath): string | undefined {
	const full = context.textPath;
	if (full.length < context.path.length) {
		return undefined;
	}
	const absolute = [...full.slice(0, full.length - context.path.length), ...path];
	const raw = context.parsed.numberText(absolute);
	if (raw === undefined) {
		return undefined;
	}
	return raw.length <= 400 && NUMBER_TEXT.test(raw) ? raw : undefined;
}

/** A number from the document as exact text: safe integers directly, larger ones from the source. */
export function exactNumberText(context: PositionContext, path: JsonPath, value: number): string {
	if (Number.isSafeInteger(value)) {
		return String(value);
	}
	return numberSourceText(context, path) ?? String(value);
}
