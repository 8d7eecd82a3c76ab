/**
 * `lambda-kafka check`'s command line: `--function NAME --uuid UUID [--config FILE] [--profile P]
 * [--region R] [--endpoint-url URL] [--format text|json]`. Parsing never throws; a mistake is a
 * usage error to print (exit status 2).
 */

export interface CheckOptions {
	functionName: string;
	uuid: string;
	config?: string;
	profile?: string;
	region?: string;
	endpointUrl?: string;
	format: 'text' | 'json';
}

export type CheckCommand = { kind: 'check'; options: CheckOptions } | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const CHECK_USAGE = `Usage: lambda-kafka check --function NAME --uuid UUID [options]

Checks that an event source mapping's on-failure destination can receive failed
records: it exists, the function's execution role may deliver to it, the role may
use its KMS key, no deliveries failed in the last 24 hours, and no CloudFormation
stack owns the mapping. Read-only: nothing in AWS is changed.

Options:
  --function NAME        The function the mapping belongs to
  --uuid UUID            The event source mapping
  --config FILE          Check the destination config or update request in FILE,
                         as the mapping would be once it is applied
  --profile P            AWS profile (default: the SDK's default chain)
  --region R             AWS region (default: the profile's or AWS_REGION)
  --endpoint-url URL     Send every AWS request to URL (an emulator)
  --format text|json     Output format (default: text)
  -h, --help             Show this help

Exit status: 0 nothing failed, 1 a check failed, 2 the check could not run.
`;

const VALUED = new Map<string, keyof Omit<CheckOptions, 'format'> | 'format'>([
	['--function', 'functionName'],
	['--uuid', 'uuid'],
	['--config', 'config'],
	['--profile', 'profile'],
	['--region', 'region'],
	['--endpoint-url', 'endpointUrl'],
	['--format', 'format'],
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
			return { kind: 'usage-error', message: arg.startsWith('-') ? `unknown option '${name}'` : `unexpected argument '${arg}'` };
		}
		const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
		if (value === undefined || value === '') {
			return { kind: 'usage-error', message: `option '${name}' needs a value` };
		}
		values[key] = value;
	}
	if (values['functionName'] === undefined || values['uuid'] === undefined) {
		return { kind: 'usage-error', message: 'check needs --function NAME and --uuid UUID' };
	}
	const format = values['format'] ?? 'text';
	if (format !== 'text' && format !== 'json') {
		return { kind: 'usage-error', message: `unknown format '${format}' (expected text or json)` };
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
		},
	};
}
