import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AcceptedValues } from '../../server/src/language/util/kafkaRecord';

describe('AcceptedValues', () => {
	it('knows only what was added, including strings that share a length and the characters it samples', () => {
		const accepted = new AcceptedValues();
		const values = ['a', 'b', 'c', 'd', 'e', 'f'];
		for (const value of values) {
			accepted.add(value);
		}
		for (const value of [...values, ...values.reverse()]) {
			assert.equal(accepted.has(value), true, value);
		}
		// A copy built at run time (not the same string object) is found too.
		assert.equal(accepted.has(['a', 'b'].join('').slice(0, 1)), true);
		assert.equal(accepted.has('g'), false);
		// Same length and the same characters where it samples (the last and each eighth; the second is
		// not one of them): one bucket, told apart by comparison.
		const sample = (second: string): string => `a${second}${'c'.repeat(62)}`;
		accepted.add(sample('x'));
		assert.equal(accepted.has(sample('y')), false);
		accepted.add(sample('y'));
		assert.equal(accepted.has(sample('y')), true);
		assert.equal(accepted.has(sample('x')), true);
		assert.equal(accepted.has(sample('z')), false);
	});

	it('knows the empty string only once added', () => {
		const accepted = new AcceptedValues();
		assert.equal(accepted.has(''), false);
		accepted.add('x');
		assert.equal(accepted.has(''), false);
		accepted.add('');
		assert.equal(accepted.has(''), true);
	});

	it('forgets everything when full, and never keeps long strings', () => {
		const accepted = new AcceptedValues(3, 5);
		accepted.add('one');
		accepted.add('two');
		accepted.add('three');
		assert.equal(accepted.has('one'), true);
		accepted.add('four');
		assert.equal(accepted.has('one'), false);
		assert.equal(accepted.has('four'), true);
		accepted.add('longer than five');
		assert.equal(accepted.has('longer than five'), false);
	});
});
