/**
 * A Kafka event record's `key` and `value` are base64 (facts sheet §4). The valid case costs one
 * Buffer round-trip per string (perf-anchors finding 2); only a failing string is scanned to say
 * exactly what is wrong, with a span on the bad character where there is one.
 */
import type { Base64Issue } from '../util/base64';
import { base64Issue, isCanonicalBase64 } from '../util/base64';
import { isObject, member } from '../../../../shared/jsonPath';
import { partitionsOf } from '../util/kafkaRecord';
import type { Rule, RuleContext, RuleReport } from './types';

function describe(field: string, text: string, issue: Base64Issue): Pick<RuleReport, 'severity' | 'message' | 'span'> {
	const name = `"${field}"`;
	switch (issue.reason) {
		case 'bad-char': {
			const urlSafe = issue.char === '-' || issue.char === '_' ? ' (Lambda sends standard base64, with "+" and "/", not base64url)' : '';
			return {
				severity: 'error',
				message: `${name} is not valid base64: ${JSON.stringify(issue.char)} at position ${issue.index + 1} is not a base64 character${urlSafe}.`,
				span: { start: issue.index, end: issue.index + issue.char.length },
			};
		}
		case 'misplaced-padding':
			return {
				severity: 'error',
				message: `${name} is not valid base64: the padding "=" at position ${issue.index + 1} may only appear at the end.`,
				span: { start: issue.index, end: issue.index + 1 },
			};
		case 'too-much-padding':
			return {
				severity: 'error',
				message: `${name} is not valid base64: it ends with ${issue.count} "=" characters, and base64 pads with at most two.`,
				span: { start: issue.index, end: text.length },
			};
		case 'length':
			return { severity: 'error', message: `${name} is not valid base64: its length, ${issue.length}, is not a multiple of 4 (is "=" padding missing?).` };
		case 'non-canonical':
			return {
				severity: 'warning',
				message: `${name} is not canonical base64: its last character ${JSON.stringify(text[issue.index] ?? '')} sets bits that decoding drops, so Lambda would not have written it.`,
				span: { start: issue.index, end: issue.index + 1 },
			};
	}
}

function checkField(ctx: RuleContext, key: string, index: number, record: Record<string, unknown>, field: 'key' | 'value'): void {
	const text = member(record, field);
	if (typeof text !== 'string' || isCanonicalBase64(text)) {
		return;
	}
	const issue = base64Issue(text);
	if (issue) {
		ctx.report({ ...describe(field, text, issue), path: ['records', key, index, field] });
	}
}

function check(ctx: RuleContext): void {
	for (const [key, records] of partitionsOf(ctx.value)) {
		for (let i = 0; i < records.length; i++) {
			const record: unknown = records[i];
			if (isObject(record)) {
				checkField(ctx, key, i, record, 'key');
				checkField(ctx, key, i, record, 'value');
			}
		}
	}
}

/** Checks that record keys and values are valid base64. */
export const base64Value: Rule = {
	id: 'base64-value',
	kinds: ['kafka-event'],
	description: "Checks that each Kafka event record's key and value are valid standard base64, pointing at the first character that is not.",
	check,
};
