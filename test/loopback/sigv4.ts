/**
 * Signature Version 4 checks for the loopback servers, written from the AWS specification with
 * node:crypto rather than with the SDK's own signer, so a signing bug in the SDK path we exercise
 * cannot verify itself. Each server turns a failure into its own wire format.
 */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { headerValue, queryPairs } from './httpUtil';

/** An access key the servers know the secret of. */
export interface LoopbackCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

/**
 * The key every server accepts out of the box. Give SDK clients a copy (`{ ...LOOPBACK_CREDENTIALS }`):
 * the SDK writes a `$source` member into the credentials object it is handed.
 */
export const LOOPBACK_CREDENTIALS: Readonly<LoopbackCredentials> = {
	accessKeyId: 'AKIDLOOPBACK',
	secretAccessKey: 'secret',
};

interface StoredKey {
	secretAccessKey: string;
	sessionToken: string | undefined;
	expired: boolean;
}

/** The access keys a server accepts, with their secrets, session tokens and expiry. */
export class CredentialStore {
	private readonly keys = new Map<string, StoredKey>();

	constructor() {
		this.add(LOOPBACK_CREDENTIALS.accessKeyId, LOOPBACK_CREDENTIALS.secretAccessKey);
	}

	/** Registers (or replaces) a key. A session token, when given, must accompany every request. */
	add(accessKeyId: string, secretAccessKey: string, sessionToken?: string): void {
		this.keys.set(accessKeyId, { secretAccessKey, sessionToken, expired: false });
	}

	/** Marks a registered key as expired; its requests then fail with an expired-token error. */
	expire(accessKeyId: string): void {
		const key = this.keys.get(accessKeyId);
		if (!key) {
			throw new Error(`Unknown access key ${accessKeyId}; register it with addCredentials first.`);
		}
		key.expired = true;
	}

	/** The stored key, or undefined. */
	get(accessKeyId: string): Readonly<StoredKey> | undefined {
		return this.keys.get(accessKeyId);
	}
}

/** What the verifier needs from a received request. */
export interface ReceivedRequest {
	method: string;
	/** The path as sent, still percent-encoded. */
	rawPath: string;
	rawQuery: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** How one service signs. */
export interface VerifyOptions {
	/** Signing name, e.g. `lambda`, `sqs`, `s3`. */
	service: string;
	/** The region the credential scope must name; undefined accepts any (the signature is still checked with it). */
	region: string | undefined;
	credentials: CredentialStore;
	/** Accept keys that were never registered, checking only the header's structure and scope. */
	allowUnknownAccessKeys: boolean;
	/** Every service but S3 normalises the path and URI-encodes it a second time. */
	uriEscapePath: boolean;
	now?: Date;
}

/** Why a request was refused; each server maps these to its own error codes. */
export type SigV4Failure =
	| 'missing'
	| 'incomplete'
	| 'wrong-region'
	| 'wrong-service'
	| 'date-mismatch'
	| 'signature-expired'
	| 'unknown-key'
	| 'invalid-token'
	| 'expired-token'
	| 'mismatch';

/** The verdict on one request. */
export type SigV4Result = { ok: true; accessKeyId: string } | { ok: false; failure: SigV4Failure; message: string; accessKeyId?: string; scopeRegion?: string };

/** The parts of an `AWS4-HMAC-SHA256` Authorization header. */
export interface ParsedAuthorization {
	accessKeyId: string;
	date: string;
	region: string;
	service: string;
	signedHeaders: string[];
	signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;
const MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/yyyymmdd/region/service/aws4_request,
 * SignedHeaders=a;b, Signature=<64 hex>`, or returns the list of what is missing.
 */
export function parseAuthorization(header: string): ParsedAuthorization | string[] {
	const space = header.indexOf(' ');
	const algorithm = space < 0 ? header : header.slice(0, space);
	const params = new Map<string, string>();
	for (const part of (space < 0 ? '' : header.slice(space + 1)).split(',')) {
		const eq = part.indexOf('=');
		if (eq > 0) {
			params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
		}
	}
	const problems: string[] = [];
	if (algorithm !== ALGORITHM) {
		problems.push(`Unsupported algorithm '${algorithm}'.`);
	}
	const scope = (params.get('Credential') ?? '').split('/');
	if (scope.length !== 5 || scope[4] !== 'aws4_request' || !/^\d{8}$/.test(scope[1]) || scope[0] === '') {
		problems.push("Authorization header requires 'Credential' parameter.");
	}
	const signedHeaders = params.get('SignedHeaders');
	if (!signedHeaders) {
		problems.push("Authorization header requires 'SignedHeaders' parameter.");
	}
	const signature = params.get('Signature') ?? '';
	if (!/^[0-9a-f]{64}$/.test(signature)) {
		problems.push("Authorization header requires 'Signature' parameter.");
	}
	if (problems.length > 0 || !signedHeaders) {
		return problems;
	}
	return {
		accessKeyId: scope[0],
		date: scope[1],
		region: scope[2],
		service: scope[3],
		signedHeaders: signedHeaders.split(';'),
		signature,
	};
}

/** Checks a request's SigV4 Authorization header and, for a known key, the signature itself. */
export function verifySigV4(request: ReceivedRequest, options: VerifyOptions): SigV4Result {
	const header = headerValue(request.headers, 'authorization');
	if (!header) {
		return { ok: false, failure: 'missing', message: 'Missing Authentication Token' };
	}
	const parsed = parseAuthorization(header);
	const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
	if (Array.isArray(parsed)) {
		return { ok: false, failure: 'incomplete', message: parsed.join(' ') };
	}
	const fail = (failure: SigV4Failure, message: string): SigV4Result => ({
		ok: false,
		failure,
		message,
		accessKeyId: parsed.accessKeyId,
		scopeRegion: parsed.region,
	});
	if (!AMZ_DATE.test(amzDate)) {
		return fail('incomplete', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
	}
	if (!parsed.signedHeaders.includes('host')) {
		return fail('incomplete', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
	}
	if (options.region !== undefined && parsed.region !== options.region) {
		return fail('wrong-region', `Credential should be scoped to a valid region, not '${parsed.region}'. `);
	}
	if (parsed.service !== options.service) {
		return fail('wrong-service', `Credential should be scoped to correct service: '${options.service}'. `);
	}
	if (parsed.date !== amzDate.slice(0, 8)) {
		return fail(
			'date-mismatch',
			'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ' +
				`'${parsed.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
		);
	}
	const skew = checkSkew(amzDate, options.now ?? new Date());
	if (skew) {
		return fail('signature-expired', skew);
	}
	const key = options.credentials.get(parsed.accessKeyId);
	if (!key) {
		return options.allowUnknownAccessKeys
			? { ok: true, accessKeyId: parsed.accessKeyId }
			: fail('unknown-key', 'The security token included in the request is invalid.');
	}
	if (key.expired) {
		return fail('expired-token', 'The security token included in the request is expired');
	}
	if (headerValue(request.headers, 'x-amz-security-token') !== key.sessionToken) {
		return fail('invalid-token', 'The security token included in the request is invalid.');
	}
	const expected = computeSignature(request, parsed, amzDate, key.secretAccessKey, options.uriEscapePath);
	if (expected !== parsed.signature) {
		return fail(
			'mismatch',
			'The request signature we calculated does not match the signature you provided. ' +
				'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
		);
	}
	return { ok: true, accessKeyId: parsed.accessKeyId };
}

