/**
 * Intrinsic functions: no diagnostic rests on a value the template does not determine, in every
 * field the rules check; values the template does determine (pseudo parameters as placeholders,
 * parameter defaults, mappings, conditions, GetAtt of its own resources) are checked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER_ARN, cfnTemplate, templateProblems, withCode } from './templateHelpers';

const PARAMETERS = `Parameters:
  NoDefault:
    Type: String
  Env:
    Type: String
    Default: prod
  TopicList:
    Type: CommaDelimitedList
    Default: "orders,payments"
  BadTopic:
    Type: String
    Default: "bad topic"
  Ssm:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /kafka/dlq
  KafkaDlq:
    Type: String
    AllowedPattern: "^kafka://[a-z.-]+$"
  FunctionDlq:
    Type: String
    AllowedPattern: "^arn:aws:lambda:.*"
  AnyDlq:
    Type: String
    AllowedPattern: ".*"
Conditions:
  Undecided: !Equals [!Ref NoDefault, yes]
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  Dlq:
    prod:
      Arn: arn:aws:lambda:us-east-1:123456789012:function:oops
`;

/** Every field the rules read, with values that give no diagnostic. */
const FIELDS: Record<string, string> = {
	FunctionName: 'handler',
	EventSourceArn: CLUSTER_ARN,
	Topics: '[orders]',
	StartingPosition: 'LATEST',
	ProvisionedPollerConfig: '{MinimumPollers: 1, MaximumPollers: 3}',
	MaximumRetryAttempts: '3',
	MaximumRecordAgeInSeconds: '3600',
	SourceAccessConfigurations: '[{Type: CLIENT_CERTIFICATE_TLS_AUTH, URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:c}]',
	DestinationConfig: '{OnFailure: {Destination: arn:aws:sqs:us-east-1:123456789012:dlq}}',
};

function template(fields: Record<string, string>): string {
	const properties = Object.entries(fields)
		.map(([key, value]) => `      ${key}: ${value}\n`)
		.join('');
	return `${PARAMETERS}${cfnTemplate(properties).replace("AWSTemplateFormatVersion: '2010-09-09'\n", '')}`;
}

const UNKNOWABLE = [
	'!ImportValue shared-value',
	'!Ref NoDefault',
	'!Ref Ssm',
	'!If [Undecided, a, b]',
	'{"Fn::ImportValue": x}',
	'!GetAZs ""',
	'!Select [0, !GetAZs ""]',
	'!FindInMap [Dlq, !Ref NoDefault, Arn]',
];

