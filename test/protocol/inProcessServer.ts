/**
 * Starts the language server inside the test process: startServer (the same core dist/server.js
 * runs) on a vscode-languageserver connection over a pair of in-memory streams, with a runtime the
 * test chooses. No bundle, no child process: the client side is an ordinary protocol connection.
 */
import { PassThrough } from 'node:stream';
import type { MessageReader, MessageWriter } from 'vscode-languageserver-protocol/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { shutdownGuard } from '../../server/src/lsp/afterShutdown';
import type { ServerRuntime } from '../../server/src/lsp/serverRuntime';
import { startServer } from '../../server/src/lsp/startServer';
import { nodeRuntime } from '../../server/src/node/nodeRuntime';

export interface InProcessServer {
	/** The client's ends of the two streams. */
	reader: MessageReader;
	writer: MessageWriter;
	/** Stops the server's connection (the client's is the caller's). */
	dispose(): void;
}

/**
 * Never send `exit` to this server: vscode-languageserver ends the process on it, which here is
 * the test runner's. Send the initialize request with `processId: null` too, or the connection
 * polls that process every 3 s for as long as the test process lives.
 */
export function startInProcessServer(runtime: ServerRuntime = nodeRuntime()): InProcessServer {
	const toServer = new PassThrough();
	const toClient = new PassThrough();
	const guard = shutdownGuard();
	// Message readers and writers, not the raw streams: given a stream, the connection ends the
	// process when the stream closes.
	const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient), guard.connectionOptions);
	guard.listen(connection);
	startServer(connection, runtime);
	connection.listen();
	return {
		reader: new StreamMessageReader(toClient),
		writer: new StreamMessageWriter(toServer),
		dispose: () => {
			connection.dispose();
			toServer.end();
			toClient.end();
		},
	};
}
