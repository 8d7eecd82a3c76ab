import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	GetObjectCommand,
	HeadObjectCommand,
	ListObjectsV2Command,
	NoSuchBucket,
	NoSuchKey,
	paginateListObjectsV2,
	S3Client,
	S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3ClientConfig, _Object } from '@aws-sdk/client-s3';
import { LoopbackS3 } from './s3Server';
import { LOOPBACK_CREDENTIALS } from './sigv4';

const BUCKET = 'payments-consumer-failures';
const PREFIX = 'aws/lambda/3f1c6d2e-8b4a-4c5e-9f7d-2a6b8c0e4d13/';

async function failure(call: Promise<unknown>): Promise<S3ServiceException> {
	try {
		await call;
	} catch (error) {
		assert.ok(error instanceof S3ServiceException, `expected an S3ServiceException, got ${String(error)}`);
		return error;
	}
	assert.fail('expected the call to fail');
}

describe('LoopbackS3 through the real SDK', () => {
	let server: LoopbackS3;
	let client: S3Client;
	const clients: S3Client[] = [];

	function s3(config: Partial<S3ClientConfig> = {}): S3Client {
		const created = new S3Client({
			region: 'us-east-1',
			endpoint: server.endpoint,
			forcePathStyle: true,
			credentials: { ...LOOPBACK_CREDENTIALS },
			maxAttempts: 1,
			...config,
		});
		clients.push(created);
		return created;
	}

	before(async () => {
		server = await LoopbackS3.start();
		const base = Date.parse('2025-01-15T12:00:00Z');
		for (let i = 0; i < 1500; i++) {
			const key = `${PREFIX}payment-events-0/2025/01/15/2025-01-15T12.00.${String(i).padStart(4, '0')}-record`;
			server.putObject(BUCKET, key, `{"n":${i}}`, new Date(base + i * 1000), 'application/json');
		}
		server.putObject(BUCKET, 'aws/lambda/other-mapping/x', 'elsewhere');
		client = s3();
	});

	after(async () => {
		for (const created of clients) {
			created.destroy();
		}
		await server.close();
	});

	it('lists 1,500 keys under a prefix as pages of 1,000 and 500', async () => {
		const first = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
		assert.equal(first.KeyCount, 1000);
		assert.equal(first.Contents?.length, 1000);
		assert.equal(first.IsTruncated, true);
		assert.equal(first.MaxKeys, 1000);
		assert.equal(first.Prefix, PREFIX);
		assert.ok(first.NextContinuationToken);
		const [object] = first.Contents;
		assert.ok(object.Key?.startsWith(PREFIX));
		assert.ok(object.LastModified instanceof Date);
		assert.equal(object.LastModified.toISOString(), '2025-01-15T12:00:00.000Z');
		assert.match(object.ETag ?? '', /^"[0-9a-f]{32}"$/);
		assert.equal(object.Size, '{"n":0}'.length);
		assert.equal(object.StorageClass, 'STANDARD');

		const second = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX, ContinuationToken: first.NextContinuationToken }));
		assert.equal(second.KeyCount, 500);
		assert.equal(second.IsTruncated, false);
		assert.equal(second.NextContinuationToken, undefined);
		assert.equal(second.ContinuationToken, first.NextContinuationToken);

		const request = server.requests.at(-1)!;
		assert.equal(request.operation, 'ListObjectsV2');
		assert.equal(request.path, `/${BUCKET}/`);
		assert.equal(request.query['list-type'], '2');
		assert.equal(request.query.prefix, PREFIX);
	});

	it('gets every key through paginateListObjectsV2, in order and without duplicates', async () => {
		const all: _Object[] = [];
		for await (const page of paginateListObjectsV2({ client, pageSize: 400 }, { Bucket: BUCKET, Prefix: PREFIX })) {
			all.push(...(page.Contents ?? []));
		}
		assert.equal(all.length, 1500);
		const keys = all.map((o) => o.Key!);
		assert.deepEqual(keys, [...keys].sort());
		assert.equal(new Set(keys).size, 1500);
	});

	it('groups keys under a delimiter into CommonPrefixes', async () => {
		const result = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'aws/lambda/', Delimiter: '/' }));
		assert.deepEqual(
			result.CommonPrefixes?.map((p) => p.Prefix),
			['aws/lambda/3f1c6d2e-8b4a-4c5e-9f7d-2a6b8c0e4d13/', 'aws/lambda/other-mapping/'],
		);
		assert.equal(result.Contents, undefined);
		assert.equal(result.KeyCount, 2);
	});

	it('gets an object body with Content-Length, ETag, Last-Modified, Content-Type and a checksum the SDK verifies', async () => {
		const key = `${PREFIX}payment-events-0/2025/01/15/2025-01-15T12.00.0007-record`;
		const result = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
		assert.equal(await result.Body?.transformToString(), '{"n":7}');
		assert.equal(result.ContentLength, 7);
		assert.equal(result.ContentType, 'application/json');
		assert.match(result.ETag ?? '', /^"[0-9a-f]{32}"$/);
		assert.equal(result.LastModified?.toISOString(), '2025-01-15T12:00:07.000Z');
		assert.ok(result.ChecksumCRC32);
		const request = server.requests.at(-1)!;
		assert.equal(request.operation, 'GetObject');
		assert.equal(request.key, key);
		assert.equal(request.headers['x-amz-checksum-mode'], 'ENABLED');
	});

	it('lets the SDK reject a body whose CRC32 does not match', async () => {
		server.putObject('tampered', 'record.json', '{"ok":true}');
		server.corruptChecksums = true;
		try {
			const result = await client.send(new GetObjectCommand({ Bucket: 'tampered', Key: 'record.json' }));
			await assert.rejects(result.Body!.transformToString(), /Checksum mismatch/);
		} finally {
			server.corruptChecksums = false;
		}
	});

	it('decodes keys with spaces, unicode, plus signs and percent signs', async () => {
		for (const key of ['aws/lambda/x/with space.json', 'aws/lambda/x/café ✓ 🚀.json', 'aws/lambda/x/a+b%20c.json', 'aws/lambda/x//double']) {
			server.putObject('keys', key, `body of ${key}`);
			const result = await client.send(new GetObjectCommand({ Bucket: 'keys', Key: key }));
			assert.equal(await result.Body?.transformToString(), `body of ${key}`);
			assert.equal(server.requests.at(-1)?.key, key);
		}
		const listed = await client.send(new ListObjectsV2Command({ Bucket: 'keys', Prefix: 'aws/lambda/x/c' }));
		assert.deepEqual(
			listed.Contents?.map((o) => o.Key),
			['aws/lambda/x/café ✓ 🚀.json'],
		);
	});

	it('lists in UTF-8 byte order, as S3 does', async () => {
		for (const key of ['b', 'a\u{1F600}', 'a\uFFFF']) {
			server.putObject('order', key, key);
		}
		const listed = await client.send(new ListObjectsV2Command({ Bucket: 'order' }));
		assert.deepEqual(
			listed.Contents?.map((o) => o.Key),
			['a\uFFFF', 'a\u{1F600}', 'b'],
		);
	});

	it('serves a byte range', async () => {
		server.putObject('ranges', 'record.json', '0123456789');
		const result = await client.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'record.json', Range: 'bytes=2-5' }));
		assert.equal(await result.Body?.transformToString(), '2345');
		assert.equal(result.ContentRange, 'bytes 2-5/10');
		assert.equal(result.$metadata.httpStatusCode, 206);
	});

	it('heads an object, and reports a missing one as NotFound', async () => {
		server.putObject('head', 'present.json', '{}', new Date('2025-02-01T00:00:00Z'));
		const head = await client.send(new HeadObjectCommand({ Bucket: 'head', Key: 'present.json' }));
		assert.equal(head.ContentLength, 2);
		assert.equal(head.LastModified?.toISOString(), '2025-02-01T00:00:00.000Z');
		const missing = await failure(client.send(new HeadObjectCommand({ Bucket: 'head', Key: 'absent.json' })));
		assert.equal(missing.name, 'NotFound');
		assert.equal(missing.$metadata.httpStatusCode, 404);
	});

	it('answers NoSuchKey and NoSuchBucket with S3 XML errors', async () => {
		const noKey = await failure(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'aws/lambda/nothing-here' })));
		assert.ok(noKey instanceof NoSuchKey);
		assert.equal(noKey.message, 'The specified key does not exist.');
		assert.equal(noKey.$metadata.httpStatusCode, 404);
		assert.match(noKey.$metadata.requestId ?? '', /^[0-9A-F]{16}$/);

		const noBucket = await failure(client.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })));
		assert.ok(noBucket instanceof NoSuchBucket);
		assert.equal(noBucket.message, 'The specified bucket does not exist');
	});

	it('answers authentication failures with S3 error codes', async () => {
		const region = await failure(s3({ region: 'eu-west-1' }).send(new ListObjectsV2Command({ Bucket: BUCKET })));
		assert.equal(region.name, 'AuthorizationHeaderMalformed');
		assert.equal(region.message, "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'");

		const unknown = await failure(s3({ credentials: { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' } }).send(new ListObjectsV2Command({ Bucket: BUCKET })));
		assert.equal(unknown.name, 'InvalidAccessKeyId');

		const wrongSecret = await failure(
			s3({ credentials: { accessKeyId: LOOPBACK_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' } }).send(
				new GetObjectCommand({ Bucket: BUCKET, Key: 'aws/lambda/other-mapping/x' }),
			),
		);
		assert.equal(wrongSecret.name, 'SignatureDoesNotMatch');
		assert.equal(wrongSecret.$metadata.httpStatusCode, 403);
	});
});
