/**
 * The version printed by `--version` and written to SARIF. It is read from the package.json
 * that ships next to the bundle rather than bundled, so the two can never disagree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function readVersion(start: string = __dirname): string {
	let dir = start;
	for (;;) {
		const candidate = path.join(dir, 'package.json');
		if (fs.existsSync(candidate)) {
			try {
				const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { version?: unknown };
				return typeof manifest.version === 'string' ? manifest.version : 'unknown';
			} catch {
				return 'unknown';
			}
		}
		const parent = path.dirname(dir);
		if (parent === dir) {
			return 'unknown';
		}
		dir = parent;
	}
}
