/** `destination-resource-type`: a destination that refers to a resource of the template that cannot be one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixed, mskEvent, rangeOf, samTemplate, withCode } from '../templates/templateHelpers';

const CODE = 'destination-resource-type';

const RESOURCES = `  Dlq:
    Type: AWS::SQS::Queue
  Bucket:
    Type: AWS::S3::Bucket
  Topic:
    Type: AWS::SNS::Topic
  Handler:
    Type: AWS::Lambda::Function
  Bus:
    Type: AWS::Events::EventBus
  Cluster:
    Type: AWS::MSK::Cluster
  Table:
    Type: AWS::DynamoDB::Table
`;

function withDestination(destination: string): string {
	return samTemplate(mskEvent(destination, '            ProvisionedPollerConfig: {MinimumPollers: 1}\n            MaximumRetryAttempts: 3\n'), '', RESOURCES);
}

describe('destination-resource-type', () => {
	it('accepts the ARN of a queue, topic or bucket of the template', () => {
		for (const destination of ['!GetAtt Dlq.Arn', '!Ref Topic', '!GetAtt Bucket.Arn', '{"Fn::GetAtt": [Dlq, Arn]}', '!Sub "${Dlq.Arn}"']) {
			assert.deepEqual(withCode(withDestination(destination), CODE), [], destination);
		}
	});

	it('reports a Lambda function, an EventBridge bus, an MSK cluster and another type, on the destination', () => {
		const cases: [string, string][] = [
			[
				'!GetAtt Handler.Arn',
				'The destination !GetAtt Handler.Arn is a Lambda function (AWS::Lambda::Function "Handler"): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
			],
			[
				'!GetAtt Bus.Arn',
				'The destination !GetAtt Bus.Arn is an EventBridge event bus (AWS::Events::EventBus "Bus"): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
			],
			[
				'!Ref Cluster',
				'The destination !Ref Cluster is an Amazon MSK cluster (AWS::MSK::Cluster "Cluster"): to send failed records to a topic on the source cluster, write kafka://<topic>.',
			],
			[
				'!GetAtt Table.Arn',
				'The destination !GetAtt Table.Arn refers to AWS::DynamoDB::Table "Table", which is not a supported destination: an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
			],
		];
		for (const [destination, message] of cases) {
			const text = withDestination(destination);
			assert.deepEqual(
				withCode(text, CODE).map((p) => [p.severity, p.message, p.range, p.fixes]),
				[['error', message, rangeOf(text, destination), []]],
			);
		}
	});

	it('reports the URL of a queue and the name of a bucket, with a fix that refers to the ARN', () => {
		const queue = withDestination('!Ref Dlq');
		assert.deepEqual(
			withCode(queue, CODE).map((p) => [p.message, p.range, p.fixes]),
			[['!Ref Dlq gives the URL of the queue "Dlq", but the destination must be its ARN.', rangeOf(queue, '!Ref Dlq'), ['Use the ARN: !GetAtt Dlq.Arn']]],
		);
		assert.equal(fixed(queue, CODE), queue.replace('Destination: !Ref Dlq', 'Destination: !GetAtt Dlq.Arn'));
		const bucket = withDestination('{Ref: Bucket}');
		assert.deepEqual(
			withCode(bucket, CODE).map((p) => p.message),
			['{Ref: Bucket} gives the name of the bucket "Bucket", but the destination must be its ARN.'],
		);
		assert.equal(fixed(bucket, CODE), bucket.replace('{Ref: Bucket}', '!GetAtt Bucket.Arn'));
		// A Sub around the URL gets the diagnostic but no fix: replacing the whole Sub could drop text.
		assert.deepEqual(
			withCode(withDestination('!Sub "${Dlq}"'), CODE).map((p) => p.fixes),
			[[]],
		);
	});

	it('writes the fix in JSON in a JSON template', () => {
		const json = `{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Dlq": {"Type": "AWS::SQS::Queue"}, "F": {"Type": "AWS::Serverless::Function", "Properties": {"Events": {"K": {"Type": "MSK", "Properties": {
  "Stream": "arn:aws:kafka:us-east-1:123456789012:cluster/c/u", "Topics": ["t"], "StartingPosition": "LATEST", "MaximumRetryAttempts": 3, "ProvisionedPollerConfig": {"MinimumPollers": 1},
  "DestinationConfig": {"OnFailure": {"Destination": {"Ref": "Dlq"}}}}}}}}}}`;
		assert.equal(fixed(json, CODE, 'template.json'), json.replace('{"Ref": "Dlq"}', '{"Fn::GetAtt": ["Dlq", "Arn"]}'));
	});
});
