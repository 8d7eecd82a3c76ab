/**
 * The rules across resources, fed by the Terraform adapter: what the destination refers to
 * (`aws_sqs_queue.q.url` is a URL, not an ARN) and whether the function's role grants what the
 * destination needs, with the quick fix that adds an aws_iam_role_policy.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { terraformProblems } from '../../../server/src/language/terraform/analyzeTerraform';
import { sharedSchemaRegistry } from '../../../server/src/node/schemaFiles';
import { view } from '../../helpers';
import { applyFix, loadParser } from './tfHelpers';

before(loadParser);

const ROLE = `resource "aws_iam_role" "fn" {
  name               = "fn"
  assume_role_policy = "{}"
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = aws_iam_role.fn.arn
}

resource "aws_msk_cluster" "main" {
  cluster_name = "main"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}
`;

function mapping(destination: string): string {
	return `
resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn  = aws_msk_cluster.main.arn
  function_name     = aws_lambda_function.fn.arn
  topics            = ["orders"]
  starting_position = "LATEST"

  destination_config {
    on_failure {
      destination_arn = ${destination}
    }
  }
}`;
}

function problems(text: string, code: string) {
	return terraformProblems(text, sharedSchemaRegistry())!.filter((problem) => problem.code === code);
}

describe('destination-resource-type', () => {
	it('reports a queue URL (aws_sqs_queue.dlq.url) on the reference, with a fix to its ARN', () => {
		const text = ROLE + mapping('aws_sqs_queue.dlq.url');
		const [problem] = problems(text, 'destination-resource-type');
		assert.deepEqual(view(text, problem).range, [26, 24, 26, 45]);
		assert.equal(problem.message, 'aws_sqs_queue.dlq.url gives the URL of the queue "aws_sqs_queue.dlq", but the destination must be its ARN.');
		assert.match(applyFix(text, problem.fixes[0]), /destination_arn = aws_sqs_queue\.dlq\.arn\n/);
	});

	it('reports an MSK cluster given as the destination', () => {
		const text = ROLE + mapping('aws_msk_cluster.main.arn');
		assert.equal(problems(text, 'destination-resource-type').length, 1);
	});
});

describe('destination-permissions', () => {
	it('warns when the role grants nothing for the queue, and the fix adds a policy on the role', () => {
		const policy = `
resource "aws_iam_role_policy" "logs" {
  role = aws_iam_role.fn.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogGroup"], Resource = "*" }]
  })
}
`;
		const text = ROLE + policy + mapping('aws_sqs_queue.dlq.arn');
		const [problem] = problems(text, 'destination-permissions');
		assert.equal(problem.severity, 'warning');
		assert.equal(text.slice(problem.start, problem.end), 'aws_sqs_queue.dlq.arn');
		assert.equal(problem.fixes[0].title, 'Add an aws_iam_role_policy granting sqs:SendMessage to aws_iam_role.fn');
		const fixed = applyFix(text, problem.fixes[0]);
		assert.ok(
			fixed.endsWith(`}

resource "aws_iam_role_policy" "orders_on_failure" {
  role = aws_iam_role.fn.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage"]
      Resource = [aws_sqs_queue.dlq.arn]
    }]
  })
}`),
		);
		assert.deepEqual(problems(fixed, 'destination-permissions'), [], 'the fixed configuration grants the permission');
	});

	it('warns on each mapping of a function whose role lacks the grant (the role is read once)', () => {
		const text = ROLE + mapping('aws_sqs_queue.dlq.arn') + mapping('aws_sqs_queue.dlq.arn').replace('"orders"', '"payments"');
		assert.deepEqual(
			problems(text, 'destination-permissions').map((problem) => view(text, problem).range[0]),
			[26, 38],
		);
	});

	it('is satisfied by a data "aws_iam_policy_document" attached through an aws_iam_policy', () => {
		const policy = `
data "aws_iam_policy_document" "send" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dlq.arn]
  }
}
resource "aws_iam_policy" "send" {
  policy = data.aws_iam_policy_document.send.json
}
resource "aws_iam_role_policy_attachment" "send" {
  role       = aws_iam_role.fn.name
  policy_arn = aws_iam_policy.send.arn
}
`;
		assert.deepEqual(problems(ROLE + policy + mapping('aws_sqs_queue.dlq.arn'), 'destination-permissions'), []);
	});

	it('is satisfied by an inline_policy heredoc granting sqs:*', () => {
		const text = (ROLE + mapping('aws_sqs_queue.dlq.arn')).replace(
			'  assume_role_policy = "{}"\n',
			`  assume_role_policy = "{}"
  inline_policy {
    name   = "send"
    policy = <<-EOT
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}
    EOT
  }
`,
		);
		assert.deepEqual(problems(text, 'destination-permissions'), []);
	});

	it('stays silent when a managed policy the configuration cannot show is attached', () => {
		const attachment = `
resource "aws_iam_role_policy_attachment" "sqs" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSQSFullAccess"
}
`;
		assert.deepEqual(problems(ROLE + attachment + mapping('aws_sqs_queue.dlq.arn'), 'destination-permissions'), []);
	});

	it('stays silent when the role is outside the configuration', () => {
		const text = (ROLE + mapping('aws_sqs_queue.dlq.arn')).replace(
			'role          = aws_iam_role.fn.arn',
			'role          = "arn:aws:iam::123456789012:role/fn"',
		);
		assert.deepEqual(problems(text, 'destination-permissions'), []);
	});
});
