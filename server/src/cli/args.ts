/**
 * The command line: `lambda-kafka validate [--format F] [--max-file-size-mb N] [--jobs N] PATH...`, plus
 * `--help` and `--version`. Parsing never throws; a mistake becomes a `usage-error` to print.
 */
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

export const USAGE = `Usage: lambda-kafka validate [options] PATH...

Validates Lambda Kafka destination configs, event source mapping requests, failure
records, Kafka events, and the Kafka event source mappings of CloudFormation and SAM
templates. Directories are searched recursively for .json, .jsonc, .jsonl, .ndjson,
.yaml, .yml and .template files and for files without an extension that hold JSON
(node_modules, .git and other dot-directories are skipped).

Options:
  --format text|json|sarif  Output format (default: text)
  --max-file-size-mb N      Do not validate files over N MB, a decimal number from
                            ${MIN_FILE_SIZE_MB} to ${MAX_FILE_SIZE_MB} (default: ${DEFAULT_SETTINGS.validation.maxFileSizeMB})
  --jobs N                  Validate in N threads at once, 1 to ${MAX_JOBS} (default: the
                            machine's cores; small runs stay in one thread)
  -h, --help                Show this help
  --version                 Print the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.

lambda-kafka check --function NAME --uuid UUID checks a mapping's failure path in
AWS (read-only); see 'lambda-kafka check --help'.
`;

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
		if (name !== '--format' && name !== '--max-file-size-mb' && name !== '--jobs') {
			return { kind: 'usage-error', message: `unknown option '${name}'` };
		}
		const value = inlineValue ?? argv[++i];
		if (value === undefined) {
			return { kind: 'usage-error', message: `option '${name}' needs a value` };
		}
		if (name === '--format') {
			const match = FORMATS.find((f) => f === value);
			if (!match) {
				return { kind: 'usage-error', message: `unknown format '${value}' (expected text, json or sarif)` };
			}
			format = match;
		} else if (name === '--jobs') {
			jobs = /^[0-9]{1,3}$/.test(value) ? Number(value) : NaN;
			if (!(jobs >= 1 && jobs <= MAX_JOBS)) {
				return { kind: 'usage-error', message: `--jobs needs a whole number from 1 to ${MAX_JOBS}, not '${value}'` };
			}
		} else {
			const size = parseMegabytes(value);
			if (size === undefined) {
				return { kind: 'usage-error', message: `--max-file-size-mb needs a decimal number from ${MIN_FILE_SIZE_MB} to ${MAX_FILE_SIZE_MB}, not '${value}'` };
			}
			maxFileSizeMB = size;
		}
	}
	const [command, ...paths] = positionals;
	if (command === undefined) {
		return { kind: 'usage-error', message: 'missing command' };
	}
	if (command !== 'validate') {
		return { kind: 'usage-error', message: `unknown command '${command}'` };
	}
	if (paths.length === 0) {
		return { kind: 'usage-error', message: 'no files or directories to validate' };
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

function splitOption(arg: string): [string, string | undefined] {
	const eq = arg.indexOf('=');
	return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
