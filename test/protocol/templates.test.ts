/**
 * CloudFormation and SAM templates over the protocol, against the bundle over stdio and the core
 * in process: diagnostics on a YAML document with exact ranges, the quick fix's edit, hover on a
 * field, nothing for other YAML, and no fix-all on a template.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import type { Transport } from './lspClient';
import { LspTestClient } from './lspClient';

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Consumer:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Events:
        Orders:
          Type: MSK
          Properties:
            Stream: arn:aws:kafka:us-east-1:123456789012:cluster/orders/0b1c2d3e-1111-2222-3333-444455556666-1
            Topics: [orders]
            StartingPosition: LATEST
            DestinationConfig:
              OnFailure:
                Type: SQS
                Destination: !Ref Dlq
`;

function templateTests(transport: Transport): void {
	describe(`templates over ${transport}`, () => {
		let client: LspTestClient;
		before(async () => {
			client = (await LspTestClient.start({ transport, configuration: { validation: { debounceMs: 20 } } })).client;
		});
		after(async () => {
			await client.stop();
		});

		it('publishes the destination problem of a SAM template with its exact range, and its quick fix', async () => {
			const uri = 'file:///work/template.yaml';
			await client.open(uri, SAM, 'yaml');
			const published = await client.diagnosticsFor(uri, (p) => p.version === 1);
			const diagnostic = published.diagnostics.find((d) => d.code === 'destination-resource-type');
			assert.ok(diagnostic, JSON.stringify(published.diagnostics));
			assert.deepEqual(
				{ ...diagnostic, data: undefined },
				{
					range: { start: { line: 20, character: 29 }, end: { line: 20, character: 37 } },
					severity: DiagnosticSeverity.Error,
					source: 'lambda-kafka',
					code: 'destination-resource-type',
					message: '!Ref Dlq gives the URL of the queue "Dlq", but the destination must be its ARN.',
					data: undefined,
				},
			);
			const actions = await client.codeActions(uri, diagnostic);
			assert.deepEqual(
				actions.map((a) => a.title),
				['Use the ARN: !GetAtt Dlq.Arn'],
			);
			const edits: TextEdit[] = actions[0].edit?.changes?.[uri] ?? [];
			assert.deepEqual(edits, [{ range: diagnostic.range, newText: '!GetAtt Dlq.Arn' }]);
		});

		it('answers a hover on a field of the event with the field’s documentation', async () => {
			const uri = 'file:///work/hover.template.yaml';
			await client.open(uri, SAM, 'yaml');
			await client.diagnosticsFor(uri, (p) => p.version === 1);
			const hover = await client.hover(uri, 16, 14);
			const contents = hover?.contents as { kind: string; value: string } | undefined;
			assert.ok(contents?.value.startsWith('**Starting position**'), JSON.stringify(hover));
			assert.deepEqual(hover?.range, { start: { line: 16, character: 12 }, end: { line: 16, character: 28 } });
		});

		it('publishes nothing for YAML that is not a template', async () => {
			const uri = 'file:///work/.github/workflows/ci.yml';
			await client.open(uri, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n', 'yaml');
			const published = await client.diagnosticsFor(uri);
			assert.deepEqual(published.diagnostics, []);
		});
	});
}

templateTests('stdio');
templateTests('in-process');
