import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, prepareDocument, validationSteps } from '../../server/src/language/validation/analyzeDocument';
import { RECORD, edited } from './rules/recordFixtures';

/** Runs the steps to the end and counts the pauses. */
function runSteps(text: string, fileName: string, sliceMs: number): { pauses: number; problems: string[] } {
	const prepared = prepareDocument(text, { fileName });
	assert.equal(prepared.validate, true);
	const steps = validationSteps(prepared.analysis, { fileName }, sliceMs);
	let pauses = 0;
	for (let step = steps.next(); ; step = steps.next()) {
		if (step.done) {
			return { pauses, problems: step.value.problems.map((p) => `${p.code}@${p.start}-${p.end}`) };
		}
		pauses++;
	}
}

const bad = edited(RECORD, [[['version'], '2.0']]);
const lines = [RECORD, bad, RECORD, bad].map((r) => JSON.stringify(r)).join('\n');
const array = JSON.stringify([RECORD, bad, RECORD, bad], null, 2);

describe('validation in slices', () => {
	it('pauses between the documents of a file and ends with the same problems as analyzeDocument', () => {
		for (const [text, fileName] of [
			[lines, 'records.jsonl'],
			[array, 'records.json'],
		]) {
			const whole = analyzeDocument(text, { fileName }).problems.map((p) => `${p.code}@${p.start}-${p.end}`);
			assert.equal(whole.length, 2, fileName);
			// A slice of 0 ms pauses after every document but the last.
			assert.deepEqual(runSteps(text, fileName, 0), { pauses: 3, problems: whole }, fileName);
			assert.deepEqual(runSteps(text, fileName, Infinity), { pauses: 0, problems: whole }, fileName);
		}
	});

	it('never pauses inside a single document', () => {
		assert.equal(runSteps(JSON.stringify(bad), 'record.json', 0).pauses, 0);
	});

	it('has nothing to validate in an empty, binary or unrecognised text: the prepared analysis is final', () => {
		for (const text of ['', '\u0000\u0001', 'a,b,c', '{"hello": 1}']) {
			const prepared = prepareDocument(text, { fileName: 'notes.json' });
			assert.equal(prepared.validate, false, JSON.stringify(text));
			assert.deepEqual(prepared.analysis, analyzeDocument(text, { fileName: 'notes.json' }));
		}
	});
});
