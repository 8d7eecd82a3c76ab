/**
 * Sorts what a pre-flight read threw into the check's {@link Read}: the checker lacking a
 * permission, a thing that does not exist, or another error, each kept to its own row. A
 * cancellation and credential or network problems still throw: then the whole check could
 * not run, which the command and the CLI report as such.
 */
import type { Read, SourceFailure } from '../../../shared/preflight/types';
import { toUserFacingError } from '../aws/errors';

/** Error codes that mean "it does not exist", across the services read. */
const NOT_FOUND_CODES = new Set([
	'QueueDoesNotExist',
	'AWS.SimpleQueueService.NonExistentQueue',
	'NotFound',
	'NotFoundException',
	'NoSuchBucket',
	'NoSuchEntity',
	'ResourceNotFoundException',
]);

const ACCESS_DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'AuthorizationError', 'AuthorizationErrorException', 'Forbidden']);

/** Failures that stop the whole check: nothing else would succeed with these credentials or this network. */
const FATAL_KINDS = new Set(['cancelled', 'expired-credentials', 'invalid-credentials', 'sso-expired', 'no-credentials', 'network', 'configuration']);

export async function toRead<T>(action: string, run: () => Promise<T>): Promise<Read<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		const failure = sourceFailure(action, error);
		if (failure === undefined) {
			throw error;
		}
		return { ok: false, failure };
	}
}

function sourceFailure(action: string, error: unknown): SourceFailure | undefined {
	const userFacing = toUserFacingError(error);
	if (FATAL_KINDS.has(userFacing.kind)) {
		return undefined;
	}
	const code = userFacing.code ?? '';
	if (userFacing.kind === 'access-denied' || ACCESS_DENIED_CODES.has(code)) {
		return { kind: 'access-denied', action, message: userFacing.message };
	}
	if (userFacing.kind === 'not-found' || NOT_FOUND_CODES.has(code)) {
		return { kind: 'not-found', action, message: userFacing.message };
	}
	return { kind: 'error', action, message: userFacing.message };
}
