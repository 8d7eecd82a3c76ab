/**
 * `destination-permissions`: the execution role declared in the template grants what the
 * destination needs; silent where SAM adds it, where the role is outside the template, or where a
 * grant could exist unseen. The fix inserts a least-privilege statement, after which the warning
 * is gone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER_ARN, cfnTemplate, fixed, mskEvent, rangeOf, samTemplate, withCode } from '../templates/templateHelpers';

const CODE = 'destination-permissions';
const PROVISIONED = '            ProvisionedPollerConfig: {MinimumPollers: 1}\n            MaximumRetryAttempts: 3\n';
const QUEUE =
	'  Dlq:\n    Type: AWS::SQS::Queue\n  Other:\n    Type: AWS::SQS::Queue\n  Bucket:\n    Type: AWS::S3::Bucket\n  Topic:\n    Type: AWS::SNS::Topic\n';

function sam(destination: string, functionProperties = '', onFailureType?: string, eventExtra = PROVISIONED): string {
	let event = mskEvent(destination, eventExtra);
	if (onFailureType) {
		event = event.replace('              OnFailure:\n', `              OnFailure:\n                Type: ${onFailureType}\n`);
	}
	return samTemplate(event, functionProperties, QUEUE);
}

function messages(text: string): string[] {
	return withCode(text, CODE).map((p) => p.message);
}

describe('destination-permissions', () => {
	it('warns when SAM Policies lack the action, on the destination, with a fix that inserts the statement', () => {
		const text = sam('!GetAtt Dlq.Arn', '      Policies:\n        - AWSLambdaMSKExecutionRole\n');
		assert.deepEqual(
			withCode(text, CODE).map((p) => [p.severity, p.message, p.range, p.fixes]),
			[
				[
					'warning',
					'The execution role "ConsumerRole" does not grant sqs:SendMessage, which Lambda needs to send failed records to the SQS queue.',
					rangeOf(text, '!GetAtt Dlq.Arn'),
					['Add a statement granting sqs:SendMessage to ConsumerRole'],
				],
			],
		);
		const after = fixed(text, CODE);
		assert.ok(
			after.includes(`      Policies:
        - AWSLambdaMSKExecutionRole
        - Statement:
            - Effect: Allow
              Action:
                - sqs:SendMessage
              Resource:
                - !GetAtt Dlq.Arn
      Events:`),
			after,
		);
		assert.deepEqual(messages(after), []);
	});

	it('adds Policies when the function has none, and turns a single policy into a list', () => {
		const none = sam('!Ref Topic');
		assert.deepEqual(messages(none), [
			'The execution role "ConsumerRole" does not grant sns:Publish, which Lambda needs to send failed records to the SNS topic.',
		]);
		const added = fixed(none, CODE);
		assert.ok(added.includes('                Destination: !Ref Topic\n      Policies:\n        - Statement:\n            - Effect: Allow\n'), added);
		assert.deepEqual(messages(added), []);
		const single = sam('!GetAtt Bucket.Arn', '      Policies: AWSLambdaBasicExecutionRole\n');
		assert.deepEqual(messages(single), [
			'The execution role "ConsumerRole" does not grant s3:PutObject, s3:ListBucket, which Lambda needs to send failed records to the S3 bucket.',
		]);
		const listed = fixed(single, CODE);
		assert.ok(listed.includes('      Policies:\n        - AWSLambdaBasicExecutionRole\n        - Statement:\n'), listed);
		assert.ok(listed.includes('                - !GetAtt Bucket.Arn\n                - !Sub "${Bucket.Arn}/*"\n'), listed);
		assert.deepEqual(messages(listed), []);
	});

	it('is silent where SAM adds the permission (OnFailure Type SQS, SNS, S3 and no Role)', () => {
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '', 'SQS')), []);
		assert.deepEqual(messages(sam('!Ref Topic', '', 'SNS')), []);
		assert.deepEqual(messages(sam('!GetAtt Bucket.Arn', '', 'S3')), []);
		// A Type that names another service adds the wrong permission.
		assert.equal(messages(sam('!Ref Topic', '', 'SQS')).length, 1);
		// The role is the function's: what SAM adds for another event's destination counts too.
		const otherEvent = (queue: string): string =>
			samTemplate(
				`${mskEvent('!GetAtt Dlq.Arn', PROVISIONED)}        Other:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:in\n            DestinationConfig:\n              OnFailure:\n                Type: SQS\n                Destination: !GetAtt ${queue}.Arn\n`,
				'',
				QUEUE,
			);
		assert.deepEqual(messages(otherEvent('Dlq')), []);
		assert.equal(messages(otherEvent('Other')).length, 1);
		// With a Role of its own, SAM adds nothing.
		const role = '      Role: !GetAtt Role.Arn\n';
		const withRole = sam('!GetAtt Dlq.Arn', role, 'SQS').replace(
			QUEUE,
			`${QUEUE}  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole]\n`,
		);
		assert.deepEqual(messages(withRole), [
			'The execution role "Role" does not grant sqs:SendMessage, which Lambda needs to send failed records to the SQS queue.',
		]);
	});

	it('counts SAM policy templates and documents, for the destination resource only', () => {
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '      Policies:\n        - SQSSendMessagePolicy:\n            QueueName: !GetAtt Dlq.QueueName\n')), []);
		assert.equal(
			messages(sam('!GetAtt Dlq.Arn', '      Policies:\n        - SQSSendMessagePolicy:\n            QueueName: !GetAtt Other.QueueName\n')).length,
			1,
		);
		assert.deepEqual(messages(sam('!GetAtt Bucket.Arn', '      Policies:\n        - S3CrudPolicy: {BucketName: !Ref Bucket}\n')), []);
		assert.deepEqual(
			messages(
				sam(
					'!GetAtt Dlq.Arn',
					'      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: "sqs:*"\n              Resource: "*"\n',
				),
			),
			[],
		);
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '      Policies:\n        - AmazonSQSFullAccess\n')), []);
		assert.equal(
			messages(
				sam(
					'arn:aws:sqs:us-east-1:123456789012:dlq',
					'      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: sqs:SendMessage\n              Resource: arn:aws:sqs:*:*:other\n',
				),
			).length,
			1,
		);
		assert.deepEqual(
			messages(
				sam(
					'arn:aws:sqs:us-east-1:123456789012:dlq',
					'      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: sqs:SendMessage\n              Resource: arn:aws:sqs:*:*:dlq\n',
				),
			),
			[],
		);
	});

	it('is silent when a grant could exist unseen', () => {
		// A role outside the template, a managed policy it does not know, a statement built by an intrinsic.
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '      Role: arn:aws:iam::123456789012:role/external\n')), []);
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '      Role: !ImportValue role-arn\n')), []);
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '      Policies:\n        - arn:aws:iam::123456789012:policy/custom\n')), []);
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '      Policies:\n        - !If [C, AmazonSQSFullAccess, AWSLambdaBasicExecutionRole]\n')), []);
		assert.deepEqual(messages(sam('!GetAtt Dlq.Arn', '      Policies:\n        - Statement: !ImportValue statements\n')), []);
		assert.deepEqual(messages(sam('!ImportValue dlq-arn')), []);
		// A role or policies from SAM's Globals.
		assert.deepEqual(
			messages(sam('!GetAtt Dlq.Arn').replace('Resources:\n', 'Globals:\n  Function:\n    Role: arn:aws:iam::123456789012:role/shared\nResources:\n')),
			[],
		);
	});

	it('asks kafka-cluster actions for a kafka:// topic of an MSK cluster read with IAM only', () => {
		const text = sam('kafka://orders-dlq');
		assert.deepEqual(messages(text), [
			'The execution role "ConsumerRole" does not grant kafka-cluster:Connect, kafka-cluster:DescribeTopic, kafka-cluster:WriteData, which Lambda needs to send failed records to the Kafka topic "orders-dlq".',
		]);
		const after = fixed(text, CODE);
		assert.ok(
			after.includes(
				`                - ${CLUSTER_ARN}\n                - arn:aws:kafka:us-east-1:123456789012:topic/orders/0b1c2d3e-1111-2222-3333-444455556666-1/orders-dlq\n`,
			),
			after,
		);
		assert.deepEqual(messages(after), []);
		// SASL/SCRAM or mutual TLS: the cluster's ACLs authorise the write, not IAM.
		const scram = sam(
			'kafka://orders-dlq',
			'',
			undefined,
			`${PROVISIONED}            SourceAccessConfigurations: [{Type: SASL_SCRAM_512_AUTH, URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:s}]\n`,
		);
		assert.deepEqual(messages(scram), []);
		const selfManaged = samTemplate(
			`            KafkaBootstrapServers: [b-1.example.com:9092]\n            Topics: [orders]\n            StartingPosition: LATEST\n${PROVISIONED}            DestinationConfig: {OnFailure: {Destination: kafka://orders-dlq}}\n`,
			'',
			'',
			'SelfManagedKafka',
		);
		assert.deepEqual(messages(selfManaged), []);
	});

	it('reads an AWS::IAM::Role of the template with its inline, managed and attached policies, and fixes its Policies', () => {
		const base = (roleProperties: string, extra = ''): string =>
			cfnTemplate(
				`      FunctionName: !Ref Fn
      EventSourceArn: ${CLUSTER_ARN}
      Topics: [orders]
      StartingPosition: LATEST
      ProvisionedPollerConfig: {MinimumPollers: 1}
      MaximumRetryAttempts: 3
      DestinationConfig: {OnFailure: {Destination: !GetAtt Dlq.Arn}}
`,
				`  Dlq:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt FnRole.Arn
  FnRole:
    Type: AWS::IAM::Role
    Properties:
${roleProperties}${extra}`,
			);
		const bare = base('      AssumeRolePolicyDocument: {}\n');
		assert.deepEqual(messages(bare), [
			'The execution role "FnRole" does not grant sqs:SendMessage, which Lambda needs to send failed records to the SQS queue.',
		]);
		const after = fixed(bare, CODE);
		assert.ok(
			after.endsWith(
				'      AssumeRolePolicyDocument: {}\n      Policies:\n        - PolicyName: OnFailureDestination\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action:\n                  - sqs:SendMessage\n                Resource:\n                  - !GetAtt Dlq.Arn\n',
			),
			after,
		);
		assert.deepEqual(messages(after), []);
		const inline = base(
			'      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement: [{Effect: Allow, Action: [sqs:SendMessage], Resource: !GetAtt Dlq.Arn}]\n',
		);
		assert.deepEqual(messages(inline), []);
		const attached = base(
			'      AssumeRolePolicyDocument: {}\n',
			'  Attached:\n    Type: AWS::IAM::Policy\n    Properties:\n      Roles: [!Ref FnRole]\n      PolicyDocument: {Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: "*"}]}\n',
		);
		assert.deepEqual(messages(attached), []);
		// A policy attached to another role of the template says nothing about this one.
		const elsewhere = base(
			'      AssumeRolePolicyDocument: {}\n',
			'  OtherRole:\n    Type: AWS::IAM::Role\n  Attached:\n    Type: AWS::IAM::Policy\n    Properties:\n      Roles: [!Ref OtherRole]\n      PolicyDocument: {Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: "*"}]}\n',
		);
		assert.equal(messages(elsewhere).length, 1);
		const denied = base(
			'      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement: [{Effect: Deny, Action: sqs:SendMessage, Resource: "*"}]\n',
		);
		assert.equal(messages(denied).length, 1);
	});
});
