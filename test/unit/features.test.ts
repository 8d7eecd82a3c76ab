import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentProblemFor } from '../../server/src/language/features/codeActions';
import { computeCompletions } from '../../server/src/language/features/completion';
import { computeHover } from '../../server/src/language/features/hover';
import { sharedSchemaRegistry } from '../../server/src/node/schemaFiles';
import { analyze } from '../helpers';

const registry = sharedSchemaRegistry();

/** Splits `|` out of the text: returns the text and the cursor offset. */
function cursor(textWithBar: string): [string, number] {
	const offset = textWithBar.indexOf('|');
	return [textWithBar.slice(0, offset) + textWithBar.slice(offset + 1), offset];
}

function hoverAt(textWithBar: string): { markdown: string; covered: string } | undefined {
	const [text, offset] = cursor(textWithBar);
	const hover = computeHover(analyze(text), offset, registry);
	return hover && { markdown: hover.markdown, covered: text.slice(hover.start, hover.end) };
}

function completionsAt(textWithBar: string): string[] {
	const [text, offset] = cursor(textWithBar);
	return computeCompletions(text, analyze(text), offset, registry).map((c) => c.label);
}

describe('hover', () => {
	it('documents a key from its schema, with the AWS link', () => {
		const hover = hoverAt('{"OnFai|lure": {"Destination": ""}}');
		assert.equal(hover?.covered, '"OnFailure"');
		assert.match(hover.markdown, /^\*\*/);
		assert.match(hover.markdown, /\[AWS documentation\]\(https:\/\/docs\.aws\.amazon\.com\/[^)]+\)$/);
	});

	it('documents the enum value under the cursor first', () => {
		const hover = hoverAt('{"FunctionName": "f", "StartingPosition": "LAT|EST"}');
		assert.equal(hover?.covered, '"LATEST"');
		const lines = hover.markdown.split('\n\n');
		assert.match(lines[1], /^`"LATEST"`: /);
		assert.doesNotMatch(hover.markdown, /Allowed values:/);
	});

	it('follows the cursor into an escaped payload string', () => {
		const event = { eventSource: 'aws:kafka', records: { 'o-0': [{ topic: 'o', partition: 0, offset: 1, timestamp: 1, timestampType: 'CREATE_TIME' }] } };
		const record = `{"requestContext": {}, "payload": ${JSON.stringify(JSON.stringify(event))}}`;
		const at = record.indexOf('timestampType') + 3;
		const hover = hoverAt(record.slice(0, at) + '|' + record.slice(at));
		assert.equal(hover?.covered, '\\"timestampType\\"');
		assert.match(hover.markdown, /CREATE_TIME/);
	});

	it('gives whitespace between tokens no hover: a hover range always contains the cursor', () => {
		const text = '{\n  "OnFailure": {\n    "Destination" : "kafka://failed-orders"   \n  }\n}';
		// After the value on its own line, on the next line's indentation, before the colon.
		assert.equal(hoverAt(text.replace('"   \n', '" | \n')), undefined);
		assert.equal(hoverAt(text.replace('\n  }', '\n | }')), undefined);
		assert.equal(hoverAt(text.replace('" :', '"| :')), undefined);
		// Just after the value's closing quote (a cursor before the next character) is not on the value either.
		assert.equal(hoverAt(text.replace('"   \n', '"|   \n')), undefined);
	});

	it('hovers a token from its first character to its last', () => {
		const text = '{"OnFailure": {"Destination": "kafka://failed-orders"}}';
		const start = text.indexOf('"kafka');
		const end = text.indexOf('"}');
		for (const at of [start, end]) {
			assert.equal(hoverAt(text.slice(0, at) + '|' + text.slice(at))?.covered, '"kafka://failed-orders"', `at ${at}`);
		}
	});

	it('says nothing for documents that are not ours', () => {
		assert.equal(hoverAt('{"na|me": "package"}'), undefined);
	});
});

describe('completion', () => {
	it('offers the keys an object may still take', () => {
		assert.deepEqual(completionsAt('{"OnFailure": {|}}'), ['Destination']);
	});

	it('does not offer keys already present', () => {
		const labels = completionsAt('{"FunctionName": "f", |}');
		assert.ok(labels.includes('BatchSize'));
		assert.ok(!labels.includes('FunctionName'));
	});

	it('offers enum values for a value', () => {
		assert.deepEqual(completionsAt('{"FunctionName": "f", "StartingPosition": |}').slice(0, 3), ['"TRIM_HORIZON"', '"LATEST"', '"AT_TIMESTAMP"']);
	});

	it('offers every kind’s snippets in an empty file', () => {
		const [text, offset] = cursor('|');
		const candidates = computeCompletions(text, analyze(text), offset, registry);
		const kinds = new Set(candidates.map((c) => c.detail));
		assert.deepEqual([...kinds].sort(), ['Destination config', 'Event source mapping request', 'Failure record']);
		assert.ok(candidates.every((c) => c.kind === 'snippet' && c.insertText.startsWith('{')));
	});
});

describe('currentProblemFor: the current problem an older diagnostic stands for', () => {
	const problem = (message: string, start: number) => ({ code: 'unknown-field', severity: 'error' as const, message, start, end: start + 5, fixes: [] });
	const a = problem('Unknown field "A"', 10);
	const b1 = problem('Unknown field "B"', 30);
	const b2 = problem('Unknown field "B"', 60);

	it('is the one with the same code and message, wherever it moved', () => {
		assert.equal(currentProblemFor([a, b1], 'unknown-field', 'Unknown field "A"', 50, 50), a);
	});

	it('among several alike, is the one under the requested range, or none', () => {
		assert.equal(currentProblemFor([a, b1, b2], 'unknown-field', 'Unknown field "B"', 62, 62), b2);
		assert.equal(currentProblemFor([a, b1, b2], 'unknown-field', 'Unknown field "B"', 0, 0), undefined);
	});

	it('is none when the problem is gone or its code differs', () => {
		assert.equal(currentProblemFor([a], 'unknown-field', 'Unknown field "C"', 10, 10), undefined);
		assert.equal(currentProblemFor([a], 'other-code', 'Unknown field "A"', 10, 10), undefined);
	});
});
