/**
 * The only way the preview builds markup: the `html` template tag escapes every interpolated
 * value unless it is itself the output of `html`. Record data (topic names, headers, keys,
 * values) therefore always ends up as text, inside element content or a double-quoted attribute.
 */

const TOKEN = Symbol('SafeHtml');

/** Markup produced by {@link html}. Only this module holds the token its constructor wants. */
export class SafeHtml {
	constructor(
		token: symbol,
		readonly value: string,
	) {
		if (token !== TOKEN) {
			// A programming error, never shown to users. l10n-ignore
			throw new TypeError('SafeHtml is made only by the html template tag.');
		}
	}

	toString(): string {
		return this.value;
	}
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'`': '&#96;',
};

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

function render(value: HtmlValue): string {
	if (value instanceof SafeHtml) {
		return value.value;
	}
	if (Array.isArray(value)) {
		return (value as readonly HtmlValue[]).map(render).join('');
	}
	if (value === null || value === undefined || value === false) {
		return '';
	}
	return escapeHtml(String(value));
}

/**
 * Tag for markup templates: the literal parts are the template's own markup, every `${value}` is
 * escaped (arrays are rendered item by item; null, undefined and false render nothing). Write
 * attribute values in double quotes: `<td title="${text}">`.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
	let out = strings[0];
	for (let i = 0; i < values.length; i++) {
		out += render(values[i]) + strings[i + 1];
	}
	return new SafeHtml(TOKEN, out);
}
