/**
 * Offsets in failure records (`recordsInfo[k].firstRecordOffset` / `lastRecordOffset`,
 * `recordInfo.offset`): AWS's examples write them as strings, and real records may hold JSON
 * numbers (facts sheet §6, "What offsets really look like"), so both are accepted. Either way the
 * value must be a Kafka offset, 0..9223372036854775807, read losslessly: a JSON number's source
 * text is used, because JSON.parse has already rounded anything above 2^53 - 1.
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import { isObject, member } from '../../../../shared/jsonPath';
import { quoteText } from '../../../../shared/printable';
import type { DecimalIssue } from '../util/offsets';
import { MAX_KAFKA_OFFSET, MAX_OFFSET_DIGITS, parseJsonIntegerText, parseOffsetText, plainOffset, smallDecimalValue } from '../util/offsets';
import type { Rule, RuleContext, RuleReport } from './types';

/** The offsets AWS's documentation shows for Kafka, which are Kinesis sequence numbers (facts sheet §6 item 4). */
const DOCUMENTED_KINESIS_NUMBERS = new Set([
	'49601189658422359378836298521827638475320189012309704722',
	'49601189658422359378836298522902373528957594348623495186',
]);

const LIMIT = `Kafka offsets are 64-bit, at most ${MAX_KAFKA_OFFSET}`;

/** An offset's exact value (with its text as written), a problem with it, or both (a value that tools may round). */
interface Reading {
	exact?: { value: number | bigint; shown: string };
	report?: Omit<RuleReport, 'path'>;
}

/** What an offset's text shows, for the message of its issue. */
interface OffsetText {
	/** `"name"`, as messages name the field. */
	field: string;
	/** The value as messages show it. */
	shown: string;
	/** The value's text (without quotes). */
	text: string;
	/** The value is a string (its issues can point inside it, and fixes keep it one). */
	quoted: boolean;
}

type IssueReport<I> = (issue: I, offset: OffsetText) => Omit<RuleReport, 'path'>;

/** The report of each way an offset's text can be wrong. */
const ISSUE_REPORTS: { [R in DecimalIssue['reason']]: IssueReport<Extract<DecimalIssue, { reason: R }>> } = {
	empty: (_issue, { field }) => ({ severity: 'error', message: `${field} is an empty string; expected a Kafka offset such as "42".` }),
	negative: (_issue, { field, shown }) => ({ severity: 'error', message: `${field} ${shown} is negative; Kafka offsets start at 0.` }),
	'plus-sign': (_issue, { field, shown, text, quoted }) => {
		const digits = text.slice(1);
		return {
			severity: 'error',
			message: `${field} ${shown} has a plus sign; write the offset in digits only.`,
			fixes: [{ kind: 'replaceValue', title: `Change to ${quoted ? JSON.stringify(digits) : digits}`, newText: quoted ? JSON.stringify(digits) : digits }],
		};
	},
	'leading-zero': (_issue, { field, shown, text }) => {
		let zeros = 0;
		while (zeros < text.length - 1 && text.charCodeAt(zeros) === 0x30) {
			zeros++;
		}
		const digits = text.slice(zeros);
		return {
			severity: 'error',
			message: `${field} ${shown} has a leading zero; Kafka offsets are written without one.`,
			fixes: [{ kind: 'replaceValue', title: `Change to ${JSON.stringify(digits)}`, newText: JSON.stringify(digits) }],
		};
	},
	fraction: (issue, { field, shown, text, quoted }) => ({
		severity: 'error',
		message: `${field} ${shown} is not a whole number; Kafka offsets are integers.`,
		span: quoted ? { start: issue.index, end: text.length } : undefined,
	}),
	'bad-char': (issue, { field, shown, quoted }) => ({
		severity: 'error',
		message: `${field} ${shown} is not a decimal number: ${JSON.stringify(issue.char)} at position ${issue.index + 1} is not a digit.`,
		span: quoted ? { start: issue.index, end: issue.index + issue.char.length } : undefined,
	}),
	'too-many-digits': (issue, { field, text }) => ({
		severity: 'error',
		message: DOCUMENTED_KINESIS_NUMBERS.has(text)
			? `${field} has ${issue.digits} digits: this is a Kinesis sequence number from AWS's documentation example, not a Kafka offset (${LIMIT}).`
			: `${field} has ${issue.digits} digits, too many for a Kafka offset (${LIMIT}); a number this long looks like a Kinesis sequence number, as in AWS's documentation example.`,
	}),
	'above-max': (_issue, { field, shown }) => ({ severity: 'error', message: `${field} ${shown} is above the largest Kafka offset, ${MAX_KAFKA_OFFSET}.` }),
};

