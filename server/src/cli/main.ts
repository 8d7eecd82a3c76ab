/**
 * `lambda-kafka`: validates files from the command line with the language server's engine.
 * Exit status 0 means no errors, 1 that errors were found, 2 a usage or I/O failure.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { escapeInvisible } from '../../../shared/printable';
import { allDiagnosticCodes } from '../language/validation/codes';
import type { Command } from './args';
import { LOCALES, parseArgs, requestedLocale, usage } from './args';
import { posixLocale } from '../../../shared/locale';
import type { L10nBundle } from '../node/l10nFiles';
import { readL10nBundle } from '../node/l10nFiles';
import { collectFiles } from './collectFiles';
import { reportStream } from './outputStream';
import { validateFileSafely } from './validateFile';
import { isTerraformDocument } from '../language/terraform/analyzeTerraform';
import { validateInOrder } from './validatePool';
import { defaultJobs, startCliWorker } from './cliWorkers';
import { readVersion } from '../version';
import { delegateCheck, isCheckCommand } from './delegateCheck';
import { initHclParserFromFiles } from '../node/hclWasmFiles';

const EXIT_CLEAN = 0;
const EXIT_ERRORS = 1;
const EXIT_FAILURE = 2;

async function main(argv: readonly string[]): Promise<number> {
	const requested = requestedLocale(argv);
	const bundle = useLocale(requested.locale ?? posixLocale(process.env));
	if (requested.invalid === true) {
		writeError(l10n.t('--locale needs one of {0}', LOCALES.join(', ')));
		return EXIT_FAILURE;
	}
	const command = parseArgs(argv);
	switch (command.kind) {
		case 'help':
			process.stdout.write(usage());
			return EXIT_CLEAN;
		case 'version':
			process.stdout.write(`${readVersion()}\n`);
			return EXIT_CLEAN;
		case 'usage-error':
			writeError(command.message);
			process.stderr.write(l10n.t("Run 'lambda-kafka --help' for usage.\n"));
			return EXIT_FAILURE;
		case 'validate':
			return await validate(command, bundle);
	}
}

/** Validates the files of `command`; `bundle` is the translation its threads use too. */
async function validate(command: Extract<Command, { kind: 'validate' }>, bundle: L10nBundle | undefined): Promise<number> {
	const collected = collectFiles(command.paths);
	let failed = collected.errors.length > 0;
	if (collected.files.some((file) => isTerraformDocument(file.path, undefined))) {
		// The HCL parser is WebAssembly, loaded once before the first Terraform file (workers load their own).
		await initHclParserFromFiles();
	}
	let errorsFound = false;
	for (const failure of collected.errors) {
		writeError(failure);
	}
	const output = reportStream(command.format, writeOut, {
		color: process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined,
		sarif: { version: readVersion(), codes: allDiagnosticCodes(), cwd: process.cwd() },
	});
	await validateInOrder(
		collected.files,
		{
			jobs: command.jobs ?? defaultJobs(),
			// Threads asked for are started at once; by default only a run long enough to repay them starts any.
			workersAfterMs: command.jobs === undefined ? undefined : 0,
			validateHere: (file) => validateFileSafely(file, command.maxFileSizeMB),
			startWorker: () => startCliWorker(command.maxFileSizeMB, bundle),
			outputReady,
		},
		(_file, outcome) => {
			if (outcome.status === 'report') {
				errorsFound ||= outcome.report.diagnostics.some((d) => d.severity === 'error');
				output.add(outcome.report);
			} else if (outcome.status === 'error') {
				failed = true;
				writeError(outcome.message);
			}
		},
	);
	output.end();
	flushOut();
	return failed ? EXIT_FAILURE : errorsFound ? EXIT_ERRORS : EXIT_CLEAN;
}

let drained: Promise<void> | undefined;
/** Output not yet written: a write per file was a system call per file (stdout to a file or pipe is synchronous). */
let pending = '';
const FLUSH_AT = 64 * 1024;

/** Writes to stdout; when the reader falls behind, outputReady waits for it (validation pauses). */
function writeOut(text: string): void {
	pending += text;
	if (pending.length >= FLUSH_AT) {
		flushOut();
	}
}

function flushOut(): void {
	if (pending === '') {
		return;
	}
	const text = pending;
	pending = '';
	if (!process.stdout.write(text) && !drained) {
		drained = new Promise((resolve) => process.stdout.once('drain', () => ((drained = undefined), resolve())));
	}
}

/** Called between batches: what they printed goes out before the next is validated. */
function outputReady(): Promise<void> {
	flushOut();
	return drained ?? Promise.resolve();
}

/**
 * Messages in the language of `locale` (English without a bundle for it). `LAMBDA_KAFKA_L10N_BUNDLE`,
 * the path of a bundle file, wins: a translation in progress or a pseudo-locale can be tried out.
 */
function useLocale(locale: string | undefined): L10nBundle | undefined {
	const bundleFile = process.env['LAMBDA_KAFKA_L10N_BUNDLE'];
	const bundle = readL10nBundle(locale, bundleFile ? pathToFileURL(path.resolve(bundleFile)).href : undefined);
	if (bundle) {
		l10n.config({ contents: bundle });
	}
	return bundle;
}

/** `lambda-kafka check …`: the check bundle has its own copy of @vscode/l10n, so it is handed the bundle chosen here. */
async function startCheck(argv: readonly string[]): Promise<number> {
	const requested = requestedLocale(argv);
	const bundle = useLocale(requested.locale ?? posixLocale(process.env));
	if (requested.invalid === true) {
		writeError(l10n.t('--locale needs one of {0}', LOCALES.join(', ')));
		return EXIT_FAILURE;
	}
	return delegateCheck(argv.slice(1), bundle);
}

/**
 * One line on stderr. Messages quote file names and arguments, which may hold line breaks (a
 * forged diagnostic line) or ESC sequences (terminal control): those are written as escapes.
 */
function writeError(message: string): void {
	// Keeps the order of stdout and stderr lines when both go to one place (2>&1).
	flushOut();
	process.stderr.write(`lambda-kafka: ${escapeInvisible(message)}\n`);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

// A reader that stops early (`| head`) closes the pipe; that is not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	process.exit(error.code === 'EPIPE' ? (process.exitCode ?? EXIT_CLEAN) : EXIT_FAILURE);
});

// `check` runs the pre-flight bundle (dist/check.js), in the language chosen here; everything else is validation.
const argv = process.argv.slice(2);
const run = isCheckCommand(argv) ? startCheck(argv) : main(argv);
run.then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		writeError(l10n.t('unexpected failure: {0}', messageOf(error)));
		process.exitCode = EXIT_FAILURE;
	},
);
