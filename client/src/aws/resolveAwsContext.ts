/**
 * Turns the user's AWS settings into an {@link AwsContext} the way the AWS CLI would: named
 * profiles from the shared config and credentials files (static keys, SSO, `credential_process`,
 * assume-role, web identity), or the SDK's default chain (environment variables first) when no
 * profile is chosen. Credentials are the SDK's own providers, resolved lazily on the first request;
 * nothing here talks to the network.
 */
import * as l10n from '@vscode/l10n';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, SharedConfigFiles } from '@smithy/types';
import type { AwsContext } from './awsContext';
import type { AwsSettings } from './awsSettings';
import { endpointProblem } from './awsSettings';
import { REGION_NAME } from './regions';
import { UserFacingException } from './errors';

/** Where the files are and what the environment says; tests pass their own. */
export interface AwsEnvironment {
	env: NodeJS.ProcessEnv;
	/** The shared config file (default: `AWS_CONFIG_FILE` or `~/.aws/config`). */
	configFilepath?: string;
	/** The shared credentials file (default: `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`). */
	filepath?: string;
}

export interface ResolveOptions extends Partial<AwsEnvironment> {
	/** Asks the user for an MFA code when a profile assumes a role with `mfa_serial`. */
	mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
}

/** The context plus where its parts came from, for the log and the status bar. */
export interface ResolvedAwsContext extends AwsContext {
	/** The profile whose config was read (the chosen one, else `AWS_PROFILE`, else `default`). */
	configProfile: string;
	regionSource: 'setting' | 'profile' | 'environment';
	endpointSource: 'setting' | 'environment' | undefined;
}

/** One profile of the shared files, for the profile picker. */
export interface ProfileInfo {
	name: string;
	region: string | undefined;
	/** How the profile gets credentials, as far as its keys tell. */
	kind: 'sso' | 'assume-role' | 'process' | 'static' | 'web-identity' | 'other';
	/** The file(s) it is defined in. */
	source: 'config' | 'credentials' | 'both';
}

const DEFAULT_PROFILE = 'default';

/** The profile the SDK's default chain reads when none is chosen. */
export function effectiveProfileName(settings: Pick<AwsSettings, 'profile'>, env: NodeJS.ProcessEnv): string {
	return settings.profile ?? nonEmpty(env['AWS_PROFILE']) ?? DEFAULT_PROFILE;
}

/**
 * Resolves profile, region, endpoint and credentials.
 * Region: the setting, else the profile's `region` in the config file, else `AWS_REGION`, else
 * `AWS_DEFAULT_REGION`. Endpoint: the setting, else `AWS_ENDPOINT_URL` (service-specific variables
 * are applied per client by {@link endpointFor}).
 * @throws UserFacingException when no region can be found or the endpoint URL is unusable.
 */
