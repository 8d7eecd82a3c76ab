/**
 * A misspelt top-level key used to make a document invisible: the kind was decided by exact keys,
 * so `{"OnFailur": ...}` in a file without a telling name got no diagnostic at all (issue 11, item 16).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectKind } from '../../server/src/language/kinds/detectKind';
import { problemsOf } from '../helpers';

const QUEUE = 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq';

describe('documents whose telling key is misspelt', () => {
	it('are recognised, and the misspelling is reported with its fix', () => {
		const text = `{"OnFailur": {"Destination": "${QUEUE}"}}`;
		assert.deepEqual(problemsOf(text, { fileName: 'notes.json' }), [
			{
				code: 'unknown-field',
				severity: 'error',
				message: 'Unknown field "OnFailur": AWS rejects fields it does not define. Did you mean "OnFailure"?',
				range: [0, 1, 0, 11],
				text: '"OnFailur"',
				fixes: ['Rename to "OnFailure"', 'Remove "OnFailur"'],
			},
		]);
	});

	it("within two edits in any case, when the object also holds a member the real key's object has", () => {
		assert.equal(detectKind({ onfailure: { Destination: '' } }), 'destination-config');
		assert.equal(detectKind({ OnSucess: { destinaton: '' } }), 'destination-config');
		assert.equal(detectKind({ RequestContex: { requestId: 'r' } }), 'failure-record');
		assert.equal(detectKind({ kafkaBatchinfo: { batchSize: 3 } }), 'failure-record');
	});

	it('or by a member holding an ARN or kafka:// destination under a misspelt Destination key', () => {
		assert.equal(detectKind({ Failed: { Destinaton: QUEUE } }), 'destination-config');
		assert.equal(detectKind({ Failed: { destination: 'KAFKA://orders-failures' } }), 'destination-config');
	});

	it("but not other tools' files: generic keys, values that are not objects, destinations that are paths", () => {
		assert.equal(detectKind({ onFailure: 'retry' }), 'unknown');
		assert.equal(detectKind({ OnFailureCount: {} }), 'unknown');
		assert.equal(detectKind({ config: { destination: './out' } }), 'unknown');
		assert.equal(detectKind({ compilerOptions: { outDir: 'out' } }), 'unknown');
		assert.equal(detectKind({ batchSize: {}, version: {} }), 'unknown');
		// Everyday words two edits from a telling key, with objects of their own.
		assert.equal(detectKind({ success: { title: 'Saved' }, error: { title: 'Oops' } }), 'unknown');
		assert.equal(detectKind({ failure: { message: 'x' } }), 'unknown');
		assert.equal(detectKind({ onSuccess: { redirect: '/home' } }), 'unknown');
		assert.equal(detectKind({ requestContent: { body: '' } }), 'unknown');
	});
});
