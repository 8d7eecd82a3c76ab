import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkStaysOnItsPath } from '../../../shared/links';
import { akhqLink, clusterNameProblem, kafkaUiLink, linkTargetProblem, mskClusterName, normalizeBaseUrl } from '../../../server/src/language/preview/deepLinks';
import { topicNameProblem } from '../../../server/src/language/util/kafkaTopic';

const target = { cluster: 'orders-prod', topic: 'order-events', partition: 3, first: 9223372036854775800n, count: 8n };

describe('deep links', () => {
	it('builds the kafka-ui messages link and the AKHQ data link', () => {
		assert.deepEqual(kafkaUiLink('http://localhost:8080', target), {
			tool: 'kafka-ui',
			label: 'Open in kafka-ui',
			url: 'http://localhost:8080/ui/clusters/orders-prod/all-topics/order-events/messages?mode=FROM_OFFSET&offset=9223372036854775800&partitions=3&limit=8',
			firstOffset: '9223372036854775800',
		});
		assert.equal(
			akhqLink('https://akhq.example.com/', target)?.url,
			'https://akhq.example.com/ui/orders-prod/topic/order-events/data?single=true&partition=3&offset=9223372036854775800',
		);
	});

	it('keeps a base path and drops a base query or fragment', () => {
		assert.equal(normalizeBaseUrl('https://tools.example.com/kafka/ui-proxy//'), 'https://tools.example.com/kafka/ui-proxy');
		assert.equal(normalizeBaseUrl(' http://h:1/?x=1#y '), 'http://h:1');
	});

	it('percent-encodes every component', () => {
		const odd = { ...target, cluster: 'prod eu&x=1 "a"', topic: 'Orders.v2_eu-1' };
		assert.equal(
			kafkaUiLink('http://ui', odd)?.url,
			'http://ui/ui/clusters/prod%20eu%26x%3D1%20%22a%22/all-topics/Orders.v2_eu-1/messages?mode=FROM_OFFSET&offset=9223372036854775800&partitions=3&limit=8',
		);
		assert.equal(
			akhqLink('http://akhq', odd)?.url,
			'http://akhq/ui/prod%20eu%26x%3D1%20%22a%22/topic/Orders.v2_eu-1/data?single=true&partition=3&offset=9223372036854775800',
		);
		const hostile = { ...target, cluster: '"><img src=x onerror=alert(1)>' };
		assert.equal(
			new URL(kafkaUiLink('http://ui', hostile)!.url).pathname,
			'/ui/clusters/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/all-topics/order-events/messages',
		);
	});

	it('makes no link, and says why, for a topic Kafka would reject: decoding could move the link', () => {
		for (const topic of ['../../api/clusters', 'a/b', '%2e%2e%2f', '..%2F..%2Fapi', 'a\\b', 'a?b', 'a#b']) {
			assert.equal(kafkaUiLink('http://ui/base', { ...target, topic }), undefined, topic);
			assert.equal(akhqLink('http://ui/base', { ...target, topic }), undefined, topic);
			assert.equal(linkTargetProblem({ cluster: 'orders-prod', topic }), topicNameProblem(topic));
		}
		assert.equal(
			linkTargetProblem({ cluster: 'orders-prod', topic: '../../api/clusters' }),
			'A Kafka topic name may contain only ASCII letters, digits, ".", "_" and "-"; "/" at position 3 is not allowed.',
		);
	});

	it('makes no link, and says why, for a cluster name that decoding could move out of its segment', () => {
		const cases: [string, string][] = [
			['../../api', 'The cluster name cannot be part of a link: "/" would change the link\'s path once decoded.'],
			['a/b', 'The cluster name cannot be part of a link: "/" would change the link\'s path once decoded.'],
			['%2e%2e', 'The cluster name cannot be part of a link: "%" would change the link\'s path once decoded.'],
			['a\\b', 'The cluster name cannot be part of a link: "\\\\" would change the link\'s path once decoded.'],
			['a?b', 'The cluster name cannot be part of a link: "?" would change the link\'s path once decoded.'],
			['a#b', 'The cluster name cannot be part of a link: "#" would change the link\'s path once decoded.'],
			['..', 'The cluster name ".." cannot be part of a link.'],
			['.', 'The cluster name "." cannot be part of a link.'],
			['a\nb', 'The cluster name cannot be part of a link: it holds control or invisible characters.'],
			['a\u202eb', 'The cluster name cannot be part of a link: it holds control or invisible characters.'],
		];
		for (const [cluster, reason] of cases) {
			assert.equal(clusterNameProblem(cluster), reason, cluster);
			assert.equal(linkTargetProblem({ cluster, topic: 'order-events' }), reason, cluster);
			assert.equal(kafkaUiLink('http://ui/base', { ...target, cluster }), undefined, cluster);
			assert.equal(akhqLink('http://ui/base', { ...target, cluster }), undefined, cluster);
		}
	});

	it('builds links that stay under the base path however often they are decoded', () => {
		const base = 'https://tools.example.com/kafka/ui-proxy';
		const fullyDecoded = (url: string): string => {
			let decoded = url;
			for (let next = decodeURIComponent(decoded); next !== decoded; next = decodeURIComponent(decoded)) {
				decoded = next;
			}
			return decoded;
		};
		for (const topic of ['.a', '..a', 'a..', '...', '-', '_', 'Orders.v2_eu-1']) {
			for (const cluster of ['orders-prod', 'prod eu', '&x=1', '"quoted"', '...', 'a..b']) {
				for (const link of [kafkaUiLink(base, { ...target, topic, cluster }), akhqLink(base, { ...target, topic, cluster })]) {
					assert.ok(link, `${cluster} ${topic}`);
					const decoded = fullyDecoded(link.url);
					const expectedPath =
						link.tool === 'kafka-ui'
							? `/kafka/ui-proxy/ui/clusters/${cluster}/all-topics/${topic}/messages`
							: `/kafka/ui-proxy/ui/${cluster}/topic/${topic}/data`;
					assert.equal(decoded.slice(base.length - '/kafka/ui-proxy'.length, decoded.indexOf('?')), expectedPath);
					// A browser resolves dot segments; nothing is resolved away.
					assert.equal(decodeURIComponent(new URL(link.url).pathname), expectedPath);
					assert.equal(linkStaysOnItsPath(link.url), true);
				}
			}
		}
	});

	it('tells links that decoding moves off their path', () => {
		assert.equal(linkStaysOnItsPath('http://ui/base/ui/clusters/c/all-topics/t/messages?mode=FROM_OFFSET'), true);
		for (const url of [
			'http://ui/base/ui/clusters/c/all-topics/..%2F..%2Fapi%2Fclusters/messages',
			'http://ui/base/ui/%252e%252e/topic/t/data',
			'http://ui/base/ui/%2E/topic/t/data',
			'http://ui/base/ui/a%5C..%5Cb/data',
			'http://ui/base/ui/%zz/data',
			'javascript:alert(1)',
		]) {
			assert.equal(linkStaysOnItsPath(url), false, url);
		}
	});

	it('makes no link without a usable base URL', () => {
		for (const base of [
			undefined,
			'',
			'   ',
			'javascript:alert(1)',
			'JAVASCRIPT:alert(1)//http://x',
			'data:text/html,hi',
			'file:///etc/passwd',
			'ftp://h',
			'http://user:secret@h',
			'not a url',
			'vscode://x',
		]) {
			assert.equal(kafkaUiLink(base, target), undefined, String(base));
			assert.equal(akhqLink(base, target), undefined, String(base));
		}
	});

	it('makes no link for topic names a URL would resolve away', () => {
		for (const topic of ['.', '..', '']) {
			assert.equal(kafkaUiLink('http://ui', { ...target, topic }), undefined);
		}
		assert.equal(akhqLink('http://ui', { ...target, cluster: '..' }), undefined);
	});

	it('reads the cluster name of an MSK ARN', () => {
		assert.equal(mskClusterName('arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3'), 'orders-prod');
		assert.equal(mskClusterName('arn:aws:kafka:us-east-1:123456789012:topic/orders-prod/x'), undefined);
		assert.equal(mskClusterName(undefined), undefined);
	});
});
