/**
 * A loopback Amazon MSK (`kafka`) endpoint for `DescribeTopic` as the SDK sends it (rest-json):
 * `GET /v1/clusters/{ClusterArn}/topics/{TopicName}`, camelCase JSON, `NotFoundException` in the
 * `X-Amzn-ErrorType` header for a topic the seeded cluster does not have.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseTarget, readBody, safeDecode, withoutSecrets } from './httpUtil';
import { LoopbackService } from './loopbackService';
import type { RecordedRpcRequest, RpcLoopbackOptions } from './rpcLoopback';
import { verifySigV4 } from './sigv4';

const TOPIC_PATH = /^\/v1\/clusters\/([^/]+)\/topics\/([^/]+)$/;

export class LoopbackKafka extends LoopbackService {
	readonly requests: RecordedRpcRequest[] = [];
	private readonly topics = new Map<string, Set<string>>();

	private constructor(options: RpcLoopbackOptions) {
		super(options.region ?? 'us-east-1', options.requireSignature ?? true, options.allowUnknownAccessKeys ?? false);
	}

	static async start(options: RpcLoopbackOptions = {}): Promise<LoopbackKafka> {
		return new LoopbackKafka(options).listen(options.port);
	}

	/** Seeds topics on a cluster. */
	addTopics(clusterArn: string, topics: string[]): void {
		this.topics.set(clusterArn, new Set([...(this.topics.get(clusterArn) ?? []), ...topics]));
	}

	protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const requestId = randomUUID();
		const target = parseTarget(request.url);
		const raw = await readBody(request);
		const match = TOPIC_PATH.exec(target.rawPath);
		const record: RecordedRpcRequest = {
			operation: match ? 'DescribeTopic' : undefined,
			params: {},
			headers: withoutSecrets(request.headers),
			requestId,
			status: 0,
		};
		this.requests.push(record);
		if (request.headers.authorization) {
			this.authorizationHeaders.push(request.headers.authorization);
		}
		let status = 200;
		let errorType: string | undefined;
		let body: unknown;
		const verdict = this.requireSignature
			? verifySigV4(
					{ method: request.method ?? 'GET', rawPath: target.rawPath, rawQuery: target.rawQuery, headers: request.headers, body: raw },
					{
						service: 'kafka',
						region: this.signingRegion,
						credentials: this.credentials,
						allowUnknownAccessKeys: this.allowUnknownAccessKeys,
						uriEscapePath: true,
					},
				)
			: ({ ok: true } as const);
		if (!verdict.ok) {
			[status, errorType, body] = [403, 'ForbiddenException', { message: verdict.message }];
		} else if (!match || request.method !== 'GET') {
			[status, errorType, body] = [404, 'NotFoundException', { message: 'Unknown route.' }];
		} else {
			const [cluster, topic] = [safeDecode(match[1] ?? ''), safeDecode(match[2] ?? '')];
			record.params = { ClusterArn: cluster, TopicName: topic };
			if (this.topics.get(cluster)?.has(topic)) {
				body = { topicArn: `${cluster.replace(':cluster/', ':topic/')}/${topic}`, topicName: topic, partitionCount: 3, replicationFactor: 3, status: 'ACTIVE' };
			} else {
				[status, errorType, body] = [404, 'NotFoundException', { message: `Topic ${topic} does not exist on the cluster.` }];
			}
		}
		record.status = status;
		record.errorCode = errorType;
		const bytes = Buffer.from(JSON.stringify(body), 'utf8');
		response.writeHead(status, {
			'Content-Type': 'application/json',
			'Content-Length': String(bytes.length),
			'x-amzn-RequestId': requestId,
			...(errorType ? { 'X-Amzn-ErrorType': errorType } : {}),
		});
		response.end(bytes);
	}
}
