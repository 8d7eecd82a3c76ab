/**
 * The loopback servers of the pre-flight check's services share this: record each request, check
 * its SigV4 signature for the service's signing name, decode the body in the service's protocol
 * and encode the answer in it. Two protocols, as the installed SDK clients speak them:
 * - awsQuery (IAM, SNS): form-encoded `Action=…&Version=…` in, XML `<ActionResponse>` out, errors
 *   as `<ErrorResponse><Error><Type/><Code/><Message/></Error>`.
 * - AWS JSON 1.0/1.1 (CloudWatch with its query-compatible error header, KMS): `X-Amz-Target:
 *   <prefix>.<Operation>`, JSON in and out, errors as `__type` and `message`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue, parseTarget, queryPairs, readBody, withoutSecrets } from './httpUtil';
import { LoopbackService } from './loopbackService';
import type { SigV4Result } from './sigv4';
import { verifySigV4 } from './sigv4';

export type Protocol = { kind: 'query'; xmlns: string } | { kind: 'json'; version: '1.0' | '1.1'; targetPrefix: string; queryCompatible?: boolean };

export interface RpcError {
	status: number;
	/** The error code as the wire carries it (`NoSuchEntity`, `NotFoundException`). */
	code: string;
	message: string;
	/** The legacy query code of a query-compatible JSON service (`x-amzn-query-error`). */
	queryCode?: string;
}

/** A success: an XML fragment (query) or a JSON value (json). */
export type RpcOutcome = { xml: string } | { json: unknown } | RpcError;

export interface RecordedRpcRequest {
	operation: string | undefined;
	/** Query: the decoded form parameters (flattened, `A.member.1`); JSON: the parsed body. */
	params: Record<string, unknown>;
	headers: Record<string, string>;
	requestId: string;
	status: number;
	errorCode?: string;
}

export interface RpcLoopbackOptions {
	region?: string;
	port?: number;
	requireSignature?: boolean;
	allowUnknownAccessKeys?: boolean;
}

/** A fault the next call of an operation answers with (e.g. AccessDenied for the checker itself). */
export type RpcFault = RpcError & { operation: string };

export abstract class RpcLoopback extends LoopbackService {
	readonly requests: RecordedRpcRequest[] = [];
	private readonly faults: RpcFault[] = [];

	protected constructor(
		private readonly signingName: string,
		private readonly protocol: Protocol,
		options: RpcLoopbackOptions,
	) {
		super(options.region ?? 'us-east-1', options.requireSignature ?? true, options.allowUnknownAccessKeys ?? false);
	}

	/** Answers every later call of the operation with this error, until cleared. */
	failAlways(fault: RpcFault): void {
		this.faults.push(fault);
	}

	clearFaults(): void {
		this.faults.length = 0;
	}

	requestsFor(operation: string): RecordedRpcRequest[] {
		return this.requests.filter((r) => r.operation === operation);
	}

	/** Answers one decoded request. */
	protected abstract answer(operation: string, params: Record<string, unknown>): RpcOutcome;

	protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = randomUUID();
		const record: RecordedRpcRequest = { operation: undefined, params: {}, headers: withoutSecrets(request.headers), requestId, status: 0 };
		this.requests.push(record);
		if (request.headers.authorization) {
			this.authorizationHeaders.push(request.headers.authorization);
		}
		let outcome: RpcOutcome;
		try {
			outcome = this.process(request, record, await readBody(request));
		} catch (error) {
			outcome = { status: 500, code: 'InternalFailure', message: error instanceof Error ? error.message : String(error) };
		}
		record.status = 'status' in outcome ? outcome.status : 200;
		record.errorCode = 'status' in outcome ? outcome.code : undefined;
		const { headers, body } = this.encode(outcome, record);
		response.writeHead(record.status, { ...headers, 'Content-Length': String(body.length) });
		response.end(body);
	}

	private process(request: IncomingMessage, record: RecordedRpcRequest, raw: Buffer): RpcOutcome {
		const target = parseTarget(request.url);
		if (this.requireSignature) {
			const verdict = verifySigV4(
				{ method: request.method ?? 'POST', rawPath: target.rawPath, rawQuery: target.rawQuery, headers: request.headers, body: raw },
				{
					service: this.signingName,
					region: this.signingRegion,
					credentials: this.credentials,
					allowUnknownAccessKeys: this.allowUnknownAccessKeys,
					uriEscapePath: true,
				},
			);
			if (!verdict.ok) {
				return authError(verdict);
			}
		}
		const decoded = this.decode(request, raw);
		if ('status' in decoded) {
			return decoded;
		}
		record.operation = decoded.operation;
		record.params = decoded.params;
		const fault = this.faults.find((f) => f.operation === decoded.operation);
		if (fault) {
			return fault;
		}
		return this.answer(decoded.operation, decoded.params);
	}

	private decode(request: IncomingMessage, raw: Buffer): { operation: string; params: Record<string, unknown> } | RpcError {
		const text = raw.toString('utf8');
		if (this.protocol.kind === 'query') {
			const params: Record<string, string> = {};
			for (const [name, value] of queryPairs(text.replace(/\+/g, '%20'))) {
				params[name] = value;
			}
			return params.Action ? { operation: params.Action, params } : { status: 400, code: 'MissingAction', message: 'Missing Action' };
		}
		const target = headerValue(request.headers, 'x-amz-target') ?? '';
		const prefix = `${this.protocol.targetPrefix}.`;
		if (!target.startsWith(prefix)) {
			return { status: 400, code: 'UnknownOperationException', message: `Unknown target ${target}` };
		}
		try {
			return { operation: target.slice(prefix.length), params: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
		} catch {
			return { status: 400, code: 'SerializationException', message: 'Malformed JSON body.' };
		}
	}

	private encode(outcome: RpcOutcome, record: RecordedRpcRequest): { headers: Record<string, string>; body: Buffer } {
		const { requestId } = record;
		if (this.protocol.kind === 'query') {
			const xmlns = this.protocol.xmlns;
			const xml =
				'status' in outcome
					? `<ErrorResponse xmlns="${xmlns}"><Error><Type>${outcome.status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${outcome.code}</Code><Message>${xmlEscape(outcome.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
					: `<${record.operation}Response xmlns="${xmlns}"><${record.operation}Result>${'xml' in outcome ? outcome.xml : ''}</${record.operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${record.operation}Response>`;
			return { headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId }, body: Buffer.from(xml, 'utf8') };
		}
		const headers: Record<string, string> = { 'Content-Type': `application/x-amz-json-${this.protocol.version}`, 'x-amzn-RequestId': requestId };
		if ('status' in outcome) {
			if (this.protocol.queryCompatible && outcome.queryCode) {
				headers['x-amzn-query-error'] = `${outcome.queryCode};${outcome.status >= 500 ? 'Receiver' : 'Sender'}`;
			}
			return { headers, body: Buffer.from(JSON.stringify({ __type: outcome.code, message: outcome.message }), 'utf8') };
		}
		return { headers, body: Buffer.from(JSON.stringify('json' in outcome ? outcome.json : {}), 'utf8') };
	}
}

/** A string parameter, or '' when absent or of another type. */
export function textOf(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

export function xmlEscape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The members of a query list parameter, `Name.member.1`, `Name.member.2`, … in order. */
export function queryList(params: Record<string, unknown>, name: string): string[] {
	const values: string[] = [];
	for (let i = 1; typeof params[`${name}.member.${i}`] === 'string'; i++) {
		values.push(params[`${name}.member.${i}`] as string);
	}
	return values;
}

// The authentication layer answers before the service does; these are its codes for each failure.
function authError(verdict: Exclude<SigV4Result, { ok: true }>): RpcError {
	const codes: Record<string, string> = {
		missing: 'MissingAuthenticationToken',
		incomplete: 'IncompleteSignature',
		'unknown-key': 'InvalidClientTokenId',
		'invalid-token': 'InvalidClientTokenId',
		'expired-token': 'ExpiredToken',
	};
	return { status: 403, code: codes[verdict.failure] ?? 'SignatureDoesNotMatch', message: verdict.message };
}