function checkSkew(amzDate: string, now: Date): string | undefined {
	const signedAt = Date.parse(
		`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T` + `${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
	);
	const format = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
	if (signedAt < now.getTime() - MAX_SKEW_MS) {
		return `Signature expired: ${amzDate} is now earlier than ${format(now.getTime() - MAX_SKEW_MS)} ` + `(${format(now.getTime())} - 5 min.)`;
	}
	if (signedAt > now.getTime() + MAX_SKEW_MS) {
		return `Signature not yet current: ${amzDate} is still later than ${format(now.getTime() + MAX_SKEW_MS)} ` + `(${format(now.getTime())} + 5 min.)`;
	}
	return undefined;
}

/** The signature AWS would compute for this request with the given secret. */
export function computeSignature(
	request: ReceivedRequest,
	auth: ParsedAuthorization,
	amzDate: string,
	secretAccessKey: string,
	uriEscapePath: boolean,
): string {
	const canonicalHeaders = auth.signedHeaders
		.map(
			(name) =>
				`${name}:${(headerValue(request.headers, name) ?? '')
					.replace(/[\r\n]/g, ' ')
					.replace(/[ \t]+/g, ' ')
					.trim()}\n`,
		)
		.join('');
	const payloadHash = headerValue(request.headers, 'x-amz-content-sha256') ?? sha256Hex(request.body);
	const canonicalRequest = [
		request.method,
		canonicalPath(request.rawPath, uriEscapePath),
		canonicalQuery(request.rawQuery),
		canonicalHeaders,
		auth.signedHeaders.join(';'),
		payloadHash,
	].join('\n');
	const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
	const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(Buffer.from(canonicalRequest, 'utf8'))].join('\n');
	let signingKey = hmac(`AWS4${secretAccessKey}`, auth.date);
	for (const part of [auth.region, auth.service, 'aws4_request']) {
		signingKey = hmac(signingKey, part);
	}
	return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** RFC 3986 encoding as SigV4 wants it: `encodeURIComponent` plus `!'()*`. */
export function uriEscape(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(rawPath: string, uriEscapePath: boolean): string {
	if (!uriEscapePath) {
		return rawPath;
	}
	const segments: string[] = [];
	for (const segment of rawPath.split('/')) {
		if (segment === '' || segment === '.') {
			continue;
		}
		if (segment === '..') {
			segments.pop();
		} else {
			segments.push(segment);
		}
	}
	const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
	const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${trailing}`;
	return uriEscape(normalized).replace(/%2F/g, '/');
}

function canonicalQuery(rawQuery: string): string {
	return queryPairs(rawQuery)
		.filter(([name]) => name.toLowerCase() !== 'x-amz-signature')
		.map(([name, value]) => [uriEscape(name), uriEscape(value)])
		.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(data: Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
	return createHmac('sha256', key).update(data, 'utf8').digest();
}
