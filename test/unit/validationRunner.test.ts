import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalysisCache } from '../../server/src/lsp/analysisCache';
import type { ServerTimers } from '../../server/src/lsp/serverRuntime';
import type { ValidationRunnerOptions } from '../../server/src/lsp/validationRunner';
import { nodeTimers } from '../../server/src/node/nodeRuntime';
import { sharedSchemaRegistry } from '../../server/src/node/schemaFiles';
import { recordingRunner } from './recordingRunner';

const uri = 'file:///work/orders.destination.json';
const misspelt = '{"OnFailure": {"Destinaton": ""}}';

/** A runner over one open document, with what it published and logged. */
function runnerFor(text: string, overrides: Partial<ValidationRunnerOptions> = {}) {
	const documents = new Map([[uri, TextDocument.create(uri, 'json', 1, text)]]);
	const optionsOf = (document: TextDocument) => ({
		fileName: document.uri.slice(document.uri.lastIndexOf('/') + 1),
		languageId: document.languageId,
		registry: sharedSchemaRegistry(),
	});
	const cache = createAnalysisCache(optionsOf);
	const { published, errors, validate } = recordingRunner({ documentOf: (key) => documents.get(key), cache, optionsOf, ...overrides });
	return { documents, published, errors, cache, validate };
}

describe('validation runner', () => {
	it('publishes the diagnostics of the current version, with their fixes as data', async () => {
		const { published, validate } = runnerFor(misspelt);
		await validate(uri);
		assert.equal(published.length, 1);
		assert.equal(published[0].version, 1);
		const unknown = published[0].diagnostics.find((d) => d.code === 'unknown-field');
		assert.ok(unknown);
		assert.equal(unknown.source, 'lambda-kafka');
		assert.equal((unknown.data as { version: number }).version, 1);
	});

	it('publishes no diagnostics when validation is disabled', async () => {
		const { published, validate } = runnerFor(misspelt, { enabled: () => false });
		await validate(uri);
		assert.deepEqual(published, [{ uri, diagnostics: [] }]);
	});

	it('stops, publishing nothing, when the text changes between two slices', async () => {
		// Every record is a slice (sliceMs 0); the edit lands while the runner waits for its turn.
		const records = JSON.stringify(Array.from({ length: 3 }, () => ({ OnFailure: { Destinaton: '' } })));
		let edit: (() => void) | undefined;
		const timers: ServerTimers = {
			...nodeTimers,
			setImmediate: (callback) => (edit?.(), (edit = undefined), nodeTimers.setImmediate(callback)),
		};
		const { documents, published, cache, validate } = runnerFor(records, { timers, sliceMs: 0 });
		edit = () => documents.set(uri, TextDocument.create(uri, 'json', 2, misspelt));
		await validate(uri);
		assert.deepEqual(published, []);
		assert.equal(cache.storedAnalysis(uri, 1), undefined);
	});

	it('logs a failure instead of throwing', async () => {
		const { published, errors, validate } = runnerFor(misspelt, {
			optionsOf: () => {
				throw new Error('broken options');
			},
		});
		await validate(uri);
		assert.deepEqual(published, []);
		assert.equal(errors.length, 1);
		assert.match(errors[0], /^Validation of file:\/\/\/work\/orders\.destination\.json failed: Error: broken options/);
	});
});
