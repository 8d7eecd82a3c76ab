/**
 * Turning fetched message bodies and objects into documents for the editor, without rounding:
 * JSON is re-indented or compacted as text, never parsed into numbers and printed back, so a
 * 64-bit offset keeps its digits.
 */
import { reindentJson } from '../../../shared/format';

/** The failure record in an SQS body: the body itself, or the `Message` of an SNS notification envelope (a queue subscribed to the destination topic without raw delivery). */
export function unwrapBody(body: string): string {
	const trimmed = body.trim();
	if (!trimmed.startsWith('{') || !trimmed.includes('"Notification"')) {
		return body;
	}
	try {
		const envelope = JSON.parse(trimmed) as Record<string, unknown>;
		if (envelope['Type'] === 'Notification' && typeof envelope['Message'] === 'string' && typeof envelope['TopicArn'] === 'string') {
			return envelope['Message'];
		}
	} catch {
		// Not JSON: shown as it is.
	}
	return body;
}

/** Whether the text is one valid JSON value. */
export function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** Valid JSON re-indented with two spaces; anything else unchanged. */
export function prettyJson(text: string): string {
	return isJson(text) ? reindentJson(text.trim(), Number.POSITIVE_INFINITY).text + '\n' : text;
}

/** Valid JSON on one line (for JSON Lines), whitespace outside strings removed; anything else undefined. */
export function compactJson(text: string): string | undefined {
	if (!isJson(text)) {
		return undefined;
	}
	let out = '';
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			out += c;
			if (c === '\\') {
				out += text[++i] ?? '';
			} else if (c === '"') {
				inString = false;
			}
		} else if (c === '"') {
			inString = true;
			out += c;
		} else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
			out += c;
		}
	}
	return out;
}
