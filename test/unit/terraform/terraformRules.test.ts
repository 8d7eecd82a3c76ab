/**
 * The ESM rules on Terraform: each rule that applies to a Kafka mapping fires on HCL with the
 * exact range of the argument, block or characters at fault, in Terraform's names.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sharedSchemaRegistry } from '../../../server/src/node/schemaFiles';
import { terraformProblems } from '../../../server/src/language/terraform/analyzeTerraform';
import { view } from '../../helpers';
import { applyFix, loadParser, mskMapping, tfProblems } from './tfHelpers';

before(loadParser);

/** [code, severity, [line, char, line, char], covered text] of each problem. */
function found(text: string, siblings: string[] = []): [string, string, number[], string][] {
	return tfProblems(text, siblings).map((p) => [p.code, p.severity, p.range, p.text]);
}

const KAFKA_DESTINATION = (topic: string): string => `  destination_config {
    on_failure {
      destination_arn = "kafka://${topic}"
    }
  }`;

describe('request rules on aws_lambda_event_source_mapping', () => {
	it('schema ranges: batch_size above 10000, in Terraform names', () => {
		const problems = tfProblems(mskMapping('  batch_size = 20000'));
		assert.deepEqual(
			problems.map((p) => [p.code, p.range, p.text, p.message]),
			[['schema-range', [5, 15, 5, 20], '20000', '"batch_size" is 20000, above the maximum of 10000 (allowed: 1 to 10000).']],
		);
	});

	it('kafka-destination-requirements: provisioned mode and the loop, on the destination and the topic in it', () => {
		const problems = tfProblems(mskMapping(KAFKA_DESTINATION('orders')));
		assert.deepEqual(
			problems.filter((p) => p.code === 'kafka-destination-requirements').map((p) => [p.severity, p.range, p.text, p.message]),
			[
				[
					'error',
					[7, 24, 7, 40],
					'"kafka://orders"',
					'A kafka:// destination requires provisioned mode: add provisioned_poller_config, for example {"minimum_pollers": 1, "maximum_pollers": 3}.',
				],
				['error', [7, 33, 7, 39], 'orders', 'The destination topic "orders" is also the source topic: Lambda blocks this to prevent a loop.'],
				['info', [7, 24, 7, 40], '"kafka://orders"', 'The destination topic must be on the same cluster as the source.'],
			],
		);
	});

	it('a kafka:// destination with provisioned_poller_config and another topic has only the notes', () => {
		const text = mskMapping(`  provisioned_poller_config {
    minimum_pollers = 1
    maximum_pollers = 3
  }
${KAFKA_DESTINATION('orders-dlq')}`);
		assert.deepEqual(
			found(text).map(([code, severity]) => [code, severity]),
			[
				['kafka-destination-requirements', 'info'],
				['infinite-retries-capped', 'info'],
			],
		);
	});

	it('poller-range: minimum above maximum, on minimum_pollers', () => {
		const text = mskMapping(`  provisioned_poller_config {
    minimum_pollers = 5
    maximum_pollers = 2
  }`);
		assert.deepEqual(found(text), [['poller-range', 'error', [6, 22, 6, 23], '5']]);
	});

	it('provisioned-mode-required: Kafka retry settings without provisioned_poller_config, on the argument name', () => {
		assert.deepEqual(found(mskMapping('  maximum_retry_attempts = 3')), [['provisioned-mode-required', 'warning', [5, 2, 5, 24], 'maximum_retry_attempts']]);
	});

	it('record-age-range on maximum_record_age_in_seconds', () => {
		const problems = found(
			mskMapping(`  provisioned_poller_config {
    minimum_pollers = 1
  }
  maximum_record_age_in_seconds = 30`),
		);
		assert.deepEqual(
			problems.filter(([code]) => code === 'record-age-range'),
			[['record-age-range', 'error', [8, 34, 8, 36], '30']],
		);
	});

	it('destination-service: a Lambda function ARN, on the service characters', () => {
		const text = mskMapping(`  destination_config {
    on_failure {
      destination_arn = "arn:aws:lambda:us-east-1:123456789012:function:x"
    }
  }`);
		assert.deepEqual(
			found(text).filter(([code]) => code === 'destination-service'),
			[['destination-service', 'error', [7, 33, 7, 39], 'lambda']],
		);
	});

	it('destination-service: a service spelt with an escape is located on its escaped text, and the fix rewrites the string', () => {
		const text = mskMapping(`  destination_config {
    on_failure {
      destination_arn = "arn:aws:\\u0053QS:us-east-1:123456789012:dlq"
    }
  }`);
		const problem = terraformProblems(text, sharedSchemaRegistry())!.find((p) => p.code === 'destination-service')!;
		assert.deepEqual(view(text, problem).range, [7, 33, 7, 41]);
		assert.equal(text.slice(problem.start, problem.end), '\\u0053QS');
		assert.equal(problem.fixes[0].title, 'Change to sqs');
		assert.match(applyFix(text, problem.fixes[0]), /destination_arn = "arn:aws:sqs:us-east-1:123456789012:dlq"\n/);
	});

	it('source-topic-name: an invalid topic in topics, on the character at fault', () => {
		const text = mskMapping('').replace('topics            = ["orders"]', 'topics            = ["orders!"]');
		assert.deepEqual(
			found(text).filter(([code]) => code === 'source-topic-name'),
			[['source-topic-name', 'error', [3, 30, 3, 31], '!']],
		);
	});

	it('source-access-type: a SASL type on an MSK source where only IAM, SCRAM or mTLS work', () => {
		const text = mskMapping(`  source_access_configuration {
    type = "BASIC_AUTH"
    uri  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:s"
  }`);
		assert.deepEqual(
			found(text).filter(([code]) => code === 'source-access-type'),
			[['source-access-type', 'warning', [6, 11, 6, 23], '"BASIC_AUTH"']],
		);
	});

	it('create-required-fields: a Kafka mapping on an MSK cluster reference without topics, on the resource header', () => {
		const text = `resource "aws_msk_cluster" "c" {}
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn  = aws_msk_cluster.c.arn
  function_name     = "fn"
  starting_position = "LATEST"
}
`;
		assert.deepEqual(found(text), [['create-required-fields', 'error', [1, 0, 1, 46], 'resource "aws_lambda_event_source_mapping" "m"']]);
	});

	it('schema-pattern: a bootstrap server without a port, on that server inside the comma-separated string', () => {
		const text = `resource "aws_lambda_event_source_mapping" "m" {
  function_name     = "fn"
  topics            = ["orders"]
  starting_position = "LATEST"
  self_managed_event_source {
    endpoints = {
      KAFKA_BOOTSTRAP_SERVERS = "b1.example.com:9092,b2.example.com"
    }
  }
}
`;
		assert.deepEqual(found(text), [['schema-pattern', 'error', [6, 53, 6, 67], 'b2.example.com']]);
	});

	it('create-required-fields: both sources set, with fixes that remove either one by its whole lines', () => {
		const text = mskMapping(`  self_managed_event_source {
    endpoints = {
      KAFKA_BOOTSTRAP_SERVERS = "b1.example.com:9092"
    }
  }`);
		const [problem] = terraformProblems(text, sharedSchemaRegistry())!;
		assert.equal(problem.code, 'create-required-fields');
		assert.equal(text.slice(problem.start, problem.end), 'self_managed_event_source');
		assert.equal(
			problem.message,
			'event_source_arn and self_managed_event_source cannot both be set: use event_source_arn for Amazon MSK and self_managed_event_source for self-managed Kafka.',
		);
		assert.deepEqual(
			problem.fixes.map((fix) => fix.title),
			['Remove self_managed_event_source', 'Remove event_source_arn'],
		);
		assert.equal(applyFix(text, problem.fixes[0]), mskMapping('').replace('\n\n}', '\n}'));
		assert.ok(!applyFix(text, problem.fixes[1]).includes('event_source_arn'));
	});

	it('leaves non-Kafka mappings alone', () => {
		const text = `resource "aws_lambda_event_source_mapping" "sqs" {
  event_source_arn = "arn:aws:sqs:us-east-1:123456789012:in"
  function_name    = "fn"
  batch_size       = 20000
}
`;
		assert.deepEqual(found(text), []);
	});
});

