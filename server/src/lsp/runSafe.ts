/**
 * Wraps request handlers so that a bug in one feature answers with an empty result and a log line
 * instead of an error popup or a dead server, and a cancelled request is reported as cancelled.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from './lspValues';

export function runSafe<T>(connection: Connection, what: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
	if (token?.isCancellationRequested) {
		return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
	}
	try {
		return work();
	} catch (error) {
		connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		return fallback;
	}
}
