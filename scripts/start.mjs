// `npm start`: the whole product for a newcomer. Builds and packages the extension, starts the
// loopback Lambda/SQS/S3 servers with sample Kafka mappings, installs the .vsix into a real VS
// Code (code-server, bound to 127.0.0.1 only) pointed at those servers, opens examples/, and prints
// the URL. It prints one line a step, the output of a step only when it fails, then what is running
// and how to stop it. Ctrl+C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);
const children = [];

// A step whose output only matters when it fails (the build's and vsce's file lists, npm's
// notices): one line while it runs, its whole output only if it fails.
function step(label, command, args) {
	process.stdout.write(`${label}… `);
	const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (result.status !== 0) {
		console.log('failed:');
		process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}`);
		console.error(`\n'${command} ${args.join(' ')}' failed.`);
		process.exit(result.status ?? 1);
	}
	console.log('done');
}

function stopAll(code = 0) {
	for (const child of children) {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
		}
	}
	process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));

step('Building and packaging the extension', 'npm', ['run', 'package', '--silent']);
step('Checking code-server is installed (the first run takes a few minutes)', 'bash', ['scripts/install-e2e-deps.sh']);

process.stdout.write('Starting the loopback Lambda, SQS and S3 servers… ');
const demo = spawn(process.execPath, [join(root, 'dist', 'demo-server.js')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
children.push(demo);
const endpoints = await new Promise((resolveEndpoints, reject) => {
	createInterface({ input: demo.stdout }).once('line', (line) => resolveEndpoints(JSON.parse(line)));
	demo.once('exit', (code) => reject(new Error(`the demo servers exited with ${code}`)));
});
console.log('done');

// Everything code-server keeps goes to a throw-away folder; your own VS Code settings and AWS
// profiles are never read or touched.
const home = mkdtempSync(join(tmpdir(), 'lambda-kafka-demo-'));
const userData = join(home, 'user-data');
const extensions = join(home, 'extensions');
const workspace = join(home, 'examples');
cpSync(join(root, 'examples'), workspace, { recursive: true });
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'lambdaKafka.aws.region': 'us-east-1' }, null, 2));
writeFileSync(join(home, 'aws-config'), '[default]\nregion = us-east-1\n');
writeFileSync(join(home, 'aws-credentials'), '[default]\naws_access_key_id = AKIDDEMO\naws_secret_access_key = demo-secret\n');

const entry = join(process.env.CODE_SERVER_CACHE ?? join(root, '.vscode-test', 'code-server'), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
step('Installing the extension into code-server', process.execPath, [
	entry,
	'--extensions-dir',
	extensions,
	'--user-data-dir',
	userData,
	'--install-extension',
	join(root, 'dist', 'lambda-kafka-destinations.vsix'),
]);

const log = join(home, 'code-server.log');
const codeServer = spawn(
	process.execPath,
	[
		entry,
		'--auth',
		'none',
		'--bind-addr',
		`127.0.0.1:${port}`,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--extensions-dir',
		extensions,
		'--user-data-dir',
		userData,
		workspace,
	],
	{
		stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')],
		env: {
			...process.env,
			AWS_CONFIG_FILE: join(home, 'aws-config'),
			AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
			AWS_PROFILE: 'default',
			AWS_ENDPOINT_URL_LAMBDA: endpoints.lambda,
			AWS_ENDPOINT_URL_SQS: endpoints.sqs,
			AWS_ENDPOINT_URL_S3: endpoints.s3,
			// SNS, IAM, KMS, CloudWatch and MSK, which "Check Failure Destination" reads.
			...endpoints.env,
		},
	},
);
children.push(codeServer);
codeServer.once('exit', (code) => {
	console.error(`code-server exited (${code}); its log: ${log}`);
	stopAll(1);
});

console.log(`
Lambda Kafka Destinations is running in VS Code (code-server, log: ${log}):

    http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}

Open that URL in a browser. The examples/ folder is open; try:
  - destinations/broken.destination.json and records/pasted-from-aws-docs.jsonc: problems, hovers, quick fixes
  - terraform/main.tf: aws_lambda_event_source_mapping resources checked with the same rules, IAM quick fix
  - "Lambda Kafka: Apply Destination Config to Event Source Mapping" on destinations/sqs.destination.json
  - "Lambda Kafka: Preview Offsets" on records/sqs-record.json
  - "Lambda Kafka: Fetch Failure Records from SQS…" / "…from S3…"
  - "Lambda Kafka: Check Failure Destination" on orders-consumer's mappings: a role that may not send, a key it may not use
AWS calls go to loopback servers with sample mappings (Lambda ${endpoints.lambda}, SQS ${endpoints.sqs},
S3 ${endpoints.s3}); they answer for any region, and the sample ARNs name us-east-1.

Press Ctrl+C to stop code-server and the loopback servers. (Port in use? PORT=8081 npm start)
`);
