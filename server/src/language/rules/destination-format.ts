/**
 * `destination-format`: the on-failure destination must be `""`, `kafka://<topic>` or an ARN. This
 * rule reports values of none of these forms, with a fix where the intent is clear (a bare topic
 * name, `KAFKA://`, an SQS queue URL, an `s3://` URI, stray white space), and the empty string,
 * which removes a destination on update and does nothing on create.
 *
 * The rest of the model's `DestinationArn` pattern is left to the rules that can say more: the
 * topic of a `kafka://` value to `kafka-topic-name`, the service of an ARN to `destination-service`
 * and its other parts to `destination-arn-structure`. The length limit is the schema's.
 *
 * @example "orders-dlq" → "kafka://orders-dlq"
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import { classifyDestination, KAFKA_SCHEME, onFailureDestination } from '../util/destination';
import { quoteText } from '../../../../shared/printable';
import type { Rule, RuleContext } from './types';

const EXPECTED = 'expected an SQS queue ARN, SNS topic ARN, S3 bucket ARN, kafka://topic or ""';

export const destinationFormat: Rule = {
	id: 'destination-format',
	kinds: ['destination-config', 'esm-request'],
	description: 'The on-failure destination is not an ARN, a kafka:// topic or "" (with fixes for a missing kafka:// prefix, a miscased scheme and queue URLs), or is empty.',
	check(context) {
		const site = onFailureDestination(context.kind, context.value);
		if (!site) {
			return;
		}
		const { path, value } = site;
		const shown = quoteText(value, 80);
		const kind = classifyDestination(value);
		switch (kind.type) {
			case 'empty':
				reportEmpty(context, path);
				return;
			case 'whitespace':
				context.report({
					severity: 'error',
					message: `The destination ${shown} has white space around it, which is no part of an ARN or topic name.`,
					path,
					fixes: [{ kind: 'replaceValue', title: 'Remove the white space', newText: JSON.stringify(kind.trimmed) }],
				});
				return;
			case 'kafka':
				if (kind.prefixMiscased) {
					context.report({
						severity: 'error',
						message: `The scheme ${quoteText(value.slice(0, KAFKA_SCHEME.length), 80)} must be written in lower case as kafka://; the Lambda API's destination pattern is case-sensitive.`,
						path,
						span: { start: 0, end: KAFKA_SCHEME.length },
						fixes: [{ kind: 'replaceInString', title: 'Change to kafka://', start: 0, end: KAFKA_SCHEME.length, text: KAFKA_SCHEME }],
					});
				}
				return;
			case 'kafka-malformed':
				context.report({
					severity: 'error',
					message: `The destination ${shown} lacks the two slashes of kafka://; a Kafka topic is written kafka://<topic>.`,
					path,
					fixes: kind.topic === '' ? [] : [{ kind: 'replaceValue', title: `Change to ${KAFKA_SCHEME}${kind.topic}`, newText: JSON.stringify(KAFKA_SCHEME + kind.topic) }],
				});
				return;
			case 'arn':
				if (kind.prefixMiscased) {
					context.report({
						severity: 'error',
						message: `The prefix ${quoteText(value.slice(0, 4), 80)} must be written in lower case as arn:; the Lambda API's destination pattern is case-sensitive.`,
						path,
						span: { start: 0, end: 4 },
						fixes: [{ kind: 'replaceInString', title: 'Change to arn:', start: 0, end: 4, text: 'arn:' }],
					});
				}
				return;
			case 'incomplete-arn':
				context.report({
					severity: 'error',
					message: `The destination ${shown} is not a complete ARN: expected arn:<partition>:<service>:<region>:<account>:<resource>.`,
					path,
				});
				return;
			case 'sqs-url':
				context.report({
					severity: 'error',
					message: `The destination ${shown} is an SQS queue URL; the destination must be the queue ARN, ${kind.arn}.`,
					path,
					fixes: [{ kind: 'replaceValue', title: 'Use the queue ARN', newText: JSON.stringify(kind.arn) }],
				});
				return;
			case 's3-uri':
				context.report({
					severity: 'error',
					message: `The destination ${shown} is an S3 URI; the destination must be the bucket ARN, ${kind.arn}.`,
					path,
					fixes: [{ kind: 'replaceValue', title: 'Use the bucket ARN', newText: JSON.stringify(kind.arn) }],
				});
				return;
			case 'bare-topic':
				context.report({
					severity: 'error',
					message: `The destination ${shown} has no kafka:// prefix; a Kafka topic is written kafka://${value}, and an SQS queue, SNS topic or S3 bucket needs its full ARN.`,
					path,
					fixes: [{ kind: 'replaceValue', title: 'Add kafka:// prefix', newText: JSON.stringify(KAFKA_SCHEME + value) }],
				});
				return;
			case 'other':
				context.report({ severity: 'error', message: `Unsupported destination ${shown} for an event source mapping: ${EXPECTED}.`, path });
				return;
		}
	},
};

function reportEmpty(context: RuleContext, path: JsonPath): void {
	if (context.kind === 'esm-request' && context.requestMode === 'create') {
		context.report({
			severity: 'warning',
			message: 'An empty destination in a create request sets no destination; remove DestinationConfig or name a destination.',
			path,
			tags: ['unnecessary'],
		});
		return;
	}
	context.report({
		severity: 'info',
		message:
			context.kind === 'esm-request'
				? 'An empty destination removes the mapping\'s current on-failure destination.'
				: 'An empty destination removes the on-failure destination (UpdateEventSourceMapping only).',
		path,
	});
}
