/**
 * Question 1: does the destination exist? SQS, SNS and S3 are read (which also yields their
 * resource policy and encryption for the later questions); a `kafka://` topic needs provisioned
 * mode, a name that is not a source topic, and, on MSK, a topic the Kafka API can find.
 */
import * as l10n from '@vscode/l10n';
import type { DestinationTarget } from './destinationTarget';
import { mskCluster } from './destinationTarget';
import { couldNotCheck, row } from './rows';
import type { CheckRow, DestinationFacts, PlannedMapping, PreflightSources, Read } from './types';

export interface DestinationOutcome {
	row: CheckRow;
	/** What the queue, topic or bucket said, when it could be read. */
	facts?: DestinationFacts;
}

/** The sentences of readResource, one set per kind of destination (the noun is part of each sentence). */
const RESOURCE_TEXTS = (kind: 'sqs' | 'sns' | 's3', arn: string, where: string): { exists: string; missing: string; create: string; what: string } => {
	switch (kind) {
		case 'sqs':
			return {
				exists: l10n.t('The SQS queue {0} exists.', arn),
				missing: l10n.t('There is no SQS queue {0} in {1}: every failed batch would be lost.', arn, where),
				create: l10n.t('Create the SQS queue (same name, account and region), or point DestinationConfig.OnFailure.Destination at one that exists.'),
				what: l10n.t('the SQS queue'),
			};
		case 'sns':
			return {
				exists: l10n.t('The SNS topic {0} exists.', arn),
				missing: l10n.t('There is no SNS topic {0} in {1}: every failed batch would be lost.', arn, where),
				create: l10n.t('Create the SNS topic (same name, account and region), or point DestinationConfig.OnFailure.Destination at one that exists.'),
				what: l10n.t('the SNS topic'),
			};
		case 's3':
			return {
				exists: l10n.t('The S3 bucket {0} exists.', arn),
				missing: l10n.t('There is no S3 bucket {0} in {1}: every failed batch would be lost.', arn, where),
				create: l10n.t('Create the S3 bucket (same name, account and region), or point DestinationConfig.OnFailure.Destination at one that exists.'),
				what: l10n.t('the S3 bucket'),
			};
	}
};

export async function checkDestination(target: DestinationTarget, mapping: PlannedMapping, sources: PreflightSources): Promise<DestinationOutcome> {
	switch (target.kind) {
		case 'none':
			return {
				row: row('destination', 'fail', l10n.t('The mapping has no on-failure destination: a batch that exhausts its retries is dropped.'), {
					fix: l10n.t('Set DestinationConfig.OnFailure.Destination to an SQS queue, SNS topic or S3 bucket ARN, or to kafka://<topic> in provisioned mode.'),
				}),
			};
		case 'unsupported':
			return {
				row: row('destination', 'fail', l10n.t('{0} is not an SQS queue, SNS topic, S3 bucket or kafka:// topic.', target.value), {
					fix: l10n.t('Use the ARN of an SQS queue, SNS topic or S3 bucket, or kafka://<topic>.'),
				}),
			};
		case 'kafka':
			return { row: await checkKafkaTopic(target.topic, mapping, sources) };
		case 'sqs':
			return readResource(await sources.queue(target.arn), target.kind, target.arn, l10n.t('{0} of account {1}', target.region, target.account));
		case 'sns':
			return readResource(await sources.topic(target.arn), target.kind, target.arn, l10n.t('{0} of account {1}', target.region, target.account));
		case 's3':
			return readResource(await sources.bucket(target.name), target.kind, target.arn, 'S3');
	}
}

function readResource(read: Read<DestinationFacts>, kind: 'sqs' | 'sns' | 's3', arn: string, where: string): DestinationOutcome {
	const texts = RESOURCE_TEXTS(kind, arn, where);
	if (read.ok) {
		return { row: row('destination', 'pass', texts.exists), facts: read.value };
	}
	if (read.failure.kind === 'not-found') {
		return { row: row('destination', 'fail', texts.missing, { fix: texts.create }) };
	}
	return { row: couldNotCheck('destination', read.failure, texts.what) };
}

async function checkKafkaTopic(topic: string, mapping: PlannedMapping, sources: PreflightSources): Promise<CheckRow> {
	const poller = mapping.ProvisionedPollerConfig;
	if (!poller || (poller.MinimumPollers === undefined && poller.MaximumPollers === undefined)) {
		return row('destination', 'fail', l10n.t('kafka://{0} needs the mapping in provisioned mode, and it is in on-demand mode.', topic), {
			fix: l10n.t(
				'Add {0} to the mapping, or use an SQS, SNS or S3 destination.',
				'"ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 200}', // l10n-ignore
			),
		});
	}
	if ((mapping.Topics ?? []).includes(topic)) {
		return row('destination', 'fail', l10n.t('kafka://{0} is a source topic of this mapping; Lambda refuses it to avoid a loop.', topic), {
			fix: l10n.t('Use another topic on the same cluster, e.g. {0}.', `kafka://${topic}-failures`),
		});
	}
	const cluster = mskCluster(mapping.EventSourceArn);
	if (!cluster) {
		return row(
			'destination',
			'unknown',
			l10n.t(
				"Provisioned mode and topic name are fine. The Kafka API cannot see a self-managed cluster: make sure {0} exists and the mapping's credentials may write to it (topic ACLs).",
				topic,
			),
		);
	}
	const exists = await sources.kafkaTopicExists(cluster.arn, topic);
	if (!exists.ok) {
		return couldNotCheck('destination', exists.failure, l10n.t('whether topic {0} exists on the cluster (provisioned mode and topic name are fine)', topic));
	}
	if (!exists.value) {
		return row('destination', 'fail', l10n.t('There is no topic {0} on the source cluster {1}.', topic, cluster.arn), {
			fix: l10n.t('Create the topic {0} on that cluster (kafka-topics.sh --create --topic {0} …), or name a topic that exists.', topic),
		});
	}
	return row('destination', 'pass', l10n.t('Provisioned mode, not a source topic, and topic {0} exists on the source cluster.', topic));
}
