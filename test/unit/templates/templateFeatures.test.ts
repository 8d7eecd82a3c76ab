/**
 * Hover and completion inside the Kafka mappings of templates: the request field's documentation
 * under the template's names, property names a mapping may still take, enum values, snippets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCompletions } from '../../../server/src/language/features/completion';
import { computeHover } from '../../../server/src/language/features/hover';
import { sharedSchemaRegistry } from '../../../server/src/node/schemaFiles';
import { analyze } from '../../helpers';
import { CLUSTER_ARN, cfnTemplate, mskEvent, samTemplate } from './templateHelpers';

const registry = sharedSchemaRegistry();
const FILE = { fileName: 'template.yaml' };

function hoverAt(text: string, needle: string, delta = 1): { markdown: string; text: string } | undefined {
	const offset = text.indexOf(needle) + delta;
	const hover = computeHover(analyze(text, FILE), offset, registry);
	return hover && { markdown: hover.markdown, text: text.slice(hover.start, hover.end) };
}

/** Completion labels with the cursor where `|` is (removed from the text). */
function completionsAt(textWithCursor: string): string[] {
	const offset = textWithCursor.indexOf('|');
	const text = textWithCursor.replace('|', '');
	return computeCompletions(text, analyze(text, FILE), offset, registry).map((c) => c.label);
}

describe('hover in templates', () => {
	it('documents a SAM event property with the request field it becomes', () => {
		const text = samTemplate(mskEvent('kafka://dlq'));
		const stream = hoverAt(text, 'Stream:');
		assert.equal(stream?.text, 'Stream');
		assert.ok(stream?.markdown.startsWith("`Stream` is the mapping's `EventSourceArn` in the Lambda API.\n\n**"), stream?.markdown);
		const position = hoverAt(text, 'LATEST');
		assert.equal(position?.text, 'LATEST');
		assert.ok(position?.markdown.includes('`"LATEST"`'), position?.markdown);
		const type = hoverAt(samTemplate(mskEvent('kafka://dlq').replace('OnFailure:\n', 'OnFailure:\n                Type: Kafka\n')), 'Type: Kafka');
		assert.ok(type?.markdown.startsWith('**Type** · `SQS` | `SNS` | `S3` | `Kafka`'), type?.markdown);
	});

	it('documents a CloudFormation property, and nothing outside Kafka mappings', () => {
		const text = cfnTemplate(
			`      FunctionName: f\n      EventSourceArn: ${CLUSTER_ARN}\n      Topics: [orders]\n      StartingPosition: LATEST\n`,
			'  Queue:\n    Type: AWS::SQS::Queue\n',
		);
		assert.equal(hoverAt(text, 'Topics')?.text, 'Topics');
		assert.equal(hoverAt(text, 'AWS::SQS::Queue'), undefined);
		assert.equal(hoverAt(text, 'Mapping'), undefined);
	});
});

describe('completion in templates', () => {
	it('offers the properties a SAM MSK event may still take, spelt as SAM spells them', () => {
		const labels = completionsAt(samTemplate(`            Stream: ${CLUSTER_ARN}\n            Top|\n`));
		assert.ok(
			labels.includes('Topics') && labels.includes('StartingPosition') && labels.includes('ConsumerGroupId') && labels.includes('DestinationConfig'),
			labels.join(),
		);
		for (const absent of ['Stream', 'EventSourceArn', 'FunctionName', 'KafkaBootstrapServers', 'SelfManagedEventSource', 'UUID']) {
			assert.ok(!labels.includes(absent), absent);
		}
	});

	it('offers nested properties and SAM’s OnFailure Type', () => {
		const text = samTemplate(`            Stream: ${CLUSTER_ARN}\n            DestinationConfig:\n              OnFailure:\n                |\n`);
		assert.deepEqual(completionsAt(text).sort(), ['Destination', 'Type']);
		const pollers = cfnTemplate(`      EventSourceArn: ${CLUSTER_ARN}\n      ProvisionedPollerConfig:\n        MinimumPollers: 1\n        |\n`);
		assert.ok(completionsAt(pollers).includes('MaximumPollers'), completionsAt(pollers).join());
		assert.ok(!completionsAt(pollers).includes('MinimumPollers'));
	});

	it('offers enum values after a key', () => {
		const text = cfnTemplate(`      EventSourceArn: ${CLUSTER_ARN}\n      StartingPosition: |\n`);
		assert.deepEqual(completionsAt(text), ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']);
	});

	it('offers a whole mapping under Resources and an MSK event under a function’s Events', () => {
		assert.deepEqual(completionsAt("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  |\n"), [
			'Kafka event source mapping (AWS::Lambda::EventSourceMapping)',
		]);
		const events = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        |\n';
		assert.deepEqual(completionsAt(events), ['MSK event with an on-failure destination']);
		// The snippet is a mapping without problems once its placeholders are filled.
		const offset = events.indexOf('|');
		const candidate = computeCompletions(events.replace('|', ''), analyze(events.replace('|', ''), FILE), offset, registry)[0];
		const body = candidate.insertText.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');
		const inserted = events.slice(0, offset) + body + events.slice(offset + 1);
		const analysis = analyze(inserted, FILE);
		assert.equal(analysis.template?.mappings.length, 1);
		assert.deepEqual(analysis.problems, []);
	});
});
