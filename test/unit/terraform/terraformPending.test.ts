/**
 * Before the HCL parser is loaded (this file never loads it; each test file runs in its own
 * process), a Terraform document is analysed as pending: no problems, and not final, so the
 * server validates it again once the parser is there instead of publishing the empty result.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isHclParserReady } from '../../../server/src/language/terraform/hclParser';
import { analyzeDocument } from '../../../server/src/language/validation/analyzeDocument';
import { mskMapping } from './tfHelpers';

it('marks a Terraform analysis made before the parser is loaded as pending', () => {
	assert.equal(isHclParserReady(), false);
	const analysis = analyzeDocument(mskMapping('  batch_size = 0'), { fileName: 'main.tf' });
	assert.equal(analysis.kind, 'terraform');
	assert.equal(analysis.terraformPending, true);
	assert.deepEqual(analysis.problems, []);
});
