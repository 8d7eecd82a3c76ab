/**
 * `event-source-arn`: an Amazon MSK cluster ARN, present in aws:kafka events and absent in
 * SelfManagedKafka ones (facts sheet §4, §6 item 11, §9 rules 15 and 17).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';
import type { Json } from './recordFixtures';
import { event, expectedProblem, record } from './recordFixtures';

const CODE = 'event-source-arn';
const on = expectedProblem(CODE);

const ARN = ['KafkaBatchInfo', 'eventSourceArn'];
const GOOD = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';

function arnProblem(arn: string, needle: string, message: string): ProblemView[] {
	const text = record([ARN, arn]);
	const start = text.indexOf(arn) + arn.indexOf(needle);
	return [{ code: CODE, severity: 'warning', message, range: [0, start, 0, start + needle.length], text: needle, fixes: [] }];
}

describe('event-source-arn', () => {
	it('accepts MSK cluster ARNs in any partition, and VPC connection ARNs', () => {
		for (const arn of [
			GOOD,
			'arn:aws-cn:kafka:cn-north-1:123456789012:cluster/c/7c9e6679-7425-40de-944b-e07fc1f90ae7-12',
			'arn:aws:kafka:eu-west-1:123456789012:cluster/serverless-1/7c9e6679-7425-40de-944b-e07fc1f90ae7-s1',
			'arn:aws:kafka:us-east-1:123456789012:vpc-connection/123456789012/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
		]) {
			assert.deepEqual(problemsWithCode(record([ARN, arn]), CODE), [], arn);
		}
		assert.deepEqual(problemsWithCode(record([ARN, undefined]), CODE), []);
	});

	it("warns on the made-up cluster ID of AWS's Kafka-destination example, on that part", () => {
		const arn = 'arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abc123';
		assert.deepEqual(
			problemsWithCode(record([ARN, arn]), CODE),
			arnProblem(
				arn,
				'abc123',
				'"eventSourceArn" ends in "abc123", but an MSK cluster ARN ends with the cluster\'s UUID and a number, such as 7c9e6679-7425-40de-944b-e07fc1f90ae7-3.',
			),
		);
	});

	it('points at the wrong part of other ARNs', () => {
		const sqs = 'arn:aws:sqs:us-east-1:123456789012:queue';
		assert.deepEqual(
			problemsWithCode(record([ARN, sqs]), CODE),
			arnProblem(sqs, 'sqs', '"eventSourceArn" names the service "sqs"; an Amazon MSK event source is a cluster ARN of the service "kafka".'),
		);
		const partition = 'arn:azure:kafka:us-east-1:123456789012:cluster/c/x';
		assert.deepEqual(
			problemsWithCode(record([ARN, partition]), CODE),
			arnProblem(partition, 'azure', '"eventSourceArn" has the partition "azure", which is not an AWS partition (such as "aws", "aws-cn" or "aws-us-gov").'),
		);
		const region = 'arn:aws:kafka:cn-north-1:123456789012:cluster/c/x';
		assert.deepEqual(
			problemsWithCode(record([ARN, region]), CODE),
			arnProblem(region, 'cn-north-1', '"eventSourceArn" has the region "cn-north-1", which is not a region of the partition "aws".'),
		);
		const account = 'arn:aws:kafka:us-east-1:12345:cluster/c/x';
		assert.deepEqual(
			problemsWithCode(record([ARN, account]), CODE),
			arnProblem(account, '12345', '"eventSourceArn" has the account "12345"; an AWS account ID has 12 digits.'),
		);
		const resource = 'arn:aws:kafka:us-east-1:123456789012:topic/c/orders';
		assert.deepEqual(
			problemsWithCode(record([ARN, resource]), CODE),
			arnProblem(
				resource,
				'topic/c/orders',
				'"eventSourceArn" has the resource "topic/c/orders"; an MSK cluster ARN\'s resource is cluster/<name>/<uuid>-<n>.',
			),
		);
		const text = record([ARN, 'b-1.example.com:9092']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"b-1.example.com:9092"',
				'warning',
				'"eventSourceArn" "b-1.example.com:9092" is not an ARN; an Amazon MSK event source is a cluster ARN such as arn:aws:kafka:us-east-1:123456789012:cluster/<name>/<uuid>-<n>.',
			),
		]);
	});

	it("does not judge the record's ARN when its payload is a self-managed Kafka event", () => {
		const selfManaged = JSON.parse(event([['eventSource'], 'SelfManagedKafka'], [['eventSourceArn'], undefined])) as Json;
		const text = record([ARN, 'arn:aws:something:else'], [['payload'], selfManaged]);
		assert.deepEqual(problemsWithCode(text, CODE), []);
	});

	it('wants an ARN in aws:kafka events and none in SelfManagedKafka events', () => {
		assert.deepEqual(problemsWithCode(event(), CODE), []);
		assert.deepEqual(problemsWithCode(event([['eventSource'], 'SelfManagedKafka'], [['eventSourceArn'], undefined]), CODE), []);
		const missing = event([['eventSourceArn'], undefined]);
		assert.deepEqual(problemsWithCode(missing, CODE), [
			on(missing, '"aws:kafka"', 'warning', 'This "aws:kafka" event has no "eventSourceArn"; Amazon MSK events carry the cluster\'s ARN.'),
		]);
		const extra = event([['eventSource'], 'SelfManagedKafka']);
		assert.deepEqual(problemsWithCode(extra, CODE), [
			on(
				extra,
				'"eventSourceArn"',
				'warning',
				'"eventSourceArn" is not expected in a "SelfManagedKafka" event; only Amazon MSK ("aws:kafka") events carry a cluster ARN.',
			),
		]);
		const bad = event([['eventSourceArn'], 'arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abc123']);
		assert.equal(problemsWithCode(bad, CODE)[0]?.text, 'abc123');
	});

	it('checks the payload of an S3 record too', () => {
		const payload = JSON.parse(event([['eventSourceArn'], undefined])) as Json;
		const text = record([['payload'], payload]);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '"aws:kafka"', 'warning', 'This "aws:kafka" event has no "eventSourceArn"; Amazon MSK events carry the cluster\'s ARN.'),
		]);
	});
});
