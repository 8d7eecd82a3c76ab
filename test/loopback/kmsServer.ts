/**
 * A loopback AWS KMS endpoint for `DescribeKey` and `GetKeyPolicy` (AWS JSON 1.1, target
 * `TrentService`): keys found by id, ARN or alias, with their manager and default key policy.
 */
import { randomUUID } from 'node:crypto';
import { ACCOUNT_ID } from './httpUtil';
import type { RpcLoopbackOptions, RpcOutcome } from './rpcLoopback';
import { textOf, RpcLoopback } from './rpcLoopback';

interface StoredKey {
	id: string;
	arn: string;
	manager: 'AWS' | 'CUSTOMER';
	policy: string;
	aliases: string[];
}

export class LoopbackKms extends RpcLoopback {
	private readonly keys: StoredKey[] = [];

	private constructor(options: RpcLoopbackOptions) {
		super('kms', { kind: 'json', version: '1.1', targetPrefix: 'TrentService' }, options);
	}

	static async start(options: RpcLoopbackOptions = {}): Promise<LoopbackKms> {
		return new LoopbackKms(options).listen(options.port);
	}

	/** Creates a key with this key policy (and aliases, `alias/name`); returns its ARN. */
	createKey(options: { policy: object; manager?: 'AWS' | 'CUSTOMER'; aliases?: string[]; id?: string }): string {
		const id = options.id ?? randomUUID();
		const arn = `arn:aws:kms:${this.region}:${ACCOUNT_ID}:key/${id}`;
		this.keys.push({ id, arn, manager: options.manager ?? 'CUSTOMER', policy: JSON.stringify(options.policy), aliases: options.aliases ?? [] });
		return arn;
	}

	protected answer(operation: string, params: Record<string, unknown>): RpcOutcome {
		const keyId = textOf(params.KeyId);
		const key = this.keys.find(
			(k) => k.id === keyId || k.arn === keyId || k.aliases.includes(keyId) || k.aliases.some((a) => keyId === `arn:aws:kms:${this.region}:${ACCOUNT_ID}:${a}`),
		);
		if (operation !== 'DescribeKey' && operation !== 'GetKeyPolicy') {
			return { status: 400, code: 'UnknownOperationException', message: `Unknown operation ${operation}` };
		}
		if (!key) {
			return { status: 400, code: 'NotFoundException', message: `Key '${keyId}' does not exist` };
		}
		if (operation === 'GetKeyPolicy') {
			if (keyId !== key.id && keyId !== key.arn) {
				// GetKeyPolicy takes a key id or key ARN, never an alias.
				return { status: 400, code: 'NotFoundException', message: `Invalid keyId '${keyId}'` };
			}
			return { json: { Policy: key.policy, PolicyName: 'default' } };
		}
		return {
			json: {
				KeyMetadata: {
					AWSAccountId: ACCOUNT_ID,
					KeyId: key.id,
					Arn: key.arn,
					CreationDate: 1735689600,
					Enabled: true,
					KeyUsage: 'ENCRYPT_DECRYPT',
					KeyState: 'Enabled',
					Origin: 'AWS_KMS',
					KeyManager: key.manager,
					KeySpec: 'SYMMETRIC_DEFAULT',
					EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
					MultiRegion: false,
				},
			},
		};
	}
}
