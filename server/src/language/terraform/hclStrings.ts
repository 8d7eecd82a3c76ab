/**
 * Decodes the literal text of an HCL quoted string and keeps, for every decoded character, its
 * offset in the source: a rule that points at one segment of an ARN then underlines exactly
 * those characters, even after escapes such as `\"` or `\u00e9`.
 *
 * HCL's escapes (hashicorp/hcl, hclsyntax spec "Template Literals"): `\n \r \t \" \\`,
 * `\uNNNN`, `\UNNNNNNNN`; `$${` and `%%{` stand for a literal `${` and `%{`.
 */

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export interface DecodedText {
	value: string;
	/** The source offset of each decoded character (UTF-16 units), and one more for the end. */
	offsets: number[];
}

export function decodeQuotedText(source: string, from: number, to: number): DecodedText {
	let value = '';
	const offsets: number[] = [];
	const emit = (text: string, at: number): void => {
		value += text;
		for (let k = 0; k < text.length; k++) {
			offsets.push(at);
		}
	};
	let i = from;
	while (i < to) {
		const char = source[i];
		if (char === '\\' && i + 1 < to) {
			const decoded = decodeEscape(source, i + 1, to);
			emit(decoded.text, i);
			i = decoded.next;
		} else if ((char === '$' || char === '%') && source[i + 1] === char && source[i + 2] === '{') {
			emit(`${char}{`, i);
			i += 3;
		} else {
			emit(char, i);
			i++;
		}
	}
	offsets.push(to);
	return { value, offsets };
}

function decodeEscape(source: string, at: number, to: number): { text: string; next: number } {
	const letter = source[at];
	if (letter in SIMPLE_ESCAPES) {
		return { text: SIMPLE_ESCAPES[letter], next: at + 1 };
	}
	const width = letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
	const hex = source.slice(at + 1, at + 1 + width);
	if (width > 0 && at + 1 + width <= to && /^[0-9a-fA-F]+$/.test(hex)) {
		const codePoint = parseInt(hex, 16);
		if (codePoint <= 0x10ffff) {
			return { text: String.fromCodePoint(codePoint), next: at + 1 + width };
		}
	}
	// Not an escape HCL knows: Terraform rejects the file; keep the text as written.
	return { text: `\\${letter}`, next: at + 1 };
}
