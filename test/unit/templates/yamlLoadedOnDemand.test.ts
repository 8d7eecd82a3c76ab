/**
 * The `yaml` library is initialised only when a template is read (templates/cfn/yamlLibrary.ts):
 * a run over JSON records, the common case, never pays for it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../../server/src/language/validation/analyzeDocument';
import { repoRoot } from '../../helpers';

const yamlLoaded = (): boolean => Object.keys(require.cache).some((file) => file.includes(`${path.sep}node_modules${path.sep}yaml${path.sep}`));

describe('yaml library loading', () => {
	it('is not loaded to validate JSON records, and is loaded for the first template', () => {
		const record = fs.readFileSync(path.join(repoRoot(), 'examples', 'records', 'sqs-record.json'), 'utf8');
		assert.equal(analyzeDocument(record, { fileName: 'sqs-record.json' }).kind, 'failure-record');
		assert.equal(yamlLoaded(), false);
		const template = fs.readFileSync(path.join(repoRoot(), 'examples', 'templates', 'sam-orders.yaml'), 'utf8');
		const analysis = analyzeDocument(template, { fileName: 'sam-orders.yaml', languageId: 'yaml' });
		assert.equal(analysis.kind, 'cfn-template');
		assert.equal(yamlLoaded(), true);
	});
});
