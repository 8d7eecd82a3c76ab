/**
 * Offset-range arithmetic for the preview, in BigInt: Kafka offsets are 64-bit and a JavaScript
 * number is exact only to 2^53 - 1, so no value here is ever a number.
 *
 * Ranges are closed (`first` and `last` both belong to the range), as in `recordsInfo`.
 */

/** A closed range of offsets, with the index of whatever it came from (a failure record). */
export interface OffsetRange {
	first: bigint;
	last: bigint;
	source: number;
}

/** Ranges joined because they overlap or touch; `sources` are the inputs that make it up, in input order. */
export interface MergedRange {
	first: bigint;
	last: bigint;
	count: bigint;
	sources: number[];
}

/** Offsets between two merged ranges that no input mentions. */
export interface OffsetGap {
	first: bigint;
	last: bigint;
	size: bigint;
}

/** Offsets that two or more inputs both mention. */
export interface OffsetOverlap {
	first: bigint;
	last: bigint;
	size: bigint;
	/** The inputs that cover these offsets, in input order. */
	sources: number[];
	/** Whether the overlapping inputs are the very same range (a record delivered twice, say). */
	duplicate: boolean;
}

export interface RangeUnion {
	merged: MergedRange[];
	gaps: OffsetGap[];
	overlaps: OffsetOverlap[];
	/** How many distinct offsets the inputs cover. */
	total: bigint;
}

/** Offsets in a closed range: last - first + 1 (0 when the range is reversed). */
export function rangeCount(first: bigint, last: bigint): bigint {
	return last >= first ? last - first + 1n : 0n;
}

/**
 * Merges ranges: sorts them by first offset, joins those that overlap or are adjacent, and lists
 * the gaps between the merged ranges and the offsets covered more than once. Reversed ranges
 * (first > last) are left out; callers report them. O(n log n) in the number of ranges, plus the
 * overlaps found.
 */
export function unionRanges(ranges: readonly OffsetRange[]): RangeUnion {
	const valid = ranges.filter((r) => r.first <= r.last);
	const sorted = [...valid].sort((a, b) => compare(a.first, b.first) || compare(a.last, b.last) || a.source - b.source);
	const merged: MergedRange[] = [];
	for (const range of sorted) {
		const current = merged[merged.length - 1];
		if (current && range.first <= current.last + 1n) {
			current.last = max(current.last, range.last);
			current.sources.push(range.source);
		} else {
			merged.push({ first: range.first, last: range.last, count: 0n, sources: [range.source] });
		}
	}
	const gaps: OffsetGap[] = [];
	let total = 0n;
	for (let i = 0; i < merged.length; i++) {
		const range = merged[i];
		range.count = rangeCount(range.first, range.last);
		range.sources = uniqueSorted(range.sources);
		total += range.count;
		const next = merged[i + 1];
		if (next) {
			gaps.push({ first: range.last + 1n, last: next.first - 1n, size: next.first - range.last - 1n });
		}
	}
	return { merged, gaps, overlaps: findOverlaps(valid), total };
}

/**
 * The offsets covered by two or more ranges, as maximal segments over which the same ranges
 * apply. A sweep over the range ends: each segment is reported once however many ranges cover it.
 */
function findOverlaps(ranges: readonly OffsetRange[]): OffsetOverlap[] {
	// +1 where a range starts, -1 just after it ends.
	const events: { at: bigint; index: number; delta: 1 | -1 }[] = [];
	ranges.forEach((r, index) => {
		events.push({ at: r.first, index, delta: 1 }, { at: r.last + 1n, index, delta: -1 });
	});
	events.sort((a, b) => compare(a.at, b.at) || a.delta - b.delta);
	const overlaps: OffsetOverlap[] = [];
	const active = new Set<number>();
	let i = 0;
	while (i < events.length) {
		const at = events[i].at;
		while (i < events.length && events[i].at === at) {
			const event = events[i];
			if (event.delta === 1) {
				active.add(event.index);
			} else {
				active.delete(event.index);
			}
			i++;
		}
		if (active.size >= 2 && i < events.length) {
			const last = events[i].at - 1n;
			const members = [...active].map((k) => ranges[k]);
			const first0 = members[0];
			overlaps.push({
				first: at,
				last,
				size: rangeCount(at, last),
				sources: uniqueSorted(members.map((m) => m.source)),
				duplicate: members.every((m) => m.first === first0.first && m.last === first0.last),
			});
		}
	}
	return overlaps;
}

function uniqueSorted(values: readonly number[]): number[] {
	return [...new Set(values)].sort((a, b) => a - b);
}

function compare(a: bigint, b: bigint): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function max(a: bigint, b: bigint): bigint {
	return a > b ? a : b;
}
