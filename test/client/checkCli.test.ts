/**
 * `lambda-kafka check` as a pipeline runs it: dist/cli.js in a child process, credentials and
 * per-service endpoints from the environment, against the loopback services; exit status 0, 1
 * or 2 and the report on stdout.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PreflightReport } from '../../shared/preflight/types';
import { repoRoot } from '../helpers';
import { CLUSTER, FUNCTION, REGION, TEST_KEY } from './harness';
import type { PreflightWorld } from './preflightWorld';
import { ROLE, startWorld } from './preflightWorld';

const CLI = path.join(repoRoot(), 'dist', 'cli.js');
const QUEUE_ARN = `arn:aws:sqs:${REGION}:123456789012:orders-failures`;
const OK_UUID = '11111111-2222-4333-8444-555555555555';
const BROKEN_UUID = '66666666-7777-4888-9999-000000000000';

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

describe('lambda-kafka check', () => {
	let world: PreflightWorld;
	let tmp = '';

	// The servers run in this process, so the CLI must run asynchronously beside them.
	const run = (args: string[]): Promise<Run> =>
		new Promise((resolve) => {
			const child = spawn(process.execPath, [CLI, ...args], {
				env: {
					PATH: process.env['PATH'],
					// The SDK's advice to move to Node.js 22 is real, but not what these tests read.
					AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
					AWS_ACCESS_KEY_ID: TEST_KEY.accessKeyId,
					AWS_SECRET_ACCESS_KEY: TEST_KEY.secretAccessKey,
					AWS_CONFIG_FILE: path.join(tmp, 'config'),
					AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'credentials'),
					...world.env,
				},
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			child.on('close', (status) => resolve({ status, stdout, stderr }));
		});

	before(async () => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-check-'));
		world = await startWorld();
		world.sqs.createQueue('orders-failures');
		world.iam.addRole(ROLE, { destinations: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: QUEUE_ARN }] });
		const seed = { FunctionName: FUNCTION, EventSourceArn: CLUSTER, StartingPosition: 'LATEST' };
		world.lambda.addMapping({ ...seed, UUID: OK_UUID, Topics: ['orders'], DestinationConfig: { OnFailure: { Destination: QUEUE_ARN } } });
		world.lambda.addMapping({ ...seed, UUID: BROKEN_UUID, Topics: ['payments'], DestinationConfig: { OnFailure: { Destination: `${QUEUE_ARN}-gone` } } });
	});

	after(async () => {
		await world.closeAll();
		fs.rmSync(tmp, { recursive: true, force: true });
	});

	it('is bundled without VS Code, apart from the validator', () => {
		const bundle = fs.readFileSync(path.join(repoRoot(), 'dist', 'check.js'), 'utf8');
		assert.doesNotMatch(bundle, /require\(["']vscode["']\)/);
		assert.doesNotMatch(fs.readFileSync(CLI, 'utf8'), /SimulatePrincipalPolicy/, 'the AWS SDK stays out of dist/cli.js');
	});

	it('exits 0 and prints every answer when nothing fails', async () => {
		const result = await run(['check', '--function', FUNCTION, '--uuid', OK_UUID, '--region', REGION]);
		assert.equal(result.stderr, '');
		assert.equal(result.status, 0);
		assert.match(result.stdout, /^Pre-flight check of event source mapping 11111111-2222-4333-8444-555555555555 \(orders-consumer\)$/m);
		assert.match(result.stdout, /^1\. The destination exists and is reachable: PASS$/m);
		assert.match(result.stdout, /^2\. The execution role may deliver to it: PASS$/m);
	});

	it('exits 1 with the failure in JSON', async () => {
		const result = await run(['check', '--function', FUNCTION, '--uuid', BROKEN_UUID, '--region', REGION, '--format', 'json']);
		assert.equal(result.status, 1);
		const report = JSON.parse(result.stdout) as PreflightReport;
		assert.equal(report.rows[0]?.verdict, 'fail');
		assert.equal(report.destination, `${QUEUE_ARN}-gone`);
	});

	it('checks the destination of --config as the mapping would be once applied', async () => {
		const file = path.join(tmp, 'fix.destination.json');
		fs.writeFileSync(file, JSON.stringify({ OnFailure: { Destination: QUEUE_ARN } }));
		const result = await run(['check', '--function', FUNCTION, '--uuid', BROKEN_UUID, '--region', REGION, '--config', file]);
		assert.equal(result.status, 0, result.stdout + result.stderr);
		assert.match(result.stdout, /\(from the document to be applied\)/);
	});

	it('exits 2 when it cannot run: a usage error, a missing mapping, another function', async () => {
		const usage = await run(['check', '--uuid', OK_UUID]);
		assert.equal(usage.status, 2);
		assert.match(usage.stderr, /check needs --function NAME and --uuid UUID/);
		const missing = await run(['check', '--function', FUNCTION, '--uuid', '00000000-0000-4000-8000-000000000000', '--region', REGION]);
		assert.equal(missing.status, 2);
		assert.match(missing.stderr, /^lambda-kafka: /);
		const other = await run(['check', '--function', 'someone-else', '--uuid', OK_UUID, '--region', REGION]);
		assert.equal(other.status, 2);
		assert.match(other.stderr, /belongs to function orders-consumer, not someone-else/);
	});
});
