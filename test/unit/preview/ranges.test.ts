import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OffsetRange } from '../../../server/src/language/preview/ranges';
import { rangeCount, unionRanges } from '../../../server/src/language/preview/ranges';

const MAX = 9223372036854775807n;

function r(first: bigint, last: bigint, source: number): OffsetRange {
	return { first, last, source };
}

/** The union as plain strings, for readable assertions. */
function shown(ranges: OffsetRange[]): { merged: string[]; gaps: string[]; overlaps: string[]; total: string } {
	const u = unionRanges(ranges);
	return {
		merged: u.merged.map((m) => `${m.first}-${m.last} n=${m.count} [${m.sources.join(',')}]`),
		gaps: u.gaps.map((g) => `${g.first}-${g.last} n=${g.size}`),
		overlaps: u.overlaps.map((o) => `${o.first}-${o.last} n=${o.size} [${o.sources.join(',')}]${o.duplicate ? ' dup' : ''}`),
		total: u.total.toString(),
	};
}

describe('range arithmetic', () => {
	it('counts closed ranges exactly', () => {
		assert.equal(rangeCount(41n, 42n), 2n);
		assert.equal(rangeCount(17n, 17n), 1n);
		assert.equal(rangeCount(5n, 4n), 0n);
		assert.equal(rangeCount(0n, MAX), MAX + 1n);
	});

	it('counts beyond 2^53 without rounding', () => {
		const first = 9007199254740993n; // 2^53 + 1: not a double
		assert.equal(rangeCount(first, first + 2n), 3n);
		assert.equal(rangeCount(0n, 2n ** 53n).toString(), '9007199254740993');
		assert.equal(rangeCount(MAX - 10n, MAX), 11n);
	});

	it('sorts and merges overlapping and adjacent ranges, and lists the gaps', () => {
		assert.deepEqual(shown([r(20n, 29n, 0), r(0n, 9n, 1), r(10n, 12n, 2), r(40n, 40n, 3)]), {
			merged: ['0-12 n=13 [1,2]', '20-29 n=10 [0]', '40-40 n=1 [3]'],
			gaps: ['13-19 n=7', '30-39 n=10'],
			overlaps: [],
			total: '24',
		});
	});

	it('marks overlaps once per segment, with every range covering it', () => {
		assert.deepEqual(shown([r(0n, 10n, 0), r(5n, 15n, 1), r(8n, 12n, 2)]), {
			merged: ['0-15 n=16 [0,1,2]'],
			gaps: [],
			overlaps: ['5-7 n=3 [0,1]', '8-10 n=3 [0,1,2]', '11-12 n=2 [1,2]'],
			total: '16',
		});
	});

	it('marks identical ranges as duplicates', () => {
		assert.deepEqual(shown([r(41n, 42n, 0), r(41n, 42n, 1), r(41n, 42n, 2)]).overlaps, ['41-42 n=2 [0,1,2] dup']);
	});

	it('leaves reversed ranges out', () => {
		assert.deepEqual(shown([r(9n, 3n, 0), r(1n, 1n, 1)]), { merged: ['1-1 n=1 [1]'], gaps: [], overlaps: [], total: '1' });
	});

	it('handles offsets near 2^63 - 1', () => {
		const u = unionRanges([r(MAX - 5n, MAX, 0), r(MAX - 100n, MAX - 50n, 1), r(MAX - 49n, MAX - 49n, 2)]);
		assert.deepEqual(
			u.merged.map((m) => [m.first.toString(), m.last.toString(), m.count.toString()]),
			[
				['9223372036854775707', '9223372036854775758', '52'],
				['9223372036854775802', '9223372036854775807', '6'],
			],
		);
		assert.deepEqual(
			u.gaps.map((g) => [g.first.toString(), g.last.toString(), g.size.toString()]),
			[['9223372036854775759', '9223372036854775801', '43']],
		);
		assert.equal(u.total, 58n);
	});

	it('merges a whole 64-bit span and a gap larger than 2^53', () => {
		const u = unionRanges([r(0n, 0n, 0), r(MAX, MAX, 1)]);
		assert.equal(u.gaps[0].size.toString(), '9223372036854775806');
		assert.equal(u.total, 2n);
	});

	it('stays fast with many ranges', () => {
		const ranges = Array.from({ length: 20000 }, (_, i) => r(BigInt(i * 10), BigInt(i * 10 + 12), i));
		const started = Date.now();
		const u = unionRanges(ranges);
		assert.equal(u.merged.length, 1);
		assert.equal(u.overlaps.length, 19999);
		assert.ok(Date.now() - started < 2000);
	});
});
