/**
 * The reader for `--stdio`: our framed reader over stdin (server/src/node/framedMessageReader.ts);
 * main.ts pairs it with vscode-jsonrpc's writer over stdout. Other transports (`--node-ipc`,
 * `--socket`, `--pipe`) stay as vscode-languageserver sets them up from the arguments.
 */
import type { MessageReader } from 'vscode-languageserver/node';
import { FramedMessageReader } from './framedMessageReader';

export function stdioReader(argv: readonly string[], shutdownReceived: () => boolean): MessageReader | undefined {
	if (!argv.includes('--stdio')) {
		return undefined;
	}
	// What the library does for --stdio: when the editor closes our input, the server is done.
	const exit = (): never => process.exit(shutdownReceived() ? 0 : 1);
	process.stdin.on('end', exit);
	process.stdin.on('close', exit);
	return new FramedMessageReader(process.stdin);
}
