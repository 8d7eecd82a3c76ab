/**
 * The documentation's misspelling `ProvisionedPollersConfig` (facts sheet §6 #12) needs no rule of
 * its own: the schema layer's unknown-field diagnostic suggests the API name and renames it. These
 * tests hold that, and that the misspelling gets exactly one diagnostic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsOf } from '../../helpers';

describe('ProvisionedPollersConfig (documentation spelling)', () => {
	const text =
		'{\n  "FunctionName": "f",\n  "EventSourceArn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/11111111-2222-3333-4444-555555555555-1",\n  "Topics": ["orders"],\n  "StartingPosition": "LATEST",\n  "ProvisionedPollersConfig": {"MinimumPollers": 1, "MaximumPollers": 3}\n}';

	it('gets one unknown-field error with a did-you-mean and a rename fix', () => {
		assert.deepEqual(problemsOf(text), [
			{
				code: 'unknown-field',
				severity: 'error',
				message: 'Unknown field "ProvisionedPollersConfig": AWS rejects fields it does not define. Did you mean "ProvisionedPollerConfig"?',
				range: [5, 2, 5, 28],
				text: '"ProvisionedPollersConfig"',
				fixes: ['Rename to "ProvisionedPollerConfig"', 'Remove "ProvisionedPollersConfig"'],
			},
		]);
	});

	it('is fixed by the rename, after which provisioned mode is recognised', () => {
		const problem = analyze(text).problems.find((p) => p.code === 'unknown-field')!;
		const renamed = applyFix(text, problem);
		assert.ok(renamed.includes('"ProvisionedPollerConfig": {"MinimumPollers": 1'));
		assert.deepEqual(problemsOf(renamed), []);
		// With a kafka:// destination, the misspelt key does not count as provisioned mode.
		const withDestination = text.replace('\n}', ',\n  "DestinationConfig": {"OnFailure": {"Destination": "kafka://dlq"}}\n}');
		assert.ok(problemsOf(withDestination).some((p) => p.code === 'kafka-destination-requirements' && p.severity === 'error'));
	});
});
