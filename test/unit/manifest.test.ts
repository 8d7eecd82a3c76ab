/**
 * Guards on what ships: the README documents every diagnostic code, the manifest declares every
 * command the client registers and every setting the code reads, and the VS Code engine is no
 * newer than the code-server build the end-to-end tests run.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../client/src/commands/commandTable';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { allDiagnosticCodes } from '../../server/src/language/validation/codes';
import { localizedManifest, repoRoot } from '../helpers';

interface Manifest {
	engines: { vscode: string };
	devDependencies: Record<string, string>;
	contributes: {
		commands: { command: string; title: string; category?: string }[];
		configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; description?: string }> };
	};
}

const root = repoRoot();
// Titles and descriptions as VS Code shows them in English (package.json holds %key% placeholders).
const manifest = localizedManifest() as Manifest;

/** Every command the client registers: registerCommands.ts registers the rows of the command table. */
function registeredCommands(): Set<string> {
	return new Set(COMMANDS.map((command) => command.id));
}

function flattenKeys(value: object, prefix: string): string[] {
	return Object.entries(value).flatMap(([key, child]) =>
		typeof child === 'object' && child !== null ? flattenKeys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
	);
}

describe('manifest and documentation', () => {
	it('documents every diagnostic code in the README', () => {
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		const missing = allDiagnosticCodes().filter((code) => !readme.includes(`| \`${code.id}\` |`));
		assert.deepEqual(
			missing.map((c) => c.id),
			[],
		);
	});

	it('declares every registered command, each with a category', () => {
		const declared = new Set(manifest.contributes.commands.map((c) => c.command));
		const registered = registeredCommands();
		assert.deepEqual(
			[...registered].filter((id) => !declared.has(id)),
			[],
			'registered but not declared',
		);
		assert.deepEqual(
			[...declared].filter((id) => !registered.has(id)),
			[],
			'declared but never registered',
		);
		for (const command of manifest.contributes.commands) {
			assert.equal(command.category, 'Lambda Kafka', command.command);
		}
	});

	it('declares every server setting, each with a scope and a description', () => {
		const properties = manifest.contributes.configuration.properties;
		for (const key of flattenKeys(DEFAULT_SETTINGS, 'lambdaKafka.')) {
			assert.ok(properties[key], `${key} is not declared in package.json`);
		}
		for (const [key, property] of Object.entries(properties)) {
			assert.ok(property.scope, `${key} has no scope`);
			assert.ok(property.markdownDescription ?? property.description, `${key} has no description`);
		}
	});

	it('targets a VS Code no newer than the code-server used by the end-to-end tests (1.100)', () => {
		assert.equal(manifest.engines.vscode, '^1.100.0');
		assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
	});
});
