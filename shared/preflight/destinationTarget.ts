/**
 * What a destination string names, and what the execution role needs to deliver to it
 * (templates-preflight-l10n.md §2, aws-facts §1.1): the IAM actions, the resources they apply
 * to, and the KMS actions a customer managed key on the destination requires.
 */
import { parseArn } from '../arn';

export type DestinationTarget =
	| { kind: 'sqs' | 'sns'; arn: string; name: string; region: string; account: string; partition: string }
	| { kind: 's3'; arn: string; name: string; partition: string }
	| { kind: 'kafka'; topic: string }
	| { kind: 'none' }
	| { kind: 'unsupported'; value: string };

const KAFKA_PREFIX = 'kafka://';

export function destinationTarget(destination: string | undefined): DestinationTarget {
	if (destination === undefined || destination === '') {
		return { kind: 'none' };
	}
	if (destination.startsWith(KAFKA_PREFIX)) {
		return { kind: 'kafka', topic: destination.slice(KAFKA_PREFIX.length) };
	}
	const arn = parseArn(destination);
	if (!arn) {
		return { kind: 'unsupported', value: destination };
	}
	const service = arn.service.value;
	const partition = arn.partition.value;
	if ((service === 'sqs' || service === 'sns') && arn.region.value !== '' && arn.account.value !== '') {
		return { kind: service, arn: destination, name: arn.resource.value, region: arn.region.value, account: arn.account.value, partition };
	}
	if (service === 's3' && !arn.resource.value.includes('/')) {
		return { kind: 's3', arn: destination, name: arn.resource.value, partition };
	}
	return { kind: 'unsupported', value: destination };
}

/** One IAM question: these actions on this resource. */
export interface Permission {
	actions: string[];
	resource: string;
}

/** What the execution role must be allowed, per destination kind. */
export function rolePermissions(target: DestinationTarget, mskCluster: MskCluster | undefined): Permission[] {
	switch (target.kind) {
		case 'sqs':
			return [{ actions: ['sqs:SendMessage'], resource: target.arn }];
		case 'sns':
			return [{ actions: ['sns:Publish'], resource: target.arn }];
		case 's3':
			// Objects are written under the bucket; listing is asked of the bucket itself.
			return [
				{ actions: ['s3:PutObject'], resource: `${target.arn}/*` },
				{ actions: ['s3:ListBucket'], resource: target.arn },
			];
		case 'kafka':
			if (!mskCluster) {
				return [];
			}
			return [
				{ actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], resource: mskCluster.arn },
				{ actions: ['kafka-cluster:WriteData', 'kafka-cluster:DescribeTopic'], resource: mskTopicArn(mskCluster, target.topic) },
			];
		default:
			return [];
	}
}

/** The KMS actions the role needs on a customer managed key of this destination. */
export function kmsActions(kind: 'sqs' | 'sns' | 's3', crossAccount: boolean): string[] {
	if (kind === 's3') {
		return ['kms:GenerateDataKey'];
	}
	return crossAccount ? ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:ReEncrypt*'] : ['kms:Decrypt', 'kms:GenerateDataKey'];
}

export interface MskCluster {
	arn: string;
	partition: string;
	region: string;
	account: string;
	/** `name/uuid`, as the cluster ARN ends. */
	nameAndId: string;
}

/** The MSK cluster of an `EventSourceArn` (`arn:aws:kafka:r:a:cluster/name/uuid`), or undefined. */
export function mskCluster(eventSourceArn: string | undefined): MskCluster | undefined {
	const arn = eventSourceArn === undefined ? undefined : parseArn(eventSourceArn);
	if (!arn || arn.service.value !== 'kafka' || !arn.resource.value.startsWith('cluster/')) {
		return undefined;
	}
	return {
		arn: eventSourceArn!,
		partition: arn.partition.value,
		region: arn.region.value,
		account: arn.account.value,
		nameAndId: arn.resource.value.slice('cluster/'.length),
	};
}

/** The IAM resource of a topic on an MSK cluster: `arn:aws:kafka:r:a:topic/name/uuid/topic`. */
export function mskTopicArn(cluster: MskCluster, topic: string): string {
	return `arn:${cluster.partition}:kafka:${cluster.region}:${cluster.account}:topic/${cluster.nameAndId}/${topic}`;
}

/** The account and partition of an ARN such as a function's or a role's. */
export function accountOf(arnText: string | undefined): { account: string; partition: string; region: string } | undefined {
	const arn = arnText === undefined ? undefined : parseArn(arnText);
	return arn ? { account: arn.account.value, partition: arn.partition.value, region: arn.region.value } : undefined;
}
