import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReceivedRequest } from './sigv4';
import { computeSignature, CredentialStore, parseAuthorization, verifySigV4 } from './sigv4';

// From the AWS SigV4 test suite (get-vanilla and get-vanilla-query-order-key-case).
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const AMZ_DATE = '20150830T123600Z';
const SIGNED_AT = new Date('2015-08-30T12:36:00Z');

function vanilla(rawQuery: string, signature: string): ReceivedRequest {
	return {
		method: 'GET',
		rawPath: '/',
		rawQuery,
		headers: {
			host: 'example.amazonaws.com',
			'x-amz-date': AMZ_DATE,
			authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
		},
		body: Buffer.alloc(0),
	};
}

function store(): CredentialStore {
	const credentials = new CredentialStore();
	credentials.add('AKIDEXAMPLE', SECRET);
	return credentials;
}

const GET_VANILLA = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
const QUERY_ORDER = 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500';

describe('SigV4 verifier', () => {
	it('reproduces the signatures of the AWS test suite', () => {
		for (const [query, expected] of [
			['', GET_VANILLA],
			['Param2=value2&Param1=value1', QUERY_ORDER],
		]) {
			const request = vanilla(query, expected);
			const parsed = parseAuthorization(request.headers.authorization!);
			assert.ok(!Array.isArray(parsed));
			assert.equal(computeSignature(request, parsed, AMZ_DATE, SECRET, true), expected);
		}
	});

	it('accepts a correct signature and names what is wrong otherwise', () => {
		const options = { service: 'service', region: 'us-east-1', credentials: store(), allowUnknownAccessKeys: false, uriEscapePath: true, now: SIGNED_AT };
		assert.deepEqual(verifySigV4(vanilla('', GET_VANILLA), options), { ok: true, accessKeyId: 'AKIDEXAMPLE' });
		const failureOf = (request: ReceivedRequest, overrides: Partial<typeof options> = {}): string | undefined => {
			const verdict = verifySigV4(request, { ...options, ...overrides });
			return verdict.ok ? undefined : verdict.failure;
		};
		assert.equal(failureOf(vanilla('', GET_VANILLA.replace('5', '6'))), 'mismatch');
		assert.equal(failureOf(vanilla('', GET_VANILLA), { region: 'eu-west-1' }), 'wrong-region');
		assert.equal(failureOf(vanilla('', GET_VANILLA), { service: 'lambda' }), 'wrong-service');
		assert.equal(failureOf(vanilla('', GET_VANILLA), { now: new Date('2015-08-30T12:42:00Z') }), 'signature-expired');
		assert.equal(failureOf(vanilla('', GET_VANILLA), { credentials: new CredentialStore() }), 'unknown-key');
		assert.equal(failureOf(vanilla('', GET_VANILLA), { credentials: new CredentialStore(), allowUnknownAccessKeys: true }), undefined);
		const unsigned = vanilla('', GET_VANILLA);
		delete unsigned.headers.authorization;
		assert.equal(failureOf(unsigned), 'missing');
		const truncated = vanilla('', GET_VANILLA.slice(0, 10));
		assert.equal(failureOf(truncated), 'incomplete');
	});

	it('words the clock-skew failure as AWS does', () => {
		const verdict = verifySigV4(vanilla('', GET_VANILLA), {
			service: 'service',
			region: 'us-east-1',
			credentials: store(),
			allowUnknownAccessKeys: false,
			uriEscapePath: true,
			now: new Date('2015-08-30T12:42:00Z'),
		});
		assert.ok(!verdict.ok);
		assert.equal(verdict.message, 'Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T124200Z - 5 min.)');
	});
});
