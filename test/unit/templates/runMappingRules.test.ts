/**
 * The format-neutral core: a subject built by hand, as any adapter would, runs the request rules
 * and the cross-resource rules; reports resting on unknown values or placeholders are dropped;
 * problems land on the ranges the locator gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonPath } from '../../../shared/jsonPath';
import { pathKey } from '../../../shared/jsonPath';
import type { MappingFacts, MappingSubject, RoleFacts, SourceLocation, SourceRange } from '../../../server/src/language/templates/deploymentModel';
import { UnknownValue } from '../../../server/src/language/templates/deploymentModel';
import { runMappingRules } from '../../../server/src/language/templates/runMappingRules';

const DESTINATION: JsonPath = ['DestinationConfig', 'OnFailure', 'Destination'];

/** A locator over a table of known paths: each path is given a made-up range from its index. */
function tableSubject(
	request: Record<string, unknown>,
	paths: JsonPath[],
	facts: Partial<MappingFacts> = {},
	placeholders = new Map<string, SourceRange[]>(),
): MappingSubject {
	const known = new Map(
		paths.map((path, i) => [pathKey(path), { key: { start: i * 100, end: i * 100 + 10 }, value: { start: i * 100 + 20, end: i * 100 + 60 } }]),
	);
	const locate = (path: JsonPath): SourceLocation => {
		for (let depth = path.length; depth >= 0; depth--) {
			const found = known.get(pathKey(path.slice(0, depth)));
			if (found) {
				return { depth, ...found, keyMapsExactly: true, valueMapsExactly: true, stringOffset: (n) => found.value.start + 1 + n };
			}
		}
		return { depth: 0, value: { start: 0, end: 1 }, keyMapsExactly: false, valueMapsExactly: false };
	};
	return {
		request,
		locator: { locate },
		writer: { key: (k) => JSON.stringify(k), value: (v) => JSON.stringify(v), removeMember: () => undefined },
		placeholders,
		facts: { source: 'unknown', role: { kind: 'external' }, anchor: { start: 0, end: 4 }, name: 'mapping "M"', ...facts },
	};
}

function kafkaRequest(destination: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		FunctionName: 'handler',
		EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-1',
		Topics: ['orders'],
		StartingPosition: 'LATEST',
		DestinationConfig: { OnFailure: { Destination: destination } },
		...extra,
	};
}

const PATHS: JsonPath[] = [[], ['FunctionName'], ['EventSourceArn'], ['Topics'], ['Topics', 0], DESTINATION, ['ProvisionedPollerConfig']];

function codesAndRanges(subject: MappingSubject): [string, number, number][] {
	return runMappingRules(subject).map((p) => [p.code, p.start, p.end]);
}

