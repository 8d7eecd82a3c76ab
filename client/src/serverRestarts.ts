/**
 * What happens when the language server process dies: restart it (VS Code then reopens every
 * document with it, so the diagnostics come back), tell the user once per session rather than at
 * every crash, and give up with one clear message if it keeps dying.
 */
import * as l10n from '@vscode/l10n';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';

/** More crashes than this within the window and the server is left stopped. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export const restartedMessage = (): string =>
	l10n.t('The Lambda Kafka language server stopped unexpectedly and was restarted. Details are in the Lambda Kafka log.');
export const gaveUpMessage = (): string =>
	l10n.t(
		'The Lambda Kafka language server stopped {0} times in 3 minutes and will not be restarted. Run "Lambda Kafka: Restart Language Server" after checking the Lambda Kafka log.',
		MAX_RESTARTS + 1,
	);

export interface RestartPolicyDeps {
	now(): number;
	/** Shows a message to the user (the policy decides how often). */
	notify(message: string, severity: 'info' | 'error'): void;
	log(message: string): void;
}

export function createRestartPolicy(deps: RestartPolicyDeps): ErrorHandler {
	const crashes: number[] = [];
	let told = false;
	return {
		error(error, _message, count): ErrorHandlerResult {
			deps.log(`Connection to the language server failed: ${error.message}`);
			// A few write errors in a row mean the process is gone; the close handler decides what next.
			return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
		},
		closed(): CloseHandlerResult {
			const now = deps.now();
			crashes.push(now);
			while (crashes.length > 0 && now - crashes[0] > RESTART_WINDOW_MS) {
				crashes.shift();
			}
			if (crashes.length > MAX_RESTARTS) {
				deps.log('The language server keeps stopping; not restarting it.');
				deps.notify(gaveUpMessage(), 'error');
				return { action: CloseAction.DoNotRestart, handled: true };
			}
			deps.log('The language server stopped; restarting it.');
			if (!told) {
				told = true;
				deps.notify(restartedMessage(), 'info');
			}
			return { action: CloseAction.Restart, handled: true };
		},
	};
}
