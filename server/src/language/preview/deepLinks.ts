/**
 * Links into Kafka web UIs that open a partition at an offset, made only when the user has set a
 * base URL. kafbat kafka-ui reads `mode`, `offset`, `partitions` and `limit` from its messages
 * page's query; AKHQ's share links are `/ui/{cluster}/topic/{topic}/data?single=true&partition=P&offset=O`
 * (see shared/reference/peers.md). Every component is percent-encoded.
 */
import type { DeepLink } from '../../../../shared/protocol';

/** The base URL without a trailing slash, or undefined unless it is an absolute http(s) URL without credentials. */
export function normalizeBaseUrl(base: string | undefined): string | undefined {
	if (base === undefined || base.trim() === '') {
		return undefined;
	}
	let url: URL;
	try {
		url = new URL(base.trim());
	} catch {
		return undefined;
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
		return undefined;
	}
	url.search = '';
	url.hash = '';
	// Trailing slashes cut by hand: /\/+$/ retries from every slash of a long run (quadratic).
	const text = url.toString();
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 0x2f /* / */) {
		end--;
	}
	return text.slice(0, end);
}

/**
 * A path segment, percent-encoded. `.` and `..` are refused: URL parsers resolve them (even as
 * `%2E%2E`), which would move the link to another page. Kafka forbids such topic names anyway.
 */
function segment(value: string): string | undefined {
	if (value === '' || value === '.' || value === '..') {
		return undefined;
	}
	return encodeURIComponent(value);
}

export interface LinkTarget {
	cluster: string;
	topic: string;
	partition: number;
	first: bigint;
	count: bigint;
}

/** `<base>/ui/clusters/<cluster>/all-topics/<topic>/messages?mode=FROM_OFFSET&offset=<first>&partitions=<p>&limit=<count>` */
export function kafkaUiLink(base: string | undefined, target: LinkTarget): DeepLink | undefined {
	const root = normalizeBaseUrl(base);
	const cluster = segment(target.cluster);
	const topic = segment(target.topic);
	if (!root || !cluster || !topic) {
		return undefined;
	}
	const query = new URLSearchParams({ mode: 'FROM_OFFSET', offset: target.first.toString(), partitions: String(target.partition), limit: target.count.toString() });
	return {
		tool: 'kafka-ui',
		label: 'Open in kafka-ui',
		url: `${root}/ui/clusters/${cluster}/all-topics/${topic}/messages?${query.toString()}`,
		firstOffset: target.first.toString(),
	};
}

/** `<base>/ui/<cluster>/topic/<topic>/data?single=true&partition=<p>&offset=<first>` */
export function akhqLink(base: string | undefined, target: LinkTarget): DeepLink | undefined {
	const root = normalizeBaseUrl(base);
	const cluster = segment(target.cluster);
	const topic = segment(target.topic);
	if (!root || !cluster || !topic) {
		return undefined;
	}
	const query = new URLSearchParams({ single: 'true', partition: String(target.partition), offset: target.first.toString() });
	return {
		tool: 'akhq',
		label: 'Open in AKHQ',
		url: `${root}/ui/${cluster}/topic/${topic}/data?${query.toString()}`,
		firstOffset: target.first.toString(),
	};
}

/** The cluster name in an MSK cluster ARN (`arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`), or undefined. */
export function mskClusterName(eventSourceArn: string | undefined): string | undefined {
	const match = /^arn:[^:]+:kafka:[^:]*:[^:]*:cluster\/([^/]+)\//.exec(eventSourceArn ?? '');
	return match?.[1];
}
