/**
 * The built CLI (dist/cli.js) on CloudFormation and SAM templates: a directory with YAML and
 * `cdk.out` JSON templates and YAML that is not a template, in text, JSON and SARIF.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../helpers';

const root = repoRoot();
const cliPath = path.join(root, 'dist', 'cli.js');

function run(args: string[]): { status: number | null; stdout: string } {
	const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
	return { status: result.status, stdout: result.stdout };
}

const CDK_TEMPLATE = JSON.stringify(
	{
		Resources: {
			Handler: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::123456789012:role/r' } },
			HandlerKafka: {
				Type: 'AWS::Lambda::EventSourceMapping',
				Properties: {
					FunctionName: { Ref: 'Handler' },
					EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/0b1c2d3e-1111-2222-3333-444455556666-1',
					Topics: ['orders'],
					StartingPosition: 'LATEST',
					DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Handler', 'Arn'] } } },
				},
			},
		},
	},
	null,
	1,
);

describe('lambda-kafka CLI on templates', () => {
	let tmp = '';
	before(() => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-templates-'));
		fs.copyFileSync(path.join(root, 'examples', 'templates', 'sam-orders.yaml'), path.join(tmp, 'template.yaml'));
		fs.mkdirSync(path.join(tmp, 'cdk.out'));
		fs.writeFileSync(path.join(tmp, 'cdk.out', 'App.template.json'), CDK_TEMPLATE);
		fs.writeFileSync(path.join(tmp, 'workflow.yml'), 'on: push\njobs: {}\n');
	});
	after(() => fs.rmSync(tmp, { recursive: true, force: true }));

	it('validates the templates of a directory in text, and exits 1 on errors', () => {
		const result = run(['validate', tmp]);
		assert.equal(result.status, 1);
		const lines = result.stdout.trim().split('\n');
		assert.deepEqual(lines.slice(0, 2), [
			`${path.join(tmp, 'cdk.out', 'App.template.json')}:22:22: error destination-resource-type The destination {"Fn::GetAtt": ["Handler", "Arn"]} is a Lambda function (AWS::Lambda::Function "Handler"): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.`,
			`${path.join(tmp, 'template.yaml')}:42:30: error destination-resource-type !Ref OrdersDlq gives the URL of the queue "OrdersDlq", but the destination must be its ARN.`,
		]);
		assert.equal(lines[lines.length - 1], '3 files, 3 errors, 3 warnings');
	});

	it('writes JSON with each file’s kind and exact ranges', () => {
		const result = run(['validate', '--format', 'json', tmp]);
		const output = JSON.parse(result.stdout) as {
			files: { path: string; kind: string; diagnostics: { line: number; column: number; endLine: number; endColumn: number; code: string }[] }[];
		};
		assert.deepEqual(
			output.files.map((f) => [path.basename(f.path), f.kind, f.diagnostics.length]),
			[
				['App.template.json', 'cfn-template', 1],
				['template.yaml', 'cfn-template', 6],
				['workflow.yml', 'unknown', 0],
			],
		);
		const first = output.files[1].diagnostics[0];
		assert.deepEqual([first.line, first.column, first.endLine, first.endColumn, first.code], [42, 30, 42, 44, 'destination-resource-type']);
	});

	it('writes SARIF that names the template rules', () => {
		const result = run(['validate', '--format', 'sarif', path.join(tmp, 'template.yaml')]);
		const sarif = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[] };
		const ruleIds = sarif.runs[0].tool.driver.rules.map((r) => r.id);
		assert.ok(ruleIds.includes('destination-resource-type') && ruleIds.includes('destination-permissions'));
		assert.deepEqual(
			sarif.runs[0].results.map((r) => r.ruleId),
			[
				'destination-resource-type',
				'provisioned-mode-required',
				'kafka-destination-requirements',
				'kafka-destination-requirements',
				'destination-permissions',
				'destination-permissions',
			],
		);
	});
});
