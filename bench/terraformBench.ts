/**
 * `npm run bench:terraform`: the Terraform check of a 500-resource configuration against the HCL
 * parser's own time on the same text (issue 14's target: within 2x). Each mapping refers to a
 * queue, a function and its role, so references, IAM facts and every rule are exercised.
 * Prints one Markdown table row; the exit code is 0 whatever the figures (a measurement, not a
 * test), but a wrong problem count is an error.
 */
import { terraformProblems } from '../server/src/language/terraform/analyzeTerraform';
import { parseHcl } from '../server/src/language/terraform/hclParser';
import { initHclParserFromFiles } from '../server/src/node/hclWasmFiles';
import { sharedSchemaRegistry } from '../server/src/node/schemaFiles';

const GROUPS = 100;
const RUNS = 31;

/** 100 groups of queue, role, role policy, function and Kafka mapping: 500 resources. */
export function terraformConfiguration(groups = GROUPS): string {
	const parts = ['variable "region" {\n  default = "us-east-1"\n}\n\nlocals {\n  prefix = "orders"\n}\n'];
	for (let i = 0; i < groups; i++) {
		parts.push(`resource "aws_sqs_queue" "dlq_${i}" {
  name = "\${local.prefix}-dlq-${i}"
}

resource "aws_iam_role" "fn_${i}" {
  name               = "fn-${i}"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "fn_${i}" {
  role = aws_iam_role.fn_${i}.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = [aws_sqs_queue.dlq_${i}.arn] }]
  })
}

resource "aws_lambda_function" "fn_${i}" {
  function_name = "fn-${i}"
  role          = aws_iam_role.fn_${i}.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
}

resource "aws_lambda_event_source_mapping" "m_${i}" {
  event_source_arn  = "arn:aws:kafka:\${var.region}:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-1"
  function_name     = aws_lambda_function.fn_${i}.arn
  topics            = ["\${local.prefix}-${i}"]
  starting_position = "LATEST"
  batch_size        = ${i % 10 === 0 ? 0 : 100}

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.dlq_${i}.arn
    }
  }
}
`);
	}
	return parts.join('\n');
}

/**
 * Two operations run alternately: their median times, and the median of the paired ratios (each
 * check over the parse just before it), which load from other processes skews least.
 */
function measurePair(first: () => void, second: () => void): { firstMs: number; secondMs: number; ratio: number } {
	const firstTimes: number[] = [];
	const secondTimes: number[] = [];
	const ratios: number[] = [];
	const time = (run: () => void): number => {
		const start = performance.now();
		run();
		return performance.now() - start;
	};
	for (let i = 0; i < RUNS; i++) {
		const a = time(first);
		const b = time(second);
		firstTimes.push(a);
		secondTimes.push(b);
		ratios.push(b / a);
	}
	const median = (list: number[]): number => list.sort((x, y) => x - y)[Math.floor(list.length / 2)];
	return { firstMs: median(firstTimes), secondMs: median(secondTimes), ratio: median(ratios) };
}

async function main(): Promise<void> {
	await initHclParserFromFiles();
	const text = terraformConfiguration();
	const registry = sharedSchemaRegistry();
	const parseOnly = (): void => parseHcl(text)?.delete();
	const check = (): void => {
		const problems = terraformProblems(text, registry) ?? [];
		// Every tenth mapping has batch_size 0; nothing else is wrong.
		if (problems.length !== GROUPS / 10 || problems.some((problem) => problem.code !== 'schema-range')) {
			throw new Error(`Expected ${GROUPS / 10} schema-range problems, got ${problems.map((problem) => problem.code).join(', ')}`);
		}
	};
	check();
	parseOnly();
	const { firstMs: parseMs, secondMs: checkMs, ratio } = measurePair(parseOnly, check);
	process.stdout.write('| Document | Size | HCL parse (tree-sitter) | Ours (parse + check) | Ratio | Target |\n|---|---|---|---|---|---|\n');
	process.stdout.write(
		`| Terraform, ${GROUPS * 5} resources (${GROUPS} Kafka mappings) | ${(text.length / 1024).toFixed(0)} KiB | ${parseMs.toFixed(1)} ms | ${checkMs.toFixed(1)} ms | ${ratio.toFixed(2)}x | ≤ 2x ${ratio <= 2 ? '(met)' : '(missed)'} |\n`,
	);
}

// Run as the bench; imported (the configuration generator), it does nothing.
if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	});
}
