/**
 * Terraform over LSP, as an editor sees it: a .tf document (language id `terraform`, as HashiCorp's
 * extension and ours declare it) gets diagnostics with exact ranges once the server has loaded
 * the HCL parser, hovers, completions and quick fixes; over stdio from the bundle (which loads
 * the .wasm files beside it) and in-process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Transport } from './lspClient';
import { LspTestClient } from './lspClient';

const TEXT = `resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn  = "arn:aws:kafka:us-east-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-1"
  function_name     = "handler"
  topics            = ["orders"]
  starting_position = "LATEST"
  batch_size        = 0

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.dlq.url
    }
  }
}
`;

for (const transport of ['stdio', 'in-process'] as Transport[]) {
	describe(`Terraform over ${transport}`, () => {
		let client: LspTestClient;
		const uri = `file:///work/${transport}/main.tf`;
		before(async () => {
			client = (await LspTestClient.start({ transport, configuration: { validation: { debounceMs: 20 } } })).client;
			await client.open(uri, TEXT, 'terraform');
		});
		after(async () => {
			await client.stop();
		});

		it('publishes our findings with exact ranges, in Terraform names', async () => {
			const published = await client.diagnosticsFor(uri);
			assert.deepEqual(
				published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]),
				[
					['schema-range', 9, 22, 9, 23, '"batch_size" is 0, below the minimum of 1 (allowed: 1 to 10000).'],
					[
						'destination-resource-type',
						13,
						24,
						13,
						45,
						'aws_sqs_queue.dlq.url gives the URL of the queue "aws_sqs_queue.dlq", but the destination must be its ARN.',
					],
				],
			);
		});

		it('offers the quick fix that refers to the queue ARN', async () => {
			const published = await client.diagnosticsFor(uri);
			const diagnostic = published.diagnostics.find((d) => d.code === 'destination-resource-type')!;
			const actions = await client.codeActions(uri, diagnostic);
			assert.deepEqual(
				actions.map((action) => action.title),
				['Use aws_sqs_queue.dlq.arn'],
			);
			assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: diagnostic.range, newText: 'aws_sqs_queue.dlq.arn' }]);
		});

		it('hovers an argument and completes inside the mapping', async () => {
			const hover = await client.hover(uri, 9, 4);
			assert.match(JSON.stringify(hover?.contents), /API `BatchSize`/);
			const items = await client.completion(uri, 10, 0);
			assert.ok(items.some((item) => item.label === 'provisioned_poller_config'));
		});
	});
}
