/**
 * The status-bar item that says which AWS profile and region the Lambda Kafka commands use
 * (`$(cloud) dev · eu-west-1`), and the pickers that change them. A choice is written to the user
 * settings (ConfigurationTarget.Global), the only scope these settings are read from.
 */
import * as vscode from 'vscode';
import type { AwsSettings } from './awsSettings';
import { AWS_SETTING_KEYS, AWS_SETTINGS_SECTION, readAwsSettingsFrom } from './awsSettings';
import { UserFacingException } from './errors';
import type { Logger } from './logger';
import { KNOWN_REGIONS, REGION_NAME } from './regions';
import { effectiveProfileName, listProfiles, resolveAwsContext } from './resolveAwsContext';
import { inertLabel, inertMessage } from '../inertText';
import { safeWindow } from '../safeWindow';

/** The command the item runs; it offers both the profile and the region. */
export const STATUS_BAR_COMMAND = 'lambdaKafka.selectAwsProfile';

export class AwsStatusBar implements vscode.Disposable {
	private readonly item: vscode.StatusBarItem;
	private readonly disposables: vscode.Disposable[] = [];
	private generation = 0;

	constructor(private readonly logger: Logger) {
		this.item = vscode.window.createStatusBarItem('lambdaKafka.awsTarget', vscode.StatusBarAlignment.Right, 90);
		this.item.name = vscode.l10n.t('Lambda Kafka: AWS profile and region');
		this.item.command = STATUS_BAR_COMMAND;
		this.disposables.push(
			this.item,
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (event.affectsConfiguration(`${AWS_SETTINGS_SECTION}.aws`)) {
					void this.refresh();
				}
			}),
			vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()),
		);
		void this.refresh();
	}

	/** Re-reads settings and shared files and updates the text. */
	async refresh(): Promise<void> {
		const generation = ++this.generation;
		if (!vscode.workspace.isTrusted) {
			this.item.hide();
			return;
		}
		const settings = currentAwsSettings(this.logger);
		const profile = effectiveProfileName(settings, process.env);
		let text: string;
		let tooltip: string;
		let warning = false;
		try {
			const context = await resolveAwsContext(settings);
			text = `${profile} · ${context.region}`;
			tooltip = [
				vscode.l10n.t('AWS profile: {0}{1}', profile, settings.profile ? '' : vscode.l10n.t(' (default credential chain)')),
				vscode.l10n.t(
					'Region: {0} (from {1})',
					context.region,
					context.regionSource === 'setting'
						? vscode.l10n.t('your settings')
						: context.regionSource === 'profile'
							? vscode.l10n.t('the profile')
							: vscode.l10n.t('the environment'),
				),
				context.endpoint ? vscode.l10n.t('Endpoint: {0}', context.endpoint) : undefined,
				'',
				vscode.l10n.t('Used by the Lambda Kafka commands. Click to change.'),
			]
				.filter((line) => line !== undefined)
				.join('\n');
		} catch (error) {
			text = vscode.l10n.t('{0} · no region', profile);
			tooltip =
				error instanceof UserFacingException
					? vscode.l10n.t('{0} Click to choose a region.', error.userFacing.message)
					: vscode.l10n.t('Click to choose a profile and region.');
			warning = true;
		}
		if (generation !== this.generation) {
			return;
		}
		// Profile names and the region come from the AWS config files: they must not draw icons or links.
		this.item.text = `$(cloud) ${inertLabel(text)}`;
		this.item.tooltip = inertMessage(tooltip);
		this.item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
		this.item.show();
	}

	dispose(): void {
		this.disposables.forEach((d) => void d.dispose());
	}
}

/** The AWS settings from user and machine scope. */
export function currentAwsSettings(logger: Logger): AwsSettings {
	return readAwsSettingsFrom(vscode.workspace.getConfiguration(AWS_SETTINGS_SECTION), logger);
}

interface ProfilePick extends vscode.QuickPickItem {
	action: 'profile' | 'default-chain' | 'region';
	profile?: string;
}

