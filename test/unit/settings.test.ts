import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEBOUNCE_MS_RANGE, resolveSettings } from '../../shared/settings';
import { repoRoot } from '../helpers';

function debounceOf(debounceMs: unknown): number {
	return resolveSettings({ validation: { debounceMs } }).validation.debounceMs;
}

describe('resolveSettings: validation.debounceMs', () => {
	it('clamps a value above the declared maximum to it, so revalidation never stops (2e9 ms is 23 days)', () => {
		assert.equal(debounceOf(2e9), 5000);
		assert.equal(debounceOf(5001), 5000);
		assert.equal(debounceOf(Number.POSITIVE_INFINITY), 5000);
	});

	it('clamps a negative value to 0', () => {
		assert.equal(debounceOf(-1), 0);
		assert.equal(debounceOf(Number.NEGATIVE_INFINITY), 0);
	});

	it('keeps values in range, bounds included', () => {
		assert.equal(debounceOf(0), 0);
		assert.equal(debounceOf(350), 350);
		assert.equal(debounceOf(5000), 5000);
	});

	it('uses the default for values that are not numbers', () => {
		assert.equal(debounceOf(Number.NaN), 200);
		assert.equal(debounceOf('100'), 200);
		assert.equal(debounceOf(null), 200);
		assert.equal(debounceOf(undefined), 200);
	});

	it('clamps to the range package.json declares', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
			contributes: { configuration: { properties: Record<string, { minimum?: number; maximum?: number }> } };
		};
		const declared = manifest.contributes.configuration.properties['lambdaKafka.validation.debounceMs'];
		assert.deepEqual({ min: declared.minimum, max: declared.maximum }, DEBOUNCE_MS_RANGE);
	});
});
