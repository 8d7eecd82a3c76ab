/**
 * `bootstrapServers` (in `KafkaBatchInfo` and in the Kafka event) is a comma-separated list of
 * `host:port` brokers (facts sheet §4). AWS's record example holds the placeholder `"..."`
 * (§6 item 6). Each bad entry is reported with a span on that entry.
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import { AcceptedValues } from '../util/kafkaRecord';
import { parseOffsetText } from '../util/offsets';
import { quoteText } from '../../../../shared/printable';
import type { Rule, RuleContext } from './types';
import { member } from '../../../../shared/jsonPath';

const MAX_REPORTS = 10;

/** Values already found valid (one file repeats the same few). */
const KNOWN_GOOD = new AcceptedValues();

const MAX_PORT = 65535n;

function isHostChar(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || code === 0x5f;
}

function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Whether `text` is a port as every broker list writes it: 1 to 5 digits, no leading zero, at most
 * 65535. Read without the general offset parser, which makes BigInts, for each broker of each record.
 */
function isPlainPort(text: string): boolean {
	if (text.length === 0 || text.length > 5 || text.charCodeAt(0) === 0x30 /* 0 */) {
		return false;
	}
	let value = 0;
	for (let i = 0; i < text.length; i++) {
		const digit = text.charCodeAt(i) - 0x30;
		if (digit < 0 || digit > 9) {
			return false;
		}
		value = value * 10 + digit;
	}
	return value <= 65535;
}

/** What is wrong with one trimmed `host:port` broker entry (a message starting "broker"), or undefined. */
function brokerProblem(entry: string): string | undefined {
	const shown = (): string => quoteText(entry);
	let host: string;
	let portText: string;
	if (entry.startsWith('[')) {
		const close = entry.indexOf(']');
		if (close < 0 || entry.charCodeAt(close + 1) !== 0x3a /* : */) {
			return close < 0
				? l10n.t('broker {0} has no closing "]" after its IPv6 address.', shown())
				: l10n.t('broker {0} has no port; each broker is host:port, such as "b-1.example.com:9092".', shown());
		}
		host = entry.slice(1, close);
		portText = entry.slice(close + 2);
		if (host === '') {
			return l10n.t('broker {0} has an empty IPv6 address.', shown());
		}
	} else {
		const colon = entry.lastIndexOf(':');
		if (colon < 0) {
			return l10n.t('broker {0} has no port; each broker is host:port, such as "b-1.example.com:9092".', shown());
		}
		host = entry.slice(0, colon);
		portText = entry.slice(colon + 1);
		if (host === '') {
			return l10n.t('broker {0} has no host name before its port.', shown());
		}
		for (let i = 0; i < host.length; i++) {
			if (!isHostChar(host.charCodeAt(i))) {
				const char = String.fromCodePoint(host.codePointAt(i) ?? 0);
				return l10n.t(
					'broker {0} has an invalid host name: {1} is not allowed in a host name{2}.',
					shown(),
					JSON.stringify(char),
					char === ':' ? l10n.t(' (write an IPv6 address in brackets, such as "[::1]:9092")') : '',
				);
			}
		}
	}
	if (isPlainPort(portText)) {
		return undefined;
	}
	if (portText === '') {
		return l10n.t('broker {0} has no port number after its colon.', shown());
	}
	const port = parseOffsetText(portText, MAX_PORT);
	if (port.issue || port.value === 0n) {
		return l10n.t('broker {0} has the port {1}, which is not a port number from 1 to 65535.', shown(), quoteText(portText));
	}
	return undefined;
}

function checkServers(ctx: RuleContext, path: JsonPath, value: unknown): void {
	if (typeof value !== 'string' || KNOWN_GOOD.has(value)) {
		return;
	}
	if (value.trim() === '...') {
		ctx.report({
			severity: 'error',
			message: l10n.t(
				'"bootstrapServers" holds the placeholder "..." from AWS\'s documentation; Lambda writes the cluster\'s brokers here as a comma-separated host:port list.',
			),
			path,
		});
		return;
	}
	if (value.trim() === '') {
		ctx.report({ severity: 'error', message: l10n.t('"bootstrapServers" is empty; expected a comma-separated list of host:port brokers.'), path });
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
			ctx.report({
				severity: 'error',
				message: l10n.t('"bootstrapServers" has an empty entry between commas; remove the extra comma.'),
				path,
				span: { start: comma, end: comma + 1 },
			});
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
