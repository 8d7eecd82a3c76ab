/**
 * `lambda-kafka check`'s command line: `--function NAME --uuid UUID [--config FILE] [--profile P]
 * [--region R] [--endpoint-url URL] [--format text|json]`. Parsing never throws; a mistake is a
 * usage error to print (exit status 2).
 */
import * as l10n from '@vscode/l10n';

export interface CheckOptions {
	functionName: string;
	uuid: string;
	config?: string;
	profile?: string;
	region?: string;
	endpointUrl?: string;
	format: 'text' | 'json';
	/** `--locale`, already applied by the CLI that loaded the check. */
	locale?: string;
}

export type CheckCommand = { kind: 'check'; options: CheckOptions } | { kind: 'help' } | { kind: 'usage-error'; message: string };

/** The help text; its option lines are aligned in every language, so it is one message. */
export function checkUsage(): string {
	return l10n.t(
		"Usage: lambda-kafka check --function NAME --uuid UUID [options]\n\nChecks that an event source mapping's on-failure destination can receive failed\nrecords: it exists, the function's execution role may deliver to it, the role may\nuse its KMS key, no deliveries failed in the last 24 hours, and no CloudFormation\nstack owns the mapping. Read-only: nothing in AWS is changed.\n\nOptions:\n  --function NAME        The function the mapping belongs to\n  --uuid UUID            The event source mapping\n  --config FILE          Check the destination config or update request in FILE,\n                         as the mapping would be once it is applied\n  --profile P            AWS profile (default: the SDK's default chain)\n  --region R             AWS region (default: the profile's or AWS_REGION)\n  --endpoint-url URL     Send every AWS request to URL (an emulator)\n  --format text|json     Output format (default: text)\n  --locale en|ja         Language of the report (default: from LC_ALL,\n                         LC_MESSAGES or LANG)\n  -h, --help             Show this help\n\nExit status: 0 nothing failed, 1 a check failed, 2 the check could not run.\n",
	);
}

const VALUED = new Map<string, keyof Omit<CheckOptions, 'format'> | 'format'>([
	['--function', 'functionName'],
	['--uuid', 'uuid'],
	['--config', 'config'],
	['--profile', 'profile'],
	['--region', 'region'],
	['--endpoint-url', 'endpointUrl'],
	['--format', 'format'],
	['--locale', 'locale'],
]);

export function parseCheckArgs(argv: readonly string[]): CheckCommand {
	const values: Partial<Record<string, string>> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		if (arg === '-h' || arg === '--help') {
			return { kind: 'help' };
		}
		const eq = arg.indexOf('=');
		const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
		const key = VALUED.get(name);
		if (!key) {
			return { kind: 'usage-error', message: arg.startsWith('-') ? l10n.t("unknown option '{0}'", name) : l10n.t("unexpected argument '{0}'", arg) };
		}
		const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
		if (value === undefined || value === '') {
			return { kind: 'usage-error', message: l10n.t("option '{0}' needs a value", name) };
		}
		values[key] = value;
	}
	if (values['functionName'] === undefined || values['uuid'] === undefined) {
		return { kind: 'usage-error', message: l10n.t('check needs --function NAME and --uuid UUID') };
	}
	const format = values['format'] ?? 'text';
	if (format !== 'text' && format !== 'json') {
		return { kind: 'usage-error', message: l10n.t("unknown format '{0}' (expected text or json)", format) };
	}
	return {
		kind: 'check',
		options: {
			functionName: values['functionName'],
			uuid: values['uuid'],
			config: values['config'],
			profile: values['profile'],
			region: values['region'],
			endpointUrl: values['endpointUrl'],
			format,
			locale: values['locale'],
		},
	};
}
