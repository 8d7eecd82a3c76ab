import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { md5OfBody, md5OfMessageAttributes } from './sqsMessages';

describe('SQS digests', () => {
	it('computes MD5OfMessageAttributes as published examples do', () => {
		// Values from AWS's documentation example and from the test suites of two independent SQS emulators.
		assert.equal(md5OfMessageAttributes({ SellerName: { DataType: 'String', StringValue: 'Example Store' } }), 'cd28f3b68aeee4b2eac9c66f2f694b58');
		assert.equal(md5OfMessageAttributes({ timestamp: { DataType: 'Number', StringValue: '1493147359900' } }), '235c5c510d26fb653d073faed50ae77c');
		assert.equal(
			md5OfMessageAttributes({
				ordinal: { DataType: 'Number', StringValue: '1' },
				category: { DataType: 'String', StringValue: 'test' },
			}),
			'd21ae90c49061e927f57df5f5d72be1f',
		);
		assert.equal(md5OfMessageAttributes({}), undefined);
	});

	it('hashes bodies as UTF-8', () => {
		assert.equal(md5OfBody(''), 'd41d8cd98f00b204e9800998ecf8427e');
		assert.equal(md5OfBody('The quick brown fox jumps over the lazy dog'), '9e107d9d372bb6826bd81d3542a419d6');
		// UTF-8 (c3 a9), not Latin-1 (e9, which would give 3406877694691ddd1dfb0aca54681407).
		assert.equal(md5OfBody('é'), '66ddcd97cfdeabb2f6fb8a999b4bc76f');
	});
});
