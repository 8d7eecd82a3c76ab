/**
 * Reads of the destination itself for the pre-flight check: whether the SQS queue, SNS topic or
 * S3 bucket exists, its resource policy and its KMS key. Read-only calls.
 */
import { GetBucketEncryptionCommand, GetBucketLocationCommand, GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import type { SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DestinationFacts } from '../../../shared/preflight/types';
import type { AwsCall, CancellationLike } from '../aws/awsCall';
import { UserFacingException } from '../aws/errors';
import { toRead } from './readResult';

export async function readQueue(call: AwsCall, sqs: SQSClient, arn: string, token: CancellationLike | undefined): Promise<DestinationFacts> {
	const [, , , , account, name] = arn.split(':');
	const url = await call('GetQueueUrl', {}, token, (abortSignal) =>
		sqs.send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }), { abortSignal }),
	);
	const attributes = await call('GetQueueAttributes', {}, token, (abortSignal) =>
		sqs.send(new GetQueueAttributesCommand({ QueueUrl: url.QueueUrl, AttributeNames: ['Policy', 'KmsMasterKeyId'] }), { abortSignal }),
	);
	return { policy: attributes.Attributes?.Policy, kmsKey: attributes.Attributes?.KmsMasterKeyId || undefined };
}

export async function readTopic(call: AwsCall, sns: SNSClient, arn: string, token: CancellationLike | undefined): Promise<DestinationFacts> {
	const attributes = await call('GetTopicAttributes', {}, token, (abortSignal) => sns.send(new GetTopicAttributesCommand({ TopicArn: arn }), { abortSignal }));
	return { policy: attributes.Attributes?.Policy, kmsKey: attributes.Attributes?.KmsMasterKeyId || undefined };
}

/** GetBucketLocation says whether the bucket exists; its policy and encryption are read apart, each may be unreadable alone. */
export async function readBucket(call: AwsCall, s3: S3Client, bucket: string, token: CancellationLike | undefined): Promise<DestinationFacts> {
	await call('GetBucketLocation', {}, token, (abortSignal) => s3.send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal }));
	const facts: DestinationFacts = {};
	const policy = await toRead('s3:GetBucketPolicy', () =>
		call('GetBucketPolicy', {}, token, (abortSignal) => s3.send(new GetBucketPolicyCommand({ Bucket: bucket }), { abortSignal })).then(
			(result) => result.Policy,
			(error: unknown) => absentWhen(error, 'NoSuchBucketPolicy'),
		),
	);
	if (policy.ok) {
		facts.policy = policy.value;
	} else {
		facts.policyUnreadable = policy.failure;
	}
	const encryption = await toRead('s3:GetEncryptionConfiguration', () =>
		call('GetBucketEncryption', {}, token, (abortSignal) => s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }), { abortSignal })).then(
			(result) => result.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault,
			(error: unknown) => absentWhen(error, 'ServerSideEncryptionConfigurationNotFoundError'),
		),
	);
	if (encryption.ok) {
		const byDefault = encryption.value;
		facts.kmsKey = byDefault?.SSEAlgorithm?.startsWith('aws:kms') ? (byDefault.KMSMasterKeyID ?? 'alias/aws/s3') : undefined;
	} else {
		facts.encryptionUnreadable = encryption.failure;
	}
	return facts;
}

/** S3 answers "there is none" with an error code; that is no failure. */
function absentWhen(error: unknown, code: string): undefined {
	if (error instanceof UserFacingException && error.userFacing.code === code) {
		return undefined;
	}
	throw error;
}
