/** `source-access-type`: SourceAccessConfigurations types against the kind of Kafka cluster, per the Lambda API model. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../../helpers';

const CODE = 'source-access-type';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-creds';
const UUID = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';

type Access = { Type: string; URI: string };

function access(...types: string[]): Access[] {
	return types.map((Type) => ({
		Type,
		URI: Type === 'VPC_SUBNET' ? 'subnet:subnet-0123456789abcdef0' : Type === 'VPC_SECURITY_GROUP' ? 'security_group:sg-0123456789abcdef0' : SECRET,
	}));
}

function msk(entries: Access[]): string {
	return JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['orders'], StartingPosition: 'LATEST', SourceAccessConfigurations: entries });
}

function selfManaged(entries: Access[]): string {
	return JSON.stringify({
		FunctionName: 'f',
		SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.example.com:9092'] } },
		Topics: ['orders'],
		StartingPosition: 'LATEST',
		SourceAccessConfigurations: entries,
	});
}

/** The one-line range of the quoted type value of the `nth` entry whose Type is `type`. */
function typeRange(text: string, type: string): [number, number, number, number] {
	const needle = `"Type":"${type}"`;
	const start = text.indexOf(needle) + '"Type":'.length;
	assert.ok(start >= '"Type":'.length, `${needle} not found`);
	return [0, start, 0, start + type.length + 2];
}

describe('source-access-type', () => {
	it('accepts the types the model lists for each kind of cluster, and IAM (no entry) on MSK', () => {
		assert.deepEqual(problemsWithCode(msk(access('SASL_SCRAM_512_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH')), CODE), []);
		assert.deepEqual(problemsWithCode(msk([]), CODE), []);
		const all = access(
			'BASIC_AUTH',
			'VPC_SUBNET',
			'VPC_SECURITY_GROUP',
			'SASL_SCRAM_256_AUTH',
			'SASL_SCRAM_512_AUTH',
			'CLIENT_CERTIFICATE_TLS_AUTH',
			'SERVER_ROOT_CA_CERTIFICATE',
		);
		assert.deepEqual(problemsWithCode(selfManaged(all), CODE), []);
	});

	it('warns on SASL_SCRAM_256_AUTH for Amazon MSK, on the type, with a fix to SCRAM-512', () => {
		const text = msk(access('SASL_SCRAM_256_AUTH'));
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message:
					'SASL_SCRAM_256_AUTH is for self-managed Kafka only, not for an Amazon MSK source; AWS is likely to reject it. For Amazon MSK, Lambda takes SASL/SCRAM with SHA-512 only: use SASL_SCRAM_512_AUTH.',
				range: typeRange(text, 'SASL_SCRAM_256_AUTH'),
				text: '"SASL_SCRAM_256_AUTH"',
				fixes: ['Change to SASL_SCRAM_512_AUTH'],
			},
		]);
		const fixed = applyFix(
			text,
			analyze(text).problems.find((p) => p.code === CODE)!,
		);
		assert.equal(fixed, msk(access('SASL_SCRAM_512_AUTH')));
		// No fix that would repeat an entry already there.
		assert.deepEqual(problemsWithCode(msk(access('SASL_SCRAM_512_AUTH', 'SASL_SCRAM_256_AUTH')), CODE)[0]?.fixes, []);
	});

	it('warns on the self-managed-only types for Amazon MSK', () => {
		const text = msk(access('BASIC_AUTH', 'VPC_SUBNET', 'VPC_SECURITY_GROUP', 'SERVER_ROOT_CA_CERTIFICATE'));
		assert.deepEqual(
			problemsWithCode(text, CODE).map((p) => [p.severity, p.message, p.range]),
			[
				[
					'warning',
					'BASIC_AUTH is for self-managed Kafka (SASL/PLAIN) and Amazon MQ only, not for an Amazon MSK source; AWS is likely to reject it.',
					typeRange(text, 'BASIC_AUTH'),
				],
				['warning', 'VPC_SUBNET is for self-managed Kafka only, not for an Amazon MSK source; AWS is likely to reject it.', typeRange(text, 'VPC_SUBNET')],
				[
					'warning',
					'VPC_SECURITY_GROUP is for self-managed Kafka only, not for an Amazon MSK source; AWS is likely to reject it.',
					typeRange(text, 'VPC_SECURITY_GROUP'),
				],
				[
					'warning',
					'SERVER_ROOT_CA_CERTIFICATE is for self-managed Kafka only, not for an Amazon MSK source; AWS is likely to reject it.',
					typeRange(text, 'SERVER_ROOT_CA_CERTIFICATE'),
				],
			],
		);
	});

	it('warns on VIRTUAL_HOST for either kind of Kafka cluster', () => {
		const onMsk = msk(access('VIRTUAL_HOST'));
		assert.deepEqual(
			problemsWithCode(onMsk, CODE).map((p) => [p.message, p.range]),
			[['VIRTUAL_HOST is for RabbitMQ (Amazon MQ) only, not for an Amazon MSK source; AWS is likely to reject it.', typeRange(onMsk, 'VIRTUAL_HOST')]],
		);
		const onSelfManaged = selfManaged(access('VIRTUAL_HOST'));
		assert.deepEqual(
			problemsWithCode(onSelfManaged, CODE).map((p) => p.message),
			['VIRTUAL_HOST is for RabbitMQ (Amazon MQ) only, not for a self-managed Kafka source; AWS is likely to reject it.'],
		);
	});

	it('knows the cluster of an update request from its one Kafka source config', () => {
		const update = (config: Record<string, unknown>): string => JSON.stringify({ UUID, ...config, SourceAccessConfigurations: access('VPC_SUBNET') });
		assert.deepEqual(
			problemsWithCode(update({ AmazonManagedKafkaEventSourceConfig: {} }), CODE).map((p) => p.message),
			['VPC_SUBNET is for self-managed Kafka only, not for an Amazon MSK source; AWS is likely to reject it.'],
		);
		assert.deepEqual(problemsWithCode(update({ SelfManagedKafkaEventSourceConfig: {} }), CODE), []);
		assert.deepEqual(problemsWithCode(update({ AmazonManagedKafkaEventSourceConfig: {}, SelfManagedKafkaEventSourceConfig: {} }), CODE), []);
		assert.deepEqual(problemsWithCode(update({}), CODE), []);
	});

	it('is silent for other sources, and leaves unknown types and bad shapes to the schema', () => {
		assert.deepEqual(
			problemsWithCode(
				JSON.stringify({
					FunctionName: 'f',
					EventSourceArn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1',
					SourceAccessConfigurations: access('VIRTUAL_HOST', 'BASIC_AUTH'),
				}),
				CODE,
			),
			[],
		);
		assert.deepEqual(problemsWithCode(msk([{ Type: 'SASL_PLAIN', URI: SECRET }]), CODE), []);
		assert.deepEqual(
			problemsWithCode(JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, SourceAccessConfigurations: ['VPC_SUBNET', { Type: 42 }, null] }), CODE),
			[],
		);
		assert.deepEqual(
			problemsWithCode(JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, SourceAccessConfigurations: { Type: 'VPC_SUBNET' } }), CODE),
			[],
		);
	});
});
