/**
 * Entry point of the language server: `node dist/server.js --stdio` (or `--node-ipc` / `--socket=N`,
 * as vscode-languageserver decides from the arguments).
 */
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { shutdownGuard } from './afterShutdown';
import { nodeRuntime } from '../node/nodeRuntime';
import { stdioReader } from '../node/stdioTransport';
import { startServer } from './startServer';

const afterShutdown = shutdownGuard();
const reader = stdioReader(process.argv, () => afterShutdown.shutdownReceived);
const connection = reader
	? createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout), afterShutdown.connectionOptions)
	: createConnection(ProposedFeatures.all, afterShutdown.connectionOptions);
afterShutdown.listen(connection);
// Everything a library prints would corrupt the stdio stream: send it to the client's log instead.
Object.assign(console, {
	log: (...args: unknown[]) => connection.console.log(args.map(String).join(' ')),
	info: (...args: unknown[]) => connection.console.info(args.map(String).join(' ')),
	warn: (...args: unknown[]) => connection.console.warn(args.map(String).join(' ')),
	error: (...args: unknown[]) => connection.console.error(args.map(String).join(' ')),
});
startServer(connection, nodeRuntime());
connection.listen();