describe('runMappingRules', () => {
	it('runs the request rules on the request and places their reports with the locator', () => {
		const problems = runMappingRules(tableSubject(kafkaRequest('kafka://orders'), PATHS));
		const loop = problems.find((p) => p.message.includes('also the source topic'));
		assert.ok(loop, JSON.stringify(problems));
		// The span of the topic inside the destination string, through stringOffset: 'kafka://' is 8 characters.
		assert.deepEqual([loop.code, loop.start, loop.end], ['kafka-destination-requirements', 520 + 1 + 8, 520 + 1 + 8 + 'orders'.length]);
		const pollers = problems.find((p) => p.message.startsWith('A kafka:// destination requires provisioned mode'));
		assert.deepEqual(pollers && [pollers.start, pollers.end], [520, 560]);
	});

	it('drops reports whose path reaches an unknown value', () => {
		const unknown = new UnknownValue('an import');
		assert.deepEqual(codesAndRanges(tableSubject(kafkaRequest(unknown, { ProvisionedPollerConfig: { MinimumPollers: 1 } }), PATHS)), []);
		// An unknown DestinationConfig hides everything below it too.
		const request = kafkaRequest('x', { ProvisionedPollerConfig: { MinimumPollers: 1 } });
		request['DestinationConfig'] = unknown;
		assert.deepEqual(codesAndRanges(tableSubject(request, PATHS)), []);
	});

	it('keeps a report on a placeholder-free value and drops one whose span touches a placeholder', () => {
		const value = 'arn:aws:lambda:us-east-1:123456789012:function:f';
		const kept = codesAndRanges(tableSubject(kafkaRequest(value), PATHS));
		assert.deepEqual(
			kept.filter(([code]) => code === 'destination-service'),
			[['destination-service', 520 + 1 + 8, 520 + 1 + 14]],
		);
		// The service part 'lambda' (8..14) stands for a value the configuration does not give.
		const placeholders = new Map([[pathKey(DESTINATION), [{ start: 8, end: 14 }]]]);
		const dropped = codesAndRanges(tableSubject(kafkaRequest(value), PATHS, {}, placeholders));
		assert.deepEqual(
			dropped.filter(([code]) => code === 'destination-service'),
			[],
		);
	});

	it('drops a region mismatch when the region it compares with is a placeholder', () => {
		const request = kafkaRequest('arn:aws:sqs:eu-west-1:123456789012:dlq');
		assert.equal(codesAndRanges(tableSubject(request, PATHS)).filter(([code]) => code === 'destination-region-mismatch').length, 1);
		const placeholders = new Map([[pathKey(['EventSourceArn']), [{ start: 12, end: 21 }]]]);
		assert.deepEqual(
			codesAndRanges(tableSubject(request, PATHS, {}, placeholders)).filter(([code]) => code === 'destination-region-mismatch'),
			[],
		);
	});

	it('reports a Lambda function referred to as destination, on the destination', () => {
		const facts: Partial<MappingFacts> = {
			destination: {
				path: DESTINATION,
				resource: { id: 'Handler', type: 'AWS::Lambda::Function', service: 'lambda', yields: 'arn', expression: '!GetAtt Handler.Arn' },
			},
		};
		const problems = runMappingRules(tableSubject(kafkaRequest(new UnknownValue('GetAtt')), PATHS, facts));
		assert.deepEqual(
			problems.map((p) => [p.code, p.severity, p.message, p.start, p.end]),
			[
				[
					'destination-resource-type',
					'error',
					'The destination !GetAtt Handler.Arn is a Lambda function (AWS::Lambda::Function "Handler"): Lambda functions and EventBridge buses are destinations only for asynchronous invocation; an event source mapping needs an SQS queue, SNS topic, S3 bucket or kafka:// topic.',
					520,
					560,
				],
			],
		);
	});

	it('warns when a declared role lacks the permission, with the adapter fix, and is silent otherwise', () => {
		const fix = { title: 'Add a statement', edits: [{ start: 1, end: 1, newText: 'statement' }] };
		const role = (overrides: Partial<Extract<RoleFacts, { kind: 'declared' }>> = {}): RoleFacts => ({
			kind: 'declared',
			id: 'HandlerRole',
			statements: [{ effect: 'Allow', actions: ['sqs:ReceiveMessage'], resources: [{ kind: 'pattern', pattern: '*' }] }],
			complete: true,
			grantedByFormat: [],
			insertStatement: (statement) => (statement.actions.join() === 'sqs:SendMessage' ? fix : undefined),
			...overrides,
		});
		const request = kafkaRequest('arn:aws:sqs:us-east-1:123456789012:dlq');
		const run = (r: RoleFacts): string[] =>
			runMappingRules(tableSubject(request, PATHS, { role: r, destination: { path: DESTINATION } }))
				.filter((p) => p.code === 'destination-permissions')
				.map((p) => `${p.severity} ${p.start}-${p.end} ${p.message} [${p.fixes.map((f) => f.title).join()}]`);
		assert.deepEqual(run(role()), [
			'warning 520-560 The execution role "HandlerRole" does not grant sqs:SendMessage, which Lambda needs to send failed records to the SQS queue. [Add a statement]',
		]);
		assert.deepEqual(
			run(role({ statements: [{ effect: 'Allow', actions: ['SQS:Send*'], resources: [{ kind: 'pattern', pattern: 'arn:aws:sqs:*:*:dlq' }] }] })),
			[],
		);
		assert.equal(
			run(role({ statements: [{ effect: 'Allow', actions: ['sqs:*'], resources: [{ kind: 'pattern', pattern: 'arn:aws:sqs:*:*:other' }] }] })).length,
			1,
		);
		assert.deepEqual(run(role({ complete: false })), []);
		assert.deepEqual(run(role({ grantedByFormat: ['sqs'] })), []);
		assert.deepEqual(run({ kind: 'external' }), []);
	});
});
