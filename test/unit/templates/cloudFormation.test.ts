/**
 * CloudFormation templates: which files are templates, which mappings are Kafka, the request rules
 * under CloudFormation's names with exact ranges, fixes in YAML and JSON, and bad input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeTemplate } from '../../../server/src/language/kinds/detectTemplate';
import { analyze } from '../../helpers';
import { CLUSTER_ARN, cfnTemplate, fixed, rangeOf, templateProblems, withCode } from './templateHelpers';

const KAFKA_MAPPING = `      FunctionName: handler
      EventSourceArn: ${CLUSTER_ARN}
      Topics:
        - orders
      StartingPosition: LATEST
`;

describe('CloudFormation templates', () => {
	it('recognises YAML and JSON templates, and leaves other YAML and JSON alone', () => {
		assert.equal(analyze('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', { fileName: 'stack.yaml' }).kind, 'cfn-template');
		assert.equal(analyze('Transform: AWS::Serverless-2016-10-31\n', { fileName: 'template.yml' }).kind, 'cfn-template');
		assert.equal(analyze('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', { fileName: 'x.template' }).kind, 'cfn-template');
		assert.equal(analyze('{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', { fileName: 'cdk.out/App.template.json' }).kind, 'cfn-template');
		assert.equal(analyze('name: build\non: push\njobs: {}\n', { fileName: 'ci.yaml' }).kind, 'unknown');
		assert.equal(analyze('Resources:\n  Q:\n    Type: Custom::Thing\n', { fileName: 'k8s.yaml' }).kind, 'unknown');
		// YAML content in a file the editor calls something else is not read as a template.
		assert.equal(analyze('AWSTemplateFormatVersion: "2010-09-09"\n', { fileName: 'notes.txt', languageId: 'plaintext' }).kind, 'unknown');
	});

	it('tells JSON templates by their AWS signs, and JSON without `"AWS` at once', () => {
		assert.equal(looksLikeTemplate('{"AWSTemplateFormatVersion": "2010-09-09"}'), true);
		assert.equal(looksLikeTemplate(' {"Transform": "AWS::Serverless-2016-10-31"}'), true);
		assert.equal(looksLikeTemplate('{"Transform": [ "AWS::Serverless-2016-10-31" ]}'), true);
		assert.equal(looksLikeTemplate('{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}'), true);
		// "AWS" in other places, or only lower-case ARNs: not templates.
		assert.equal(looksLikeTemplate('{"Resources": {"Q": {"Type": "Custom::AWS"}}, "Note": "AWS::SQS::Queue"}'), false);
		assert.equal(looksLikeTemplate('{"Resources": {"Q": {"Type": "Custom::Thing", "Arn": "arn:aws:sqs:us-east-1:123456789012:q"}}}'), false);
		assert.equal(looksLikeTemplate('{"KafkaBatchInfo": {"eventSourceArn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/u-1"}}'), false);
		assert.equal(looksLikeTemplate('{"Transform": "AWS::Include"}'), false);
	});

	it('checks only Kafka mappings: an SQS mapping with OnSuccess is not reported', () => {
		const sqs = cfnTemplate(`      FunctionName: handler
      EventSourceArn: arn:aws:sqs:us-east-1:123456789012:jobs
      DestinationConfig:
        OnSuccess:
          Destination: arn:aws:sqs:us-east-1:123456789012:done
`);
		assert.deepEqual(templateProblems(sqs), []);
	});

	it('reports a kafka:// destination without provisioned mode on the destination, and the loop on the topic', () => {
		const text = cfnTemplate(`${KAFKA_MAPPING}      DestinationConfig:
        OnFailure:
          Destination: kafka://orders
`);
		const problems = withCode(text, 'kafka-destination-requirements');
		assert.deepEqual(
			problems.map((p) => [p.severity, p.range, p.text]),
			[
				['error', rangeOf(text, 'kafka://orders'), 'kafka://orders'],
				['info', rangeOf(text, 'kafka://orders'), 'kafka://orders'],
				['error', rangeOf(text, 'orders', 2), 'orders'],
			],
		);
		assert.equal(problems[2].message, 'The destination topic "orders" is also the source topic: Lambda blocks this to prevent a loop.');
	});

	it('reads SelfManagedEventSource.Endpoints.KafkaBootstrapServers as a self-managed Kafka source', () => {
		const text = cfnTemplate(`      FunctionName: handler
      SelfManagedEventSource:
        Endpoints:
          KafkaBootstrapServers: [b-1.example.com:9092]
      Topics: [orders]
      StartingPosition: LATEST
      AmazonManagedKafkaEventSourceConfig:
        ConsumerGroupId: g
`);
		assert.deepEqual(
			withCode(text, 'kafka-unsupported-field').map((p) => [p.range, p.text]),
			[[rangeOf(text, 'AmazonManagedKafkaEventSourceConfig'), 'AmazonManagedKafkaEventSourceConfig']],
		);
	});

	it('reports a missing required field on the mapping’s logical id', () => {
		const text = cfnTemplate(`      FunctionName: handler
      EventSourceArn: ${CLUSTER_ARN}
      Topics: [orders]
`);
		assert.deepEqual(
			withCode(text, 'create-required-fields').map((p) => [p.message, p.range]),
			[['Missing required field "StartingPosition": a Kafka event source mapping needs TRIM_HORIZON, LATEST or AT_TIMESTAMP.', rangeOf(text, 'Mapping')]],
		);
	});

	it('removes OnSuccess with its lines in YAML and with its comma in JSON', () => {
		const yaml = cfnTemplate(`${KAFKA_MAPPING}      DestinationConfig:
        OnSuccess:
          Destination: arn:aws:sqs:us-east-1:123456789012:done
        OnFailure:
          Destination: arn:aws:sqs:us-east-1:123456789012:dlq
`);
		assert.deepEqual(
			withCode(yaml, 'on-success-unsupported').map((p) => [p.range, p.fixes]),
			[[rangeOf(yaml, 'OnSuccess'), ['Remove OnSuccess']]],
		);
		assert.equal(
			fixed(yaml, 'on-success-unsupported'),
			yaml.replace('        OnSuccess:\n          Destination: arn:aws:sqs:us-east-1:123456789012:done\n', ''),
		);
		const json = `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"M": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
  "FunctionName": "f", "EventSourceArn": "${CLUSTER_ARN}", "Topics": ["orders"], "StartingPosition": "LATEST",
  "DestinationConfig": {"OnSuccess": {"Destination": "arn:aws:sqs:us-east-1:123456789012:done"}, "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dlq"}}}}}}`;
		assert.equal(
			fixed(json, 'on-success-unsupported', 'stack.template.json'),
			json.replace('{"OnSuccess": {"Destination": "arn:aws:sqs:us-east-1:123456789012:done"}, ', '{'),
		);
	});

	it('replaces a value in YAML with a YAML scalar (the destination-format fix)', () => {
		const text = cfnTemplate(`${KAFKA_MAPPING}      ProvisionedPollerConfig: {MinimumPollers: 1}
      DestinationConfig:
        OnFailure:
          Destination: https://sqs.us-east-1.amazonaws.com/123456789012/dlq
`);
		const problem = withCode(text, 'destination-format')[0];
		assert.deepEqual([problem.range, problem.fixes], [rangeOf(text, 'https://sqs.us-east-1.amazonaws.com/123456789012/dlq'), ['Use the queue ARN']]);
		assert.ok(fixed(text, 'destination-format').includes('          Destination: arn:aws:sqs:us-east-1:123456789012:dlq\n'));
	});

	it('says nothing about templates with syntax errors, and survives alias bombs and deep nesting', () => {
		const broken = cfnTemplate(`${KAFKA_MAPPING}      DestinationConfig: {OnFailure: [\n`);
		assert.deepEqual(templateProblems(broken), []);
		const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
		for (let i = 1; i < 12; i++) {
			lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
		}
		const bomb = `${lines.join('\n')}\nResources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      EventSourceArn: ${CLUSTER_ARN}\n      Topics: *a11\n`;
		const started = Date.now();
		assert.deepEqual(
			templateProblems(bomb).map((p) => p.code),
			['create-required-fields', 'create-required-fields'],
		);
		assert.ok(Date.now() - started < 2000, 'the alias bomb was expanded');
		const deep = cfnTemplate(`${KAFKA_MAPPING}      FilterCriteria: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
		assert.doesNotThrow(() => templateProblems(deep));
	});
});
