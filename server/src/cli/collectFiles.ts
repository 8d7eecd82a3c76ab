/**
 * Turns the paths on the command line into the files to validate. Files named explicitly are
 * always read; files found in directories are picked by extension (JSON, JSON Lines, Terraform's
 * `.tf`), or, without an extension,
 * by content (a failure record saved under its S3 object key has none).
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realExtension } from '../../../shared/fileNames';
import { describeIoError } from './ioError';

export interface FoundFile {
	/** The path as given on the command line, or joined onto the directory it was found in. */
	path: string;
	/** Found without an extension: validate only if its content starts like JSON. */
	sniff: boolean;
}

export interface Collected {
	files: FoundFile[];
	/** Paths that do not exist or cannot be listed, as messages naming them. */
	errors: string[];
}

const JSON_EXTENSIONS = new Set(['.json', '.jsonc', '.jsonl', '.ndjson', '.tf']);
/** CloudFormation and SAM templates in YAML; the engine leaves other YAML alone. */
const YAML_EXTENSIONS = new Set(['.yaml', '.yml', '.template']);

export function collectFiles(paths: readonly string[]): Collected {
	const collected: Collected = { files: [], errors: [] };
	const seen = new Set<string>();
	/** `key` is the file's absolute path; walk builds it from its directory's, as path.resolve per file was a tenth of the walk. */
	const add = (file: FoundFile, key = path.resolve(file.path)): void => {
		if (!seen.has(key)) {
			seen.add(key);
			collected.files.push(file);
		}
	};
	for (const given of paths) {
		let stat: fs.Stats;
		try {
			stat = fs.statSync(given);
		} catch (error) {
			collected.errors.push(l10n.t("cannot read '{0}': {1}", given, describeIoError(error)));
			continue;
		}
		if (stat.isDirectory()) {
			walk(given, path.resolve(given), add, collected.errors);
		} else if (stat.isFile()) {
			add({ path: given, sniff: false });
		} else {
			collected.errors.push(l10n.t("cannot read '{0}': not a file or directory", given));
		}
	}
	return collected;
}

function walk(dir: string, resolvedDir: string, add: (file: FoundFile, key: string) => void, errors: string[]): void {
	const prefix = resolvedDir.endsWith(path.sep) ? resolvedDir : `${resolvedDir}${path.sep}`;
	let entries: fs.Dirent[];
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch (error) {
		errors.push(l10n.t("cannot read '{0}': {1}", dir, describeIoError(error)));
		return;
	}
	// Byte order, not locale order, so output is the same on every machine.
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		const full = path.join(dir, entry.name);
		let isFile = entry.isFile();
		if (entry.isSymbolicLink()) {
			// Linked files are followed, linked directories are not: they can form cycles.
			try {
				isFile = fs.statSync(full).isFile();
			} catch {
				continue;
			}
		}
		if (entry.isDirectory()) {
			if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
				walk(full, `${prefix}${entry.name}`, add, errors);
			}
		} else if (isFile) {
			const extension = realExtension(entry.name);
			if (JSON_EXTENSIONS.has(extension) || YAML_EXTENSIONS.has(extension)) {
				add({ path: full, sniff: false }, `${prefix}${entry.name}`);
			} else if (extension === '') {
				add({ path: full, sniff: true }, `${prefix}${entry.name}`);
			}
		}
	}
}
