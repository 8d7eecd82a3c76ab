/**
 * The command line: `lambda-kafka validate [--format F] [--max-file-size-mb N] [--jobs N] PATH...`, plus
 * `--help` and `--version`. Parsing never throws; a mistake becomes a `usage-error` to print.
 */
import * as l10n from '@vscode/l10n';
import { TRANSLATED_LANGUAGES } from '../../../shared/locale';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

export type OutputFormat = 'text' | 'json' | 'sarif';

export type Command =
	| { kind: 'help' }
	| { kind: 'version' }
	/** `jobs`: threads validating at once, when given (the default is the machine's cores, see validatePool.ts). */
	| { kind: 'validate'; format: OutputFormat; maxFileSizeMB: number; jobs?: number; paths: string[] }
	| { kind: 'usage-error'; message: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/**
 * Bounds of --max-file-size-mb. The floor is about a hundred bytes (smaller is a typo, not a
 * limit); the ceiling is what the CLI can read as one string at all (see readSource.ts).
 */
export const MIN_FILE_SIZE_MB = 0.0001;
export const MAX_FILE_SIZE_MB = 500;

/** Bounds of --jobs. */
export const MAX_JOBS = 64;

/** The help text; its option lines are aligned in every language, so it is one message. */
export function usage(): string {
	return l10n.t(
		"Usage: lambda-kafka validate [options] PATH...\n\nValidates Lambda Kafka destination configs, event source mapping requests, failure\nrecords, Kafka events, and the Kafka event source mappings of CloudFormation and SAM\ntemplates and Terraform files. Directories are searched recursively for .json, .jsonc,\n.jsonl, .ndjson, .yaml, .yml, .template and .tf files and for files without an\nextension that hold JSON (node_modules, .git and other dot-directories are skipped).\n\nOptions:\n  --format text|json|sarif  Output format (default: text)\n  --max-file-size-mb N      Do not validate files over N MB, a decimal number from\n                            {0} to {1} (default: {2})\n  --jobs N                  Validate in N threads at once, 1 to {3} (default: the\n                            machine's cores; small runs stay in one thread)\n  --locale en|ja            Language of the messages (default: from LC_ALL,\n                            LC_MESSAGES or LANG)\n  -h, --help                Show this help\n  --version                 Print the version\n\nExit status: 0 no errors, 1 errors found, 2 usage or I/O error.\n\nlambda-kafka check --function NAME --uuid UUID checks a mapping's failure path in\nAWS (read-only); see 'lambda-kafka check --help'.\n",
		MIN_FILE_SIZE_MB,
		MAX_FILE_SIZE_MB,
		DEFAULT_SETTINGS.validation.maxFileSizeMB,
		MAX_JOBS,
	);
}

export function parseArgs(argv: readonly string[]): Command {
	let format: OutputFormat = 'text';
	let maxFileSizeMB = DEFAULT_SETTINGS.validation.maxFileSizeMB;
	let jobs: number | undefined;
	const positionals: string[] = [];
	let optionsEnded = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (optionsEnded || !arg.startsWith('-') || arg === '-') {
			positionals.push(arg);
			continue;
		}
		if (arg === '--') {
			optionsEnded = true;
			continue;
		}
		if (arg === '-h' || arg === '--help') {
			return { kind: 'help' };
		}
		if (arg === '--version') {
			return { kind: 'version' };
		}
		const [name, inlineValue] = splitOption(arg);
		if (name === '--locale') {
			// Read by requestedLocale before parsing, so that parse errors are in that language.
			i += inlineValue === undefined ? 1 : 0;
			continue;
		}
		if (name !== '--format' && name !== '--max-file-size-mb' && name !== '--jobs') {
			return { kind: 'usage-error', message: l10n.t("unknown option '{0}'", name) };
		}
		const value = inlineValue ?? argv[++i];
		if (value === undefined) {
			return { kind: 'usage-error', message: l10n.t("option '{0}' needs a value", name) };
		}
		if (name === '--format') {
			const match = FORMATS.find((f) => f === value);
			if (!match) {
				return { kind: 'usage-error', message: l10n.t("unknown format '{0}' (expected text, json or sarif)", value) };
			}
			format = match;
		} else if (name === '--jobs') {
			jobs = /^[0-9]{1,3}$/.test(value) ? Number(value) : NaN;
			if (!(jobs >= 1 && jobs <= MAX_JOBS)) {
				return { kind: 'usage-error', message: l10n.t("--jobs needs a whole number from 1 to {0}, not '{1}'", MAX_JOBS, value) };
			}
		} else {
			const size = parseMegabytes(value);
			if (size === undefined) {
				return {
					kind: 'usage-error',
					message: l10n.t("--max-file-size-mb needs a decimal number from {0} to {1}, not '{2}'", MIN_FILE_SIZE_MB, MAX_FILE_SIZE_MB, value),
				};
			}
			maxFileSizeMB = size;
		}
	}
	const [command, ...paths] = positionals;
	if (command === undefined) {
		return { kind: 'usage-error', message: l10n.t('missing command') };
	}
	if (command !== 'validate') {
		return { kind: 'usage-error', message: l10n.t("unknown command '{0}'", command) };
	}
	if (paths.length === 0) {
		return { kind: 'usage-error', message: l10n.t('no files or directories to validate') };
	}
	return { kind: 'validate', format, maxFileSizeMB, ...(jobs === undefined ? {} : { jobs }), paths };
}

/**
 * A plain decimal number of megabytes within the bounds, or undefined. `Number()` alone would
 * take `0x10`, `1e-9`, `Infinity` and blanks, none of which anyone means as a size.
 */
function parseMegabytes(value: string): number | undefined {
	if (!/^[0-9]{1,10}(\.[0-9]{1,10})?$/.test(value)) {
		return undefined;
	}
	const size = Number(value);
	return size >= MIN_FILE_SIZE_MB && size <= MAX_FILE_SIZE_MB ? size : undefined;
}

/** Locales `--locale` accepts: English and the languages with a translation. */
export const LOCALES: readonly string[] = ['en', ...TRANSLATED_LANGUAGES];

/**
 * The `--locale` value (before any `--`), read ahead of parseArgs so that everything the CLI
 * prints, its usage errors included, is in that language. A value it does not know is `invalid`.
 */
export function requestedLocale(argv: readonly string[]): { locale?: string; invalid?: boolean } {
	for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
		const [name, inlineValue] = splitOption(argv[i]);
		if (name !== '--locale') {
			continue;
		}
		const value = inlineValue ?? argv[i + 1];
		if (value === undefined || !LOCALES.includes(value)) {
			return { invalid: true };
		}
		return { locale: value };
	}
	return {};
}

function splitOption(arg: string): [string, string | undefined] {
	const eq = arg.indexOf('=');
	return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
