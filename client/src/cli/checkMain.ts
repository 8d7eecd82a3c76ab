/**
 * `lambda-kafka check` (bundled as dist/check.js, loaded by the CLI in dist/cli.js): runs the
 * pre-flight check of issue 15 from a terminal or a pipeline, with the extension's own AWS code
 * (credential chain, endpoint rules, error messages) and no VS Code. Exit status 0 when nothing
 * fails, 1 when a check fails, 2 when the check could not run.
 */
import { readFileSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { formatReportJson, formatReportText } from '../../../shared/preflight/formatReport';
import { escapeInvisible } from '../../../shared/printable';
import type { PreflightReport } from '../../../shared/preflight/types';
import { formatUserFacing, toUserFacingError } from '../aws/errors';
import { createLambdaApi, isKafkaMapping } from '../aws/lambdaApi';
import { resolveAwsContext } from '../aws/resolveAwsContext';
import { preflightOf } from '../preflight/applyPreflight';
import { createPreflightSources } from '../preflight/awsPreflightSources';
import type { CheckOptions } from './checkArgs';
import { checkUsage, parseCheckArgs } from './checkArgs';

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_COULD_NOT_RUN = 2;

export interface CheckIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	env: NodeJS.ProcessEnv;
}

const NODE_IO: CheckIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env };

/**
 * Runs `check` with the arguments after the word `check`; resolves with the exit status.
 * `l10nBundle`: the translation the CLI chose from `--locale` or the environment (this bundle has
 * its own copy of @vscode/l10n); without it, English.
 */
export async function runCheckCli(argv: readonly string[], io: CheckIo = NODE_IO, l10nBundle?: Record<string, string>): Promise<number> {
	if (l10nBundle) {
		l10n.config({ contents: l10nBundle });
	}
	const command = parseCheckArgs(argv);
	if (command.kind === 'help') {
		io.stdout(checkUsage());
		return EXIT_PASSED;
	}
	if (command.kind === 'usage-error') {
		io.stderr(`lambda-kafka: ${escapeInvisible(command.message)}\n${l10n.t("Run 'lambda-kafka check --help' for usage.")}\n`);
		return EXIT_COULD_NOT_RUN;
	}
	try {
		const report = await check(command.options, io.env);
		if (typeof report === 'string') {
			io.stderr(`lambda-kafka: ${escapeInvisible(report)}\n`);
			return EXIT_COULD_NOT_RUN;
		}
		// AWS-provided text may hold terminal control characters: each line is printed with them escaped.
		const text = command.options.format === 'json' ? formatReportJson(report) : formatReportText(report);
		io.stdout(text.split('\n').map(escapeInvisible).join('\n'));
		return report.rows.some((r) => r.verdict === 'fail') ? EXIT_FAILED : EXIT_PASSED;
	} catch (error) {
		io.stderr(`lambda-kafka: ${escapeInvisible(formatUserFacing(toUserFacingError(error)))}\n`);
		return EXIT_COULD_NOT_RUN;
	}
}

/** The report, or why the check could not start (a string). */
async function check(options: CheckOptions, env: NodeJS.ProcessEnv): Promise<PreflightReport | string> {
	let document: unknown;
	if (options.config !== undefined) {
		try {
			document = JSON.parse(readFileSync(options.config, 'utf8'));
		} catch (error) {
			return l10n.t("cannot read '{0}' as JSON: {1}", options.config, error instanceof Error ? error.message : String(error));
		}
	}
	const context = await resolveAwsContext({ profile: options.profile, region: options.region, endpointUrl: options.endpointUrl }, { env });
	const api = createLambdaApi(context, { env });
	const sources = createPreflightSources(context, { env });
	try {
		const mapping = await api.getMapping(options.uuid);
		const owner = mapping.FunctionArn?.split(':')[6];
		if (owner !== undefined && owner !== options.functionName.split(':').pop()) {
			return l10n.t('event source mapping {0} belongs to function {1}, not {2}', options.uuid, owner, options.functionName);
		}
		if (!isKafkaMapping(mapping)) {
			return l10n.t('event source mapping {0} does not read from Kafka ({1})', options.uuid, mapping.EventSourceArn ?? l10n.t('unknown source'));
		}
		return await preflightOf(sources, mapping, context.region, document, new Date());
	} finally {
		api.dispose();
		sources.dispose();
	}
}
