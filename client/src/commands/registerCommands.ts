/** Registers every command of {@link COMMANDS}, with the Workspace Trust gate in front of those that reach AWS. */
import * as vscode from 'vscode';
import type { ExtensionState } from '../state';
import { COMMANDS } from './commandTable';
import { requireTrust } from './support';

export function registerCommands(context: vscode.ExtensionContext, state: ExtensionState): void {
	for (const command of COMMANDS) {
		context.subscriptions.push(
			vscode.commands.registerCommand(command.id, (...args: unknown[]) => {
				if (command.trust !== undefined && !requireTrust(command.trust)) {
					return undefined;
				}
				return command.run(state, ...args);
			}),
		);
	}
}
