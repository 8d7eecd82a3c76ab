import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAllSummary } from '../../client/src/commands/fixAllSummary';

describe('what Fix All Pasted-Example Problems says afterwards (issue 17, item 8)', () => {
	it('names each placeholder left, with its 1-based line', () => {
		assert.equal(
			fixAllSummary({
				isValidJson: true,
				placeholders: [
					{ path: 'KafkaBatchInfo.bootstrapServers', text: '"..."', line: 17, character: 24 },
					{ path: 'payload', text: '"<Whole Event>"', line: 30, character: 13 },
				],
			}),
			'Removed the comments and trailing commas and kept the first alternative of each union: the document is JSON now. Fill in the placeholders from AWS\'s example: KafkaBatchInfo.bootstrapServers = "..." (line 18); payload = "<Whole Event>" (line 31).',
		);
	});

	it('says when none is left, and when other syntax errors remain', () => {
		assert.equal(
			fixAllSummary({ isValidJson: true, placeholders: [] }),
			'Removed the comments and trailing commas and kept the first alternative of each union: the document is JSON now. No placeholders are left.',
		);
		assert.equal(
			fixAllSummary({ isValidJson: false, placeholders: [] }),
			'Removed the comments and trailing commas and kept the first alternative of each union; other syntax errors remain (see the Problems panel).',
		);
	});
});
