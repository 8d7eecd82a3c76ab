/**
 * The pre-flight check's reads beyond the destination: the function's role and the mapping's
 * tags (Lambda), the policy simulator (IAM), the key and its policy (KMS), the delivery-failure
 * metric (CloudWatch) and a topic on an MSK cluster (Kafka). Read-only calls.
 */
import * as l10n from '@vscode/l10n';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { IAMClient } from '@aws-sdk/client-iam';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { KafkaClient } from '@aws-sdk/client-kafka';
import { DescribeTopicCommand } from '@aws-sdk/client-kafka';
import type { KMSClient } from '@aws-sdk/client-kms';
import { DescribeKeyCommand, GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { GetFunctionConfigurationCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import type { KeyFacts, SimulationRequest, SimulationResult } from '../../../shared/preflight/types';
import type { AwsCall, CancellationLike } from '../aws/awsCall';
import { UserFacingException } from '../aws/errors';

export async function readFunctionRole(call: AwsCall, lambda: LambdaClient, functionName: string, token?: CancellationLike): Promise<string> {
	const config = await call('GetFunctionConfiguration', { functionName }, token, (abortSignal) =>
		lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }), { abortSignal }),
	);
	if (!config.Role) {
		throw new UserFacingException({ kind: 'service', message: l10n.t('GetFunctionConfiguration returned no role for {0}.', functionName) });
	}
	return config.Role;
}

export async function readTags(call: AwsCall, lambda: LambdaClient, arn: string, token?: CancellationLike): Promise<Record<string, string>> {
	const result = await call('ListTags', {}, token, (abortSignal) => lambda.send(new ListTagsCommand({ Resource: arn }), { abortSignal }));
	return result.Tags ?? {};
}

/** Every page of the simulator's answer, one result per action and resource. */
export async function simulate(call: AwsCall, iam: IAMClient, request: SimulationRequest, token?: CancellationLike): Promise<SimulationResult[]> {
	const results: SimulationResult[] = [];
	let marker: string | undefined;
	do {
		const page = await call('SimulatePrincipalPolicy', {}, token, (abortSignal) =>
			iam.send(
				new SimulatePrincipalPolicyCommand({
					PolicySourceArn: request.principalArn,
					ActionNames: request.actions,
					ResourceArns: [request.resource],
					ResourcePolicy: request.resourcePolicy,
					Marker: marker,
				}),
				{ abortSignal },
			),
		);
		for (const result of page.EvaluationResults ?? []) {
			results.push({
				action: result.EvalActionName ?? '?',
				resource: result.EvalResourceName ?? request.resource,
				decision: result.EvalDecision === 'allowed' ? 'allowed' : result.EvalDecision === 'explicitDeny' ? 'explicitDeny' : 'implicitDeny',
				matchedPolicies: [...new Set((result.MatchedStatements ?? []).map((s) => s.SourcePolicyId ?? s.SourcePolicyType ?? '?'))],
			});
		}
		marker = page.IsTruncated ? page.Marker : undefined;
	} while (marker);
	return results;
}

export async function describeKey(call: AwsCall, kms: KMSClient, keyId: string, token?: CancellationLike): Promise<KeyFacts> {
	const result = await call('DescribeKey', {}, token, (abortSignal) => kms.send(new DescribeKeyCommand({ KeyId: keyId }), { abortSignal }));
	const metadata = result.KeyMetadata;
	return { arn: metadata?.Arn ?? keyId, manager: metadata?.KeyManager ?? 'CUSTOMER', account: metadata?.AWSAccountId ?? '' };
}

export async function readKeyPolicy(call: AwsCall, kms: KMSClient, keyArn: string, token?: CancellationLike): Promise<string> {
	const result = await call('GetKeyPolicy', {}, token, (abortSignal) =>
		kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }), { abortSignal }),
	);
	return result.Policy ?? '{}';
}

/** The sum of the function's `DestinationDeliveryFailures` between the two times, or undefined when CloudWatch has no data. */
export async function readDeliveryFailures(
	call: AwsCall,
	cloudWatch: CloudWatchClient,
	functionName: string,
	since: Date,
	until: Date,
	token?: CancellationLike,
): Promise<number | undefined> {
	const result = await call('GetMetricData', { functionName }, token, (abortSignal) =>
		cloudWatch.send(
			new GetMetricDataCommand({
				StartTime: since,
				EndTime: until,
				MetricDataQueries: [
					{
						Id: 'deliveryFailures',
						MetricStat: {
							Metric: { Namespace: 'AWS/Lambda', MetricName: 'DestinationDeliveryFailures', Dimensions: [{ Name: 'FunctionName', Value: functionName }] },
							Period: 3600,
							Stat: 'Sum',
						},
						ReturnData: true,
					},
				],
			}),
			{ abortSignal },
		),
	);
	const values = result.MetricDataResults?.[0]?.Values ?? [];
	return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0);
}

/** Whether the topic exists on the MSK cluster: DescribeTopic answers NotFound for a missing one. */
export async function kafkaTopicExists(call: AwsCall, kafka: KafkaClient, clusterArn: string, topic: string, token?: CancellationLike): Promise<boolean> {
	try {
		await call('DescribeTopic', {}, token, (abortSignal) =>
			kafka.send(new DescribeTopicCommand({ ClusterArn: clusterArn, TopicName: topic }), { abortSignal }),
		);
		return true;
	} catch (error) {
		if (error instanceof UserFacingException && (error.userFacing.code === 'NotFoundException' || error.userFacing.kind === 'not-found')) {
			return false;
		}
		throw error;
	}
}
