/**
 * A Kafka event record's `offset` is a JSON integer (the schema checks the type and the minimum)
 * holding a Java long. This rule adds what the schema cannot say: above 2^63 - 1 it is no Kafka
 * offset, and above 2^53 - 1 JavaScript (and many JSON tools) read it rounded. The exact value
 * comes from the number's source text.
 */
import * as l10n from '@vscode/l10n';
import { partitionsOf } from '../util/kafkaRecord';
import { MAX_KAFKA_OFFSET, isUnsafeInteger, parseJsonIntegerText } from '../util/offsets';
import type { Rule, RuleContext } from './types';
import { member } from '../../../../shared/jsonPath';

const TWO_POW_63 = 2 ** 63;

function check(ctx: RuleContext): void {
	for (const [key, records] of partitionsOf(ctx.value)) {
		for (let i = 0; i < records.length; i++) {
			const offset = member(records[i], 'offset');
			if (typeof offset !== 'number' || offset < 0 || !isUnsafeInteger(offset)) {
				continue;
			}
			const path = ['records', key, i, 'offset'];
			const raw = ctx.rawNumber(path);
			const parsed = raw === undefined ? undefined : parseJsonIntegerText(raw);
			const exact = parsed && parsed.form !== 'other' ? parsed.value : undefined;
			const shown = raw ?? BigInt(offset).toString();
			const tooLarge = exact !== undefined ? exact > MAX_KAFKA_OFFSET : offset > TWO_POW_63;
			if (tooLarge) {
				ctx.report({ severity: 'error', message: l10n.t('"offset" {0} is above the largest Kafka offset, {1}.', shown, MAX_KAFKA_OFFSET.toString()), path });
				continue;
			}
			const rounded = BigInt(offset).toString();
			const note = exact !== undefined && exact.toString() !== rounded ? l10n.t(' (here to {0})', rounded) : '';
			ctx.report({
				severity: 'warning',
				message: l10n.t('"offset" {0} is above 2^53 - 1 (9007199254740991); JavaScript and many JSON tools round this value{1}.', shown, note),
				path,
			});
		}
	}
}

/** Flags record offsets that are not exact as JavaScript numbers, or not Kafka offsets at all. */
export const recordOffset: Rule = {
	id: 'record-offset',
	kinds: ['kafka-event'],
	description:
		'Warns on record offsets above 2^53 - 1, which JavaScript and many JSON tools round, and reports offsets above 9223372036854775807, the largest Kafka offset.',
	check,
};
