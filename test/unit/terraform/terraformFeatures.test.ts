/** Hover and completion inside aws_lambda_event_source_mapping blocks, through the features every editor uses. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { computeCompletions } from '../../../server/src/language/features/completion';
import { computeHover } from '../../../server/src/language/features/hover';
import { prepareDocument } from '../../../server/src/language/validation/pipeline';
import { sharedSchemaRegistry } from '../../../server/src/node/schemaFiles';
import { loadParser, mskMapping } from './tfHelpers';

before(loadParser);

const registry = sharedSchemaRegistry();

function hoverAt(text: string, marker: string) {
	const analysis = prepareDocument(text, { fileName: 'main.tf' }).analysis;
	return computeHover(analysis, text.indexOf(marker) + 1, registry);
}

function completeAt(text: string, offset: number) {
	const analysis = prepareDocument(text, { fileName: 'main.tf' }).analysis;
	return computeCompletions(text, analysis, offset, registry);
}

describe('Terraform hover', () => {
	it('describes an argument and the API member it becomes, over the argument name', () => {
		const text = mskMapping('  batch_size = 10');
		const hover = hoverAt(text, 'batch_size');
		assert.ok(hover);
		assert.equal(text.slice(hover.start, hover.end), 'batch_size');
		assert.match(hover.markdown, /^\*\*batch_size\*\* \(API `BatchSize`\)/);
	});

	it('describes nested blocks and their arguments with the full API path', () => {
		const text = mskMapping('  destination_config {\n    on_failure {\n      destination_arn = "kafka://x"\n    }\n  }');
		assert.match(hoverAt(text, 'destination_arn')!.markdown, /API `DestinationConfig\.OnFailure\.Destination`/);
		assert.match(hoverAt(text, 'on_failure')!.markdown, /API `DestinationConfig\.OnFailure`/);
	});

	it('says nothing outside mapping resources', () => {
		assert.equal(hoverAt('resource "aws_sqs_queue" "q" {\n  batch_size = 1\n}\n', 'batch_size'), undefined);
	});
});

describe('Terraform completion', () => {
	it('offers the arguments and blocks a mapping does not have yet', () => {
		const text = mskMapping('  pro');
		const labels = completeAt(text, text.indexOf('  pro') + 5).map((candidate) => candidate.label);
		assert.ok(labels.includes('provisioned_poller_config'));
		assert.ok(labels.includes('destination_config'));
		assert.ok(!labels.includes('topics'), 'already set');
	});

	it('offers the arguments of a nested block', () => {
		const text = mskMapping('  provisioned_poller_config {\n    \n  }');
		const offset = text.indexOf('{\n    \n') + 6;
		assert.deepEqual(
			completeAt(text, offset).map((candidate) => [candidate.label, candidate.insertText]),
			[
				['minimum_pollers', 'minimum_pollers = ${1:1}'],
				['maximum_pollers', 'maximum_pollers = ${1:1}'],
				['poller_group_name', 'poller_group_name = "$1"'],
			],
		);
	});

	it('offers the values of an argument that takes a fixed set, replacing the quoted text', () => {
		const text = mskMapping('').replace('starting_position = "LATEST"', 'starting_position = "TR"');
		const offset = text.indexOf('"TR"') + 3;
		const candidates = completeAt(text, offset);
		assert.deepEqual(
			candidates.map((candidate) => candidate.label),
			['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'],
		);
		assert.equal(text.slice(candidates[0].replaceStart, candidates[0].replaceEnd), '"TR"');
	});
});
