/**
 * The command table (client/src/commands/commandTable.ts) and package.json's contributes.commands
 * agree: the same ids, the same titles, and a command that reaches AWS is refused in Restricted
 * Mode by the table and hidden there by its palette `when`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../client/src/commands/commandTable';
import { localizedManifest } from '../helpers';

interface Manifest {
	contributes: {
		commands: { command: string; title: string }[];
		menus: { commandPalette?: { command: string; when?: string }[] };
	};
}

// Titles and descriptions as VS Code shows them in English (package.json holds %key% placeholders).
const manifest = localizedManifest() as Manifest;

function paletteWhen(id: string): string | undefined {
	return manifest.contributes.menus.commandPalette?.find((entry) => entry.command === id)?.when;
}

describe('the command table', () => {
	it('declares each command once', () => {
		const ids = COMMANDS.map((command) => command.id);
		assert.deepEqual(ids, [...new Set(ids)]);
	});

	it('has the ids and titles of contributes.commands, in the same order', () => {
		assert.deepEqual(
			COMMANDS.map((command) => ({ command: command.id, title: command.title })),
			manifest.contributes.commands.map((command) => ({ command: command.command, title: command.title })),
		);
	});

	it('hides every command that needs a trusted workspace in the palette of an untrusted one', () => {
		for (const command of COMMANDS.filter((c) => c.trust !== undefined)) {
			assert.match(paletteWhen(command.id) ?? '', /(^|&&\s*)isWorkspaceTrusted(\s*&&|$)/, command.id);
		}
	});

	it('refuses in Restricted Mode every command the palette hides there', () => {
		for (const command of COMMANDS.filter((c) => /isWorkspaceTrusted/.test(paletteWhen(c.id) ?? ''))) {
			assert.ok(command.trust, `${command.id} is hidden in Restricted Mode but would run there`);
		}
	});

	it('names what Restricted Mode refuses as the start of a sentence', () => {
		for (const command of COMMANDS.filter((c) => c.trust !== undefined)) {
			assert.match(command.trust!, /^[A-Z][a-z]+ing /, command.id);
		}
	});
});
