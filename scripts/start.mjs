// `npm start`: the whole product for a newcomer. Builds and packages the extension, starts the
// loopback Lambda/SQS/S3 servers with sample Kafka mappings, installs the .vsix into a real VS
// Code (code-server, bound to 127.0.0.1 only) pointed at those servers, opens examples/, and prints
// the URL. Ctrl+C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);
const children = [];

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`\n'${command} ${args.join(' ')}' failed.`);
		process.exit(result.status ?? 1);
	}
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

console.log('== building and packaging the extension');
run('npm', ['run', 'build', '--silent']);
run('npm', ['run', 'package', '--silent']);
console.log('== making sure code-server is installed (first run: a few minutes)');
run('bash', ['scripts/install-e2e-deps.sh']);

console.log('== starting the loopback Lambda, SQS and S3 servers');
const demo = spawn(process.execPath, [join(root, 'dist', 'demo-server.js')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
children.push(demo);
const endpoints = await new Promise((resolveEndpoints, reject) => {
	createInterface({ input: demo.stdout }).once('line', (line) => resolveEndpoints(JSON.parse(line)));
	demo.once('exit', (code) => reject(new Error(`the demo servers exited with ${code}`)));
});

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
run(
	process.execPath,
	[entry, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', join(root, 'dist', 'lambda-kafka-destinations.vsix')],
	{ stdio: 'ignore' },
);

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
		},
	},
);
children.push(codeServer);
codeServer.once('exit', (code) => {
	console.error(`code-server exited (${code}); its log: ${log}`);
	stopAll(1);
});

console.log(`
Lambda Kafka Destinations is running in VS Code (code-server):

    http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}

Open that URL in a browser. The examples/ folder is open; try:
  - destinations/broken.destination.json and records/pasted-from-aws-docs.jsonc: problems, hovers, quick fixes
  - "Lambda Kafka: Apply Destination Config to Event Source Mapping" on destinations/sqs.destination.json
    (the AWS calls go to a loopback Lambda server with sample mappings: ${endpoints.lambda})
  - "Lambda Kafka: Preview Offsets" on records/sqs-record.json
  - "Lambda Kafka: Fetch Failure Records from SQS…" / "…from S3…"

Press Ctrl+C to stop code-server and the loopback servers. (Port in use? PORT=8081 npm start)
`);