function issueReport(name: string, shown: string, text: string, issue: DecimalIssue, quoted: boolean): Omit<RuleReport, 'path'> {
	// ISSUE_REPORTS pairs each reason with its report; TypeScript cannot follow that pairing through the index.
	const report = ISSUE_REPORTS[issue.reason] as IssueReport<DecimalIssue>;
	return report(issue, { field: `"${name}"`, shown, text, quoted });
}

/**
 * Reads one offset member; reports nothing for types the schema reports (not a string or
 * integer). Short decimal strings and safe integers take a fast path without BigInt; only JSON
 * numbers above 2^53 - 1 need their source text.
 */
function readOffset(ctx: RuleContext, path: () => JsonPath, name: string, value: unknown): Reading | undefined {
	if (typeof value === 'string') {
		const small = smallDecimalValue(value);
		if (small >= 0) {
			return { exact: { value: small, shown: value } };
		}
		const parsed = parseOffsetText(value);
		return parsed.issue ? { report: issueReport(name, quoteText(value), value, parsed.issue, true) } : { exact: { value: parsed.value, shown: value } };
	}
	if (typeof value !== 'number' || !Number.isInteger(value)) {
		return undefined;
	}
	if (Number.isSafeInteger(value)) {
		return value < 0 ? { report: issueReport(name, String(value), String(value), { reason: 'negative' }, false) } : { exact: { value, shown: String(value) } };
	}
	const raw = ctx.rawNumber(path());
	if (raw === undefined) {
		return roundedReading(name, value);
	}
	const exact = parseJsonIntegerText(raw);
	if (exact.form === 'other') {
		return roundedReading(name, value);
	}
	if (exact.form === 'scientific') {
		const digits = exact.value.toString();
		return {
			report: {
				severity: 'error',
				message: `"${name}" ${raw} is written with a fraction or an exponent; write the offset in plain digits, ${digits}.`,
				fixes: [{ kind: 'replaceValue', title: `Change to ${digits}`, newText: digits }],
			},
		};
	}
	const text = exact.value.toString();
	const parsed = parseOffsetText(text);
	if (parsed.issue) {
		return { report: issueReport(name, raw, text, parsed.issue, false) };
	}
	const rounded = BigInt(value).toString();
	const roundedNote = rounded === text ? '' : ` (here to ${rounded})`;
	return {
		exact: { value: parsed.value, shown: text },
		report: {
			severity: 'warning',
			message: `"${name}" ${text} is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round${roundedNote}; AWS's documentation writes offsets as strings.`,
			fixes: [{ kind: 'replaceValue', title: `Change to "${text}"`, newText: JSON.stringify(text) }],
		},
	};
}

/** An unsafe JSON number judged by its rounded value, when its source text was not read. */
function roundedReading(name: string, value: number): Reading {
	const rounded = BigInt(value);
	const shown = `about ${rounded}`;
	if (rounded < 0n) {
		return { report: { severity: 'error', message: `"${name}" ${shown} is negative; Kafka offsets start at 0.` } };
	}
	if (rounded > MAX_KAFKA_OFFSET + 1n) {
		const digits = rounded.toString().length;
		return {
			report: {
				severity: 'error',
				message:
					digits > MAX_OFFSET_DIGITS
						? `"${name}" has about ${digits} digits, too many for a Kafka offset (${LIMIT}); a number this long looks like a Kinesis sequence number, as in AWS's documentation example.`
						: `"${name}" ${shown} is above the largest Kafka offset, ${MAX_KAFKA_OFFSET}.`,
			},
		};
	}
	// Unknown exactly: not compared with the other end of the range.
	return {
		report: {
			severity: 'warning',
			message: `"${name}" is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round (here to ${rounded}); AWS's documentation writes offsets as strings.`,
		},
	};
}

