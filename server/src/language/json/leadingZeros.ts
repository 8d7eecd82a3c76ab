/**
 * `"BatchSize": 00012` is not JSON: a number has no leading zeros (RFC 8259 §6). A recovering
 * parser reads it as the number 0 followed by three stray tokens, so the user got three generic
 * syntax errors and a false "BatchSize is 0, below the minimum". Finding these numbers first lets
 * the parse read the number the user meant and the diagnostic name the real problem.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';

export interface LeadingZeroNumber {
	/** Offset of the number's first character (its sign, if any). */
	start: number;
	/** Offset after its last character. */
	end: number;
	/** The number as JSON writes it: `12` for `00012`, `-0.5` for `-00.5`. */
	normalized: string;
}

/** A zero followed by a digit where a number may start, before any string check (cheap pre-filter). */
const CANDIDATE = /(?<![0-9A-Za-z.+-])-?0[0-9]/;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Finds numbers with leading zeros outside strings and comments. */
export function findLeadingZeroNumbers(text: string): LeadingZeroNumber[] {
	if (!CANDIDATE.test(text)) {
		return [];
	}
	const found: LeadingZeroNumber[] = [];
	const scanner = createScanner(text, true);
	for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
		if (token !== SyntaxKind.NumericLiteral) {
			continue;
		}
		const start = scanner.getTokenOffset();
		const value = scanner.getTokenValue();
		const next = text.charCodeAt(start + value.length);
		if ((value !== '0' && value !== '-0') || next < 0x30 /* 0 */ || next > 0x39 /* 9 */) {
			continue;
		}
		NUMBER.lastIndex = start;
		const written = NUMBER.exec(text)?.[0] ?? value;
		found.push({ start, end: start + written.length, normalized: withoutLeadingZeros(written) });
		// Continue after the whole number, not at the scanner's next token inside it.
		scanner.setPosition(start + written.length);
	}
	return found;
}

/** `-00012.50` -> `-12.50`, `000` -> `0`, `00.5` -> `0.5`. */
export function withoutLeadingZeros(written: string): string {
	const sign = written.startsWith('-') ? '-' : '';
	const unsigned = written.slice(sign.length).replace(/^0+(?=[0-9])/, '');
	return sign + unsigned;
}

/** The text with each such number replaced by its normalized form, right-aligned in spaces: same length, same offsets. */
export function maskLeadingZeros(text: string, numbers: readonly LeadingZeroNumber[]): string {
	let masked = '';
	let from = 0;
	for (const number of numbers) {
		masked += text.slice(from, number.start) + number.normalized.padStart(number.end - number.start, ' ');
		from = number.end;
	}
	return masked + text.slice(from);
}
