/** `poller-range`: MaximumPollers above the documented 2000; MinimumPollers above MaximumPollers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWithCode } from '../../helpers';

const CODE = 'poller-range';

function request(pollers: string): string {
	return `{"FunctionName": "f", "ProvisionedPollerConfig": ${pollers}}`;
}

function rangeOf(text: string, needle: string, after: string): [number, number, number, number] {
	const start = text.indexOf(needle, text.indexOf(after) + after.length);
	return [0, start, 0, start + needle.length];
}

describe('poller-range', () => {
	it('warns above 2000 maximum pollers (the model allows 10000)', () => {
		const text = request('{"MinimumPollers": 1, "MaximumPollers": 5000}');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'warning',
				message: 'MaximumPollers is 5000, above the 2000 the Lambda documentation gives as the limit (the API model allows up to 10000).',
				range: rangeOf(text, '5000', '"MaximumPollers"'),
				text: '5000',
				fixes: [],
			},
		]);
	});

	it('reports MinimumPollers above MaximumPollers on MinimumPollers', () => {
		const text = request('{"MinimumPollers": 5, "MaximumPollers": 3}');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'MinimumPollers is 5, above MaximumPollers (3); MinimumPollers must not exceed MaximumPollers.',
				range: rangeOf(text, '5', '"MinimumPollers"'),
				text: '5',
				fixes: [],
			},
		]);
	});

	it('accepts documented values, equal bounds and either bound alone', () => {
		for (const pollers of [
			'{"MinimumPollers": 1, "MaximumPollers": 3}',
			'{"MinimumPollers": 3, "MaximumPollers": 3}',
			'{"MaximumPollers": 2000}',
			'{"MinimumPollers": 200}',
			'{}',
		]) {
			assert.deepEqual(problemsWithCode(request(pollers), CODE), [], pollers);
		}
	});

	it('leaves out-of-model values and wrong types to the schema', () => {
		for (const pollers of [
			'{"MaximumPollers": 10001}',
			'{"MinimumPollers": 300, "MaximumPollers": 250}',
			'{"MinimumPollers": "5", "MaximumPollers": 3}',
			'{"MaximumPollers": 2500.5}',
		]) {
			assert.deepEqual(problemsWithCode(request(pollers), CODE), [], pollers);
		}
		assert.deepEqual(problemsWithCode(request('[1, 2]'), CODE), []);
	});
});
