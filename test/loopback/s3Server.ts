/**
 * A loopback Amazon S3 endpoint (path-style addressing, so clients need `forcePathStyle: true`)
 * for the calls the extension makes to read failure records: ListObjectsV2, GetObject and
 * HeadObject, with S3's XML errors and its own authentication error codes.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue, parseTarget, readBody, safeDecode, withoutSecrets } from './httpUtil';
import { LoopbackService } from './loopbackService';
import type { StoredObject } from './s3Listing';
import { decodeToken, escapeXml, listObjectsV2, storedObject, xmlDocument } from './s3Listing';
import type { SigV4Result } from './sigv4';
import { verifySigV4 } from './sigv4';

export type { StoredObject } from './s3Listing';

/** Options of {@link LoopbackS3.start}. */
export interface LoopbackS3Options {
	region?: string;
	port?: number;
	requireSignature?: boolean;
	allowUnknownAccessKeys?: boolean;
}

/** The S3 operations the server answers. */
export type S3Operation = 'ListObjectsV2' | 'GetObject' | 'HeadObject' | 'GetBucketLocation' | 'GetBucketPolicy' | 'GetBucketEncryption';

/** One request the server received. */
export interface RecordedS3Request {
	operation: S3Operation | undefined;
	method: string;
	/** The decoded path. */
	path: string;
	bucket: string | undefined;
	key: string | undefined;
	query: Record<string, string>;
	headers: Record<string, string>;
	requestId: string;
	status: number;
	/** The `<Code>` of an error response. */
	errorCode?: string;
}

interface S3Error {
	status: number;
	code: string;
	message: string;
	/** Extra elements, e.g. `Key` or `BucketName`. */
	details?: Record<string, string>;
}

interface Reply {
	status: number;
	headers: Record<string, string>;
	body?: Buffer;
}

/** The loopback S3 server. Start it with {@link LoopbackS3.start}. */
export class LoopbackS3 extends LoopbackService {
	/** Every request received, oldest first. */
	readonly requests: RecordedS3Request[] = [];
	/** Test hook: while true, GetObject sends a wrong `x-amz-checksum-crc32` (the SDK must reject the body). */
	corruptChecksums = false;

	private readonly buckets = new Map<string, Map<string, StoredObject>>();
	/** Bucket settings the pre-flight check reads: policy JSON and the SSE-KMS key (default: SSE-S3, as every bucket has since 2023). */
	private readonly settings = new Map<string, { policy?: string; kmsKey?: string; location?: string }>();

	private constructor(region: string, requireSignature: boolean, allowUnknownAccessKeys: boolean) {
		super(region, requireSignature, allowUnknownAccessKeys);
	}

	/** Starts a server on 127.0.0.1. */
	static async start(options: LoopbackS3Options = {}): Promise<LoopbackS3> {
		const s3 = new LoopbackS3(options.region ?? 'us-east-1', options.requireSignature ?? true, options.allowUnknownAccessKeys ?? false);
		return s3.listen(options.port);
	}

	/** Creates an empty bucket (idempotent). */
	createBucket(bucket: string): void {
		if (!this.buckets.has(bucket)) {
			this.buckets.set(bucket, new Map());
		}
	}

	/** Sets a bucket's policy, SSE-KMS key or location constraint (creating the bucket if needed). */
	setBucketSettings(bucket: string, settings: { policy?: object; kmsKey?: string; location?: string }): void {
		this.createBucket(bucket);
		const current = this.settings.get(bucket) ?? {};
		this.settings.set(bucket, {
			...current,
			...(settings.policy ? { policy: JSON.stringify(settings.policy) } : {}),
			...(settings.kmsKey ? { kmsKey: settings.kmsKey } : {}),
			...(settings.location ? { location: settings.location } : {}),
		});
	}

	/** Stores an object, creating the bucket if needed; returns what was stored. */
	putObject(bucket: string, key: string, body: string | Buffer, lastModified = new Date(), contentType = 'application/octet-stream'): StoredObject {
		this.createBucket(bucket);
		const object = storedObject(key, typeof body === 'string' ? Buffer.from(body, 'utf8') : body, lastModified, contentType);
		this.buckets.get(bucket)!.set(key, object);
		return { ...object };
	}

