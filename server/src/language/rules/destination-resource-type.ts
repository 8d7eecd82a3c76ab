/**
 * `destination-resource-type`: the on-failure destination refers to a resource of the
 * configuration that cannot be one, or to the wrong attribute of one. An event source mapping
 * sends failed records only to an SQS queue, an SNS topic, an S3 bucket or a Kafka topic (AWS
 * Lambda developer guide, "Capturing discarded batches for ... Kafka event sources"); a Lambda
 * function or an EventBridge bus is a destination of asynchronous invocation only. CloudFormation's
 * return values decide the attribute: `Ref` of an `AWS::SQS::Queue` is its URL and `Ref` of an
 * `AWS::S3::Bucket` its name (CloudFormation User Guide, the resources' "Return values"), neither
 * of which Lambda accepts as `DestinationArn`.
 *
 * Format-neutral: it sees only `DestinationFacts` (deploymentModel.ts), so every adapter feeds it.
 *
 * @example DestinationConfig: {OnFailure: {Destination: !Ref Dlq}} with Dlq an AWS::SQS::Queue → error
 */
import type { MappingRule, ReferencedResource } from '../templates/deploymentModel';

export const destinationResourceType: MappingRule = {
	id: 'destination-resource-type',
	description:
		'An on-failure destination that refers to a resource of the template that cannot be one (a Lambda function, an EventBridge bus, an MSK cluster), or to the URL or name of a queue or bucket instead of its ARN.',
	check(subject, report) {
		const destination = subject.facts.destination;
		const resource = destination?.resource;
		if (!destination || !resource) {
			return;
		}
		const message = messageFor(resource);
		if (message) {
			const fixes = resource.arnFix && (resource.yields === 'url' || resource.yields === 'name') ? [resource.arnFix] : undefined;
			report({ severity: 'error', message, path: destination.path, ...(fixes ? { fixes } : {}) });
		}
	},
};

function messageFor(resource: ReferencedResource): string | undefined {
	const named = `${resource.type} "${resource.id}"`;
	switch (resource.service) {
		case 'lambda':
		case 'events':
			return `The destination ${resource.expression} is ${resource.service === 'lambda' ? 'a Lambda function' : 'an EventBridge event bus'} (${named}): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.`;
		case 'kafka':
			return `The destination ${resource.expression} is an Amazon MSK cluster (${named}): to send failed records to a topic on the source cluster, write kafka://<topic>.`;
		case 'other':
			return `The destination ${resource.expression} refers to ${named}, which is not a supported destination: an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.`;
	}
	switch (resource.yields) {
		case 'url':
			return `${resource.expression} gives the URL of the queue ${JSON.stringify(resource.id)}, but the destination must be its ARN.`;
		case 'name':
			return `${resource.expression} gives the name of the ${resource.service === 's3' ? 'bucket' : 'resource'} ${JSON.stringify(resource.id)}, but the destination must be its ARN.`;
		case 'other':
			return `${resource.expression} does not give the ARN of ${named}, which the destination must be.`;
		case 'arn':
			return undefined;
	}
}
