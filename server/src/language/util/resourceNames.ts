/**
 * Naming rules of the resources an on-failure destination ARN names: SQS queues, SNS topics
 * (both: letters, digits, `-`, `_`, an optional `.fifo` suffix) and S3 general purpose buckets
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 */
import * as l10n from '@vscode/l10n';
import type { Severity } from '../validation/problem';

/** A broken naming rule: a message fragment and the characters at fault, relative to the name. */
export interface NameProblem {
	severity: Severity;
	message: string;
	start: number;
	end: number;
}

const FIFO_SUFFIX = '.fifo';

export function isFifoName(name: string): boolean {
	return name.endsWith(FIFO_SUFFIX) && name.length > FIFO_SUFFIX.length;
}

/** The length of the character (one or two UTF-16 units) at `index`. */
function charLength(text: string, index: number): number {
	return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

function charAt(text: string, index: number): string {
	return text.slice(index, index + charLength(text, index));
}

/**
 * Checks an SQS queue name (`service` sqs, at most 80 characters) or SNS topic name (`service` sns,
 * at most 256), `.fifo` included. An empty name is the caller's to report.
 */
export function queueOrTopicNameProblem(name: string, service: 'sqs' | 'sns'): NameProblem | undefined {
	const noun = service === 'sqs' ? l10n.t('SQS queue') : l10n.t('SNS topic');
	const max = service === 'sqs' ? 80 : 256;
	const base = isFifoName(name) ? name.slice(0, -FIFO_SUFFIX.length) : name;
	const bad = /[^A-Za-z0-9_-]/.exec(base);
	if (bad) {
		const character = charAt(base, bad.index);
		return {
			severity: 'error',
			message: l10n.t(
				'{0} name {1} contains {2}; {3} names use only letters, digits, "-" and "_", with an optional .fifo suffix',
				noun,
				JSON.stringify(name),
				JSON.stringify(character),
				noun,
			),
			start: bad.index,
			end: bad.index + character.length,
		};
	}
	if (name.length > max) {
		return {
			severity: 'error',
			message: l10n.t('{0} name {1} is {2} characters long; the maximum is {3}, .fifo included', noun, JSON.stringify(name), name.length, max),
			start: 0,
			end: name.length,
		};
	}
	return undefined;
}

const IP_ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3'];

/**
 * Checks a general purpose bucket name. Upper-case letters, `_` and names of 64 to 255 characters
 * are only warnings: buckets created in us-east-1 before 1 March 2018 may still have such names.
 */
export function bucketNameProblem(name: string): NameProblem | undefined {
	const shown = JSON.stringify(name);
	const whole = { start: 0, end: name.length };
	const bad = /[^A-Za-z0-9._-]/.exec(name);
	if (bad) {
		const character = charAt(name, bad.index);
		return {
			severity: 'error',
			message: l10n.t('S3 bucket name {0} contains {1}; bucket names use only lowercase letters, digits, "." and "-"', shown, JSON.stringify(character)),
			start: bad.index,
			end: bad.index + character.length,
		};
	}
	if (name.length < 3 || name.length > 255) {
		return { severity: 'error', message: l10n.t('S3 bucket name {0} is {1} characters long; bucket names have 3 to 63', shown, name.length), ...whole };
	}
	const edge = /^[^a-zA-Z0-9]/.test(name) ? 0 : /[^a-zA-Z0-9]$/.test(name) ? name.length - 1 : -1;
	if (edge >= 0) {
		return { severity: 'error', message: l10n.t('S3 bucket name {0} must begin and end with a letter or digit', shown), start: edge, end: edge + 1 };
	}
	const dots = name.indexOf('..');
	if (dots >= 0) {
		return { severity: 'error', message: l10n.t('S3 bucket name {0} contains "..", which bucket names may not', shown), start: dots, end: dots + 2 };
	}
	if (IP_ADDRESS.test(name)) {
		return { severity: 'error', message: l10n.t('S3 bucket name {0} is formatted as an IP address, which bucket names may not be', shown), ...whole };
	}
	const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
	if (prefix) {
		return { severity: 'error', message: l10n.t('S3 bucket name {0} starts with the reserved prefix "{1}"', shown, prefix), start: 0, end: prefix.length };
	}
	const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
	if (suffix) {
		return {
			severity: 'error',
			message: l10n.t('S3 bucket name {0} ends with the reserved suffix "{1}"', shown, suffix),
			start: name.length - suffix.length,
			end: name.length,
		};
	}
	const legacy = /[A-Z_]/.exec(name);
	if (legacy) {
		return {
			severity: 'warning',
			message: l10n.t(
				'S3 bucket name {0} contains {1}, which only buckets created in us-east-1 before March 2018 may have; current bucket names use lowercase letters, digits, "." and "-"',
				shown,
				JSON.stringify(legacy[0]),
			),
			start: legacy.index,
			end: legacy.index + 1,
		};
	}
	if (name.length > 63) {
		return {
			severity: 'warning',
			message: l10n.t(
				'S3 bucket name {0} is {1} characters long, which only buckets created in us-east-1 before March 2018 may be; current bucket names have 3 to 63',
				shown,
				name.length,
			),
			...whole,
		};
	}
	return undefined;
}