/** Lets the user pick a profile from the shared files (or the default chain), or go on to the region. Returns whether something changed. */
export async function pickAwsProfile(logger: Logger): Promise<boolean> {
	const settings = currentAwsSettings(logger);
	let profiles: Awaited<ReturnType<typeof listProfiles>> = [];
	try {
		profiles = await listProfiles();
	} catch (error) {
		logger.warn(`Could not read the AWS config files: ${error instanceof Error ? error.message : String(error)}`);
	}
	const kindNames: Record<string, string> = {
		sso: 'SSO',
		'assume-role': vscode.l10n.t('assume role'),
		process: vscode.l10n.t('credential process'),
		static: vscode.l10n.t('access key'),
		'web-identity': vscode.l10n.t('web identity'),
		other: '',
	};
	const items: ProfilePick[] = [
		{
			label: vscode.l10n.t('Default credential chain'),
			iconPath: new vscode.ThemeIcon('key'),
			description: settings.profile === undefined ? 'current' : undefined,
			detail: vscode.l10n.t('Environment variables, then AWS_PROFILE or the default profile, SSO, container or instance role'),
			action: 'default-chain',
		},
		{ label: 'Profiles', kind: vscode.QuickPickItemKind.Separator, action: 'profile' },
		...profiles.map((profile): ProfilePick => ({
			label: profile.name,
			iconPath: new vscode.ThemeIcon('account'),
			description: [profile.name === settings.profile ? 'current' : undefined, profile.region, kindNames[profile.kind]].filter((s) => s).join(' · '),
			action: 'profile',
			profile: profile.name,
		})),
		{ label: '', kind: vscode.QuickPickItemKind.Separator, action: 'region' },
		{
			label: vscode.l10n.t('Change region…'),
			iconPath: new vscode.ThemeIcon('globe'),
			description: settings.region ?? vscode.l10n.t('from the profile or environment'),
			action: 'region',
		},
	];
	const picked = await safeWindow.showQuickPick(items, {
		title: vscode.l10n.t('Lambda Kafka: AWS profile'),
		placeHolder:
			profiles.length === 0
				? vscode.l10n.t('No profiles found in ~/.aws/config or ~/.aws/credentials')
				: vscode.l10n.t('Choose the profile the Lambda Kafka commands use'),
		matchOnDescription: true,
	});
	if (!picked) {
		return false;
	}
	if (picked.action === 'region') {
		return pickAwsRegion(logger);
	}
	await writeUserSetting('profile', picked.action === 'default-chain' ? undefined : picked.profile);
	logger.info(`AWS profile set to ${picked.profile ?? 'the default credential chain'} (user settings).`);
	return true;
}

interface RegionPick extends vscode.QuickPickItem {
	region?: string;
	action: 'region' | 'unset' | 'other';
}

/** Lets the user pick a region (or go back to the profile's). Returns whether something changed. */
export async function pickAwsRegion(logger: Logger): Promise<boolean> {
	const settings = currentAwsSettings(logger);
	const items: RegionPick[] = [
		{
			label: vscode.l10n.t('Region of the profile'),
			iconPath: new vscode.ThemeIcon('account'),
			description: settings.region === undefined ? 'current' : undefined,
			detail: vscode.l10n.t("The profile's region, else AWS_REGION or AWS_DEFAULT_REGION"),
			action: 'unset',
		},
		{ label: '', kind: vscode.QuickPickItemKind.Separator, action: 'region' },
		...KNOWN_REGIONS().map((region): RegionPick => ({
			label: region.id,
			description: [region.name, region.id === settings.region ? 'current' : undefined].filter((s) => s).join(' · '),
			region: region.id,
			action: 'region',
		})),
		{ label: vscode.l10n.t('Other region…'), iconPath: new vscode.ThemeIcon('edit'), action: 'other' },
	];
	const picked = await safeWindow.showQuickPick(items, {
		title: vscode.l10n.t('Lambda Kafka: AWS region'),
		placeHolder: vscode.l10n.t('Choose the region the Lambda Kafka commands use'),
		matchOnDescription: true,
	});
	if (!picked) {
		return false;
	}
	let region = picked.region;
	if (picked.action === 'other') {
		region = await safeWindow.showInputBox({
			title: vscode.l10n.t('Lambda Kafka: AWS region'),
			prompt: vscode.l10n.t('Region name, such as eu-west-1'),
			value: settings.region,
			validateInput: (value) => (REGION_NAME.test(value.trim()) ? undefined : vscode.l10n.t('A region name looks like eu-west-1.')),
		});
		if (region === undefined) {
			return false;
		}
		region = region.trim();
	}
	await writeUserSetting('region', picked.action === 'unset' ? undefined : region);
	logger.info(`AWS region set to ${region ?? "the profile's region"} (user settings).`);
	return true;
}

async function writeUserSetting(name: keyof typeof AWS_SETTING_KEYS, value: string | undefined): Promise<void> {
	await vscode.workspace.getConfiguration(AWS_SETTINGS_SECTION).update(AWS_SETTING_KEYS[name], value, vscode.ConfigurationTarget.Global);
}
