// `npm run l10n`: writes l10n/bundle.l10n.json from the sources and the schemas (the English
// bundle, never edited by hand), then lists what each translation lacks. Translate in
// l10n/bundle.l10n.<language>.json: the key is the English message, the value its translation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedBundle } from './messages.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const bundle = await expectedBundle(root);
fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(bundle, null, '\t')}\n`);
console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages. Run 'npm run l10n:check' for what the translations lack.`);
