/** `provisioned-mode-required`: Kafka error-handling controls are documented for provisioned mode only. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';

const CODE = 'provisioned-mode-required';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';
const BASE = { FunctionName: 'f', EventSourceArn: MSK, Topics: ['orders'], StartingPosition: 'LATEST' };

function messages(members: Record<string, unknown>): string[] {
	return problemsWithCode(JSON.stringify({ ...BASE, ...members }), CODE).map((p) => p.message);
}

describe('provisioned-mode-required', () => {
	it('warns on the key of each control set without ProvisionedPollerConfig', () => {
		const text = JSON.stringify({ ...BASE, MaximumRetryAttempts: 3 });
		const start = text.indexOf('"MaximumRetryAttempts"');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message: 'MaximumRetryAttempts is documented for Kafka mappings in provisioned mode only; add ProvisionedPollerConfig, or AWS may reject or ignore it.',
				range: [0, start, 0, start + '"MaximumRetryAttempts"'.length],
				text: '"MaximumRetryAttempts"',
				fixes: [],
			},
		]);
		assert.equal(messages({ MaximumRecordAgeInSeconds: 3600, BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'] }).length, 3);
	});

	it('explains that an empty ProvisionedPollerConfig is on-demand mode', () => {
		assert.deepEqual(messages({ BisectBatchOnFunctionError: true, ProvisionedPollerConfig: {} }), [
			'BisectBatchOnFunctionError is documented for Kafka mappings in provisioned mode only; set MinimumPollers and MaximumPollers, as an empty ProvisionedPollerConfig selects on-demand mode, or AWS may reject or ignore it.',
		]);
	});

	it('applies to self-managed Kafka', () => {
		assert.equal(problemsWithCode(JSON.stringify({ FunctionName: 'f', SelfManagedEventSource: {}, MaximumRetryAttempts: 2 }), CODE).length, 1);
	});

	it('is silent in provisioned mode, for default values, for other sources and on update', () => {
		assert.deepEqual(messages({ MaximumRetryAttempts: 3, ProvisionedPollerConfig: { MinimumPollers: 1 } }), []);
		assert.deepEqual(messages({ MaximumRetryAttempts: -1, MaximumRecordAgeInSeconds: -1, BisectBatchOnFunctionError: false, FunctionResponseTypes: [] }), []);
		assert.deepEqual(
			problemsWithCode(JSON.stringify({ FunctionName: 'f', EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', MaximumRetryAttempts: 3 }), CODE),
			[],
		);
		assert.deepEqual(problemsWithCode(JSON.stringify({ UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2', MaximumRetryAttempts: 3 }), CODE), []);
		assert.deepEqual(messages({ MaximumRetryAttempts: '3' }), []);
	});

	it('leaves a kafka:// destination to kafka-destination-requirements', () => {
		assert.deepEqual(messages({ DestinationConfig: { OnFailure: { Destination: 'kafka://dlq' } } }), []);
	});
});
