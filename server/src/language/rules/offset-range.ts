/**
 * Offsets in failure records (`recordsInfo[k].firstRecordOffset` / `lastRecordOffset`,
 * `recordInfo.offset`): AWS's examples write them as strings, and real records may hold JSON
 * numbers (facts sheet §6, "What offsets really look like"), so both are accepted. Either way the
 * value must be a Kafka offset, 0..9223372036854775807, read losslessly: a JSON number's source
 * text is used, because JSON.parse has already rounded anything above 2^53 - 1.
 */
import * as l10n from '@vscode/l10n';
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

const limit = (): string => l10n.t('Kafka offsets are 64-bit, at most {0}', MAX_KAFKA_OFFSET.toString());

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
	empty: (_issue, { field }) => ({ severity: 'error', message: l10n.t('{0} is an empty string; expected a Kafka offset such as "42".', field) }),
	negative: (_issue, { field, shown }) => ({ severity: 'error', message: l10n.t('{0} {1} is negative; Kafka offsets start at 0.', field, shown) }),
	'plus-sign': (_issue, { field, shown, text, quoted }) => {
		const digits = text.slice(1);
		return {
			severity: 'error',
			message: l10n.t('{0} {1} has a plus sign; write the offset in digits only.', field, shown),
			fixes: [
				{ kind: 'replaceValue', title: l10n.t('Change to {0}', quoted ? JSON.stringify(digits) : digits), newText: quoted ? JSON.stringify(digits) : digits },
			],
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
			message: l10n.t('{0} {1} has a leading zero; Kafka offsets are written without one.', field, shown),
			fixes: [{ kind: 'replaceValue', title: l10n.t('Change to {0}', JSON.stringify(digits)), newText: JSON.stringify(digits) }],
		};
	},
	fraction: (issue, { field, shown, text, quoted }) => ({
		severity: 'error',
		message: l10n.t('{0} {1} is not a whole number; Kafka offsets are integers.', field, shown),
		span: quoted ? { start: issue.index, end: text.length } : undefined,
	}),
	'bad-char': (issue, { field, shown, quoted }) => ({
		severity: 'error',
		message: l10n.t('{0} {1} is not a decimal number: {2} at position {3} is not a digit.', field, shown, JSON.stringify(issue.char), issue.index + 1),
		span: quoted ? { start: issue.index, end: issue.index + issue.char.length } : undefined,
	}),
	'too-many-digits': (issue, { field, text }) => ({
		severity: 'error',
		message: DOCUMENTED_KINESIS_NUMBERS.has(text)
			? l10n.t(
					"{0} has {1} digits: this is a Kinesis sequence number from AWS's documentation example, not a Kafka offset ({2}).",
					field,
					issue.digits,
					limit(),
				)
			: l10n.t(
					"{0} has {1} digits, too many for a Kafka offset ({2}); a number this long looks like a Kinesis sequence number, as in AWS's documentation example.",
					field,
					issue.digits,
					limit(),
				),
	}),
	'above-max': (_issue, { field, shown }) => ({
		severity: 'error',
		message: l10n.t('{0} {1} is above the largest Kafka offset, {2}.', field, shown, MAX_KAFKA_OFFSET.toString()),
	}),
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
				message: l10n.t('"{0}" {1} is written with a fraction or an exponent; write the offset in plain digits, {2}.', name, raw, digits),
				fixes: [{ kind: 'replaceValue', title: l10n.t('Change to {0}', digits), newText: digits }],
			},
		};
	}
	const text = exact.value.toString();
	const parsed = parseOffsetText(text);
	if (parsed.issue) {
		return { report: issueReport(name, raw, text, parsed.issue, false) };
	}
	const rounded = BigInt(value).toString();
	const roundedNote = rounded === text ? '' : l10n.t(' (here to {0})', rounded);
	return {
		exact: { value: parsed.value, shown: text },
		report: {
			severity: 'warning',
			message: l10n.t(
				'"{0}" {1} is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round{2}; AWS\'s documentation writes offsets as strings.',
				name,
				text,
				roundedNote,
			),
			fixes: [{ kind: 'replaceValue', title: l10n.t('Change to "{0}"', text), newText: JSON.stringify(text) }],
		},
	};
}

/** An unsafe JSON number judged by its rounded value, when its source text was not read. */
function roundedReading(name: string, value: number): Reading {
	const rounded = BigInt(value);
	const shown = `about ${rounded}`;
	if (rounded < 0n) {
		return { report: { severity: 'error', message: l10n.t('"{0}" {1} is negative; Kafka offsets start at 0.', name, shown) } };
	}
	if (rounded > MAX_KAFKA_OFFSET + 1n) {
		const digits = rounded.toString().length;
		return {
			report: {
				severity: 'error',
				message:
					digits > MAX_OFFSET_DIGITS
						? l10n.t(
								'"{0}" has about {1} digits, too many for a Kafka offset ({2}); a number this long looks like a Kinesis sequence number, as in AWS\'s documentation example.',
								name,
								digits,
								limit(),
							)
						: l10n.t('"{0}" {1} is above the largest Kafka offset, {2}.', name, shown, MAX_KAFKA_OFFSET.toString()),
			},
		};
	}
	// Unknown exactly: not compared with the other end of the range.
	return {
		report: {
			severity: 'warning',
			message: l10n.t(
				'"{0}" is a JSON number above 2^53 - 1, which JavaScript and many JSON tools round (here to {1}); AWS\'s documentation writes offsets as strings.',
				String(name),
				String(rounded),
			),
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
		message: l10n.t('"lastRecordOffset" {0} is before "firstRecordOffset" {1}; a range ends at or after its first offset.', lastShown, firstShown),
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
