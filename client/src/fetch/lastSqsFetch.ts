/**
 * The last SQS fetch, kept in memory (receipt handles, no bodies) so its messages can be deleted
 * after a confirmation. One slot per activation, in the extension's state.
 */
import type { AwsContext } from '../aws/awsContext';

export interface LastSqsFetch {
	context: AwsContext;
	region: string;
	queueUrl: string;
	queueName: string;
	messages: { messageId: string; receiptHandle: string }[];
	at: Date;
}

export interface SqsFetchMemory {
	last: LastSqsFetch | undefined;
}
