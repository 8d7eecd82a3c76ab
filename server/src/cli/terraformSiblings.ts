/**
 * The other `.tf` files of a Terraform file's module (its directory), whose variables, locals
 * and resources its references may name. Unreadable files are skipped: references into them
 * stay undetermined, which reports nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A module's files beyond this many are not read: references into them stay undetermined. */
const MAX_SIBLINGS = 200;

export function terraformSiblings(filePath: string): string[] {
	if (!/\.tf$/i.test(filePath)) {
		return [];
	}
	const directory = path.dirname(filePath);
	const self = path.resolve(filePath);
	let names: string[];
	try {
		names = fs.readdirSync(directory).filter((name) => /\.tf$/i.test(name));
	} catch {
		return [];
	}
	const texts: string[] = [];
	for (const name of names.sort().slice(0, MAX_SIBLINGS)) {
		const full = path.join(directory, name);
		if (path.resolve(full) === self) {
			continue;
		}
		try {
			texts.push(fs.readFileSync(full, 'utf8'));
		} catch {
			// Unreadable: its references stay undetermined.
		}
	}
	return texts;
}
