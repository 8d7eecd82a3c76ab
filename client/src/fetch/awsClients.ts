/**
 * SQS and S3 clients for fetching failure records, built from the resolved {@link AwsContext}:
 * the same credentials and endpoint rules as the Lambda client (an endpoint override applies per
 * service, as the AWS CLI does it).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { AwsContext } from '../aws/awsContext';
import { endpointFor } from '../aws/resolveAwsContext';

const TIMEOUTS = { connectionTimeout: 5000, requestTimeout: 30000 };

/** An SQS client for the queue's own region (a destination may be in another region than the function). */
export function createSqsClient(context: AwsContext, region: string = context.region, env: NodeJS.ProcessEnv = process.env): SQSClient {
	return new SQSClient({
		region,
		endpoint: endpointFor(context, 'sqs', env),
		credentials: context.credentials,
		maxAttempts: 3,
		retryMode: 'standard',
		requestHandler: TIMEOUTS,
	});
}

/** An S3 client; a bucket ARN names no region, so requests follow S3's region redirects. */
export function createS3Client(context: AwsContext, env: NodeJS.ProcessEnv = process.env): S3Client {
	const endpoint = endpointFor(context, 's3', env);
	return new S3Client({
		region: context.region,
		endpoint,
		// Emulators and loopback servers serve buckets by path, not by host name.
		forcePathStyle: endpoint !== undefined,
		followRegionRedirects: true,
		credentials: context.credentials,
		maxAttempts: 3,
		retryMode: 'standard',
		requestHandler: TIMEOUTS,
	});
}
