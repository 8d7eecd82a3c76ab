/**
 * Each record of a Kafka event sits under the key `<topic>-<partition>` of its own topic and
 * partition (facts sheet §4, §9 rule 18). A key that is itself invalid is reported by
 * topic-partition-key, and its records are not compared with it.
 */
import * as l10n from '@vscode/l10n';
import { splitTopicPartition } from '../util/kafkaTopic';
import { partitionsOf } from '../util/kafkaRecord';
import { quoteText } from '../../../../shared/printable';
import { isValidTopicPartitionKey } from './topic-partition-key';
import type { Rule, RuleContext } from './types';
import { member } from '../../../../shared/jsonPath';

function check(ctx: RuleContext): void {
	for (const [key, records] of partitionsOf(ctx.value)) {
		checkPartition(ctx, key, records);
	}
}

function checkPartition(ctx: RuleContext, key: string, records: readonly unknown[]): void {
	const split = splitTopicPartition(key);
	if (!split || !isValidTopicPartitionKey(key)) {
		return;
	}
	const partition = Number(split.partition);
	const shownKey = quoteText(key);
	for (let i = 0; i < records.length; i++) {
		const record = records[i];
		const topic = member(record, 'topic');
		if (typeof topic === 'string' && topic !== split.topic) {
			ctx.report({
				severity: 'error',
				message: l10n.t('"topic" is {0}, but the record is listed under {1}, the key of topic {2}.', quoteText(topic), shownKey, quoteText(split.topic)),
				path: ['records', key, i, 'topic'],
			});
		}
		const value = member(record, 'partition');
		const matches = typeof value === 'number' ? !Number.isInteger(value) || value === partition : typeof value === 'string' ? value === split.partition : true;
		if (!matches) {
			ctx.report({
				severity: 'error',
				message: l10n.t(
					'"partition" is {0}, but the record is listed under {1}, the key of partition {2}.',
					typeof value === 'string' ? quoteText(value) : String(value),
					shownKey,
					split.partition,
				),
				path: ['records', key, i, 'partition'],
			});
		}
	}
}

/** Checks that each record's topic and partition rebuild the records key that holds it. */
export const recordKeyMatch: Rule = {
	id: 'record-key-match',
	kinds: ['kafka-event'],
	description: 'Checks that every record in a Kafka event\'s records map has the topic and partition of the "<topic>-<partition>" key it is listed under.',
	check,
};
