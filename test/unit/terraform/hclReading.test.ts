/**
 * Reading HCL with positions and evaluating what the configuration determines: escapes keep
 * their source offsets, heredocs lose their indentation, references resolve through variables
 * and locals, and broken or hostile input yields what its intact parts show without throwing.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { evaluate, Unknown } from '../../../server/src/language/terraform/evaluate';
import { parseHcl } from '../../../server/src/language/terraform/hclParser';
import { blockBody } from '../../../server/src/language/terraform/hclSyntax';
import { buildModule, terraformFile } from '../../../server/src/language/terraform/terraformModule';
import { loadParser, mskMapping, tfProblems } from './tfHelpers';

before(loadParser);

/** The evaluated value and location of attribute `name` of the first block of `text`. */
function attribute(text: string, name: string) {
	const tree = parseHcl(text)!;
	try {
		const file = terraformFile(tree, text, true);
		const module = buildModule(file);
		const found = blockBody(file.blocks[file.blocks.length - 1], text).attributes.find((candidate) => candidate.name === name)!;
		return evaluate(found.value, module, file);
	} finally {
		tree.delete();
	}
}

describe('HCL values with positions', () => {
	it('decodes escapes and keeps the source offset of every character', () => {
		const text = 'resource "x" "y" {\n  a = "\\u00e9\\"b"\n}\n';
		const { value, loc } = attribute(text, 'a');
		assert.equal(value, 'é"b');
		assert.deepEqual(loc.offsets, [26, 32, 34, 35]);
	});

	it('reads an indented heredoc without its common indentation', () => {
		const text = 'resource "x" "y" {\n  a = <<-EOT\n    {"k": 1}\n      two\n  EOT\n}\n';
		assert.equal(attribute(text, 'a').value, '{"k": 1}\n  two\n');
	});

	it('reads negative numbers, booleans, tuples and objects', () => {
		const text = 'resource "x" "y" {\n  a = [-1, true, null, { k = "v", "q" = 2 }]\n}\n';
		assert.deepEqual(attribute(text, 'a').value, [-1, true, null, { k: 'v', q: 2 }]);
	});

	it('resolves variables with defaults and locals, jsonencode and join', () => {
		const text = 'variable "v" {\n  default = ["a", "b"]\n}\nlocals {\n  l = join(",", var.v)\n}\nresource "x" "y" {\n  a = jsonencode({ k = local.l })\n}\n';
		assert.equal(attribute(text, 'a').value, '{"k":"a,b"}');
	});

	it('marks what the configuration does not determine, keeping what a reference names', () => {
		const text = 'resource "x" "y" {\n  a = aws_sqs_queue.q.url\n  b = var.missing\n  c = x ? 1 : 2\n}\n';
		const a = attribute(text, 'a').value;
		assert.ok(a instanceof Unknown);
		assert.deepEqual(a.reference, { resourceType: 'aws_sqs_queue', resourceName: 'q', attribute: ['url'] });
		assert.ok(attribute(text, 'b').value instanceof Unknown);
		assert.ok(attribute(text, 'c').value instanceof Unknown);
	});

	it('fills unknown interpolations with values valid in their ARN part, listed as placeholders', () => {
		const text = 'resource "x" "y" {\n  a = "arn:aws:sqs:${var.r}:${var.a}:q-${var.n}"\n}\n';
		const { value, loc } = attribute(text, 'a');
		assert.equal(value, 'arn:aws:sqs:us-east-1:123456789012:q-x');
		assert.deepEqual(loc.placeholders, [
			{ start: 12, end: 21 },
			{ start: 22, end: 34 },
			{ start: 37, end: 38 },
		]);
	});

	it('stops at reference cycles between locals', () => {
		const text = 'locals {\n  a = local.b\n  b = local.a\n}\nresource "x" "y" {\n  v = local.a\n}\n';
		assert.ok(attribute(text, 'v').value instanceof Unknown);
	});
});

describe('broken and hostile input', () => {
	it('checks the intact parts of a file with a syntax error', () => {
		const text = mskMapping('  batch_size = 0\n  half_typed = ');
		assert.deepEqual(
			tfProblems(text).map((p) => [p.code, p.text]),
			[['schema-range', '0']],
		);
	});

	it('does not throw on binary junk, unbalanced braces or deep nesting', () => {
		for (const text of [
			'\u0000\u0001\u0002{{{',
			'resource "aws_lambda_event_source_mapping" "m" {',
			`${'['.repeat(5000)}`,
			`a = ${'{ b = '.repeat(2000)}1${' }'.repeat(2000)}`,
		]) {
			assert.doesNotThrow(() => tfProblems(text));
		}
	});
});
