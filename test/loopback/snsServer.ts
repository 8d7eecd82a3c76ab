/**
 * A loopback Amazon SNS endpoint for `GetTopicAttributes` (awsQuery, version 2010-03-31): topics
 * with their attributes (Policy, KmsMasterKeyId), `NotFound` for any other ARN.
 */
import type { RpcLoopbackOptions, RpcOutcome } from './rpcLoopback';
import { textOf, RpcLoopback, xmlEscape } from './rpcLoopback';
import { ACCOUNT_ID } from './httpUtil';

export class LoopbackSns extends RpcLoopback {
	private readonly topics = new Map<string, Record<string, string>>();

	private constructor(options: RpcLoopbackOptions) {
		super('sns', { kind: 'query', xmlns: 'http://sns.amazonaws.com/doc/2010-03-31/' }, options);
	}

	static async start(options: RpcLoopbackOptions = {}): Promise<LoopbackSns> {
		return new LoopbackSns(options).listen(options.port);
	}

	/** Creates a topic in this server's region and account; returns its ARN. */
	createTopic(name: string, attributes: Record<string, string> = {}): string {
		const arn = `arn:aws:sns:${this.region}:${ACCOUNT_ID}:${name}`;
		this.topics.set(arn, { TopicArn: arn, Owner: ACCOUNT_ID, DisplayName: '', SubscriptionsConfirmed: '0', ...attributes });
		return arn;
	}

	protected answer(operation: string, params: Record<string, unknown>): RpcOutcome {
		if (operation !== 'GetTopicAttributes') {
			return { status: 400, code: 'InvalidAction', message: `Could not find operation ${operation} for version 2010-03-31` };
		}
		const attributes = this.topics.get(textOf(params.TopicArn));
		if (!attributes) {
			return { status: 404, code: 'NotFound', message: 'Topic does not exist' };
		}
		const entries = Object.entries(attributes)
			.map(([key, value]) => `<entry><key>${xmlEscape(key)}</key><value>${xmlEscape(value)}</value></entry>`)
			.join('');
		return { xml: `<Attributes>${entries}</Attributes>` };
	}
}
