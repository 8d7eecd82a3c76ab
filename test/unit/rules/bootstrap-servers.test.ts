/**
 * `bootstrap-servers`: a comma-separated host:port list, in KafkaBatchInfo and in the Kafka event
 * (facts sheet §4, §6 item 6, §9 rule 15).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProblemView } from '../../helpers';
import { problemsWithCode } from '../../helpers';
import { event, expectedProblem, record } from './recordFixtures';

const CODE = 'bootstrap-servers';
const on = expectedProblem(CODE);

const SERVERS = ['KafkaBatchInfo', 'bootstrapServers'];

/** The error expected on the entry `needle` (the first entry, or one after a comma) inside the bootstrapServers of `text`. */
function entry(text: string, needle: string, message: string): ProblemView {
	const valueStart = text.indexOf('"bootstrapServers":') + '"bootstrapServers":'.length;
	const first = text.indexOf(`"${needle}`, valueStart);
	const later = text.indexOf(`,${needle}`, valueStart);
	const start = (first === valueStart ? first : later) + 1;
	assert.ok(start > 0, needle);
	return { code: CODE, severity: 'error', message, range: [0, start, 0, start + needle.length], text: needle, fixes: [] };
}

describe('bootstrap-servers', () => {
	it('accepts host:port lists, spaces after commas, IPv6 in brackets and a single broker', () => {
		for (const servers of [
			'b-1.example.com:9098,b-2.example.com:9098',
			'kafka-1:9092, kafka-2:9092',
			'[::1]:9092,10.0.0.1:9094',
			'localhost:1',
			'my_host:65535',
		]) {
			assert.deepEqual(problemsWithCode(record([SERVERS, servers]), CODE), [], servers);
			assert.deepEqual(problemsWithCode(event([['bootstrapServers'], servers]), CODE), [], servers);
		}
	});

	it('names the "..." placeholder from AWS\'s example', () => {
		const text = record([SERVERS, '...']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(
				text,
				'"..."',
				'error',
				'"bootstrapServers" holds the placeholder "..." from AWS\'s documentation; Lambda writes the cluster\'s brokers here as a comma-separated host:port list.',
			),
		]);
	});

	it('reports an empty value', () => {
		const text = record([SERVERS, '']);
		assert.deepEqual(problemsWithCode(text, CODE), [
			on(text, '""', 'error', '"bootstrapServers" is empty; expected a comma-separated list of host:port brokers.'),
		]);
	});

	it('reports each bad entry with a span on it', () => {
		const text = record([SERVERS, 'a.example.com:9092,b-1.example.com,c:0,d:65536,e:x9,f:,:9092,[::1,[::1]9092,ho st:1,fe80::1:9092']);
		assert.deepEqual(
			problemsWithCode(text, CODE),
			[
				entry(text, 'b-1.example.com', '"bootstrapServers" broker "b-1.example.com" has no port; each broker is host:port, such as "b-1.example.com:9092".'),
				entry(text, 'c:0', '"bootstrapServers" broker "c:0" has the port "0", which is not a port number from 1 to 65535.'),
				entry(text, 'd:65536', '"bootstrapServers" broker "d:65536" has the port "65536", which is not a port number from 1 to 65535.'),
				entry(text, 'e:x9', '"bootstrapServers" broker "e:x9" has the port "x9", which is not a port number from 1 to 65535.'),
				entry(text, 'f:', '"bootstrapServers" broker "f:" has no port number after its colon.'),
				entry(text, ':9092', '"bootstrapServers" broker ":9092" has no host name before its port.'),
				entry(text, '[::1,', '"bootstrapServers" broker "[::1" has no closing "]" after its IPv6 address.'),
				entry(text, '[::1]9092', '"bootstrapServers" broker "[::1]9092" has no port; each broker is host:port, such as "b-1.example.com:9092".'),
				entry(text, 'ho st:1', '"bootstrapServers" broker "ho st:1" has an invalid host name: " " is not allowed in a host name.'),
				entry(
					text,
					'fe80::1:9092',
					'"bootstrapServers" broker "fe80::1:9092" has an invalid host name: ":" is not allowed in a host name (write an IPv6 address in brackets, such as "[::1]:9092").',
				),
			].map((p) =>
				p.text === '[::1,' ? { ...p, text: '[::1', range: [p.range[0], p.range[1], p.range[2], p.range[3] - 1] as [number, number, number, number] } : p,
			),
		);
	});

	it('reports ports that only look like numbers: a leading zero, a sign, too many digits, above 65535', () => {
		for (const port of ['09092', '+9092', '123456', '99999', '65536', '00']) {
			const text = record([SERVERS, `b-1.example.com:${port}`]);
			assert.deepEqual(
				problemsWithCode(text, CODE),
				[
					entry(
						text,
						`b-1.example.com:${port}`,
						`"bootstrapServers" broker "b-1.example.com:${port}" has the port "${port}", which is not a port number from 1 to 65535.`,
					),
				],
				port,
			);
		}
		for (const port of ['1', '9', '10', '9092', '65535']) {
			assert.deepEqual(problemsWithCode(record([SERVERS, `b-1.example.com:${port}`]), CODE), [], port);
		}
	});

	it('reports an empty entry on its comma', () => {
		const text = record([SERVERS, 'a:1,,b:2']);
		const comma = text.indexOf('a:1,,') + 4;
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: '"bootstrapServers" has an empty entry between commas; remove the extra comma.',
				range: [0, comma, 0, comma + 1],
				text: ',',
				fixes: [],
			},
		]);
		const trailing = record([SERVERS, 'a:1,']);
		assert.equal(problemsWithCode(trailing, CODE)[0]?.range[1], trailing.indexOf('a:1,') + 3);
	});

	it('stops after ten entries', () => {
		const text = record([SERVERS, Array.from({ length: 50 }, (_, i) => `h${i}`).join(',')]);
		assert.equal(problemsWithCode(text, CODE).length, 10);
	});

	it('checks the event, also inside an escaped payload, placing the span through the escapes', () => {
		const bare = event([['bootstrapServers'], 'b-1.example.com']);
		assert.deepEqual(problemsWithCode(bare, CODE), [
			entry(bare, 'b-1.example.com', '"bootstrapServers" broker "b-1.example.com" has no port; each broker is host:port, such as "b-1.example.com:9092".'),
		]);
		const s3 = record([['payload'], JSON.stringify(JSON.parse(event([['bootstrapServers'], 'a:1,b"q:2'])))]);
		const [nested] = problemsWithCode(s3, CODE);
		assert.equal(nested?.message, '"bootstrapServers" broker "b\\"q:2" has an invalid host name: "\\"" is not allowed in a host name.');
		assert.equal(nested?.text, 'b\\\\\\"q:2');
	});
});
