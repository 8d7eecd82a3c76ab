/**
 * `kafka-unsupported-field`: request members the Lambda API defines for other sources, set on a
 * mapping that reads Kafka: stream-only settings (`ParallelizationFactor`,
 * `TumblingWindowInSeconds`), Amazon MQ's `Queues`, DocumentDB's config and SQS's `ScalingConfig`;
 * and the MSK config on a self-managed source or the reverse. Warnings: what AWS answers is not
 * captured. `FilterCriteria`, `KMSKeyArn` and the retry settings do apply to Kafka.
 *
 * The source is known from `EventSourceArn` / `SelfManagedEventSource`, or in an update request
 * from a Kafka source config.
 *
 * @example {"EventSourceArn": "arn:aws:kafka:...", "ParallelizationFactor": 2} → warning, fix: remove it
 */
import * as l10n from '@vscode/l10n';
import type { EventSourceKind } from '../../../../shared/esmRequest';
import { eventSourceOf, hasKafkaSourceConfig, isKafkaSource } from '../../../../shared/esmRequest';
import type { FixDescription } from '../validation/problem';
import type { Rule } from './types';
import { hasOwn } from '../../../../shared/jsonPath';

/** Each member that does not apply to Kafka, and the sources it is for. */
export const NON_KAFKA_FIELDS = (): Record<string, string> => ({
	ParallelizationFactor: l10n.t('Kinesis and DynamoDB streams'),
	TumblingWindowInSeconds: l10n.t('Kinesis and DynamoDB streams'),
	Queues: 'Amazon MQ',
	DocumentDBEventSourceConfig: 'Amazon DocumentDB',
	ScalingConfig: 'Amazon SQS',
});

/** The Kafka source config that does not fit each source, and the one that does. */
const CONFIG_MISMATCH = (): Partial<Record<EventSourceKind, { wrong: string; right: string; source: string }>> => ({
	msk: { wrong: 'SelfManagedKafkaEventSourceConfig', right: 'AmazonManagedKafkaEventSourceConfig', source: l10n.t('an Amazon MSK source') },
	'self-managed-kafka': {
		wrong: 'AmazonManagedKafkaEventSourceConfig',
		right: 'SelfManagedKafkaEventSourceConfig',
		source: l10n.t('a self-managed Kafka source'),
	},
});

export const kafkaUnsupportedField: Rule = {
	id: 'kafka-unsupported-field',
	kinds: ['esm-request'],
	description:
		'A field for other event sources (stream, Amazon MQ, DocumentDB or SQS settings) on a Kafka mapping, or the MSK source config on a self-managed Kafka mapping and the reverse.',
	check(context) {
		const request = context.value;
		const source = eventSourceOf(request);
		const isKafka = isKafkaSource(source) || (source.kind === 'unknown' && hasKafkaSourceConfig(request));
		if (!isKafka) {
			return;
		}
		for (const field of Object.keys(NON_KAFKA_FIELDS())) {
			if (hasOwn(request, field)) {
				context.report({
					severity: 'warning',
					message: l10n.t('{0} applies to {1} event sources, not to Kafka; AWS is likely to reject it.', field, NON_KAFKA_FIELDS()[field]),
					path: [field],
					target: 'key',
					fixes: [{ kind: 'removeMember', title: l10n.t('Remove {0}', field) }],
				});
			}
		}
		const mismatch = CONFIG_MISMATCH()[source.kind];
		if (mismatch && hasOwn(request, mismatch.wrong)) {
			const { wrong, right } = mismatch;
			const fixes: FixDescription[] = hasOwn(request, right) ? [] : [{ kind: 'renameKey', title: l10n.t('Rename to {0}', right), newKey: right }];
			context.report({
				severity: 'warning',
				message: l10n.t('{0} does not apply to {1}; use {2}.', wrong, mismatch.source, right),
				path: [wrong],
				target: 'key',
				fixes,
			});
		}
	},
};
