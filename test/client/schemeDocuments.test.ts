/** The read-only documents' stores: each scheme's provider fires only for its own scheme's URIs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIFF_SCHEME, MAPPING_SCHEME, SchemeDocuments } from '../../client/src/commands/schemeDocuments';

interface TestUri {
	scheme: string;
	toString(): string;
}

function uri(scheme: string, path: string): TestUri {
	return { scheme, toString: () => `${scheme}:${path}` };
}

function twoSchemes(keep = 20): { diffs: SchemeDocuments<TestUri>; mappings: SchemeDocuments<TestUri>; fired: string[] } {
	const fired: string[] = [];
	return {
		diffs: new SchemeDocuments<TestUri>(DIFF_SCHEME, keep, (u) => fired.push(`diff provider: ${u.toString()}`)),
		mappings: new SchemeDocuments<TestUri>(MAPPING_SCHEME, keep, (u) => fired.push(`mapping provider: ${u.toString()}`)),
		fired,
	};
}

describe('SchemeDocuments', () => {
	it("fires the change event of the URI's own scheme's provider only", () => {
		const { diffs, mappings, fired } = twoSchemes();
		diffs.put(uri(DIFF_SCHEME, '/current/a.json'), '{}');
		diffs.put(uri(DIFF_SCHEME, '/to-be-applied/a.json'), '{"BatchSize": 10}');
		mappings.put(uri(MAPPING_SCHEME, '/us-east-1/orders.json'), '{"UUID": "u"}');
		assert.deepEqual(fired, [
			'diff provider: lambda-kafka-diff:/current/a.json',
			'diff provider: lambda-kafka-diff:/to-be-applied/a.json',
			'mapping provider: lambda-kafka-mapping:/us-east-1/orders.json',
		]);
		assert.equal(diffs.get(uri(DIFF_SCHEME, '/to-be-applied/a.json')), '{"BatchSize": 10}');
		assert.equal(mappings.get(uri(MAPPING_SCHEME, '/us-east-1/orders.json')), '{"UUID": "u"}');
		assert.equal(mappings.get(uri(DIFF_SCHEME, '/current/a.json')), '');
	});

	it('refuses a URI of another scheme, whose change event VS Code would ignore', () => {
		const { mappings, fired } = twoSchemes();
		assert.throws(() => mappings.put(uri(DIFF_SCHEME, '/current/a.json'), '{}'), {
			message: 'A lambda-kafka-diff: document cannot be stored with the lambda-kafka-mapping: documents.',
		});
		assert.deepEqual(fired, []);
	});

	it('keeps the newest documents and returns the key of the one it drops', () => {
		const { mappings } = twoSchemes(2);
		assert.equal(mappings.put(uri(MAPPING_SCHEME, '/1.json'), '1'), undefined);
		assert.equal(mappings.put(uri(MAPPING_SCHEME, '/2.json'), '2'), undefined);
		assert.equal(mappings.put(uri(MAPPING_SCHEME, '/3.json'), '3'), 'lambda-kafka-mapping:/1.json');
		assert.equal(mappings.get(uri(MAPPING_SCHEME, '/1.json')), '');
		assert.equal(mappings.get(uri(MAPPING_SCHEME, '/3.json')), '3');
	});
});
