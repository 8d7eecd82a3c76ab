/**
 * The fetch commands' door to Amazon S3, as {@link LambdaApi} is to Lambda: plain values in and
 * out, a cancellation token per call, and every failure logged and thrown as a
 * {@link UserFacingException} naming S3, the operation and the IAM action it needs.
 */
import type { AwsContext } from '../aws/awsContext';
import type { CancellationLike } from '../aws/awsCall';
import { createAwsCaller } from '../aws/awsCall';
import type { Logger } from '../aws/logger';
import { createS3Client } from './awsClients';
import type { FailureListing } from './s3Fetch';
import { getObjectText, listFailureObjects } from './s3Fetch';

export interface S3Api {
	/** Every object under `prefix` (all pages, up to `maxObjects`), newest first; see {@link listFailureObjects}. */
	listFailureObjects(
		bucket: string,
		prefix: string,
		options?: { token?: CancellationLike; onPage?: (listed: number) => void; pageSize?: number; maxObjects?: number },
	): Promise<FailureListing>;
	/** An object's body as UTF-8 text; refuses objects too large for the editor. */
	getObjectText(bucket: string, key: string, options?: { token?: CancellationLike; maxBytes?: number }): Promise<string>;
	/** Closes the client's connections. */
	dispose(): void;
}

export interface S3ApiOptions {
	logger?: Logger;
	env?: NodeJS.ProcessEnv;
}

export function createS3Api(context: AwsContext, options: S3ApiOptions = {}): S3Api {
	const { call, credentials } = createAwsCaller(context, {
		logger: options.logger,
		where: `region=${context.region}${context.profile ? ` profile=${context.profile}` : ''}`,
		// Without the endpoint, as the fetch commands always named S3: "Could not reach Amazon S3 in <region>".
		errorContext: { service: 's3', region: context.region, profile: context.profile },
	});
	// Through the caller's credentials, so their secrets are redacted from what is logged and shown.
	const s3 = createS3Client({ ...context, credentials }, options.env);
	return {
		listFailureObjects: (bucket, prefix, listOptions = {}) =>
			call('ListObjectsV2', {}, listOptions.token, (abortSignal) =>
				listFailureObjects(s3, bucket, prefix, { abortSignal, onPage: listOptions.onPage, pageSize: listOptions.pageSize, maxObjects: listOptions.maxObjects }),
			),
		getObjectText: (bucket, key, getOptions = {}) =>
			call('GetObject', {}, getOptions.token, (abortSignal) => getObjectText(s3, bucket, key, { abortSignal, maxBytes: getOptions.maxBytes })),
		dispose: () => s3.destroy(),
	};
}
