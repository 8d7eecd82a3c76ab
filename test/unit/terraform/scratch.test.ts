import { before, it } from 'node:test';
import { tfProblems } from './tfHelpers';
import { loadParser } from './tfHelpers';
import * as fs from 'node:fs';
before(loadParser);
it('scratch', () => {
	const text = fs.readFileSync(process.env['TF']!, 'utf8');
	for (const p of tfProblems(text)) console.log(JSON.stringify([p.code, p.severity, p.range, p.text, p.message, p.fixes]));
});
