/**
 * Runs the real VS Code workbench (code-server, see ../../../shared/reference/vscode-e2e.md) with
 * the packaged extension installed, bound to loopback only.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers';
import { writeStandInLanguagePack } from './languagePack';

export function codeServerEntry(): string {
	const cache = process.env['CODE_SERVER_CACHE'] ?? path.join(repoRoot(), '.vscode-test', 'code-server');
	const entry = path.join(cache, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
	if (!fs.existsSync(entry)) {
		throw new Error(`code-server is not installed at ${entry}: run 'bash scripts/install-e2e-deps.sh' first.`);
	}
	return entry;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address() as net.AddressInfo;
			server.close(() => resolve(address.port));
		});
	});
}

export interface CodeServerOptions {
	/** The folder opened as the workspace. */
	workspace: string;
	/** User settings written to settings.json before start. */
	userSettings?: Record<string, unknown>;
	/** Extra environment for the extension host (e.g. AWS credentials for the loopback server). */
	env?: Record<string, string>;
	/** Leave workspace trust on (the default turns it off, trusting the workspace). */
	workspaceTrust?: boolean;
	/** The packaged extension to install. */
	vsix: string;
	/** The display language (`--locale`), e.g. `ja`; code-server's default is English. */
	locale?: string;
}

export interface RunningCodeServer {
	url: string;
	logFile: string;
	userDataDir: string;
	/** Where the extension was installed (its language server runs from there). */
	extensionsDir: string;
	stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
	const entry = codeServerEntry();
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-e2e-'));
	const extensionsDir = path.join(root, 'extensions');
	const userDataDir = path.join(root, 'user-data');
	fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
	fs.writeFileSync(
		path.join(userDataDir, 'User', 'settings.json'),
		JSON.stringify(
			{ 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.startupPrompt': 'always', ...options.userSettings },
			null,
			2,
		),
	);
	const install = spawnSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', options.vsix], {
		encoding: 'utf8',
	});
	if (install.status !== 0) {
		throw new Error(`Installing ${options.vsix} failed: ${install.stdout}\n${install.stderr}`);
	}
	if (options.locale !== undefined) {
		writeStandInLanguagePack(userDataDir, options.locale);
	}
	const port = await freePort();
	const logFile = path.join(root, 'code-server.log');
	const log = fs.openSync(logFile, 'a');
	const args = [
		entry,
		'--auth',
		'none',
		'--bind-addr',
		`127.0.0.1:${port}`,
		'--disable-telemetry',
		'--disable-update-check',
		'--extensions-dir',
		extensionsDir,
		'--user-data-dir',
		userDataDir,
	];
	if (!options.workspaceTrust) {
		args.push('--disable-workspace-trust');
	}
	if (options.locale !== undefined) {
		args.push('--locale', options.locale);
	}
	args.push(options.workspace);
	const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', log, log], env: { ...process.env, ...options.env } });
	const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`;
	await waitForHttp(port, child, logFile);
	return {
		url,
		logFile,
		userDataDir,
		extensionsDir,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) {
					resolve();
					return;
				}
				const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 5000);
				child.once('exit', () => (clearTimeout(timer), resolve()));
				child.kill('SIGTERM');
			}),
	};
}

async function waitForHttp(port: number, child: ChildProcess, logFile: string): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`code-server exited with ${child.exitCode}: ${fs.readFileSync(logFile, 'utf8')}`);
		}
		const ok = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (ok) {
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`code-server did not listen on ${port} within 60 s: ${fs.readFileSync(logFile, 'utf8')}`);
}
