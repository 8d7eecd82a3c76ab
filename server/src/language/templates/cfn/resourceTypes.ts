/**
 * What a `Ref` or `Fn::GetAtt` of a resource gives, for the resource types a destination or an
 * event source refers to. From the "Return values" section of each type's page in the
 * CloudFormation User Guide (AWS::SQS::Queue: Ref is the queue URL, Arn the ARN; AWS::SNS::Topic:
 * Ref is the topic ARN; AWS::S3::Bucket: Ref is the bucket name, Arn the ARN; AWS::MSK::Cluster
 * and AWS::MSK::ServerlessCluster: Ref and Arn are the cluster ARN; AWS::Lambda::Function and
 * AWS::Events::EventBus: Ref is the name, Arn the ARN) and SAM's generated resources
 * (AWS::Serverless::Function becomes an AWS::Lambda::Function).
 */
import type { ResourceService } from '../deploymentModel';

export type Yield = 'arn' | 'url' | 'name' | 'other';

export interface ResourceTypeInfo {
	service: ResourceService;
	ref: Yield;
	attributes: Readonly<Record<string, Yield>>;
	/** The property that names the resource, when the template may set it. */
	nameProperty?: string;
}

const TYPES: Readonly<Record<string, ResourceTypeInfo>> = {
	'AWS::SQS::Queue': { service: 'sqs', ref: 'url', attributes: { Arn: 'arn', QueueUrl: 'url', QueueName: 'name' }, nameProperty: 'QueueName' },
	'AWS::SNS::Topic': { service: 'sns', ref: 'arn', attributes: { TopicArn: 'arn', TopicName: 'name' }, nameProperty: 'TopicName' },
	'AWS::S3::Bucket': { service: 's3', ref: 'name', attributes: { Arn: 'arn' }, nameProperty: 'BucketName' },
	'AWS::MSK::Cluster': { service: 'kafka', ref: 'arn', attributes: { Arn: 'arn' }, nameProperty: 'ClusterName' },
	'AWS::MSK::ServerlessCluster': { service: 'kafka', ref: 'arn', attributes: { Arn: 'arn' }, nameProperty: 'ClusterName' },
	'AWS::Lambda::Function': { service: 'lambda', ref: 'name', attributes: { Arn: 'arn' } },
	'AWS::Serverless::Function': { service: 'lambda', ref: 'name', attributes: { Arn: 'arn' } },
	'AWS::Lambda::Alias': { service: 'lambda', ref: 'arn', attributes: {} },
	'AWS::Lambda::Version': { service: 'lambda', ref: 'arn', attributes: {} },
	'AWS::Events::EventBus': { service: 'events', ref: 'name', attributes: { Arn: 'arn', Name: 'name' } },
};

const OTHER: ResourceTypeInfo = { service: 'other', ref: 'other', attributes: { Arn: 'arn' } };

export function resourceTypeInfo(type: string): ResourceTypeInfo {
	return Object.prototype.hasOwnProperty.call(TYPES, type) ? TYPES[type] : OTHER;
}

/** What `Fn::GetAtt` of `attribute` gives for a type: the attributes above, else something other than what is needed. */
export function attributeYield(info: ResourceTypeInfo, attribute: string): Yield {
	return Object.prototype.hasOwnProperty.call(info.attributes, attribute) ? info.attributes[attribute] : 'other';
}
