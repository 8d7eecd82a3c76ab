/**
 * Keys of `KafkaBatchInfo.recordsInfo` (failure records) and of `records` (Kafka events) are
 * `<topic>-<partition>`. The key is split on its LAST hyphen, since topic names may contain
 * hyphens and partition numbers never do (facts sheet §4); the topic must follow Kafka's naming
 * rules and the partition must be a Java int written in plain digits.
 */
import * as l10n from '@vscode/l10n';
import { hasOwn, isObject, member } from '../../../../shared/jsonPath';
import { MAX_TOPIC_LENGTH, topicIssueOf, topicNameIssues } from '../util/kafkaTopic';
import { AcceptedValues } from '../util/kafkaRecord';
import { quoteText } from '../../../../shared/printable';
import { MAX_KAFKA_PARTITION, parsePartitionText } from '../util/offsets';
import type { Rule, RuleContext } from './types';

/** Values already found valid (one file repeats the same few). */
const KNOWN_GOOD = new AcceptedValues();

/** Why a `<topic>-<partition>` key is invalid (a message that starts with `label`), or undefined. */
export function topicPartitionKeyProblem(key: string, label: string): string | undefined {
	if (KNOWN_GOOD.has(key)) {
		return undefined;
	}
	const shown = (): string => `${label} ${quoteText(key)}`;
	const hyphen = key.lastIndexOf('-');
	if (hyphen < 0) {
		return l10n.t('{0} has no hyphen: keys are "<topic>-<partition>", such as "orders-0".', shown());
	}
	const topic = key.slice(0, hyphen);
	const partition = key.slice(hyphen + 1);
	if (partition === '') {
		return l10n.t('{0} has no partition number after its last hyphen.', shown());
	}
	const parsed = parsePartitionText(partition);
	if (parsed.issue) {
		switch (parsed.issue.reason) {
			case 'leading-zero':
				return l10n.t('{0} has the partition {1} with a leading zero; partition numbers are written without one.', shown(), quoteText(partition));
			case 'too-many-digits':
			case 'above-max':
				return l10n.t("{0} has the partition {1}, above Kafka's largest partition number {2}.", shown(), quoteText(partition), MAX_KAFKA_PARTITION);
			default:
				return l10n.t('{0} has {1} after its last hyphen, which is not a partition number.', shown(), quoteText(partition));
		}
	}
	const issues = topicNameIssues(topic);
	if (topicIssueOf(issues, 'empty')) {
		return l10n.t('{0} has no topic name before its last hyphen.', shown());
	}
	if (topicIssueOf(issues, 'reserved')) {
		return l10n.t('{0} has the topic "{1}", which Kafka does not allow.', shown(), topic);
	}
	if (topicIssueOf(issues, 'length')) {
		return l10n.t('{0} has a topic of {1} characters; Kafka topic names have at most {2}.', shown(), topic.length, MAX_TOPIC_LENGTH);
	}
	const bad = topicIssueOf(issues, 'character');
	if (bad) {
		return l10n.t(
			'{0} has an invalid topic: Kafka topic names may contain only ASCII letters, digits, ".", "_" and "-", and {1} at position {2} is not one of them.',
			shown(),
			JSON.stringify(bad.character),
			bad.index + 1,
		);
	}
	KNOWN_GOOD.add(key);
	return undefined;
}

/** Whether `key` is a valid `<topic>-<partition>` key. */
export function isValidTopicPartitionKey(key: string): boolean {
	return topicPartitionKeyProblem(key, '') === undefined;
}

const RECORDS_INFO_PATH = ['KafkaBatchInfo', 'recordsInfo'];
const RECORDS_PATH = ['records'];

function check(ctx: RuleContext): void {
	const record = ctx.kind === 'failure-record';
	const map = record ? member(member(ctx.value, 'KafkaBatchInfo'), 'recordsInfo') : member(ctx.value, 'records');
	if (!isObject(map)) {
		return;
	}
	for (const key in map) {
		if (!hasOwn(map, key)) {
			continue;
		}
		const message = topicPartitionKeyProblem(key, record ? l10n.t('recordsInfo key') : l10n.t('records key'));
		if (message) {
			ctx.report({ severity: 'error', message, path: [...(record ? RECORDS_INFO_PATH : RECORDS_PATH), key], target: 'key' });
		}
	}
}

/** Checks each `<topic>-<partition>` key of recordsInfo and of a Kafka event's records. */
export const topicPartitionKey: Rule = {
	id: 'topic-partition-key',
	kinds: ['failure-record', 'kafka-event'],
	description:
		'Checks that each recordsInfo key and each Kafka event records key splits on its last hyphen into a valid Kafka topic name and a partition number from 0 to 2147483647.',
	check,
};
