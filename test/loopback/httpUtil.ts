/**
 * Plumbing shared by the loopback servers: bind to 127.0.0.1 only, read bodies, parse query
 * strings the way AWS does, and shut down without waiting for the SDK's keep-alive sockets.
 */
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The account every loopback resource belongs to. */
export const ACCOUNT_ID = '123456789012';

/** Listens on 127.0.0.1 (never another address) and resolves with the port actually bound. */
export function listenOnLoopback(server: Server, port = 0): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

/** Closes the server and drops idle keep-alive connections, which `close()` alone would wait for. */
export function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

/** Reads the whole request body. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) {
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** A request target split into its raw path, raw query and decoded query parameters. */
export interface ParsedTarget {
	/** The path exactly as sent (still percent-encoded). */
	rawPath: string;
	/** Everything after `?`, or `''`. */
	rawQuery: string;
	/** Decoded parameters; a repeated name keeps its last value. */
	query: Record<string, string>;
}

/**
 * Splits `request.url`. AWS SDKs percent-encode spaces as `%20`, so `+` is left alone rather than
 * read as a space (S3 keys may contain a literal `+`).
 */
export function parseTarget(url: string | undefined): ParsedTarget {
	const target = url ?? '/';
	const mark = target.indexOf('?');
	const rawPath = mark < 0 ? target : target.slice(0, mark);
	const rawQuery = mark < 0 ? '' : target.slice(mark + 1);
	const query: Record<string, string> = {};
	for (const [name, value] of queryPairs(rawQuery)) {
		query[name] = value;
	}
	return { rawPath, rawQuery, query };
}

/** The decoded `name=value` pairs of a raw query string, in order; a bare `name` has value `''`. */
export function queryPairs(rawQuery: string): Array<[string, string]> {
	if (rawQuery === '') {
		return [];
	}
	return rawQuery
		.split('&')
		.filter((part) => part !== '')
		.map((part) => {
			const eq = part.indexOf('=');
			const name = eq < 0 ? part : part.slice(0, eq);
			const value = eq < 0 ? '' : part.slice(eq + 1);
			return [safeDecode(name), safeDecode(value)];
		});
}

/** `decodeURIComponent` that returns the input unchanged when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The value of a header Node may have joined or split, as one string. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(',') : value;
}

/** The headers worth recording, with `Authorization` and the session token taken out. */
export function withoutSecrets(headers: IncomingHttpHeaders): Record<string, string> {
	const copy: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (name === 'authorization' || name === 'x-amz-security-token' || value === undefined) {
			continue;
		}
		copy[name] = Array.isArray(value) ? value.join(',') : value;
	}
	return copy;
}

/** Resolves after `ms` milliseconds; the timer does not keep the process alive. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The ARN partition a region belongs to (enough for the regions tests use). */
export function partitionOf(region: string): string {
	if (region.startsWith('cn-')) {
		return 'aws-cn';
	}
	if (region.startsWith('us-gov-')) {
		return 'aws-us-gov';
	}
	if (region.startsWith('us-isob-')) {
		return 'aws-iso-b';
	}
	if (region.startsWith('us-iso-')) {
		return 'aws-iso';
	}
	return 'aws';
}
