/**
 * `bootstrapServers` (in `KafkaBatchInfo` and in the Kafka event) is a comma-separated list of
 * `host:port` brokers (facts sheet §4). AWS's record example holds the placeholder `"..."`
 * (§6 item 6). Each bad entry is reported with a span on that entry.
 */
import type { JsonPath } from '../json/jsonPath';
import { AcceptedValues, member } from '../util/kafkaRecord';
import { brokerProblem, isBlank } from '../util/brokers';
import type { Rule, RuleContext } from './types';

const MAX_REPORTS = 10;

/** Values already found valid (one file repeats the same few). */
const KNOWN_GOOD = new AcceptedValues();

function checkServers(ctx: RuleContext, path: JsonPath, value: unknown): void {
	if (typeof value !== 'string' || KNOWN_GOOD.has(value)) {
		return;
	}
	if (value.trim() === '...') {
		ctx.report({
			severity: 'error',
			message: '"bootstrapServers" holds the placeholder "..." from AWS\'s documentation; Lambda writes the cluster\'s brokers here as a comma-separated host:port list.',
			path,
		});
		return;
	}
	if (value.trim() === '') {
		ctx.report({ severity: 'error', message: '"bootstrapServers" is empty; expected a comma-separated list of host:port brokers.', path });
		return;
	}
	let reports = 0;
	let start = 0;
	while (start <= value.length && reports < MAX_REPORTS) {
		let end = value.indexOf(',', start);
		if (end < 0) {
			end = value.length;
		}
		let s = start;
		let e = end;
		while (s < e && isBlank(value.charCodeAt(s))) {
			s++;
		}
		while (e > s && isBlank(value.charCodeAt(e - 1))) {
			e--;
		}
		if (s === e) {
			const comma = end < value.length ? end : start - 1;
			ctx.report({ severity: 'error', message: '"bootstrapServers" has an empty entry between commas; remove the extra comma.', path, span: { start: comma, end: comma + 1 } });
			reports++;
		} else {
			const problem = brokerProblem(value.slice(s, e));
			if (problem) {
				ctx.report({ severity: 'error', message: `"bootstrapServers" ${problem}`, path, span: { start: s, end: e } });
				reports++;
			}
		}
		start = end + 1;
	}
	if (reports === 0) {
		KNOWN_GOOD.add(value);
	}
}

// Shared, not built per record: report() copies the path it is given.
const RECORD_PATH: JsonPath = ['KafkaBatchInfo', 'bootstrapServers'];
const EVENT_PATH: JsonPath = ['bootstrapServers'];

function check(ctx: RuleContext): void {
	if (ctx.kind === 'failure-record') {
		checkServers(ctx, RECORD_PATH, member(member(ctx.value, 'KafkaBatchInfo'), 'bootstrapServers'));
	} else {
		checkServers(ctx, EVENT_PATH, member(ctx.value, 'bootstrapServers'));
	}
}

/** Checks bootstrapServers as a comma-separated host:port list. */
export const bootstrapServers: Rule = {
	id: 'bootstrap-servers',
	kinds: ['failure-record', 'kafka-event'],
	description: 'Checks that bootstrapServers is a comma-separated list of host:port brokers, and names the "..." placeholder from AWS\'s example.',
	check,
};
