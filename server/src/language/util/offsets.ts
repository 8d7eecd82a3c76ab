/**
 * Lossless parsing of Kafka offsets and partition numbers. A Kafka offset is a Java `long`
 * (0..9223372036854775807) and a partition a Java `int`; a JavaScript number is exact only up to
 * 2^53 - 1, and `JSON.parse` has already rounded larger numbers, so every comparison here uses
 * BigInt built from the source text (a decimal string, or the raw text of a JSON number).
 */

/** The largest Kafka offset: 2^63 - 1. */
export const MAX_KAFKA_OFFSET = 9223372036854775807n;
/** The largest Kafka partition number: 2^31 - 1. */
export const MAX_KAFKA_PARTITION = 2147483647;
/** Digits in {@link MAX_KAFKA_OFFSET}. */
export const MAX_OFFSET_DIGITS = 19;

/** Why a decimal text is not a valid non-negative 64-bit integer. */
export type DecimalIssue =
	| { reason: 'empty' }
	/** A minus sign followed by digits: a negative number. */
	| { reason: 'negative' }
	/** A plus sign followed by digits. */
	| { reason: 'plus-sign' }
	/** A leading zero in a number of two or more digits. */
	| { reason: 'leading-zero' }
	/** Digits, a `.`, then digits: a decimal fraction. `index` is the `.`. */
	| { reason: 'fraction'; index: number }
	/** A character that is not a digit (the first one). */
	| { reason: 'bad-char'; index: number; char: string }
	/** More than 19 digits: larger than any 64-bit integer. */
	| { reason: 'too-many-digits'; digits: number }
	/** 19 digits but above {@link MAX_KAFKA_OFFSET}. */
	| { reason: 'above-max'; value: bigint };

export type DecimalParse = { value: bigint; issue?: undefined } | { value?: undefined; issue: DecimalIssue };

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

/** Index of the first character in `text` from `from` that is not an ASCII digit, or -1. */
function firstNonDigit(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		if (!isDigit(text.charCodeAt(i))) {
			return i;
		}
	}
	return -1;
}

/**
 * Parses a decimal string as a Kafka offset: ASCII digits only, no sign, no leading zero,
 * at most 9223372036854775807. Linear in the text's length; never throws.
 */
export function parseOffsetText(text: string, max: bigint = MAX_KAFKA_OFFSET): DecimalParse {
	if (text.length === 0) {
		return { issue: { reason: 'empty' } };
	}
	const first = text.charCodeAt(0);
	if ((first === 0x2d /* - */ || first === 0x2b) /* + */ && text.length > 1 && firstNonDigit(text, 1) < 0) {
		return { issue: { reason: first === 0x2d ? 'negative' : 'plus-sign' } };
	}
	const bad = firstNonDigit(text, 0);
	if (bad >= 0) {
		if (text.charCodeAt(bad) === 0x2e /* . */ && bad > 0 && bad < text.length - 1 && firstNonDigit(text, bad + 1) < 0) {
			return { issue: { reason: 'fraction', index: bad } };
		}
		const codePoint = text.codePointAt(bad) ?? 0;
		return { issue: { reason: 'bad-char', index: bad, char: String.fromCodePoint(codePoint) } };
	}
	if (text.length > 1 && first === 0x30) {
		return { issue: { reason: 'leading-zero' } };
	}
	const maxDigits = max.toString().length;
	if (text.length > maxDigits) {
		return { issue: { reason: 'too-many-digits', digits: text.length } };
	}
	const value = BigInt(text);
	if (value > max) {
		return { issue: { reason: 'above-max', value } };
	}
	return { value };
}

/** How a JSON number's source text reads as an integer. */
export type JsonIntegerText =
	/** Plain digits, optionally negative: the exact value. */
	| { form: 'plain'; value: bigint }
	/** Written with a fraction or an exponent but whole (e.g. `42.0`, `4.2e1`): the exact value. */
	| { form: 'scientific'; value: bigint }
	/** Not a whole number, or too large to expand (exponent above 400). */
	| { form: 'other' };

const MAX_EXPANDED_EXPONENT = 400;

/** Reads the raw text of a JSON number (as `RuleContext.rawNumber` returns it) exactly. Never throws. */
export function parseJsonIntegerText(raw: string): JsonIntegerText {
	const match = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(raw);
	if (!match) {
		return { form: 'other' };
	}
	const [, sign, integer, fraction, exponentText] = match as unknown as [string, string, string, string | undefined, string | undefined];
	if (fraction === undefined && exponentText === undefined) {
		return { form: 'plain', value: BigInt(sign + integer) };
	}
	let digits = integer + (fraction ?? '');
	const exponent = Number(exponentText ?? '0') - (fraction ?? '').length;
	if (!Number.isFinite(exponent) || exponent > MAX_EXPANDED_EXPONENT) {
		return { form: 'other' };
	}
	if (exponent >= 0) {
		digits += '0'.repeat(exponent);
	} else {
		const dropped = digits.slice(exponent);
		if (firstNonZero(dropped) >= 0) {
			return { form: 'other' };
		}
		digits = digits.slice(0, exponent) || '0';
	}
	return { form: 'scientific', value: BigInt(sign + digits) };
}

function firstNonZero(text: string): number {
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) !== 0x30) {
			return i;
		}
	}
	return -1;
}

/** Whether a JSON number read by `JSON.parse` may have been rounded (it is outside ±(2^53 - 1)). */
export function isUnsafeInteger(value: number): boolean {
	return Number.isInteger(value) && !Number.isSafeInteger(value);
}

/** The exact value of an offset given as a string or a JSON number (with its raw text), or undefined when it is not a valid Kafka offset. */
export function exactOffset(value: unknown, raw: string | undefined): bigint | undefined {
	if (typeof value === 'string') {
		return parseOffsetText(value).value;
	}
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value)) {
			return value >= 0 ? BigInt(value) : undefined;
		}
		if (raw === undefined) {
			return undefined;
		}
		const parsed = parseJsonIntegerText(raw);
		return parsed.form !== 'other' && parsed.value >= 0n && parsed.value <= MAX_KAFKA_OFFSET ? parsed.value : undefined;
	}
	return undefined;
}

/**
 * Parses a partition number written as text (the part of a `<topic>-<partition>` key after its
 * last hyphen): digits only, no leading zero, at most 2147483647.
 */
export function parsePartitionText(text: string): DecimalParse {
	return parseOffsetText(text, BigInt(MAX_KAFKA_PARTITION));
}

/** The value of a decimal string of 1 to 15 digits without a leading zero (exact as a number), or -1. */
export function smallDecimalValue(text: string): number {
	const length = text.length;
	if (length === 0 || length > 15 || (length > 1 && text.charCodeAt(0) === 0x30)) {
		return -1;
	}
	let value = 0;
	for (let i = 0; i < length; i++) {
		const digit = text.charCodeAt(i) - 0x30;
		if (digit < 0 || digit > 9) {
			return -1;
		}
		value = value * 10 + digit;
	}
	return value;
}

/**
 * The offset as a number when it is what Lambda writes (a decimal string of at most 15 digits, or
 * a safe non-negative integer), else -1. Such offsets need no BigInt and no source text, so the
 * common case allocates nothing: on a 10,000-record file the readings of the general path were
 * 4 MB of garbage.
 */
export function plainOffset(value: unknown): number {
	if (typeof value === 'string') {
		return smallDecimalValue(value);
	}
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : -1;
}