describe('intrinsic functions', () => {
	it('the baseline template has no problem', () => {
		assert.deepEqual(templateProblems(template(FIELDS)), []);
	});

	it('gives no diagnostic for a value the template does not determine, in every checked field', () => {
		for (const field of Object.keys(FIELDS)) {
			for (const unknowable of UNKNOWABLE) {
				assert.deepEqual(templateProblems(template({ ...FIELDS, [field]: unknowable })), [], `${field}: ${unknowable}`);
			}
		}
		const nested: [string, string][] = [
			['DestinationConfig', '{OnFailure: {Destination: !ImportValue dlq}}'],
			['DestinationConfig', '{OnFailure: !If [Undecided, {Destination: kafka://x}, !Ref AWS::NoValue]}'],
			['Topics', '[!Ref NoDefault, orders]'],
			['ProvisionedPollerConfig', '{MinimumPollers: !Ref NoDefault, MaximumPollers: 3}'],
			['SourceAccessConfigurations', '[{Type: !Ref NoDefault, URI: x}]'],
		];
		for (const [field, value] of nested) {
			assert.deepEqual(templateProblems(template({ ...FIELDS, [field]: value })), [], `${field}: ${value}`);
		}
	});

	it('checks a !Sub of pseudo parameters with placeholders standing for valid values', () => {
		const valid = '!Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:dlq';
		assert.deepEqual(templateProblems(template({ ...FIELDS, DestinationConfig: `{OnFailure: {Destination: ${valid}}}` })), []);
		const invalid = '!Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:dl.q"';
		const text = template({ ...FIELDS, DestinationConfig: `{OnFailure: {Destination: ${invalid}}}` });
		assert.deepEqual(
			templateProblems(text).map((p) => [p.code, p.range, p.text]),
			[['destination-arn-structure', rangeOfDot(text), '.']],
		);
		// A region written literally is not compared with a ${AWS::Region} placeholder.
		const mixed = template({
			...FIELDS,
			DestinationConfig: '{OnFailure: {Destination: !Sub "arn:aws:sqs:eu-west-1:${AWS::AccountId}:dlq"}}',
			EventSourceArn: '!Sub "arn:aws:kafka:${AWS::Region}:${AWS::AccountId}:cluster/c/u"',
		});
		assert.deepEqual(withCode(mixed, 'destination-region-mismatch'), []);
	});

	it('checks a parameter’s default, a list parameter, a decided condition and a mapping entry', () => {
		const topics = template({ ...FIELDS, Topics: '!Ref TopicList', DestinationConfig: '{OnFailure: {Destination: kafka://payments}}' });
		assert.deepEqual(
			withCode(topics, 'kafka-destination-requirements')
				.filter((p) => p.severity === 'error')
				.map((p) => [p.message, p.text]),
			[['The destination topic "payments" is also the source topic: Lambda blocks this to prevent a loop.', 'payments']],
		);
		const badTopic = template({ ...FIELDS, Topics: '[!Ref BadTopic]' });
		assert.deepEqual(
			withCode(badTopic, 'source-topic-name').map((p) => p.text),
			['!Ref BadTopic'],
		);
		const decided = template({ ...FIELDS, MaximumRecordAgeInSeconds: '!If [IsProd, 30, 3600]' });
		assert.deepEqual(
			withCode(decided, 'record-age-range').map((p) => p.text),
			['!If [IsProd, 30, 3600]'],
		);
		const mapped = template({ ...FIELDS, DestinationConfig: '{OnFailure: {Destination: !FindInMap [Dlq, !Ref Env, Arn]}}' });
		assert.deepEqual(
			withCode(mapped, 'destination-service').map((p) => p.text),
			['!FindInMap [Dlq, !Ref Env, Arn]'],
		);
	});

	it('reads what an AllowedPattern says of a parameter without a default', () => {
		const { ProvisionedPollerConfig: _pollers, ...withoutPollers } = FIELDS;
		void _pollers;
		const kafka = template({ ...withoutPollers, DestinationConfig: '{OnFailure: {Destination: !Ref KafkaDlq}}' });
		assert.deepEqual(
			withCode(kafka, 'kafka-destination-requirements').map((p) => [p.severity, p.message, p.text]),
			[
				[
					'error',
					'A kafka:// destination requires provisioned mode: add ProvisionedPollerConfig, for example {"MinimumPollers": 1, "MaximumPollers": 3}.',
					'!Ref KafkaDlq',
				],
				['info', 'The destination topic must be on the same cluster as the source.', '!Ref KafkaDlq'],
			],
		);
		const lambda = template({ ...FIELDS, DestinationConfig: '{OnFailure: {Destination: !Ref FunctionDlq}}' });
		assert.deepEqual(
			templateProblems(lambda).map((p) => [p.code, p.text]),
			[['destination-service', '!Ref FunctionDlq']],
		);
		assert.deepEqual(templateProblems(template({ ...FIELDS, DestinationConfig: '{OnFailure: {Destination: !Ref AnyDlq}}' })), []);
	});

	it('reads the ARN of an MSK cluster of the template as a Kafka source', () => {
		const text = `${cfnTemplate(`      FunctionName: handler
      EventSourceArn: !GetAtt Cluster.Arn
      Topics: [orders]
      StartingPosition: LATEST
      DestinationConfig: {OnFailure: {Destination: kafka://orders-dlq}}
`)}  Cluster:
    Type: AWS::MSK::Cluster
`;
		assert.deepEqual(
			withCode(text, 'kafka-destination-requirements').map((p) => [p.severity, p.text]),
			[
				['error', 'kafka://orders-dlq'],
				['info', 'kafka://orders-dlq'],
			],
		);
	});
});

/** The range of the "." in "dl.q". */
function rangeOfDot(text: string): [number, number, number, number] {
	const at = text.indexOf('dl.q') + 2;
	const before = text.slice(0, at).split('\n');
	const line = before.length - 1;
	const character = before[line].length;
	return [line, character, line, character + 1];
}
