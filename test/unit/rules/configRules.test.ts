/**
 * The config rule list as a whole: ids match file names, descriptions are one sentence, no rule
 * throws on any JSON value, and the destination patterns stay linear on hostile input.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleContext, RuleReport } from '../../../server/src/language/rules/types';
import { CONFIG_RULES } from '../../../server/src/language/rules/configRules';
import { classifyDestination, DESTINATION_ARN_PATTERN } from '../../../server/src/language/util/destination';
import { bucketNameProblem, queueOrTopicNameProblem } from '../../../server/src/language/util/resourceNames';
import { analyze, repoRoot } from '../../helpers';

const VALUES: unknown[] = [
	null,
	true,
	0,
	-1,
	30,
	1.5,
	Infinity,
	5000,
	'',
	'x',
	'arn:',
	'arn:aws:sqs:::',
	'arn:aws:s3:::/',
	'kafka://',
	'KAFKA://#',
	'kafka:',
	'AT_TIMESTAMP',
	'\u{1F600}',
	[],
	[null],
	['kafka'],
	{},
	{ __proto__: null, toString: 1 },
	JSON.parse('{"__proto__": {"Destination": "kafka://x"}, "Destination": "arn:aws:s3:::b", "MinimumPollers": 9}'),
];

/** Objects the rules might meet at each key, nested where they look inside. */
function subjects(): Record<string, unknown>[] {
	const keys = [
		'UUID',
		'FunctionName',
		'EventSourceArn',
		'SelfManagedEventSource',
		'Topics',
		'StartingPosition',
		'StartingPositionTimestamp',
		'Tags',
		'DestinationConfig',
		'OnFailure',
		'OnSuccess',
		'ProvisionedPollerConfig',
		'MaximumRetryAttempts',
		'MaximumRecordAgeInSeconds',
		'BisectBatchOnFunctionError',
		'FunctionResponseTypes',
		'AmazonManagedKafkaEventSourceConfig',
		'SelfManagedKafkaEventSourceConfig',
		'ParallelizationFactor',
	];
	const result: Record<string, unknown>[] = [];
	for (const key of keys) {
		for (const value of VALUES) {
			result.push({ [key]: value });
			result.push({ UUID: 'u', [key]: value, DestinationConfig: { OnFailure: { Destination: value } } });
			result.push({
				EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/u',
				[key]: { Destination: value, OnFailure: value, MinimumPollers: value, MaximumPollers: value, ConsumerGroupId: value },
			});
		}
	}
	for (const destination of VALUES) {
		result.push({ OnFailure: { Destination: destination }, OnSuccess: destination });
	}
	return result;
}

describe('CONFIG_RULES', () => {
	it('has unique kebab-case ids, each the name of its own file', () => {
		const ids = CONFIG_RULES.map((rule) => rule.id);
		assert.equal(new Set(ids).size, ids.length);
		for (const id of ids) {
			assert.match(id, /^[a-z]+(-[a-z0-9]+)*$/);
			assert.ok(fs.existsSync(path.join(repoRoot(), 'server', 'src', 'language', 'rules', `${id}.ts`)), id);
			assert.ok(fs.existsSync(path.join(repoRoot(), 'test', 'unit', 'rules', `${id}.test.ts`)), `${id} has tests`);
		}
	});

	it('describes each rule in one sentence', () => {
		for (const rule of CONFIG_RULES) {
			assert.match(rule.description, /^[A-Z][^]*\.$/, rule.id);
			assert.doesNotMatch(rule.description.slice(0, -1), /\.\s/, rule.id);
			assert.ok(
				rule.kinds.every((kind) => kind === 'destination-config' || kind === 'esm-request'),
				rule.id,
			);
		}
	});

	it('never throws, whatever the JSON values, and reports only well-formed problems', () => {
		for (const value of subjects()) {
			for (const kind of ['destination-config', 'esm-request'] as const) {
				for (const requestMode of kind === 'esm-request' ? (['create', 'update'] as const) : [undefined]) {
					const reports: RuleReport[] = [];
					const context: RuleContext = {
						kind,
						value,
						requestMode,
						nested: false,
						payload: undefined,
						report: (r) => reports.push(r),
						rawNumber: () => undefined,
					};
					for (const rule of CONFIG_RULES) {
						assert.doesNotThrow(() => rule.check(context), `${rule.id} on ${JSON.stringify(value)}`);
					}
					for (const report of reports) {
						assert.match(report.message, /\.$/, report.message);
						if (report.span) {
							assert.ok(report.span.start <= report.span.end, report.message);
						}
					}
				}
			}
		}
	});

	it('is safe with keys such as __proto__ in real documents', () => {
		for (const text of [
			'{"__proto__": {"OnFailure": 1}, "OnFailure": {"__proto__": {"Destination": "x"}}}',
			'{"FunctionName": "f", "__proto__": {"EventSourceArn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/u"}, "DestinationConfig": {"__proto__": {}, "OnFailure": {"Destination": "kafka://t"}}}',
			'{"FunctionName": "f", "constructor": 1, "toString": "x", "DestinationConfig": {"OnFailure": {"Destination": "kafka://t", "hasOwnProperty": 1}}}',
		]) {
			assert.doesNotThrow(() => analyze(text), text);
		}
	});

	it('matches destination patterns in linear time', () => {
		const hostile = [
			`arn:aws${'-'.repeat(50000)}!`,
			`arn:aws:${'a-'.repeat(50000)}!`,
			`arn:aws:sqs:us${'-a'.repeat(50000)}-1:123456789012:q`,
			`kafka://${'a'.repeat(50000)}!`,
			`kafka://${'.'.repeat(50000)}`,
			`https://sqs.${'a'.repeat(50000)}`,
			`s3://${'a'.repeat(50000)}`,
			`${'a'.repeat(50000)}!`,
		];
		const started = process.hrtime.bigint();
		for (const value of hostile) {
			DESTINATION_ARN_PATTERN.test(value);
			classifyDestination(value);
			bucketNameProblem(value);
			queueOrTopicNameProblem(value, 'sqs');
		}
		const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
		assert.ok(milliseconds < 500, `${milliseconds} ms`);
	});
});
