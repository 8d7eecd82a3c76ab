/**
 * A Kafka event record's `key` and `value` are base64 (facts sheet §4). The valid case costs one
 * Buffer round-trip per string (perf-anchors finding 2); only a failing string is scanned to say
 * exactly what is wrong, with a span on the bad character where there is one.
 */
import * as l10n from '@vscode/l10n';
import type { Base64Issue } from '../util/base64';
import { base64Issue, isCanonicalBase64 } from '../util/base64';
import { isObject, member } from '../../../../shared/jsonPath';
import { partitionsOf } from '../util/kafkaRecord';
import type { Rule, RuleContext, RuleReport } from './types';

function describe(field: string, text: string, issue: Base64Issue): Pick<RuleReport, 'severity' | 'message' | 'span'> {
	const name = `"${field}"`;
	switch (issue.reason) {
		case 'bad-char': {
			const urlSafe = issue.char === '-' || issue.char === '_' ? l10n.t(' (Lambda sends standard base64, with "+" and "/", not base64url)') : '';
			return {
				severity: 'error',
				message: l10n.t(
					'{0} is not valid base64: {1} at position {2} is not a base64 character{3}.',
					name,
					JSON.stringify(issue.char),
					issue.index + 1,
					urlSafe,
				),
				span: { start: issue.index, end: issue.index + issue.char.length },
			};
		}
		case 'misplaced-padding':
			return {
				severity: 'error',
				message: l10n.t('{0} is not valid base64: the padding "=" at position {1} may only appear at the end.', name, issue.index + 1),
				span: { start: issue.index, end: issue.index + 1 },
			};
		case 'too-much-padding':
			return {
				severity: 'error',
				message: l10n.t('{0} is not valid base64: it ends with {1} "=" characters, and base64 pads with at most two.', name, issue.count),
				span: { start: issue.index, end: text.length },
			};
		case 'length':
			return {
				severity: 'error',
				message: l10n.t('{0} is not valid base64: its length, {1}, is not a multiple of 4 (is "=" padding missing?).', name, issue.length),
			};
		case 'non-canonical':
			return {
				severity: 'warning',
				message: l10n.t(
					'{0} is not canonical base64: its last character {1} sets bits that decoding drops, so Lambda would not have written it.',
					name,
					JSON.stringify(text[issue.index] ?? ''),
				),
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