	/** The keys in a bucket, in listing order. */
	keys(bucket: string): string[] {
		return [...(this.buckets.get(bucket)?.keys() ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
	}

	protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = randomBytes(8).toString('hex').toUpperCase();
		const target = parseTarget(request.url);
		const method = request.method ?? 'GET';
		const [bucket, key] = splitPath(target.rawPath);
		const record: RecordedS3Request = {
			operation: operationOf(method, bucket, key, target.query),
			method,
			path: safeDecode(target.rawPath),
			bucket,
			key,
			query: target.query,
			headers: withoutSecrets(request.headers),
			requestId,
			status: 0,
		};
		this.requests.push(record);
		if (request.headers.authorization) {
			this.authorizationHeaders.push(request.headers.authorization);
		}
		let reply: Reply;
		try {
			const raw = await readBody(request);
			reply = this.dispatch(record, request, target, raw);
		} catch (error) {
			reply = errorReply({ status: 500, code: 'InternalError', message: error instanceof Error ? error.message : String(error) }, method, requestId);
		}
		record.status = reply.status;
		const common = { 'x-amz-request-id': requestId, 'x-amz-id-2': randomBytes(48).toString('base64'), Server: 'AmazonS3' };
		response.writeHead(reply.status, { ...common, ...reply.headers });
		response.end(method === 'HEAD' ? undefined : reply.body);
	}

	private dispatch(record: RecordedS3Request, request: IncomingMessage, target: ReturnType<typeof parseTarget>, raw: Buffer): Reply {
		const fail = (error: S3Error): Reply => {
			record.errorCode = error.code;
			return errorReply(error, record.method, record.requestId);
		};
		if (this.requireSignature) {
			const verdict = verifySigV4(
				{ method: record.method, rawPath: target.rawPath, rawQuery: target.rawQuery, headers: request.headers, body: raw },
				// S3 signs the path as sent, without normalising or encoding it again.
				{ service: 's3', region: this.signingRegion, credentials: this.credentials, allowUnknownAccessKeys: this.allowUnknownAccessKeys, uriEscapePath: false },
			);
			if (!verdict.ok) {
				return fail(authError(verdict, this.region));
			}
		}
		if (!record.operation || record.bucket === undefined) {
			return fail({ status: 501, code: 'NotImplemented', message: 'A header you provided implies functionality that is not implemented' });
		}
		const objects = this.buckets.get(record.bucket);
		if (!objects) {
			return fail({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist', details: { BucketName: record.bucket } });
		}
		if (record.operation === 'ListObjectsV2') {
			return this.list(record.bucket, objects, target.query, fail);
		}
		if (record.operation === 'GetBucketLocation' || record.operation === 'GetBucketPolicy' || record.operation === 'GetBucketEncryption') {
			return this.bucketSetting(record.operation, record.bucket, fail);
		}
		const object = objects.get(record.key ?? '');
		if (!object) {
			return fail({ status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.', details: { Key: record.key ?? '' } });
		}
		return objectReply(object, request, fail, this.corruptChecksums);
	}

	private bucketSetting(operation: 'GetBucketLocation' | 'GetBucketPolicy' | 'GetBucketEncryption', bucket: string, fail: (error: S3Error) => Reply): Reply {
		const settings = this.settings.get(bucket) ?? {};
		const xmlReply = (xml: string): Reply => {
			const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, 'utf8');
			return { status: 200, headers: { 'Content-Type': 'application/xml', 'Content-Length': String(body.length) }, body };
		};
		switch (operation) {
			case 'GetBucketLocation':
				// us-east-1 is an empty constraint.
				return xmlReply(`<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${settings.location ?? ''}</LocationConstraint>`);
			case 'GetBucketPolicy': {
				if (settings.policy === undefined) {
					return fail({ status: 404, code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', details: { BucketName: bucket } });
				}
				const body = Buffer.from(settings.policy, 'utf8');
				return { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, body };
			}
			case 'GetBucketEncryption': {
				const byDefault = settings.kmsKey
					? `<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>${settings.kmsKey}</KMSMasterKeyID>`
					: '<SSEAlgorithm>AES256</SSEAlgorithm>';
				return xmlReply(
					`<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault>${byDefault}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>${settings.kmsKey ? 'true' : 'false'}</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
				);
			}
		}
	}

	private list(bucket: string, objects: Map<string, StoredObject>, query: Record<string, string>, fail: (error: S3Error) => Reply): Reply {
		const maxKeys = query['max-keys'] === undefined ? 1000 : Number(query['max-keys']);
		if (!Number.isInteger(maxKeys) || maxKeys < 0) {
			return fail({
				status: 400,
				code: 'InvalidArgument',
				message: 'Provided max-keys not an integer or within integer range',
				details: { ArgumentName: 'max-keys', ArgumentValue: query['max-keys'] },
			});
		}
		const token = query['continuation-token'];
		if (token !== undefined && decodeToken(token) === undefined) {
			return fail({
				status: 400,
				code: 'InvalidArgument',
				message: 'The continuation token provided is incorrect',
				details: { ArgumentName: 'continuation-token' },
			});
		}
		const xml = listObjectsV2(bucket, objects.values(), {
			prefix: query.prefix ?? '',
			delimiter: query.delimiter || undefined,
			// S3 never returns more than 1,000 keys per page, whatever max-keys asks for.
			maxKeys: Math.min(maxKeys, 1000),
			continuationToken: token,
			startAfter: query['start-after'],
			encodingType: query['encoding-type'],
		});
		const body = Buffer.from(xml, 'utf8');
		return { status: 200, headers: { 'Content-Type': 'application/xml', 'Content-Length': String(body.length) }, body };
	}
}

/** `/<bucket>` or `/<bucket>/<key…>`; keys keep their `/` and are percent-decoded. */
function splitPath(rawPath: string): [string | undefined, string | undefined] {
	const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
	if (path === '') {
		return [undefined, undefined];
	}
	const slash = path.indexOf('/');
	if (slash < 0) {
		return [safeDecode(path), undefined];
	}
	const key = path.slice(slash + 1);
	return [safeDecode(path.slice(0, slash)), key === '' ? undefined : safeDecode(key)];
}

function operationOf(method: string, bucket: string | undefined, key: string | undefined, query: Record<string, string>): S3Operation | undefined {
	if (bucket === undefined) {
		return undefined;
	}
	if (key === undefined) {
		if (method !== 'GET') {
			return undefined;
		}
		const subresource = (['location', 'policy', 'encryption'] as const).find((name) => name in query);
		if (subresource) {
			return ({ location: 'GetBucketLocation', policy: 'GetBucketPolicy', encryption: 'GetBucketEncryption' } as const)[subresource];
		}
		return query['list-type'] === '2' ? 'ListObjectsV2' : undefined;
	}
	if (method === 'GET') {
		return 'GetObject';
	}
	return method === 'HEAD' ? 'HeadObject' : undefined;
}

function objectReply(object: StoredObject, request: IncomingMessage, fail: (error: S3Error) => Reply, corrupt: boolean): Reply {
	const headers: Record<string, string> = {
		'Last-Modified': object.lastModified.toUTCString(),
		ETag: object.etag,
		'Content-Type': object.contentType,
		'Accept-Ranges': 'bytes',
		'x-amz-server-side-encryption': 'AES256',
	};
	const range = headerValue(request.headers, 'range');
	if (range) {
		const span = parseRange(range, object.body.length);
		if (!span) {
			return fail({
				status: 416,
				code: 'InvalidRange',
				message: 'The requested range is not satisfiable',
				details: { RangeRequested: range, ActualObjectSize: String(object.body.length) },
			});
		}
		const body = object.body.subarray(span[0], span[1] + 1);
		return {
			status: 206,
			headers: { ...headers, 'Content-Range': `bytes ${span[0]}-${span[1]}/${object.body.length}`, 'Content-Length': String(body.length) },
			body,
		};
	}
	// The SDK asks with x-amz-checksum-mode and then verifies the body against what we send.
	if (headerValue(request.headers, 'x-amz-checksum-mode') === 'ENABLED') {
		headers['x-amz-checksum-crc32'] = corrupt ? 'AAAAAA==' : object.crc32;
		headers['x-amz-checksum-type'] = 'FULL_OBJECT';
	}
	return { status: 200, headers: { ...headers, 'Content-Length': String(object.body.length) }, body: object.body };
}

function parseRange(header: string, size: number): [number, number] | undefined {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) {
		return undefined;
	}
	let start: number;
	let end: number;
	if (match[1] === '') {
		start = Math.max(0, size - Number(match[2]));
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	return start <= end && start < size ? [start, end] : undefined;
}

function errorReply(error: S3Error, method: string, requestId: string): Reply {
	// A HEAD response has no body, so the SDK can only see the status (it reports 404 as NotFound).
	if (method === 'HEAD') {
		return { status: error.status, headers: { 'Content-Length': '0' } };
	}
	const details = Object.entries(error.details ?? {})
		.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
		.join('');
	const xml = xmlDocument(
		`<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>${details}` +
			`<RequestId>${requestId}</RequestId><HostId>${randomBytes(48).toString('base64')}</HostId></Error>`,
	);
	const body = Buffer.from(xml, 'utf8');
	return { status: error.status, headers: { 'Content-Type': 'application/xml', 'Content-Length': String(body.length) }, body };
}

function authError(verdict: Exclude<SigV4Result, { ok: true }>, region: string): S3Error {
	switch (verdict.failure) {
		case 'missing':
			return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
		case 'wrong-region':
			return {
				status: 400,
				code: 'AuthorizationHeaderMalformed',
				message: `The authorization header is malformed; the region '${verdict.scopeRegion ?? ''}' is wrong; expecting '${region}'`,
				details: { Region: region },
			};
		case 'incomplete':
		case 'wrong-service':
		case 'date-mismatch':
			return { status: 400, code: 'AuthorizationHeaderMalformed', message: `The authorization header is malformed; ${verdict.message}` };
		case 'signature-expired':
			return { status: 403, code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.' };
		case 'unknown-key':
			return {
				status: 403,
				code: 'InvalidAccessKeyId',
				message: 'The AWS Access Key Id you provided does not exist in our records.',
				details: { AWSAccessKeyId: verdict.accessKeyId ?? '' },
			};
		case 'invalid-token':
			return { status: 400, code: 'InvalidToken', message: 'The provided token is malformed or otherwise invalid.' };
		case 'expired-token':
			return { status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' };
		case 'mismatch':
			return {
				status: 403,
				code: 'SignatureDoesNotMatch',
				message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
			};
	}
}
