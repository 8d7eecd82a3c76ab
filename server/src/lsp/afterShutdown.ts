/**
 * The LSP rule for requests after `shutdown`: they fail with InvalidRequest (only the `exit`
 * notification still means something). vscode-languageserver 10.1 only remembers the shutdown to
 * choose the exit code and goes on answering requests, so the rule is kept here, for every
 * request, including methods no handler is registered for.
 */
import type { Connection, ConnectionOptions, RequestMessage } from 'vscode-languageserver/node';
import { ErrorCodes, Message as Messages, ResponseError, ShutdownRequest } from './lspValues';

/**
 * A message strategy sees every message before it is dispatched but cannot answer one itself, so
 * a request that arrives after shutdown is dispatched to this method instead, under its own id.
 */
const AFTER_SHUTDOWN_METHOD = '$/lambdaKafka/requestAfterShutdown';

interface AfterShutdownParams {
	method: string;
}

export interface ShutdownGuard {
	/** For `createConnection`: sees each message, in the order they arrived, before its handler runs. */
	connectionOptions: ConnectionOptions;
	/** Registers the handler that answers the requests that came after shutdown. */
	listen(connection: Connection): void;
	/** Whether `shutdown` has arrived: the process's exit code when the client goes away. */
	readonly shutdownReceived: boolean;
}

export function shutdownGuard(): ShutdownGuard {
	let shutdownReceived = false;
	return {
		get shutdownReceived() {
			return shutdownReceived;
		},
		connectionOptions: {
			messageStrategy: {
				handleMessage(message, next) {
					if (!Messages.isRequest(message)) {
						return next(message);
					}
					if (shutdownReceived) {
						const rejected: RequestMessage = {
							jsonrpc: message.jsonrpc,
							id: message.id,
							method: AFTER_SHUTDOWN_METHOD,
							params: { method: message.method } satisfies AfterShutdownParams,
						};
						return next(rejected);
					}
					if (message.method === ShutdownRequest.method) {
						// Set on receipt, not on the answer: a request sent after the shutdown is refused even while the shutdown runs.
						shutdownReceived = true;
					}
					return next(message);
				},
			},
		},
		listen(connection) {
			connection.onRequest(AFTER_SHUTDOWN_METHOD, (params: AfterShutdownParams) => {
				return new ResponseError(ErrorCodes.InvalidRequest, `${params.method}: the server has been shut down and answers no more requests.`);
			});
		},
	};
}
