import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { malformedChanges } from '../../server/src/lsp/contentChanges';
import { lazyTextDocuments } from '../../server/src/lsp/lazyTextDocument';
import { isLspRange, withLspRanges } from '../../server/src/lsp/lspPositions';

const range = (startLine: unknown, startCharacter: unknown, endLine: unknown = startLine, endCharacter: unknown = startCharacter): unknown => ({
	start: { line: startLine, character: startCharacter },
	end: { line: endLine, character: endCharacter },
});

describe('malformedChanges', () => {
	it('accepts full-text and incremental changes with integer positions', () => {
		assert.equal(malformedChanges([{ text: 'x' }, { range: range(0, 0, 1, 3), text: '' }, { range: range(2, 1), rangeLength: 0, text: 'y' }]), undefined);
	});

	it('names the first malformed change and what is wrong with it', () => {
		assert.equal(
			malformedChanges([{ text: 'x' }, { range: { start: { line: 0 }, end: { line: 0, character: 1 } }, text: 'i' }]),
			'change 2: range.start.character is missing',
		);
		assert.equal(malformedChanges([{ range: range(0, '5'), text: 'i' }]), 'change 1: range.start.character is "5", not a non-negative integer');
		assert.equal(malformedChanges([{ range: range(0, 1, 0, 1.5), text: 'i' }]), 'change 1: range.end.character is 1.5, not a non-negative integer');
		assert.equal(malformedChanges([{ range: range(-1, 0), text: 'i' }]), 'change 1: range.start.line is -1, not a non-negative integer');
		assert.equal(malformedChanges([{ range: null, text: 'i' }]), 'change 1: range is not an object with start and end');
		assert.equal(malformedChanges([{ range: range(0, 0) }]), 'change 1: text is not a string');
		assert.equal(malformedChanges([{ range: range(0, 0), text: 5 }]), 'change 1: text is not a string');
		assert.equal(malformedChanges(['x']), 'change 1: not an object');
		assert.equal(malformedChanges({ text: 'x' }), 'the changes are not an array');
	});
});

describe('lazyTextDocuments: malformed changes', () => {
	const open = (text: string) => {
		const rejected: string[] = [];
		const config = lazyTextDocuments((_uri, message) => rejected.push(message));
		return { document: config.create('file:///x.json', 'json', 1, text), config, rejected };
	};

	it('leaves the text and the version as they were, and reports the change', () => {
		const { document, config, rejected } = open('{"a": 1}\n{"b": 2}');
		const malformed = [{ range: { start: { line: 0 }, end: { line: 0, character: 1 } }, text: 'i' }] as unknown as TextDocumentContentChangeEvent[];
		const after = config.update(document, malformed, 2);
		assert.equal(after.getText(), '{"a": 1}\n{"b": 2}');
		assert.equal(after.version, 1);
		assert.equal(after.lineCount, 2);
		assert.deepEqual(after.positionAt(12), { line: 1, character: 3 });
		assert.deepEqual(rejected, [
			'Ignored version 2 of file:///x.json: change 1: range.start.character is missing. The document stays at version 1; until the editor sends its whole text again or reopens it, the server ignores its edits and reports nothing for it.',
		]);
	});

	it('rejects the whole batch when one change in it is malformed, so no half-applied batch remains', () => {
		const { document, config } = open('abc');
		const batch = [
			{ range: range(0, 0), text: 'X' },
			{ range: range(0, '1'), text: 'Y' },
		] as unknown as TextDocumentContentChangeEvent[];
		assert.equal(config.update(document, batch, 2).getText(), 'abc');
	});

	it('ignores later incremental changes, whose text the server cannot know, until the whole text comes again', () => {
		const { document, config } = open('{"Destinaton": ""}');
		config.update(document, [{ range: range(0, '10'), text: 'i' }] as unknown as TextDocumentContentChangeEvent[], 2);
		// The client applied its edit; applying the next one to our text would give another text under the client's version.
		let after = config.update(document, [{ range: range(0, 10), text: 'i' }] as unknown as TextDocumentContentChangeEvent[], 3);
		assert.equal(after.getText(), '{"Destinaton": ""}');
		assert.equal(after.version, 1);
		// A batch whose last whole-text change is followed by an incremental one: both apply, in order.
		after = config.update(
			document,
			[{ range: range(0, 1), text: 'x' }, { text: '{"Destination": ""}' }, { range: range(0, 0), text: ' ' }] as unknown as TextDocumentContentChangeEvent[],
			4,
		);
		assert.equal(after.getText(), ' {"Destination": ""}');
		assert.equal(after.version, 4);
		after = config.update(document, [{ range: range(0, 0), text: '\n' }] as unknown as TextDocumentContentChangeEvent[], 5);
		assert.equal(after.getText(), '\n {"Destination": ""}', 'back in sync: incremental changes apply again');
	});
});

describe('published positions', () => {
	it('are non-negative integers', () => {
		assert.equal(isLspRange(range(0, 0, 3, 7)), true);
		assert.equal(isLspRange(range(0, null)), false);
		assert.equal(isLspRange(range(0, Number.NaN)), false);
		assert.equal(isLspRange(range(0, -1)), false);
		assert.equal(isLspRange(range(0, 0.5)), false);
		assert.equal(isLspRange(range('0', 0)), false);
	});

	it('drops a diagnostic whose range is not, and says so', () => {
		const good = { range: range(0, 0, 0, 1), message: 'good' } as Parameters<typeof withLspRanges>[0][number];
		const bad = { range: range(0, Number.NaN, 0, 1), message: 'bad' } as Parameters<typeof withLspRanges>[0][number];
		const dropped: string[] = [];
		assert.deepEqual(
			withLspRanges([good, bad], (message) => dropped.push(message)),
			[good],
		);
		assert.deepEqual(dropped, ['Left out a diagnostic with an invalid range ({"start":{"line":0,"character":null},"end":{"line":0,"character":1}}): bad']);
	});
});
