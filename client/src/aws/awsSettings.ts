/**
 * The AWS settings: `lambdaKafka.aws.profile`, `.region` and `.endpointUrl`. They pick credentials
 * and decide where requests go, so a repository must not be able to set them: a cloned project's
 * `.vscode/settings.json` could otherwise point the extension at a server that collects signed
 * requests, or at a profile with production rights. Only the user's (or the machine's) own
 * settings count; a workspace value is ignored and logged once.
 *
 * The reading is pure ({@link pickUserScoped}, {@link readAwsSettings}) and takes the result of
 * `WorkspaceConfiguration.inspect()`, so it is tested without VS Code; `vscode` is imported for
 * types only.
 */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Logger } from './logger';
import { SETTINGS_SECTION } from '../../../shared/settings';

export const AWS_SETTINGS_SECTION = SETTINGS_SECTION;

/** Setting keys, relative to {@link AWS_SETTINGS_SECTION}. */
export const AWS_SETTING_KEYS = {
	profile: 'aws.profile',
	region: 'aws.region',
	endpointUrl: 'aws.endpointUrl',
} as const;

export type AwsSettingName = keyof typeof AWS_SETTING_KEYS;

export interface AwsSettings {
	/** A named profile from the shared config/credentials files; undefined for the SDK's default chain. */
	profile: string | undefined;
	region: string | undefined;
	endpointUrl: string | undefined;
}

/** The part of `WorkspaceConfiguration.inspect()`'s result that matters here. */
export interface InspectResult<T> {
	defaultValue?: T;
	globalValue?: T;
	workspaceValue?: T;
	workspaceFolderValue?: T;
	/** Language-specific values are workspace-controlled too when they come from a workspace. */
	workspaceLanguageValue?: T;
	workspaceFolderLanguageValue?: T;
}

export interface UserScopedValue<T> {
	value: T | undefined;
	/** A workspace or folder tried to set the value; it was ignored. */
	ignoredWorkspaceValue: boolean;
}

/**
 * The user's value (user or machine settings, which VS Code reports as `globalValue`), else the
 * default. Workspace and folder values are never used.
 */
export function pickUserScoped<T>(inspected: InspectResult<T> | undefined): UserScopedValue<T> {
	if (!inspected) {
		return { value: undefined, ignoredWorkspaceValue: false };
	}
	const ignoredWorkspaceValue =
		inspected.workspaceValue !== undefined ||
		inspected.workspaceFolderValue !== undefined ||
		inspected.workspaceLanguageValue !== undefined ||
		inspected.workspaceFolderLanguageValue !== undefined;
	return { value: inspected.globalValue !== undefined ? inspected.globalValue : inspected.defaultValue, ignoredWorkspaceValue };
}

/** A string setting, trimmed; empty means not set. */
function nonEmpty(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export interface AwsSettingsReading {
	settings: AwsSettings;
	/** The settings a workspace tried to set (and that were ignored). */
	ignored: AwsSettingName[];
}

/** Reads the three AWS settings through an `inspect` function (`WorkspaceConfiguration.inspect` in VS Code). */
export function readAwsSettings(inspect: (key: string) => InspectResult<unknown> | undefined): AwsSettingsReading {
	const ignored: AwsSettingName[] = [];
	const read = (name: AwsSettingName): string | undefined => {
		const picked = pickUserScoped(inspect(AWS_SETTING_KEYS[name]));
		if (picked.ignoredWorkspaceValue) {
			ignored.push(name);
		}
		return nonEmpty(picked.value);
	};
	return { settings: { profile: read('profile'), region: read('region'), endpointUrl: read('endpointUrl') }, ignored };
}

/** Checks an endpoint URL before anything is sent to it; returns a message when it is unusable. */
export function endpointProblem(endpointUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(endpointUrl);
	} catch {
		return l10n.t('The endpoint URL "{0}" (setting lambdaKafka.aws.endpointUrl) is not a valid URL.', endpointUrl);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return l10n.t('The endpoint URL "{0}" must start with https:// or http://.', endpointUrl);
	}
	if (url.username !== '' || url.password !== '') {
		return l10n.t('The endpoint URL must not contain a user name or password.');
	}
	return undefined;
}

const warnedAbout = new Set<string>();

/**
 * The thin VS Code adapter: reads the settings from a `WorkspaceConfiguration` for
 * {@link AWS_SETTINGS_SECTION} and logs, once per setting and session, that a workspace value was
 * ignored.
 */
export function readAwsSettingsFrom(configuration: Pick<vscode.WorkspaceConfiguration, 'inspect'>, logger: Logger): AwsSettings {
	const reading = readAwsSettings((key) => configuration.inspect(key));
	for (const name of reading.ignored) {
		if (!warnedAbout.has(name)) {
			warnedAbout.add(name);
			logger.warn(
				`This workspace sets ${AWS_SETTINGS_SECTION}.${AWS_SETTING_KEYS[name]}; the value is ignored. ` +
					'Settings that choose AWS credentials or where requests are sent are read from your user settings only.',
			);
		}
	}
	return reading.settings;
}
