/** The diff's documents: no rows in the Problems panel, and their tabs found to close when the flow ends. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIFF_SCHEME, diffTabsOf, MAPPING_SCHEME, reportsProblems } from '../../client/src/commands/schemeDocuments';

describe('the diff documents', () => {
	it('list no problems; the mapping document does', () => {
		assert.equal(reportsProblems({ scheme: DIFF_SCHEME }), false);
		assert.equal(reportsProblems({ scheme: MAPPING_SCHEME }), true);
		assert.equal(reportsProblems({ scheme: 'file' }), true);
	});

	it("finds the tabs of this flow's diffs, not other diffs or editors", () => {
		const right = `${DIFF_SCHEME}:/to-be-applied/aaaaaaaa.json?n%3D3`;
		const ours = { input: { original: `${DIFF_SCHEME}:/current/aaaaaaaa.json?n%3D3`, modified: right } };
		const other = { input: { original: 'file:///a.json', modified: 'file:///b.json' } };
		const text = { input: { uri: right } };
		const none = { input: undefined };
		assert.deepEqual(diffTabsOf([other, ours, text, none], new Set([right])), [ours]);
		assert.deepEqual(diffTabsOf([ours], new Set()), []);
	});
});
