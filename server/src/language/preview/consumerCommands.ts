/**
 * Commands that read an offset range back from Kafka, and the client properties they need.
 *
 * Both tools read by partition and offset with no consumer group: kcat's simple consumer never
 * joins a group, and kafka-console-consumer with `--partition` uses a generated group with
 * `enable.auto.commit=false` (Apache Kafka ConsoleConsumerOptions), so nothing is committed.
 * Every value taken from a record is shell-quoted (see ./shellQuote.ts), and a topic Kafka would
 * not accept gets no command at all: no cluster has it, and such a name is only ever an attack.
 */
import * as l10n from '@vscode/l10n';
import type { AuthChoice, ConsumerCommand, ConsumerConfigTemplate, KafkaAuth } from '../../../../shared/protocol';
import type { ShellWord } from '../../../../shared/shellQuote';
import { topicNameProblem } from '../util/kafkaTopic';
import { shellCommand } from '../../../../shared/shellQuote';
import { authName } from '../../../../shared/kafkaAuth';

/** One range to read: a topic-partition and closed offset range, with the records' timestamps when known. */
export interface ReadRange {
	topic: string;
	partition: number;
	first: bigint;
	last: bigint;
	firstTimestampMs?: number;
	lastTimestampMs?: number;
}

export const CONSOLE_CONFIG_FILE = 'client.properties';
export const KCAT_CONFIG_FILE = 'kcat.properties';
/** Used in place of a broker list the record does not give (the docs' `"..."`). */
export const BOOTSTRAP_PLACEHOLDER = '"$BOOTSTRAP_SERVERS"';

/** `--max-messages` is a Java int. */
const MAX_CONSOLE_MESSAGES = 2147483647n;

/** Auth named by a mapping's `SourceAccessConfigurations` types, strongest first. */
const SOURCE_ACCESS_AUTH: [string, KafkaAuth][] = [
	['CLIENT_CERTIFICATE_TLS_AUTH', 'mtls'],
	['SASL_SCRAM_512_AUTH', 'sasl-scram-512'],
	['SASL_SCRAM_256_AUTH', 'sasl-scram-256'],
	['BASIC_AUTH', 'sasl-plain'],
	['SERVER_ROOT_CA_CERTIFICATE', 'tls'],
];

/** Amazon MSK's listener ports (private and public) and the auth each one serves. */
const MSK_PORTS: Record<string, KafkaAuth> = {
	'9098': 'msk-iam',
	'9198': 'msk-iam',
	'9096': 'sasl-scram-512',
	'9196': 'sasl-scram-512',
	'9094': 'tls',
	'9194': 'tls',
	'9092': 'plaintext',
};

/**
 * Picks the auth for the commands: from the mapping's `SourceAccessConfigurations` when known,
 * else from the brokers' ports when they all use one of MSK's listener ports, else the setting.
 */
export function chooseAuth(input: { sourceAccessTypes?: readonly string[]; bootstrapServers?: string; defaultAuth?: KafkaAuth }): AuthChoice {
	const types = new Set(input.sourceAccessTypes ?? []);
	for (const [type, auth] of SOURCE_ACCESS_AUTH) {
		if (types.has(type)) {
			return { kind: auth, source: 'mapping', reason: l10n.t('The event source mapping authenticates with {0}.', type) };
		}
	}
	const brokers = brokerList(input.bootstrapServers);
	if (brokers) {
		const ports = new Set(brokers.map((b) => b.slice(b.lastIndexOf(':') + 1)));
		const [port] = ports;
		if (ports.size === 1 && port !== undefined && MSK_PORTS[port]) {
			const auth = MSK_PORTS[port];
			return {
				kind: auth,
				source: 'port',
				reason: l10n.t(
					'The brokers listen on port {0}, which Amazon MSK uses for {1}.',
					port,
					auth === 'msk-iam' ? l10n.t('IAM access control') : authName(auth),
				),
			};
		}
	}
	const auth = input.defaultAuth ?? 'plaintext';
	return {
		kind: auth,
		source: 'setting',
		reason: l10n.t('Neither the mapping nor the broker ports tell; using {0} from the setting lambdaKafka.preview.defaultAuth.', authName(auth)),
	};
}

