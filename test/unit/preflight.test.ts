/** The pre-flight check's pure parts (shared/preflight): destinations, plans, verdicts, fixes and the report text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { destinationTarget, kmsActions, mskCluster, mskTopicArn, rolePermissions } from '../../shared/preflight/destinationTarget';
import { fixesText, formatReportText, summaryLine } from '../../shared/preflight/formatReport';
import { plannedMapping } from '../../shared/preflight/plannedMapping';
import { keyPolicyFix, rolePolicyFix, roleName } from '../../shared/preflight/policyFixes';
import { mappingArnOf, overallVerdict } from '../../shared/preflight/runPreflight';
import { matchesIamPattern } from '../../shared/iamPattern';
import type { PreflightReport } from '../../shared/preflight/types';
import { evaluate, parsePolicy } from '../loopback/iamPolicies';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/7c9e-3';

describe('pre-flight destinations', () => {
	it('tells SQS, SNS, S3, kafka:// and the rest apart', () => {
		assert.deepEqual(destinationTarget('arn:aws:sqs:eu-west-1:111122223333:q'), {
			kind: 'sqs',
			arn: 'arn:aws:sqs:eu-west-1:111122223333:q',
			name: 'q',
			region: 'eu-west-1',
			account: '111122223333',
			partition: 'aws',
		});
		assert.equal(destinationTarget('arn:aws-cn:sns:cn-north-1:111122223333:t').kind, 'sns');
		assert.deepEqual(destinationTarget('arn:aws:s3:::bucket'), { kind: 's3', arn: 'arn:aws:s3:::bucket', name: 'bucket', partition: 'aws' });
		assert.deepEqual(destinationTarget('kafka://dlq'), { kind: 'kafka', topic: 'dlq' });
		assert.deepEqual(destinationTarget(''), { kind: 'none' });
		assert.deepEqual(destinationTarget(undefined), { kind: 'none' });
		assert.equal(destinationTarget('arn:aws:s3:::bucket/prefix').kind, 'unsupported');
		assert.equal(destinationTarget('arn:aws:lambda:us-east-1:111122223333:function:f').kind, 'unsupported');
	});

	it('asks for exactly the actions each destination needs, on the right resources', () => {
		assert.deepEqual(rolePermissions(destinationTarget('arn:aws:s3:::b'), undefined), [
			{ actions: ['s3:PutObject'], resource: 'arn:aws:s3:::b/*' },
			{ actions: ['s3:ListBucket'], resource: 'arn:aws:s3:::b' },
		]);
		const cluster = mskCluster(CLUSTER);
		assert.ok(cluster);
		assert.equal(mskTopicArn(cluster, 'dlq'), 'arn:aws:kafka:us-east-1:123456789012:topic/orders/7c9e-3/dlq');
		assert.deepEqual(rolePermissions(destinationTarget('kafka://dlq'), undefined), [], 'a self-managed cluster is not IAM-governed');
		assert.equal(mskCluster('arn:aws:kafka:us-east-1:1:configuration/x'), undefined);
		assert.deepEqual(kmsActions('s3', true), ['kms:GenerateDataKey']);
		assert.deepEqual(kmsActions('sqs', true), ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:ReEncrypt*']);
	});

	it('lays a document over the mapping as Apply would send it', () => {
		const current = { UUID: 'u', Topics: ['a'], DestinationConfig: { OnFailure: { Destination: 'old' } } };
		assert.deepEqual(plannedMapping(current, { OnFailure: { Destination: 'new' } }).DestinationConfig, { OnFailure: { Destination: 'new' } });
		const request = plannedMapping(current, { UUID: 'u', ProvisionedPollerConfig: { MinimumPollers: 1 }, BatchSize: 5 });
		assert.deepEqual(request.ProvisionedPollerConfig, { MinimumPollers: 1 });
		assert.deepEqual(request.DestinationConfig, { OnFailure: { Destination: 'old' } }, 'an update without DestinationConfig keeps it');
		assert.equal(plannedMapping(current, 'not an object'), current);
		assert.equal(
			mappingArnOf({ UUID: 'u', FunctionArn: 'arn:aws-cn:lambda:cn-north-1:1:function:f' }),
			'arn:aws-cn:lambda:cn-north-1:1:event-source-mapping:u',
		);
	});
});

describe('pre-flight fixes and report', () => {
	it('writes least-privilege policies ready to paste', () => {
		const fix = rolePolicyFix('arn:aws:iam::1:role/service-role/r', [{ actions: ['sqs:SendMessage'], resource: 'arn:aws:sqs:us-east-1:1:q' }], 'Sid');
		assert.match(fix.target, /execution role r /);
		assert.deepEqual(JSON.parse(fix.json), {
			Version: '2012-10-17',
			Statement: [{ Sid: 'Sid', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:1:q' }],
		});
		assert.equal((JSON.parse(keyPolicyFix('arn:r', ['kms:Decrypt'], 'arn:k').json) as { Resource: string }).Resource, '*');
		assert.equal(roleName('arn:aws:iam::1:role/a/b/c'), 'c');
	});

	const report: PreflightReport = {
		functionName: 'f',
		uuid: 'u',
		destination: 'arn:aws:sqs:us-east-1:1:q',
		fromDocument: false,
		rows: [
			{ id: 'destination', question: 'The destination exists and is reachable', verdict: 'pass', detail: 'ok.' },
			{
				id: 'role',
				question: 'The execution role may deliver to it',
				verdict: 'fail',
				detail: 'no.',
				fix: 'Grant it.',
				policies: [{ target: 'the role', json: '{\n  "a": 1\n}' }],
			},
			{ id: 'encryption', question: 'K', verdict: 'unknown', detail: 'Could not check.' },
			{ id: 'delivery', question: 'D', verdict: 'pass', detail: 'none.' },
			{ id: 'drift', question: 'S', verdict: 'warn', detail: 'stack.', fix: 'Deploy.' },
		],
	};

	it('summarises by the worst verdict, counting each kind', () => {
		assert.equal(overallVerdict(report), 'fail');
		assert.equal(summaryLine(report), '1 failed, 1 to note, 1 could not be checked');
		assert.equal(summaryLine({ ...report, rows: report.rows.slice(0, 1) }), 'every check passed');
	});

	it('prints each answer, its fix and its policy indented', () => {
		const text = formatReportText(report);
		assert.match(
			text,
			/^2\. The execution role may deliver to it: FAIL\n {3}no\.\n {3}Fix: Grant it\.\n {3}Policy for the role:\n {5}\{\n {7}"a": 1\n {5}\}$/m,
		);
		assert.match(text, /^3\. K: COULD NOT CHECK$/m);
		assert.equal(fixesText(report), 'The execution role may deliver to it: Grant it.\n\nPolicy for the role:\n{\n  "a": 1\n}\n\nS: Deploy.');
	});
});

describe('the loopback policy simulator', () => {
	const role = 'arn:aws:iam::1:role/r';
	const identity = parsePolicy(
		'p',
		'IAM Policy',
		JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sqs:Send*', Resource: 'arn:aws:sqs:*:1:orders-?' }] }),
	);

	it('allows on wildcards of action and resource, case-insensitively for actions', () => {
		assert.equal(evaluate([identity], role, 'SQS:SendMessage', 'arn:aws:sqs:us-east-1:1:orders-a').decision, 'allowed');
		assert.equal(evaluate([identity], role, 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:orders-ab').decision, 'implicitDeny');
		assert.equal(evaluate([identity], role, 'sqs:DeleteMessage', 'arn:aws:sqs:us-east-1:1:orders-a').decision, 'implicitDeny');
	});

	it('lets an explicit deny win, and reads resource policies only for the principals they name', () => {
		const denyAll = parsePolicy(
			'ResourcePolicy',
			'Resource Policy',
			JSON.stringify({ Statement: { Effect: 'Deny', Principal: '*', NotAction: 'sqs:Receive*', Resource: '*' } }),
		);
		const result = evaluate([identity, denyAll], role, 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:orders-a');
		assert.deepEqual(result, { decision: 'explicitDeny', matched: [{ id: 'ResourcePolicy', type: 'Resource Policy' }] });
		const other = parsePolicy(
			'ResourcePolicy',
			'Resource Policy',
			JSON.stringify({ Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:role/other' }, Action: '*', Resource: '*' } }),
		);
		assert.equal(evaluate([other], role, 'sqs:SendMessage', 'x').decision, 'implicitDeny');
	});
});

describe('IAM wildcards in key policies', () => {
	it('matches * and ? without regard to case, and never backtracks for ever', () => {
		assert.ok(matchesIamPattern('kms:*', 'kms:GenerateDataKey', true));
		assert.ok(matchesIamPattern('KMS:Generate*Key', 'kms:GenerateDataKey', true));
		assert.ok(matchesIamPattern('kms:ReEncrypt*', 'kms:ReEncrypt*', true));
		assert.ok(matchesIamPattern('kms:?ecrypt', 'kms:Decrypt', true));
		assert.ok(!matchesIamPattern('kms:Decrypt', 'kms:DecryptX', true));
		assert.ok(!matchesIamPattern('kms:*Key', 'kms:Decrypt', true));
		const started = Date.now();
		assert.ok(!matchesIamPattern(`${'a*'.repeat(200)}b`, 'a'.repeat(5000), true));
		// Resource ARNs compare with case.
		assert.ok(matchesIamPattern('arn:aws:sqs:*:123456789012:Orders-*', 'arn:aws:sqs:us-east-1:123456789012:Orders-dlq', false));
		assert.ok(!matchesIamPattern('arn:aws:sqs:*:123456789012:orders-*', 'arn:aws:sqs:us-east-1:123456789012:Orders-dlq', false));
		assert.ok(Date.now() - started < 1000);
	});
});
