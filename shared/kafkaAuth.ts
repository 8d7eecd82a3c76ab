/** How consumers authenticate, named for people; shared by the preview model and its renderings. */
import * as l10n from '@vscode/l10n';
import type { KafkaAuth } from './protocol';

/** Said wherever consumer commands are shown: reading them back changes nothing on the cluster. */
export const noCommitNote = (): string =>
	l10n.t("Reading by partition and offset with no consumer group commits nothing: these commands move no consumer group's offsets.");

const AUTH_NAMES = (): Record<KafkaAuth, string> => ({
	'msk-iam': 'MSK IAM',
	'sasl-scram-512': 'SASL/SCRAM-SHA-512',
	'sasl-scram-256': 'SASL/SCRAM-SHA-256',
	'sasl-plain': 'SASL/PLAIN',
	mtls: l10n.t('mutual TLS'),
	tls: 'TLS',
	plaintext: 'PLAINTEXT',
});

export function authName(auth: KafkaAuth): string {
	return AUTH_NAMES()[auth];
}