/** The brokers of a `bootstrapServers` string when it is a usable `host:port,host:port` list, else undefined. */
export function brokerList(bootstrapServers: string | undefined): string[] | undefined {
	if (bootstrapServers === undefined) {
		return undefined;
	}
	const brokers = bootstrapServers
		.split(',')
		.map((b) => b.trim())
		.filter((b) => b !== '');
	const valid = brokers.length > 0 && brokers.every((b) => /^[^\s,'"`$\\]+:[0-9]{1,5}$/.test(b));
	return valid ? brokers : undefined;
}

/**
 * The commands reading one range, in the order the preview and the shell snippet list them; none
 * for a topic name Kafka rejects. The first is the one that works for the cluster's auth: for MSK
 * IAM that is kafka-console-consumer, since kcat (librdkafka) has no AWS_MSK_IAM SASL mechanism and
 * only the Java client's aws-msk-iam-auth library signs in with IAM. The kcat commands are still
 * listed after it, marked as unable to authenticate with IAM, rather than left out: with a
 * SASL/OAUTHBEARER token helper librdkafka can reach an IAM listener, and only kcat reads by
 * timestamp or prints the JSON envelope.
 */
export function consumerCommands(range: ReadRange, bootstrapServers: string | undefined, auth: KafkaAuth): ConsumerCommand[] {
	if (topicNameProblem(range.topic) !== undefined) {
		return [];
	}
	const brokers = brokerList(bootstrapServers);
	const read: RangeRead = {
		range,
		auth,
		bootstrap: brokers ? brokers.join(',') : { trusted: BOOTSTRAP_PLACEHOLDER },
		placeholderNote: brokers ? undefined : l10n.t('The record gives no broker list: set BOOTSTRAP_SERVERS to host:port pairs first.'),
		count: range.last - range.first + 1n,
		firstOffset: range.first.toString(),
	};
	const kcat = kcatCommands(read);
	const console = consoleCommand(read);
	return auth === 'msk-iam' ? [console, ...kcat] : [...kcat, console];
}

/** What every command for one range shares. */
interface RangeRead {
	range: ReadRange;
	auth: KafkaAuth;
	bootstrap: ShellWord;
	placeholderNote: string | undefined;
	count: bigint;
	firstOffset: string;
}

const kcatIamNote = (): string =>
	l10n.t(
		'kcat (librdkafka) has no AWS_MSK_IAM SASL mechanism, so this command cannot authenticate with IAM as written: use kafka-console-consumer above, or a SASL/OAUTHBEARER token helper.',
	);

function kcatCommands(read: RangeRead): ConsumerCommand[] {
	const { range, auth, firstOffset, count } = read;
	const iam = auth === 'msk-iam';
	const kcatConfig: ShellWord[] = kcatNeedsConfig(auth) ? [{ trusted: '-F' }, { trusted: KCAT_CONFIG_FILE }] : [];
	const kcatNote = joinNotes(read.placeholderNote, iam ? kcatIamNote() : undefined);
	// The label says it too, where the eye lands first; the note says why.
	const label = (text: string): string => (iam ? l10n.t('{0} (cannot authenticate with IAM)', text) : text);
	const kcat = (rest: ShellWord[]): string =>
		shellCommand([
			{ trusted: 'kcat' },
			{ trusted: '-C' },
			{ trusted: '-b' },
			read.bootstrap,
			{ trusted: '-t' },
			range.topic,
			{ trusted: '-p' },
			String(range.partition),
			...rest,
			...kcatConfig,
		]);
	const byOffset: ShellWord[] = [{ trusted: '-o' }, firstOffset, { trusted: '-c' }, count.toString(), { trusted: '-e' }];
	const commands: ConsumerCommand[] = [
		{ tool: 'kcat', variant: 'offsets', label: label('kcat'), command: kcat(byOffset), firstOffset, note: kcatNote },
		{
			tool: 'kcat',
			variant: 'json',
			label: label(l10n.t('kcat, JSON envelope')),
			command: kcat([...byOffset, { trusted: '-J' }]),
			firstOffset,
			note: kcatNote,
		},
	];
	const { firstTimestampMs: from, lastTimestampMs: to } = range;
	if (from !== undefined && to !== undefined && Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && from <= to) {
		commands.push({
			tool: 'kcat',
			variant: 'timestamps',
			label: label(l10n.t('kcat, by timestamp')),
			command: kcat([{ trusted: '-o' }, `s@${from}`, { trusted: '-o' }, `e@${to + 1}`, { trusted: '-e' }]),
			firstOffset,
			note: joinNotes(kcatNote, l10n.t('Reads every record of the partition timestamped in this window, which may include records that did not fail.')),
		});
	}
	return commands;
}

function consoleCommand(read: RangeRead): ConsumerCommand {
	const { range, auth, firstOffset, count } = read;
	const consoleWords: ShellWord[] = [
		{ trusted: 'kafka-console-consumer.sh' },
		{ trusted: '--bootstrap-server' },
		read.bootstrap,
		{ trusted: '--topic' },
		range.topic,
		{ trusted: '--partition' },
		String(range.partition),
		{ trusted: '--offset' },
		firstOffset,
		{ trusted: '--max-messages' },
		count.toString(),
		{
			trusted:
				'--property print.key=true --property print.offset=true --property print.timestamp=true --property print.headers=true' /* l10n-ignore: command arguments */,
		},
	];
	if (auth !== 'plaintext') {
		consoleWords.push({ trusted: '--consumer.config' }, { trusted: CONSOLE_CONFIG_FILE });
	}
	return {
		tool: 'kafka-console-consumer',
		variant: 'offsets',
		label: 'kafka-console-consumer',
		command: shellCommand(consoleWords),
		firstOffset,
		note: joinNotes(
			read.placeholderNote,
			count > MAX_CONSOLE_MESSAGES
				? l10n.t('--max-messages takes at most {0}; this range is larger, so read it in parts.', String(MAX_CONSOLE_MESSAGES))
				: undefined,
			auth === 'msk-iam' ? l10n.t('Needs the aws-msk-iam-auth jar on the classpath (export CLASSPATH=/path/to/aws-msk-iam-auth-all.jar).') : undefined,
		),
	};
}

function kcatNeedsConfig(auth: KafkaAuth): boolean {
	return auth !== 'plaintext' && auth !== 'msk-iam';
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
	const present = notes.filter((n): n is string => n !== undefined);
	return present.length > 0 ? present.join(' ') : undefined;
}

const NO_GROUP = '# Do not set group.id: reading by partition and offset with no consumer group commits nothing.';

/** The client properties templates for an auth (none for PLAINTEXT). Placeholders only. */
export function configTemplates(auth: KafkaAuth): ConsumerConfigTemplate[] {
	const console = (lines: string[]): ConsumerConfigTemplate => ({
		auth,
		tool: 'kafka-console-consumer',
		fileName: CONSOLE_CONFIG_FILE,
		text: [...lines, NO_GROUP].join('\n') + '\n',
	});
	const kcat = (lines: string[]): ConsumerConfigTemplate => ({ auth, tool: 'kcat', fileName: KCAT_CONFIG_FILE, text: lines.join('\n') + '\n' });
	switch (auth) {
		case 'msk-iam':
			return [
				console([
					'# Amazon MSK with IAM access control. Needs the aws-msk-iam-auth jar on the classpath and AWS',
					'# credentials allowed kafka-cluster:Connect, kafka-cluster:DescribeTopic and kafka-cluster:ReadData.',
					'# kcat (librdkafka) has no native MSK IAM: use kafka-console-consumer with this file.',
					'security.protocol=SASL_SSL',
					'sasl.mechanism=AWS_MSK_IAM',
					'sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;', // l10n-ignore: a Kafka client property
					'sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler',
				]),
			];
		case 'sasl-scram-512':
		case 'sasl-scram-256': {
			const mechanism = auth === 'sasl-scram-512' ? 'SCRAM-SHA-512' : 'SCRAM-SHA-256';
			const secret = '# The user name and password are in the Secrets Manager secret the mapping names; keep this file out of version control.';
			return [
				console([
					secret,
					'security.protocol=SASL_SSL',
					`sasl.mechanism=${mechanism}`,
					// l10n-ignore: a Kafka client property, read by Java
					'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="<username>" password="<password>";',
				]),
				kcat([secret, 'security.protocol=SASL_SSL', `sasl.mechanisms=${mechanism}`, 'sasl.username=<username>', 'sasl.password=<password>']),
			];
		}
		case 'sasl-plain': {
			const secret = '# The user name and password are in the Secrets Manager secret the mapping names (BASIC_AUTH); keep this file out of version control.';
			return [
				console([
					secret,
					'security.protocol=SASL_SSL',
					'sasl.mechanism=PLAIN',
					// l10n-ignore: a Kafka client property, read by Java
					'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="<username>" password="<password>";',
				]),
				kcat([secret, 'security.protocol=SASL_SSL', 'sasl.mechanisms=PLAIN', 'sasl.username=<username>', 'sasl.password=<password>']),
			];
		}
		case 'mtls':
		case 'tls': {
			const prefix = auth === 'tls' ? '# ' : '';
			const keystoreNote =
				auth === 'tls'
					? '# Mutual TLS only: your client certificate (uncomment when the cluster requires one).'
					: '# Mutual TLS: your client certificate and key.';
			return [
				console([
					'security.protocol=SSL',
					"# Only when the brokers' certificate is not signed by a CA your JVM trusts:",
					'# ssl.truststore.location=<path/to/truststore.jks>',
					'# ssl.truststore.password=<truststore-password>',
					keystoreNote,
					`${prefix}ssl.keystore.location=<path/to/keystore.jks>`,
					`${prefix}ssl.keystore.password=<keystore-password>`,
					`${prefix}ssl.key.password=<key-password>`,
				]),
				kcat([
					'security.protocol=ssl',
					'# ssl.ca.location=<path/to/ca.pem>',
					keystoreNote,
					`${prefix}ssl.certificate.location=<path/to/client-cert.pem>`,
					`${prefix}ssl.key.location=<path/to/client-key.pem>`,
					`${prefix}ssl.key.password=<key-password>`,
				]),
			];
		}
		case 'plaintext':
			return [];
	}
}
