/**
 * ListObjectsV2 for the loopback S3 server: UTF-8 key order, prefixes, delimiters, opaque
 * continuation tokens, and the `ListBucketResult` XML the SDK parses.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** A stored object. */
export interface StoredObject {
	key: string;
	body: Buffer;
	lastModified: Date;
	/** With the quotes, as S3 sends it: `"<md5 hex>"`. */
	etag: string;
	contentType: string;
	/** Base64 of the big-endian CRC32, as in `x-amz-checksum-crc32`. */
	crc32: string;
}

/** The query members of a ListObjectsV2 request. */
export interface ListRequest {
	prefix: string;
	delimiter?: string;
	maxKeys: number;
	continuationToken?: string;
	startAfter?: string;
	encodingType?: string;
}

type Entry = { object: StoredObject; lastKey: string } | { commonPrefix: string; lastKey: string };

/** Makes a stored object, computing its ETag and CRC32. */
export function storedObject(key: string, body: Buffer, lastModified: Date, contentType: string): StoredObject {
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return {
		key,
		body,
		// S3 stores LastModified to the second in listings; keep the millisecond part at zero.
		lastModified: new Date(Math.floor(lastModified.getTime() / 1000) * 1000),
		etag: `"${createHash('md5').update(body).digest('hex')}"`,
		contentType,
		crc32: crc.toString('base64'),
	};
}

/** S3 lists keys in UTF-8 byte order, which differs from JavaScript's UTF-16 order above U+FFFF. */
export function compareKeys(a: string, b: string): number {
	return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Encodes a continuation token; opaque to clients, like S3's. */
export function encodeToken(lastKey: string): string {
	return Buffer.from(`loopback-token:${lastKey}`, 'utf8').toString('base64');
}

/** The last key of the previous page, or undefined for a token we did not issue. */
export function decodeToken(token: string): string | undefined {
	const text = Buffer.from(token, 'base64').toString('utf8');
	return text.startsWith('loopback-token:') ? text.slice('loopback-token:'.length) : undefined;
}

/** The `ListBucketResult` document for one page. */
export function listObjectsV2(bucket: string, objects: Iterable<StoredObject>, request: ListRequest): string {
	const after = request.continuationToken !== undefined ? decodeToken(request.continuationToken) : request.startAfter;
	const sorted = [...objects]
		.filter((o) => o.key.startsWith(request.prefix) && (after === undefined || compareKeys(o.key, after) > 0))
		.sort((a, b) => compareKeys(a.key, b.key));
	const entries: Entry[] = [];
	for (const object of sorted) {
		const cut = request.delimiter ? object.key.indexOf(request.delimiter, request.prefix.length) : -1;
		if (cut < 0) {
			entries.push({ object, lastKey: object.key });
			continue;
		}
		const commonPrefix = object.key.slice(0, cut + request.delimiter!.length);
		const last = entries.at(-1);
		if (last && 'commonPrefix' in last && last.commonPrefix === commonPrefix) {
			last.lastKey = object.key;
		} else {
			entries.push({ commonPrefix, lastKey: object.key });
		}
	}
	const page = entries.slice(0, request.maxKeys);
	const truncated = request.maxKeys > 0 && entries.length > request.maxKeys;
	const encode = (text: string): string => (request.encodingType === 'url' ? urlEncodeKey(text) : text);
	const parts = [
		`<Name>${escapeXml(bucket)}</Name>`,
		`<Prefix>${escapeXml(encode(request.prefix))}</Prefix>`,
		request.delimiter !== undefined ? `<Delimiter>${escapeXml(encode(request.delimiter))}</Delimiter>` : '',
		request.startAfter !== undefined ? `<StartAfter>${escapeXml(encode(request.startAfter))}</StartAfter>` : '',
		request.continuationToken !== undefined ? `<ContinuationToken>${escapeXml(request.continuationToken)}</ContinuationToken>` : '',
		`<KeyCount>${page.length}</KeyCount>`,
		`<MaxKeys>${request.maxKeys}</MaxKeys>`,
		request.encodingType === 'url' ? '<EncodingType>url</EncodingType>' : '',
		`<IsTruncated>${truncated}</IsTruncated>`,
		truncated ? `<NextContinuationToken>${escapeXml(encodeToken(page.at(-1)!.lastKey))}</NextContinuationToken>` : '',
		...page.filter((e): e is Extract<Entry, { object: StoredObject }> => 'object' in e).map((e) => contents(e.object, encode)),
		...page
			.filter((e): e is Extract<Entry, { commonPrefix: string }> => 'commonPrefix' in e)
			.map((e) => `<CommonPrefixes><Prefix>${escapeXml(encode(e.commonPrefix))}</Prefix></CommonPrefixes>`),
	];
	return xmlDocument(`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts.join('')}</ListBucketResult>`);
}

function contents(object: StoredObject, encode: (text: string) => string): string {
	return (
		'<Contents>' +
		`<Key>${escapeXml(encode(object.key))}</Key>` +
		`<LastModified>${object.lastModified.toISOString()}</LastModified>` +
		`<ETag>${escapeXml(object.etag)}</ETag>` +
		'<ChecksumAlgorithm>CRC32</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType>' +
		`<Size>${object.body.length}</Size>` +
		'<StorageClass>STANDARD</StorageClass>' +
		'</Contents>'
	);
}

/** With `encoding-type=url`, S3 percent-encodes keys (spaces as `+`) so any byte survives XML. */
function urlEncodeKey(text: string): string {
	return encodeURIComponent(text).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** Escapes text for an XML element. */
export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Prepends the XML declaration S3 sends. */
export function xmlDocument(body: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
