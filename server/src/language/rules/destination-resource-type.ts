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
import * as l10n from '@vscode/l10n';
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
			return l10n.t(
				'The destination {0} is a Lambda function ({1}): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
				resource.expression,
				named,
			);
		case 'events':
			return l10n.t(
				'The destination {0} is an EventBridge event bus ({1}): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
				resource.expression,
				named,
			);
		case 'kafka':
			return l10n.t(
				'The destination {0} is an Amazon MSK cluster ({1}): to send failed records to a topic on the source cluster, write kafka://<topic>.',
				resource.expression,
				named,
			);
		case 'other':
			return l10n.t(
				'The destination {0} refers to {1}, which is not a supported destination: an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
				resource.expression,
				named,
			);
	}
	switch (resource.yields) {
		case 'url':
			return l10n.t('{0} gives the URL of the queue {1}, but the destination must be its ARN.', resource.expression, JSON.stringify(resource.id));
		case 'name':
			return resource.service === 's3'
				? l10n.t('{0} gives the name of the bucket {1}, but the destination must be its ARN.', resource.expression, JSON.stringify(resource.id))
				: l10n.t('{0} gives the name of the resource {1}, but the destination must be its ARN.', resource.expression, JSON.stringify(resource.id));
		case 'other':
			return l10n.t('{0} does not give the ARN of {1}, which the destination must be.', resource.expression, named);
		case 'arn':
			return undefined;
	}
}
