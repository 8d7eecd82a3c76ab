/**
 * One broker of a `bootstrapServers` list, `host:port` (facts sheet §4): what the
 * bootstrap-servers rule reports, and what the preview requires before it writes a consumer
 * command for the list, so the two agree on which lists are usable.
 */
import { parseOffsetText } from './offsets';
import { quoteText } from './printable';

const MAX_PORT = 65535n;

function isHostChar(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || code === 0x5f;
}

/** Whitespace around a broker entry. */
export function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** What is wrong with one trimmed `host:port` broker entry (a message starting "broker"), or undefined. */
export function brokerProblem(entry: string): string | undefined {
	const shown = (): string => quoteText(entry);
	let host: string;
	let portText: string;
	if (entry.startsWith('[')) {
		const close = entry.indexOf(']');
		if (close < 0 || entry.charCodeAt(close + 1) !== 0x3a /* : */) {
			return close < 0 ? `broker ${shown()} has no closing "]" after its IPv6 address.` : `broker ${shown()} has no port; each broker is host:port, such as "b-1.example.com:9092".`;
		}
		host = entry.slice(1, close);
		portText = entry.slice(close + 2);
		if (host === '') {
			return `broker ${shown()} has an empty IPv6 address.`;
		}
	} else {
		const colon = entry.lastIndexOf(':');
		if (colon < 0) {
			return `broker ${shown()} has no port; each broker is host:port, such as "b-1.example.com:9092".`;
		}
		host = entry.slice(0, colon);
		portText = entry.slice(colon + 1);
		if (host === '') {
			return `broker ${shown()} has no host name before its port.`;
		}
		for (let i = 0; i < host.length; i++) {
			if (!isHostChar(host.charCodeAt(i))) {
				const char = String.fromCodePoint(host.codePointAt(i) ?? 0);
				return `broker ${shown()} has an invalid host name: ${JSON.stringify(char)} is not allowed in a host name${char === ':' ? ' (write an IPv6 address in brackets, such as "[::1]:9092")' : ''}.`;
			}
		}
	}
	if (portText === '') {
		return `broker ${shown()} has no port number after its colon.`;
	}
	const port = parseOffsetText(portText, MAX_PORT);
	if (port.issue || port.value === 0n) {
		return `broker ${shown()} has the port ${quoteText(portText)}, which is not a port number from 1 to 65535.`;
	}
	return undefined;
}