describe('references', () => {
	it('checks a variable through its default, reported where it is used', () => {
		const text = `variable "size" {
  default = 0
}
${mskMapping('  batch_size = var.size')}`;
		assert.deepEqual(found(text), [['schema-range', 'error', [8, 15, 8, 23], 'var.size']]);
	});

	it('follows plain-string locals, and variables defined in a sibling file of the module', () => {
		const text = mskMapping(KAFKA_DESTINATION('${local.topic}')).replace('topics            = ["orders"]', 'topics            = [var.topic]');
		const locals = 'locals {\n  topic = "orders"\n}\n';
		const variables = 'variable "topic" {\n  default = "orders"\n}\n';
		const loop = found(text, [locals, variables]).filter(([, severity, , covered]) => severity === 'error' && covered === '${local.topic}');
		assert.deepEqual(loop, [['kafka-destination-requirements', 'error', [7, 33, 7, 47], '${local.topic}']]);
	});

	it('says nothing about values the configuration does not determine', () => {
		const text = `variable "size" {}
data "aws_msk_cluster" "c" {
  cluster_name = "c"
}
module "queues" {
  source = "./queues"
}
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn  = data.aws_msk_cluster.c.arn
  function_name     = "fn"
  topics            = [var.size]
  starting_position = "LATEST"
  batch_size        = var.size
  dynamic "provisioned_poller_config" {
    for_each = []
    content {}
  }
  destination_config {
    on_failure {
      destination_arn = module.queues.dlq_arn
    }
  }
}
`;
		assert.deepEqual(found(text), []);
	});

	it('checks a template with interpolations standing for valid values, and reports on the written parts', () => {
		const text = `variable "region" {}
${mskMapping(`  destination_config {
    on_failure {
      destination_arn = "arn:aws:sqs:\${var.region}:12345:dlq"
    }
  }`)}`;
		const problems = found(text);
		assert.deepEqual(
			problems.filter(([code]) => code === 'destination-arn-structure'),
			[['destination-arn-structure', 'error', [8, 51, 8, 56], '12345']],
		);
		assert.ok(!problems.some(([code]) => code === 'destination-region-mismatch'));
	});
});
