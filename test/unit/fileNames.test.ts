import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realExtension } from '../../shared/fileNames';

describe('realExtension', () => {
	it('finds ordinary extensions', () => {
		assert.equal(realExtension('orders.destination.json'), '.json');
		assert.equal(realExtension('/a/b/records.NDJSON'), '.ndjson');
		assert.equal(realExtension('C:\\x\\y.jsonc'), '.jsonc');
	});

	it('sees no extension in an S3 failure-record key, whose last dot is part of a time', () => {
		assert.equal(realExtension('aws/lambda/14e0db71/2026/11/21/2026-11-21T10.15.30-7d8a6c1e-2f4b-4a51-9b7e-0c3d5e6f7a8b'), '');
		assert.equal(realExtension('record'), '');
		assert.equal(realExtension('.bashrc'), '');
	});
});
