/**
 * The transport for `--stdio`: our framed reader over stdin (server/src/node/framedMessageReader.ts)
 * and vscode-jsonrpc's writer over stdout. Other transports (`--node-ipc`, `--socket`, `--pipe`) stay
 * as vscode-languageserver sets them up from the arguments.
 */
import type { MessageReader, MessageWriter } from 'vscode-languageserver/node';
import { StreamMessageWriter } from 'vscode-languageserver/node';
import { FramedMessageReader } from './framedMessageReader';

export function stdioTransport(argv: readonly string[], shutdownReceived: () => boolean): { reader: MessageReader; writer: MessageWriter } | undefined {
	if (!argv.includes('--stdio')) {
		return undefined;
	}
	// What the library does for --stdio: when the editor closes our input, the server is done.
	const exit = (): never => process.exit(shutdownReceived() ? 0 : 1);
	process.stdin.on('end', exit);
	process.stdin.on('close', exit);
	return { reader: new FramedMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout) };
}
