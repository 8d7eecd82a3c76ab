import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { akhqLink, kafkaUiLink, mskClusterName, normalizeBaseUrl } from '../../../server/src/language/preview/deepLinks';

const target = { cluster: 'orders-prod', topic: 'order-events', partition: 3, first: 9223372036854775800n, count: 8n };

describe('deep links', () => {
	it('builds the kafka-ui messages link and the AKHQ data link', () => {
		assert.deepEqual(kafkaUiLink('http://localhost:8080', target), {
			tool: 'kafka-ui',
			label: 'Open in kafka-ui',
			url: 'http://localhost:8080/ui/clusters/orders-prod/all-topics/order-events/messages?mode=FROM_OFFSET&offset=9223372036854775800&partitions=3&limit=8',
			firstOffset: '9223372036854775800',
		});
		assert.equal(akhqLink('https://akhq.example.com/', target)?.url, 'https://akhq.example.com/ui/orders-prod/topic/order-events/data?single=true&partition=3&offset=9223372036854775800');
	});

	it('keeps a base path and drops a base query or fragment', () => {
		assert.equal(normalizeBaseUrl('https://tools.example.com/kafka/ui-proxy//'), 'https://tools.example.com/kafka/ui-proxy');
		assert.equal(normalizeBaseUrl(' http://h:1/?x=1#y '), 'http://h:1');
	});

	it('percent-encodes every component', () => {
		const odd = { ...target, cluster: 'prod / eu#1', topic: 'a/b?c#d e&f=g%' };
		assert.equal(
			kafkaUiLink('http://ui', odd)?.url,
			'http://ui/ui/clusters/prod%20%2F%20eu%231/all-topics/a%2Fb%3Fc%23d%20e%26f%3Dg%25/messages?mode=FROM_OFFSET&offset=9223372036854775800&partitions=3&limit=8',
		);
		assert.equal(akhqLink('http://akhq', odd)?.url, 'http://akhq/ui/prod%20%2F%20eu%231/topic/a%2Fb%3Fc%23d%20e%26f%3Dg%25/data?single=true&partition=3&offset=9223372036854775800');
		const hostile = { ...target, topic: '"><img src=x onerror=alert(1)>' };
		assert.equal(new URL(kafkaUiLink('http://ui', hostile)!.url).pathname, '/ui/clusters/orders-prod/all-topics/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/messages');
	});

	it('makes no link without a usable base URL', () => {
		for (const base of [undefined, '', '   ', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)//http://x', 'data:text/html,hi', 'file:///etc/passwd', 'ftp://h', 'http://user:secret@h', 'not a url', 'vscode://x']) {
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
