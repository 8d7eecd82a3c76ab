/** `create-required-fields`: what create and update requests need beyond the schema. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, problemsWithCode } from '../../helpers';

const CODE = 'create-required-fields';
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/11111111-2222-3333-4444-555555555555-1';

function messages(members: Record<string, unknown>): string[] {
	return problemsWithCode(JSON.stringify(members), CODE).map((p) => p.message);
}

describe('create-required-fields: create requests', () => {
	it('accepts a complete Kafka create request', () => {
		assert.deepEqual(messages({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['orders'], StartingPosition: 'LATEST' }), []);
		assert.deepEqual(messages({ FunctionName: 'f', SelfManagedEventSource: {}, Topics: ['orders'], StartingPosition: 'TRIM_HORIZON' }), []);
	});

	it("reports the AWS docs' CLI example, which has no topic and no starting position, on the opening brace", () => {
		// aws lambda create-event-source-mapping --function-name … --event-source-arn … --destination-config … (facts sheet §6 #8)
		const text = `{\n  "FunctionName": "myFunction",\n  "EventSourceArn": "${MSK}",\n  "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dest-queue"}}\n}`;
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: 'Missing required field "Topics": a Kafka event source mapping must name the topic it reads.',
				range: [0, 0, 0, 1],
				text: '{',
				fixes: [],
			},
			{
				code: CODE,
				severity: 'error',
				message: 'Missing required field "StartingPosition": a Kafka event source mapping needs TRIM_HORIZON, LATEST or AT_TIMESTAMP.',
				range: [0, 0, 0, 1],
				text: '{',
				fixes: [],
			},
		]);
	});

	it('requires FunctionName and an event source', () => {
		assert.deepEqual(messages({ Topics: ['orders'] }), [
			'Missing required field "FunctionName": CreateEventSourceMapping needs the function to invoke.',
			'Missing required field "EventSourceArn" or "SelfManagedEventSource": CreateEventSourceMapping needs an event source.',
		]);
	});

	it('rejects both event sources at once, with a fix for either', () => {
		const text = JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, SelfManagedEventSource: {}, Topics: ['t'], StartingPosition: 'LATEST' });
		const start = text.indexOf('"SelfManagedEventSource"');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message:
					'EventSourceArn and SelfManagedEventSource cannot both be set: use EventSourceArn for Amazon MSK and SelfManagedEventSource for self-managed Kafka.',
				range: [0, start, 0, start + '"SelfManagedEventSource"'.length],
				text: '"SelfManagedEventSource"',
				fixes: ['Remove SelfManagedEventSource', 'Remove EventSourceArn'],
			},
		]);
		const problem = analyze(text).problems.find((p) => p.code === CODE)!;
		assert.equal(applyFix(text, problem, 0), JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['t'], StartingPosition: 'LATEST' }));
		assert.equal(applyFix(text, problem, 1), JSON.stringify({ FunctionName: 'f', SelfManagedEventSource: {}, Topics: ['t'], StartingPosition: 'LATEST' }));
	});

	it('does not ask non-Kafka sources for Topics', () => {
		assert.deepEqual(messages({ FunctionName: 'f', EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' }), []);
	});

	it('requires StartingPositionTimestamp with AT_TIMESTAMP, on StartingPosition', () => {
		const text = JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['t'], StartingPosition: 'AT_TIMESTAMP' });
		const start = text.indexOf('"AT_TIMESTAMP"');
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: '"StartingPosition" is AT_TIMESTAMP but "StartingPositionTimestamp" is missing; add the start time in epoch seconds.',
				range: [0, start, 0, start + '"AT_TIMESTAMP"'.length],
				text: '"AT_TIMESTAMP"',
				fixes: [],
			},
		]);
		assert.deepEqual(
			messages({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['t'], StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 1700000000 }),
			[],
		);
	});

	it('rejects StartingPositionTimestamp with another position, with a removal fix', () => {
		const text = JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['t'], StartingPosition: 'LATEST', StartingPositionTimestamp: 1700000000 });
		const [problem] = problemsWithCode(text, CODE);
		assert.equal(problem?.message, 'StartingPositionTimestamp is used only with "StartingPosition": "AT_TIMESTAMP", not "LATEST".');
		assert.equal(problem?.text, '"StartingPositionTimestamp"');
		assert.equal(
			applyFix(
				text,
				analyze(text).problems.find((p) => p.code === CODE)!,
			),
			JSON.stringify({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['t'], StartingPosition: 'LATEST' }),
		);
		// An invalid StartingPosition is the schema's: no second diagnostic.
		assert.deepEqual(messages({ FunctionName: 'f', EventSourceArn: MSK, Topics: ['t'], StartingPosition: 'latest', StartingPositionTimestamp: 1 }), []);
	});
});

describe('create-required-fields: update requests', () => {
	it('checks the UUID form when the length is right', () => {
		const text = '{"UUID": "14e0db71-5d35-4eb5-b481-8945cf9d10cZ"}';
		assert.deepEqual(problemsWithCode(text, CODE), [
			{
				code: CODE,
				severity: 'error',
				message: '"UUID" must be the mapping\'s UUID, such as 14e0db71-5d35-4eb5-b481-8945cf9d10c2 (from CreateEventSourceMapping or ListEventSourceMappings).',
				range: [0, 9, 0, 47],
				text: '"14e0db71-5d35-4eb5-b481-8945cf9d10cZ"',
				fixes: [],
			},
		]);
	});

	it('leaves the length and type to the schema, and asks nothing else of an update', () => {
		assert.deepEqual(messages({ UUID: 'abc' }), []);
		assert.equal(problemsWithCode('{"UUID": "abc"}', 'schema-length').length, 1);
		assert.deepEqual(messages({ UUID: 42 }), []);
		assert.deepEqual(messages({ UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2', BatchSize: 10 }), []);
	});
});
