/** Settings (user scope only), profile/region/endpoint resolution and SSO errors, with the SDK's real credential providers. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { removeOnFailureDestination } from '../../client/src/apply/applyFlow';
import { pickUserScoped, readAwsSettings } from '../../client/src/aws/awsSettings';
import type { InspectResult } from '../../client/src/aws/awsSettings';
import { UserFacingException } from '../../client/src/aws/errors';
import { createLambdaApi } from '../../client/src/aws/lambdaApi';
import { MemoryLogger } from '../../client/src/aws/logger';
import { endpointFor, listProfiles, resolveAwsContext } from '../../client/src/aws/resolveAwsContext';
import type { LoopbackLambda } from '../loopback/lambdaServer';
import { harness, startLoopback } from './harness';

const NO_SETTINGS = { profile: undefined, region: undefined, endpointUrl: undefined };

describe('AWS settings are read from user and machine scope only', () => {
	it('takes the user value and ignores workspace and folder values', () => {
		assert.deepEqual(pickUserScoped({ defaultValue: '', globalValue: 'dev', workspaceValue: 'prod', workspaceFolderValue: 'attacker' }), {
			value: 'dev',
			ignoredWorkspaceValue: true,
		});
	});

	it('falls back to the default, never to a workspace value', () => {
		assert.deepEqual(pickUserScoped({ defaultValue: '', workspaceValue: 'http://collector.example.com' }), { value: '', ignoredWorkspaceValue: true });
		assert.deepEqual(pickUserScoped({ defaultValue: '' }), { value: '', ignoredWorkspaceValue: false });
		assert.deepEqual(pickUserScoped(undefined), { value: undefined, ignoredWorkspaceValue: false });
	});

	it('treats language-specific workspace values as workspace values', () => {
		assert.equal(pickUserScoped({ globalValue: 'a', workspaceLanguageValue: 'b' }).ignoredWorkspaceValue, true);
	});

	it('reads the three settings and lists the ones a workspace tried to set', () => {
		const inspected: Record<string, InspectResult<unknown>> = {
			'aws.profile': { defaultValue: '', globalValue: ' dev ' },
			'aws.region': { defaultValue: '', workspaceValue: 'eu-west-1' },
			'aws.endpointUrl': { defaultValue: '', workspaceFolderValue: 'http://127.0.0.1:9999' },
		};
		const reading = readAwsSettings((key) => inspected[key]);
		assert.deepEqual(reading.settings, { profile: 'dev', region: undefined, endpointUrl: undefined });
		assert.deepEqual(reading.ignored, ['region', 'endpointUrl']);
	});
});

describe('resolveAwsContext', () => {
	let dir: string;
	let configFilepath: string;
	let filepath: string;

	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-aws-'));
		configFilepath = path.join(dir, 'config');
		filepath = path.join(dir, 'credentials');
		fs.writeFileSync(
			configFilepath,
			[
				'[default]',
				'region = us-west-2',
				'',
				'[profile dev]',
				'region = eu-central-1',
				'role_arn = arn:aws:iam::123456789012:role/dev',
				'source_profile = default',
				'',
				'[profile noregion]',
				'credential_process = /bin/false',
				'',
				'[sso-session corp]',
				'sso_start_url = https://corp.awsapps.com/start',
				'sso_region = us-east-1',
				'',
			].join('\n'),
		);
		fs.writeFileSync(
			filepath,
			[
				'[default]',
				'aws_access_key_id = AKIDDEFAULT0000000001',
				'aws_secret_access_key = default/secret/0000000000000000000001',
				'',
				'[ci]',
				'aws_access_key_id = AKIDCI00000000000001',
				'aws_secret_access_key = ci/secret',
			].join('\n'),
		);
	});
	after(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('takes the region from the setting first, then the profile, then AWS_REGION and AWS_DEFAULT_REGION', async () => {
		const env = { AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'sa-east-1' };
		const files = { configFilepath, filepath };
		assert.equal((await resolveAwsContext({ ...NO_SETTINGS, profile: 'dev', region: 'us-east-2' }, { ...files, env })).region, 'us-east-2');
		const fromProfile = await resolveAwsContext({ ...NO_SETTINGS, profile: 'dev' }, { ...files, env });
		assert.deepEqual([fromProfile.region, fromProfile.regionSource, fromProfile.profile], ['eu-central-1', 'profile', 'dev']);
		assert.equal((await resolveAwsContext({ ...NO_SETTINGS, profile: 'noregion' }, { ...files, env })).region, 'ap-south-1');
		assert.equal(
			(await resolveAwsContext({ ...NO_SETTINGS, profile: 'noregion' }, { ...files, env: { AWS_DEFAULT_REGION: 'sa-east-1' } })).region,
			'sa-east-1',
		);
		// No profile chosen: AWS_PROFILE's config is read, else the default profile's.
		assert.equal((await resolveAwsContext(NO_SETTINGS, { ...files, env: { AWS_PROFILE: 'dev' } })).region, 'eu-central-1');
		assert.equal((await resolveAwsContext(NO_SETTINGS, { ...files, env: {} })).region, 'us-west-2');
	});

	it('explains how to choose a region when there is none', async () => {
		await assert.rejects(resolveAwsContext({ ...NO_SETTINGS, profile: 'noregion' }, { configFilepath, filepath, env: {} }), (error: unknown) => {
			assert.ok(error instanceof UserFacingException);
			assert.equal(error.userFacing.message, 'No AWS region is set for profile "noregion".');
			assert.match(error.userFacing.nextStep ?? '', /Select AWS Region/);
			return true;
		});
	});

	it('takes the endpoint from the setting, else from the environment, per service', async () => {
		const files = { configFilepath, filepath };
		const fromSetting = await resolveAwsContext(
			{ ...NO_SETTINGS, endpointUrl: 'http://127.0.0.1:4566' },
			{ ...files, env: { AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:1' } },
		);
		assert.equal(endpointFor(fromSetting, 'lambda', { AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:1' }), 'http://127.0.0.1:4566');
		const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:5000' };
		const fromEnv = await resolveAwsContext(NO_SETTINGS, { ...files, env });
		assert.deepEqual([fromEnv.endpoint, fromEnv.endpointSource], ['http://127.0.0.1:4566', 'environment']);
		assert.equal(endpointFor(fromEnv, 'lambda', env), 'http://127.0.0.1:5000');
		assert.equal(endpointFor(fromEnv, 'sqs', env), 'http://127.0.0.1:4566');
		assert.equal((await resolveAwsContext(NO_SETTINGS, { ...files, env: {} })).endpoint, undefined);
	});

	it('refuses an endpoint URL that is not http(s) or carries a password', async () => {
		for (const endpointUrl of ['file:///etc/passwd', 'http://user:pw@example.com', 'not a url']) {
			await assert.rejects(resolveAwsContext({ ...NO_SETTINGS, region: 'us-east-1', endpointUrl }, { configFilepath, filepath, env: {} }), UserFacingException);
		}
	});

	it('lists the profiles of both files, default first, with their kind and region', async () => {
		const profiles = await listProfiles({ configFilepath, filepath, env: {} });
		assert.deepEqual(
			profiles.map((p) => [p.name, p.kind, p.region ?? '', p.source]),
			[
				['default', 'static', 'us-west-2', 'both'],
				['ci', 'static', '', 'credentials'],
				['dev', 'assume-role', 'eu-central-1', 'config'],
				['noregion', 'process', '', 'config'],
			],
		);
	});
});

describe('an expired SSO session', () => {
	let server: LoopbackLambda;
	let home: string;
	const savedHome = process.env['HOME'];
	const savedConfig = process.env['AWS_CONFIG_FILE'];

	before(async () => {
		server = await startLoopback();
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-kafka-sso-'));
		fs.mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
		const config = path.join(home, '.aws', 'config');
		fs.writeFileSync(
			config,
			[
				'[profile dev-sso]',
				'sso_session = corp',
				'sso_account_id = 123456789012',
				'sso_role_name = Developer',
				'region = us-east-1',
				'',
				'[profile legacy-sso]',
				'sso_start_url = https://legacy.awsapps.com/start',
				'sso_region = us-east-1',
				'sso_account_id = 123456789012',
				'sso_role_name = Developer',
				'region = us-east-1',
				'',
				'[sso-session corp]',
				'sso_start_url = https://corp.awsapps.com/start',
				'sso_region = us-east-1',
				'sso_registration_scopes = sso:account:access',
				'',
			].join('\n'),
		);
		const expired = { accessToken: 'expired-access-token-value', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1' };
		const cacheFile = (id: string): string => path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(id).digest('hex')}.json`);
		fs.writeFileSync(cacheFile('corp'), JSON.stringify({ ...expired, startUrl: 'https://corp.awsapps.com/start' }));
		fs.writeFileSync(cacheFile('https://legacy.awsapps.com/start'), JSON.stringify({ ...expired, startUrl: 'https://legacy.awsapps.com/start' }));
		process.env['HOME'] = home;
		process.env['AWS_CONFIG_FILE'] = config;
	});
	after(async () => {
		restore('HOME', savedHome);
		restore('AWS_CONFIG_FILE', savedConfig);
		fs.rmSync(home, { recursive: true, force: true });
		await server.close();
	});

	for (const profile of ['dev-sso', 'legacy-sso']) {
		it(`gives the aws sso login command for profile ${profile} and sends nothing`, async () => {
			const before = server.requests.length;
			const context = await resolveAwsContext(
				{ ...NO_SETTINGS, profile, endpointUrl: server.endpoint },
				{ filepath: path.join(home, 'no-credentials'), env: {} },
			);
			const logger = new MemoryLogger();
			const api = createLambdaApi(context, { logger, maxAttempts: 1, env: {} });
			const { deps } = harness(server, {}, { api, logger });
			deps.target = { region: context.region, profile, endpoint: context.endpoint };

			const outcome = await removeOnFailureDestination(deps);

			assert.equal(outcome.status, 'failed');
			const { error } = outcome;
			assert.equal(error.kind, 'sso-expired');
			assert.equal(error.message, `The AWS SSO session of profile "${profile}" has expired or was never started.`);
			assert.equal(error.nextStep, `Run: aws sso login --profile ${profile}`);
			assert.equal(server.requests.length, before, 'no request without credentials');
			assert.ok(
				logger.lines.every((l) => !l.includes('expired-access-token-value')),
				logger.lines.join('\n'),
			);
		});
	}
});

function restore(name: string, value: string | undefined): void {
	if (value === undefined) {
		delete process.env[name];
	} else {
		process.env[name] = value;
	}
}
