/**
 * Lossless offset parsing (server/src/language/util/offsets.ts): Kafka offsets are 64-bit and a
 * JavaScript number is exact only to 2^53 - 1, so every value is read as BigInt from its text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	MAX_KAFKA_OFFSET,
	exactOffset,
	isUnsafeInteger,
	parseJsonIntegerText,
	parseOffsetText,
	parsePartitionText,
} from '../../server/src/language/util/offsets';

describe('parseOffsetText', () => {
	it('reads offsets from 0 to 2^63 - 1 exactly', () => {
		assert.deepEqual(parseOffsetText('0'), { value: 0n });
		assert.deepEqual(parseOffsetText('42'), { value: 42n });
		assert.deepEqual(parseOffsetText('9007199254740993'), { value: 9007199254740993n });
		assert.deepEqual(parseOffsetText('9223372036854775807'), { value: MAX_KAFKA_OFFSET });
	});

	it('names what is wrong with text that is not an offset', () => {
		assert.deepEqual(parseOffsetText(''), { issue: { reason: 'empty' } });
		assert.deepEqual(parseOffsetText('-5'), { issue: { reason: 'negative' } });
		assert.deepEqual(parseOffsetText('+5'), { issue: { reason: 'plus-sign' } });
		assert.deepEqual(parseOffsetText('042'), { issue: { reason: 'leading-zero' } });
		assert.deepEqual(parseOffsetText('00'), { issue: { reason: 'leading-zero' } });
		assert.deepEqual(parseOffsetText('41.5'), { issue: { reason: 'fraction', index: 2 } });
		assert.deepEqual(parseOffsetText('12a'), { issue: { reason: 'bad-char', index: 2, char: 'a' } });
		assert.deepEqual(parseOffsetText(' 42'), { issue: { reason: 'bad-char', index: 0, char: ' ' } });
		assert.deepEqual(parseOffsetText('-'), { issue: { reason: 'bad-char', index: 0, char: '-' } });
		assert.deepEqual(parseOffsetText('1.'), { issue: { reason: 'bad-char', index: 1, char: '.' } });
		assert.deepEqual(parseOffsetText('1😀'), { issue: { reason: 'bad-char', index: 1, char: '😀' } });
		assert.deepEqual(parseOffsetText('9223372036854775808'), { issue: { reason: 'above-max', value: 9223372036854775808n } });
		assert.deepEqual(parseOffsetText('49601189658422359378836298521827638475320189012309704722'), { issue: { reason: 'too-many-digits', digits: 56 } });
	});

	it('is linear on long input and never throws', () => {
		assert.deepEqual(parseOffsetText('9'.repeat(1_000_000)), { issue: { reason: 'too-many-digits', digits: 1_000_000 } });
		assert.deepEqual(parseOffsetText(`${'1'.repeat(999_999)}x`), { issue: { reason: 'bad-char', index: 999_999, char: 'x' } });
	});
});

describe('parsePartitionText', () => {
	it('accepts 0..2147483647 in plain digits', () => {
		assert.deepEqual(parsePartitionText('0'), { value: 0n });
		assert.deepEqual(parsePartitionText('2147483647'), { value: 2147483647n });
		assert.equal(parsePartitionText('2147483648').issue?.reason, 'above-max');
		assert.equal(parsePartitionText('99999999999').issue?.reason, 'too-many-digits');
		assert.equal(parsePartitionText('01').issue?.reason, 'leading-zero');
	});
});

describe('parseJsonIntegerText', () => {
	it('reads plain integers exactly, beyond 2^53', () => {
		assert.deepEqual(parseJsonIntegerText('9007199254740993'), { form: 'plain', value: 9007199254740993n });
		assert.deepEqual(parseJsonIntegerText('-5'), { form: 'plain', value: -5n });
		assert.deepEqual(parseJsonIntegerText('0'), { form: 'plain', value: 0n });
	});

	it('expands whole numbers written with a fraction or an exponent', () => {
		assert.deepEqual(parseJsonIntegerText('42.0'), { form: 'scientific', value: 42n });
		assert.deepEqual(parseJsonIntegerText('4.2e1'), { form: 'scientific', value: 42n });
		assert.deepEqual(parseJsonIntegerText('1E19'), { form: 'scientific', value: 10000000000000000000n });
		assert.deepEqual(parseJsonIntegerText('4200e-2'), { form: 'scientific', value: 42n });
		assert.deepEqual(parseJsonIntegerText('0.0'), { form: 'scientific', value: 0n });
	});

	it('rejects fractions, huge exponents and text that is not a JSON number', () => {
		assert.deepEqual(parseJsonIntegerText('1.5'), { form: 'other' });
		assert.deepEqual(parseJsonIntegerText('41e-1'), { form: 'other' });
		assert.deepEqual(parseJsonIntegerText('1e100000'), { form: 'other' });
		assert.deepEqual(parseJsonIntegerText('"42"'), { form: 'other' });
		assert.deepEqual(parseJsonIntegerText('042'), { form: 'other' });
	});
});

describe('exactOffset and isUnsafeInteger', () => {
	it('takes strings, safe numbers, and unsafe numbers with their source text', () => {
		assert.equal(exactOffset('42', undefined), 42n);
		assert.equal(exactOffset(42, undefined), 42n);
		const rounded = JSON.parse('9007199254740993') as number;
		assert.equal(rounded, 9007199254740992, 'JSON.parse rounds, which is the whole point');
		assert.equal(exactOffset(rounded, '9007199254740993'), 9007199254740993n);
		assert.equal(exactOffset(rounded, undefined), undefined);
		assert.equal(exactOffset(-1, undefined), undefined);
		assert.equal(exactOffset('abc', undefined), undefined);
		assert.equal(exactOffset(null, undefined), undefined);
		assert.equal(exactOffset(1.5, '1.5'), undefined);
		assert.equal(exactOffset(1e19, '1e19'), undefined, 'above 2^63 - 1');
	});

	it('knows which integers JSON.parse may have rounded', () => {
		assert.equal(isUnsafeInteger(9007199254740991), false);
		assert.equal(isUnsafeInteger(9007199254740992), true);
		assert.equal(isUnsafeInteger(-9007199254740992), true);
		assert.equal(isUnsafeInteger(1.5), false);
		assert.equal(isUnsafeInteger(Infinity), false);
	});
});
