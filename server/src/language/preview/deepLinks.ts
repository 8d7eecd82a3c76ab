/**
 * Links into Kafka web UIs that open a partition at an offset, made only when the user has set a
 * base URL. kafbat kafka-ui reads `mode`, `offset`, `partitions` and `limit` from its messages
 * page's query; AKHQ's share links are `/ui/{cluster}/topic/{topic}/data?single=true&partition=P&offset=O`
 * (see shared/reference/peers.md). Every component is percent-encoded.
 *
 * Encoding alone does not keep a link on its page: VS Code's `Uri.parse` decodes the path, so
 * `..%2F..%2Fapi` comes back as `../../api` and the browser climbs out of the base path. So
 * names that decoding could turn into a path separator, a dot segment, a query or a fragment
 * are refused before any link is built: a topic must be a name Kafka accepts (which has no `/`
 * and no `%`), and a cluster name must not hold `/ \ % ? #`, controls, or be `.` or `..`.
 */
import * as l10n from '@vscode/l10n';
import type { DeepLink } from '../../../../shared/protocol';
import { escapeInvisible } from '../../../../shared/printable';
import { topicNameProblem } from '../util/kafkaTopic';

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

/** Characters that, once a link is decoded, would end or leave its path segment. */
const UNSAFE_IN_SEGMENT = /[/\\%?#]/;

/** Why a cluster name cannot be part of a web-UI link, or undefined when it can. */
export function clusterNameProblem(name: string): string | undefined {
	if (name === '' || name === '.' || name === '..') {
		return l10n.t('The cluster name {0} cannot be part of a link.', JSON.stringify(name));
	}
	const unsafe = UNSAFE_IN_SEGMENT.exec(name);
	if (unsafe) {
		return l10n.t("The cluster name cannot be part of a link: {0} would change the link's path once decoded.", JSON.stringify(unsafe[0]));
	}
	if (escapeInvisible(name) !== name) {
		return l10n.t('The cluster name cannot be part of a link: it holds control or invisible characters.');
	}
	return undefined;
}

/** Why no web-UI link is made for this topic and cluster, or undefined when links can be made. */
export function linkTargetProblem(target: Pick<LinkTarget, 'cluster' | 'topic'>): string | undefined {
	return topicNameProblem(target.topic) ?? clusterNameProblem(target.cluster);
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
	if (!root || linkTargetProblem(target)) {
		return undefined;
	}
	const cluster = encodeURIComponent(target.cluster);
	const topic = encodeURIComponent(target.topic);
	const query = new URLSearchParams({
		mode: 'FROM_OFFSET',
		offset: target.first.toString(),
		partitions: String(target.partition),
		limit: target.count.toString(),
	});
	return {
		tool: 'kafka-ui',
		label: l10n.t('Open in kafka-ui'),
		url: `${root}/ui/clusters/${cluster}/all-topics/${topic}/messages?${query.toString()}`,
		firstOffset: target.first.toString(),
	};
}

/** `<base>/ui/<cluster>/topic/<topic>/data?single=true&partition=<p>&offset=<first>` */
export function akhqLink(base: string | undefined, target: LinkTarget): DeepLink | undefined {
	const root = normalizeBaseUrl(base);
	if (!root || linkTargetProblem(target)) {
		return undefined;
	}
	const cluster = encodeURIComponent(target.cluster);
	const topic = encodeURIComponent(target.topic);
	const query = new URLSearchParams({ single: 'true', partition: String(target.partition), offset: target.first.toString() });
	return {
		tool: 'akhq',
		label: l10n.t('Open in AKHQ'),
		url: `${root}/ui/${cluster}/topic/${topic}/data?${query.toString()}`,
		firstOffset: target.first.toString(),
	};
}

/** The cluster name in an MSK cluster ARN (`arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`), or undefined. */
export function mskClusterName(eventSourceArn: string | undefined): string | undefined {
	const match = /^arn:[^:]+:kafka:[^:]*:[^:]*:cluster\/([^/]+)\//.exec(eventSourceArn ?? '');
	return match?.[1];
}
