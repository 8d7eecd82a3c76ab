/**
 * Question 1: does the destination exist? SQS, SNS and S3 are read (which also yields their
 * resource policy and encryption for the later questions); a `kafka://` topic needs provisioned
 * mode, a name that is not a source topic, and, on MSK, a topic the Kafka API can find.
 */
import type { DestinationTarget } from './destinationTarget';
import { mskCluster } from './destinationTarget';
import { couldNotCheck, row } from './rows';
import type { CheckRow, DestinationFacts, PlannedMapping, PreflightSources, Read } from './types';

export interface DestinationOutcome {
	row: CheckRow;
	/** What the queue, topic or bucket said, when it could be read. */
	facts?: DestinationFacts;
}

const SERVICE_NAMES = { sqs: 'SQS queue', sns: 'SNS topic', s3: 'S3 bucket' } as const;

export async function checkDestination(target: DestinationTarget, mapping: PlannedMapping, sources: PreflightSources): Promise<DestinationOutcome> {
	switch (target.kind) {
		case 'none':
			return {
				row: row('destination', 'fail', 'The mapping has no on-failure destination: a batch that exhausts its retries is dropped.', {
					fix: 'Set DestinationConfig.OnFailure.Destination to an SQS queue, SNS topic or S3 bucket ARN, or to kafka://<topic> in provisioned mode.',
				}),
			};
		case 'unsupported':
			return {
				row: row('destination', 'fail', `${target.value} is not an SQS queue, SNS topic, S3 bucket or kafka:// topic.`, {
					fix: 'Use the ARN of an SQS queue, SNS topic or S3 bucket, or kafka://<topic>.',
				}),
			};
		case 'kafka':
			return { row: await checkKafkaTopic(target.topic, mapping, sources) };
		case 'sqs':
			return readResource(await sources.queue(target.arn), target.kind, target.arn, `${target.region} of account ${target.account}`);
		case 'sns':
			return readResource(await sources.topic(target.arn), target.kind, target.arn, `${target.region} of account ${target.account}`);
		case 's3':
			return readResource(await sources.bucket(target.name), target.kind, target.arn, 'S3');
	}
}

function readResource(read: Read<DestinationFacts>, kind: 'sqs' | 'sns' | 's3', arn: string, where: string): DestinationOutcome {
	const noun = SERVICE_NAMES[kind];
	if (read.ok) {
		return { row: row('destination', 'pass', `The ${noun} ${arn} exists.`), facts: read.value };
	}
	if (read.failure.kind === 'not-found') {
		return {
			row: row('destination', 'fail', `There is no ${noun} ${arn} in ${where}: every failed batch would be lost.`, {
				fix: `Create the ${noun} (same name, account and region), or point DestinationConfig.OnFailure.Destination at one that exists.`,
			}),
		};
	}
	return { row: couldNotCheck('destination', read.failure, `the ${noun}`) };
}

async function checkKafkaTopic(topic: string, mapping: PlannedMapping, sources: PreflightSources): Promise<CheckRow> {
	const poller = mapping.ProvisionedPollerConfig;
	if (!poller || (poller.MinimumPollers === undefined && poller.MaximumPollers === undefined)) {
		return row('destination', 'fail', `kafka://${topic} needs the mapping in provisioned mode, and it is in on-demand mode.`, {
			fix: 'Add "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 200} to the mapping, or use an SQS, SNS or S3 destination.',
		});
	}
	if ((mapping.Topics ?? []).includes(topic)) {
		return row('destination', 'fail', `kafka://${topic} is a source topic of this mapping; Lambda refuses it to avoid a loop.`, {
			fix: 'Use another topic on the same cluster, e.g. kafka://' + `${topic}-failures.`,
		});
	}
	const cluster = mskCluster(mapping.EventSourceArn);
	if (!cluster) {
		return row(
			'destination',
			'unknown',
			`Provisioned mode and topic name are fine. The Kafka API cannot see a self-managed cluster: make sure ${topic} exists and the mapping's credentials may write to it (topic ACLs).`,
		);
	}
	const exists = await sources.kafkaTopicExists(cluster.arn, topic);
	if (!exists.ok) {
		return couldNotCheck('destination', exists.failure, `whether topic ${topic} exists on the cluster (provisioned mode and topic name are fine)`);
	}
	if (!exists.value) {
		return row('destination', 'fail', `There is no topic ${topic} on the source cluster ${cluster.arn}.`, {
			fix: `Create the topic ${topic} on that cluster (kafka-topics.sh --create --topic ${topic} …), or name a topic that exists.`,
		});
	}
	return row('destination', 'pass', `Provisioned mode, not a source topic, and topic ${topic} exists on the source cluster.`);
}
