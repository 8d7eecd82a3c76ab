/**
 * `source-access-type`: each `SourceAccessConfigurations[].Type` against the kind of Kafka
 * cluster the mapping reads. The Lambda API model's documentation of `SourceAccessConfiguration`
 * `Type` names, per type, the sources that take it (read in `aws/aws-sdk-java`
 * `aws-java-sdk-lambda/src/main/java/com/amazonaws/services/lambda/model/SourceAccessConfiguration.java`
 * at c491416f3ea9411a04d9bafedee6c6874a79e48d, generated from the model, and in the API reference
 * https://docs.aws.amazon.com/lambda/latest/dg/API_SourceAccessConfiguration.html):
 * `BASIC_AUTH` Amazon MQ and self-managed Kafka (SASL/PLAIN); `VPC_SUBNET`, `VPC_SECURITY_GROUP`,
 * `SASL_SCRAM_256_AUTH` and `SERVER_ROOT_CA_CERTIFICATE` self-managed Kafka; `SASL_SCRAM_512_AUTH`
 * and `CLIENT_CERTIFICATE_TLS_AUTH` Amazon MSK and self-managed Kafka; `VIRTUAL_HOST` RabbitMQ.
 * A type the model does not list for the source is a warning: what AWS answers is not captured.
 * The model documents no rule about combinations (one auth type, subnets with security groups),
 * so none is checked.
 *
 * The cluster is known from `EventSourceArn` / `SelfManagedEventSource`, or in an update request
 * from its one Kafka source config. Other sources are not this rule's business.
 *
 * @example {"EventSourceArn": "arn:aws:kafka:...", "SourceAccessConfigurations": [{"Type": "SASL_SCRAM_256_AUTH", ...}]} → warning, fix: SASL_SCRAM_512_AUTH
 */
import * as l10n from '@vscode/l10n';
import { hasOwn, member } from '../../../../shared/jsonPath';
import { eventSourceOf } from '../../../../shared/esmRequest';
import type { FixDescription } from '../validation/problem';
import type { Rule } from './types';

type KafkaCluster = 'msk' | 'self-managed-kafka';

/** Per type: the Kafka clusters that take it, and every source it is for (as the message names them). */
const ACCESS_TYPES = (): Readonly<Record<string, { clusters: readonly KafkaCluster[]; usedBy: string }>> => ({
	BASIC_AUTH: { clusters: ['self-managed-kafka'], usedBy: l10n.t('self-managed Kafka (SASL/PLAIN) and Amazon MQ') },
	VPC_SUBNET: { clusters: ['self-managed-kafka'], usedBy: l10n.t('self-managed Kafka') },
	VPC_SECURITY_GROUP: { clusters: ['self-managed-kafka'], usedBy: l10n.t('self-managed Kafka') },
	SASL_SCRAM_256_AUTH: { clusters: ['self-managed-kafka'], usedBy: l10n.t('self-managed Kafka') },
	SASL_SCRAM_512_AUTH: { clusters: ['msk', 'self-managed-kafka'], usedBy: l10n.t('Amazon MSK and self-managed Kafka') },
	VIRTUAL_HOST: { clusters: [], usedBy: l10n.t('RabbitMQ (Amazon MQ)') },
	CLIENT_CERTIFICATE_TLS_AUTH: { clusters: ['msk', 'self-managed-kafka'], usedBy: l10n.t('Amazon MSK and self-managed Kafka') },
	SERVER_ROOT_CA_CERTIFICATE: { clusters: ['self-managed-kafka'], usedBy: l10n.t('self-managed Kafka') },
});

const CLUSTER_NAMES = (): Record<KafkaCluster, string> => ({
	msk: l10n.t('an Amazon MSK source'),
	'self-managed-kafka': l10n.t('a self-managed Kafka source'),
});

/** The Kafka cluster a request reads: from its source, or (update requests) from exactly one Kafka source config. */
function kafkaClusterOf(request: unknown): KafkaCluster | undefined {
	const source = eventSourceOf(request);
	if (source.kind === 'msk' || source.kind === 'self-managed-kafka') {
		return source.kind;
	}
	if (source.kind !== 'unknown') {
		return undefined;
	}
	const managed = hasOwn(request, 'AmazonManagedKafkaEventSourceConfig');
	const selfManaged = hasOwn(request, 'SelfManagedKafkaEventSourceConfig');
	return managed === selfManaged ? undefined : managed ? 'msk' : 'self-managed-kafka';
}

export const sourceAccessType: Rule = {
	id: 'source-access-type',
	kinds: ['esm-request'],
	description:
		"A SourceAccessConfigurations type the Lambda API documents for other sources than the mapping's Kafka cluster: SASL_SCRAM_256_AUTH, BASIC_AUTH, VPC_SUBNET, VPC_SECURITY_GROUP or SERVER_ROOT_CA_CERTIFICATE on Amazon MSK, or VIRTUAL_HOST (RabbitMQ) on any Kafka source.",
	check(context) {
		const entries = member(context.value, 'SourceAccessConfigurations');
		if (!Array.isArray(entries)) {
			return;
		}
		const cluster = kafkaClusterOf(context.value);
		if (!cluster) {
			return;
		}
		const types = entries.map((entry: unknown) => member(entry, 'Type'));
		types.forEach((type, index) => {
			const known = typeof type === 'string' && hasOwn(ACCESS_TYPES(), type) ? ACCESS_TYPES()[type] : undefined;
			if (typeof type !== 'string' || !known || known.clusters.includes(cluster)) {
				return;
			}
			let message = l10n.t('{0} is for {1} only, not for {2}; AWS is likely to reject it.', type, known.usedBy, CLUSTER_NAMES()[cluster]);
			const fixes: FixDescription[] = [];
			if (type === 'SASL_SCRAM_256_AUTH' && cluster === 'msk') {
				message += l10n.t(' For Amazon MSK, Lambda takes SASL/SCRAM with SHA-512 only: use SASL_SCRAM_512_AUTH.');
				if (!types.includes('SASL_SCRAM_512_AUTH')) {
					fixes.push({ kind: 'replaceValue', title: l10n.t('Change to SASL_SCRAM_512_AUTH'), newText: '"SASL_SCRAM_512_AUTH"' });
				}
			}
			context.report({ severity: 'warning', message, path: ['SourceAccessConfigurations', index, 'Type'], fixes });
		});
	},
};