/** Reports a reading's problem; returns its exact value when it has one. */
function take(ctx: RuleContext, path: () => JsonPath, reading: Reading | undefined): Reading['exact'] {
	if (reading?.report) {
		ctx.report({ ...reading.report, path: path() });
	}
	return reading?.exact;
}

function isBefore(a: number | bigint, b: number | bigint): boolean {
	return typeof a === 'number' && typeof b === 'number' ? a < b : BigInt(a) < BigInt(b);
}

function reportLastBeforeFirst(ctx: RuleContext, key: string, lastShown: string, firstShown: string): void {
	ctx.report({
		severity: 'error',
		message: `"lastRecordOffset" ${lastShown} is before "firstRecordOffset" ${firstShown}; a range ends at or after its first offset.`,
		path: ['KafkaBatchInfo', 'recordsInfo', key, 'lastRecordOffset'],
	});
}

function checkRange(ctx: RuleContext, key: string, range: Record<string, unknown>): void {
	const firstValue = range['firstRecordOffset'];
	const lastValue = range['lastRecordOffset'];
	const firstPlain = plainOffset(firstValue);
	const lastPlain = plainOffset(lastValue);
	if (firstPlain >= 0 && lastPlain >= 0) {
		if (lastPlain < firstPlain) {
			reportLastBeforeFirst(ctx, key, String(lastValue), String(firstValue));
		}
		return;
	}
	checkRangeExactly(ctx, key, firstValue, lastValue);
}

/** The general path, a function of its own: its closures capture `key`, and V8 allocates the context holding it on entry. */
function checkRangeExactly(ctx: RuleContext, key: string, firstValue: unknown, lastValue: unknown): void {
	const firstPath = (): JsonPath => ['KafkaBatchInfo', 'recordsInfo', key, 'firstRecordOffset'];
	const lastPath = (): JsonPath => ['KafkaBatchInfo', 'recordsInfo', key, 'lastRecordOffset'];
	const first = take(ctx, firstPath, readOffset(ctx, firstPath, 'firstRecordOffset', firstValue));
	const last = take(ctx, lastPath, readOffset(ctx, lastPath, 'lastRecordOffset', lastValue));
	if (first && last && isBefore(last.value, first.value)) {
		reportLastBeforeFirst(ctx, key, last.shown, first.shown);
	}
}

function check(ctx: RuleContext): void {
	const info = member(ctx.value, 'KafkaBatchInfo');
	if (!isObject(info)) {
		return;
	}
	const ranges = member(info, 'recordsInfo');
	if (isObject(ranges)) {
		// for...in rather than Object.keys: no array per record.
		for (const key in ranges) {
			const range = member(ranges, key);
			if (isObject(range)) {
				checkRange(ctx, key, range);
			}
		}
	}
	const single = member(info, 'recordInfo');
	if (isObject(single)) {
		const path = (): JsonPath => ['KafkaBatchInfo', 'recordInfo', 'offset'];
		take(ctx, path, readOffset(ctx, path, 'offset', single['offset']));
	}
}

/** Checks failure-record offsets losslessly: decimal, 0..2^63 - 1, first <= last. */
export const offsetRange: Rule = {
	id: 'offset-range',
	kinds: ['failure-record'],
	description:
		"Checks that recordsInfo and recordInfo offsets are decimal Kafka offsets from 0 to 9223372036854775807, compared losslessly, with firstRecordOffset <= lastRecordOffset, and explains the 56-digit Kinesis sequence numbers in AWS's examples.",
	check,
};
