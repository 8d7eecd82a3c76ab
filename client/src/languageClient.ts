/**
 * Creates the client that starts the language server (dist/server.js) over stdio and connects VS
 * Code to it. Stdio, not Node's IPC channel: the server reads stdio with its own framed reader
 * (server/src/node/framedMessageReader.ts), which keeps fewer copies of a large document's text
 * than any reader of the IPC channel can (issue 16, target 5).
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../shared/settings';
import { DOCUMENT_SELECTOR } from './documentSelector';
import { createRestartPolicy } from './serverRestarts';
import { safeWindow } from './safeWindow';
import { reportsProblems } from './commands/schemeDocuments';

/** The client, not started yet: activation registers its commands first, so that Show Log and Restart work even if the server fails to start. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
	const serverModule = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module: serverModule, transport: TransportKind.stdio },
		debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: DOCUMENT_SELECTOR,
		synchronize: { configurationSection: SETTINGS_SECTION },
		outputChannel: output,
		// The diff documents stay in the selector (hover), but their problems are not listed.
		middleware: { handleDiagnostics: (uri, diagnostics, next) => next(uri, reportsProblems(uri) ? diagnostics : []) },
		// The server answers in the display language: VS Code sends it as the initialize request's
		// `locale`, and here is the bundle it chose for it (the server's own lookup serves other editors).
		initializationOptions: { hostReportsJsonSyntax: hostReportsJsonSyntax(), previewCodeLens: true, l10nBundleUri: vscode.l10n.uri?.toString() },
		errorHandler: createRestartPolicy({
			now: () => Date.now(),
			notify: (message, severity) => {
				const shown =
					severity === 'error'
						? safeWindow.showErrorMessage(message, vscode.l10n.t('Show Log'))
						: safeWindow.showInformationMessage(message, vscode.l10n.t('Show Log'));
				void shown.then((choice) => choice && output.show());
			},
			log: (message) => output.warn(message),
		}),
	};
	return new LanguageClient('lambdaKafka', vscode.l10n.t('Lambda Kafka Language Server'), serverOptions, clientOptions);
}

/**
 * VS Code's built-in JSON support already reports syntax errors in json and jsonc documents;
 * the server leaves those out so that no problem is listed twice.
 */
function hostReportsJsonSyntax(): boolean {
	const builtIn = vscode.extensions.getExtension('vscode.json-language-features');
	return builtIn !== undefined && vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true);
}
