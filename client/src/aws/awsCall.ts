/**
 * What every AWS API of the extension (Lambda, SQS, S3) does around one SDK call: cancellation
 * through a token, a debug line before and after, and any failure logged with its details and
 * thrown as a {@link UserFacingException} without the secrets in use.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { AwsContext } from './awsContext';
import type { ErrorContext } from './errors';
import { errorDetails, toUserFacingError, UserFacingException } from './errors';
import type { Logger } from './logger';
import { redactingLogger, redactSecrets, SILENT_LOGGER } from './logger';
import { secretsOf } from './resolveAwsContext';

/** What an API call needs of a cancellation token; a `vscode.CancellationToken` is one. */
export interface CancellationLike {
	readonly isCancellationRequested: boolean;
	onCancellationRequested(listener: (e: unknown) => unknown): { dispose(): unknown };
}

export type AwsCall = <T>(
	operation: string,
	extra: Partial<ErrorContext>,
	token: CancellationLike | undefined,
	run: (abortSignal: AbortSignal) => Promise<T>,
) => Promise<T>;

export interface AwsCaller {
	call: AwsCall;
	/** The log, with the secrets of the credentials in use redacted. */
	logger: Logger;
	/** The context's credentials, remembering their secrets for redaction. */
	credentials: AwsCredentialIdentityProvider;
}

export interface AwsCallerOptions {
	logger?: Logger;
	/** Named in the debug line of each call, e.g. `region=us-east-1 endpoint=…`. */
	where: string;
	/** The error context of every call; an operation's own fields are added to it. */
	errorContext: ErrorContext;
}

export function createAwsCaller(context: AwsContext, options: AwsCallerOptions): AwsCaller {
	const secrets = new Set<string>();
	const logger = redactingLogger(options.logger ?? SILENT_LOGGER, () => [...secrets]);
	const credentials = async (identityProperties?: Record<string, unknown>): Promise<AwsCredentialIdentity> => {
		const identity = await context.credentials(identityProperties);
		for (const secret of secretsOf(identity)) {
			secrets.add(secret);
		}
		return identity;
	};
	const call: AwsCall = async (operation, extra, token, run) => {
		const controller = new AbortController();
		const subscription = token?.onCancellationRequested(() => controller.abort());
		if (token?.isCancellationRequested) {
			controller.abort();
		}
		const started = Date.now();
		logger.debug([operation, describe(extra), options.where].filter((part) => part !== '').join(' '));
		try {
			const result = await run(controller.signal);
			logger.debug(`${operation} succeeded in ${Date.now() - started} ms`);
			return result;
		} catch (error) {
			throw failure(logger, error, controller.signal.aborted, { ...options.errorContext, operation, ...extra }, [...secrets]);
		} finally {
			subscription?.dispose();
		}
	};
	return { call, logger, credentials };
}

/** Logs the failure and describes it for the user; an aborted call is a cancellation, whatever the SDK threw. */
function failure(logger: Logger, error: unknown, aborted: boolean, context: ErrorContext, secrets: string[]): UserFacingException {
	const userFacing = toUserFacingError(aborted ? Object.assign(new Error('Cancelled'), { name: 'AbortError' }) : error, context);
	if (userFacing.kind === 'cancelled') {
		logger.info(`${context.operation ?? 'The call'} cancelled`);
	} else {
		logger.error(errorDetails(error, context));
	}
	// An error message may echo what was sent (a proxy quoting headers): the secrets in use never reach the user.
	return new UserFacingException({
		...userFacing,
		message: redactSecrets(userFacing.message, secrets),
		nextStep: userFacing.nextStep === undefined ? undefined : redactSecrets(userFacing.nextStep, secrets),
	});
}

function describe(extra: Partial<ErrorContext>): string {
	return [extra.uuid ? `uuid=${extra.uuid}` : '', extra.functionName ? `function=${extra.functionName}` : ''].filter((s) => s !== '').join(' ');
}
