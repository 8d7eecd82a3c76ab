/**
 * The `date-time` format our validators use, in its own module so that the validators compiled
 * at build time (Ajv standalone code, server/src/node/standaloneValidators.ts) can require it
 * without the registry and Ajv.
 */
import { fullFormats } from 'ajv-formats/dist/formats';

const fullDateTime = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;

/**
 * The timestamps Lambda writes (`2025-01-15T12:34:56.789Z`) are settled by a character loop that
 * allocates nothing; anything else (other offsets, a lower-case `t`, a leap second) gets
 * ajv-formats' full RFC 3339 check. The fast path accepts only what the full check accepts, so the
 * result is always the full check's. Why not the full check alone: it splits the string and runs
 * two capturing regexes, about 750 bytes of garbage per call. On a 10,000-record file that garbage
 * (3.7 MB) was enough to make the young generation overflow and copy the whole parsed document.
 */
export function isDateTime(text: string): boolean {
	return isCommonUtcDateTime(text) || fullDateTime(text);
}

/** Ajv's `formats` option, also named by the standalone code (`require(...).DATE_TIME_FORMATS`). */
export const DATE_TIME_FORMATS = { 'date-time': { type: 'string' as const, validate: isDateTime } };

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digit at `index` as a number, or -1. */
function digitAt(text: string, index: number): number {
	const code = text.charCodeAt(index) - 0x30;
	return code >= 0 && code <= 9 ? code : -1;
}

/** Two ASCII digits at `index` as a number, or -1. */
function twoDigits(text: string, index: number): number {
	const tens = digitAt(text, index);
	const ones = digitAt(text, index + 1);
	return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/** `YYYY-MM-DDTHH:MM:SS[.fraction of 1-9 digits]Z` naming a day that exists, hours 00-23, no leap second. */
function isCommonUtcDateTime(text: string): boolean {
	const length = text.length;
	if (length < 20 || length > 30 || text.charCodeAt(length - 1) !== 0x5a /* Z */) {
		return false;
	}
	const century = twoDigits(text, 0);
	const yearOfCentury = twoDigits(text, 2);
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	const hour = twoDigits(text, 11);
	const minute = twoDigits(text, 14);
	const second = twoDigits(text, 17);
	if (
		century < 0 ||
		yearOfCentury < 0 ||
		text.charCodeAt(4) !== 0x2d /* - */ ||
		text.charCodeAt(7) !== 0x2d ||
		text.charCodeAt(10) !== 0x54 /* T */ ||
		text.charCodeAt(13) !== 0x3a /* : */ ||
		text.charCodeAt(16) !== 0x3a ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		hour < 0 ||
		hour > 23 ||
		minute < 0 ||
		minute > 59 ||
		second < 0 ||
		second > 59
	) {
		return false;
	}
	const year = century * 100 + yearOfCentury;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month])) {
		return false;
	}
	if (length === 20) {
		return true;
	}
	// A fraction: a dot, then 1 to 9 digits up to the Z (the length check above caps it at 9).
	if (text.charCodeAt(19) !== 0x2e /* . */ || length === 21) {
		return false;
	}
	for (let i = 20; i < length - 1; i++) {
		if (digitAt(text, i) < 0) {
			return false;
		}
	}
	return true;
}