export async function resolveAwsContext(settings: AwsSettings, options: ResolveOptions = {}): Promise<ResolvedAwsContext> {
	const env = options.env ?? process.env;
	const configProfile = effectiveProfileName(settings, env);
	const paths = filePaths(options, env);
	const files = await loadSharedFiles(paths);
	const profileRegion = nonEmpty(files.configFile[configProfile]?.['region']);

	let region: string | undefined;
	let regionSource: ResolvedAwsContext['regionSource'];
	if (settings.region) {
		region = settings.region;
		regionSource = 'setting';
	} else if (profileRegion) {
		region = profileRegion;
		regionSource = 'profile';
	} else {
		region = nonEmpty(env['AWS_REGION']) ?? nonEmpty(env['AWS_DEFAULT_REGION']);
		regionSource = 'environment';
	}
	if (!region) {
		throw new UserFacingException({
			kind: 'configuration',
			message: l10n.t('No AWS region is set for profile "{0}".', configProfile),
			nextStep: l10n.t('Choose a region with "Lambda Kafka: Select AWS Region" (or the status bar), or set region in the profile.'),
		});
	}
	if (!REGION_NAME.test(region)) {
		throw new UserFacingException({
			kind: 'configuration',
			message: l10n.t('"{0}" is not an AWS region name.', region),
			nextStep: l10n.t('Choose a region such as us-east-1 with "Lambda Kafka: Select AWS Region".'),
		});
	}

	let endpoint: string | undefined;
	let endpointSource: ResolvedAwsContext['endpointSource'];
	if (settings.endpointUrl) {
		endpoint = settings.endpointUrl;
		endpointSource = 'setting';
	} else if (nonEmpty(env['AWS_ENDPOINT_URL'])) {
		endpoint = nonEmpty(env['AWS_ENDPOINT_URL']);
		endpointSource = 'environment';
	}
	if (endpoint) {
		const problem = endpointProblem(endpoint);
		if (problem) {
			throw new UserFacingException({
				kind: 'configuration',
				message: problem,
				nextStep: l10n.t('Correct or clear the setting lambdaKafka.aws.endpointUrl in your user settings.'),
			});
		}
	}

	// No clientConfig region: SSO must call its own sso_region, and STS follows the caller's region.
	const init = { ...paths, ignoreCache: true, mfaCodeProvider: options.mfaCodeProvider };
	// Loaded on first use: the credential providers are not needed to activate the extension.
	const { fromIni, fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
	const credentials: AwsCredentialIdentityProvider = settings.profile ? fromIni({ ...init, profile: settings.profile }) : fromNodeProviderChain(init);
	return { region, profile: settings.profile, endpoint, credentials, configProfile, regionSource, endpointSource };
}

/**
 * The endpoint a client for `service` (`lambda`, `sqs`, `s3`) should use: the setting wins, then
 * `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, as the AWS CLI orders them.
 */
export function endpointFor(context: AwsContext, service: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const resolved = context as Partial<ResolvedAwsContext>;
	if (context.endpoint && resolved.endpointSource !== 'environment') {
		return context.endpoint;
	}
	const specific = nonEmpty(env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`]);
	if (specific && !endpointProblem(specific)) {
		return specific;
	}
	return context.endpoint;
}

/** Every profile in the shared config and credentials files, sorted with `default` first. */
export async function listProfiles(options: Partial<AwsEnvironment> = {}): Promise<ProfileInfo[]> {
	const files = await loadSharedFiles(filePaths(options, options.env ?? process.env));
	const names = new Set<string>();
	// The config file's data is keyed by profile name; `sso-session` and `services` sections carry a prefix.
	for (const name of Object.keys(files.configFile)) {
		if (!name.includes('.')) {
			names.add(name);
		}
	}
	for (const name of Object.keys(files.credentialsFile)) {
		names.add(name);
	}
	const profiles: ProfileInfo[] = [];
	for (const name of names) {
		const config = files.configFile[name];
		const credentials = files.credentialsFile[name];
		const merged = { ...(credentials ?? {}), ...(config ?? {}) };
		profiles.push({
			name,
			region: nonEmpty(config?.['region']),
			kind: profileKind(merged),
			source: config && credentials ? 'both' : config ? 'config' : 'credentials',
		});
	}
	return profiles.sort((a, b) => (a.name === DEFAULT_PROFILE ? -1 : b.name === DEFAULT_PROFILE ? 1 : a.name.localeCompare(b.name)));
}

function profileKind(profile: Record<string, string | undefined>): ProfileInfo['kind'] {
	if (profile['sso_session'] || profile['sso_start_url']) {
		return 'sso';
	}
	if (profile['role_arn'] && profile['web_identity_token_file']) {
		return 'web-identity';
	}
	if (profile['role_arn']) {
		return 'assume-role';
	}
	if (profile['credential_process']) {
		return 'process';
	}
	if (profile['aws_access_key_id']) {
		return 'static';
	}
	return 'other';
}

/** The secret parts of resolved credentials, so the log can remove them verbatim. */
export function secretsOf(identity: AwsCredentialIdentity | undefined): string[] {
	if (!identity) {
		return [];
	}
	return [identity.secretAccessKey, identity.sessionToken].filter((s): s is string => typeof s === 'string' && s !== '');
}

/** The SDK's own reader of the shared files (loaded on first use, not at activation), always re-reading them. */
async function loadSharedFiles(paths: { configFilepath?: string; filepath?: string }): Promise<SharedConfigFiles> {
	const { loadSharedConfigFiles } = await import('@smithy/core/config');
	return loadSharedConfigFiles({ ...paths, ignoreCache: true });
}

function filePaths(options: Partial<AwsEnvironment>, env: NodeJS.ProcessEnv): { configFilepath?: string; filepath?: string } {
	const paths: { configFilepath?: string; filepath?: string } = {};
	const configFilepath = options.configFilepath ?? nonEmpty(env['AWS_CONFIG_FILE']);
	const filepath = options.filepath ?? nonEmpty(env['AWS_SHARED_CREDENTIALS_FILE']);
	if (configFilepath) {
		paths.configFilepath = configFilepath;
	}
	if (filepath) {
		paths.filepath = filepath;
	}
	return paths;
}

function nonEmpty(value: string | undefined): string | undefined {
	return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
