/**
 * `destination-format`: the on-failure destination must be `""`, `kafka://<topic>` or an ARN. This
 * rule reports values of none of these forms, with a fix where the intent is clear (a bare topic
 * name, `KAFKA://`, an ARN under `kafka://`, an SQS queue URL, an `s3://` URI, stray white space),
 * and the empty string, which removes a destination on update and does nothing on create.
 *
 * The rest of the model's `DestinationArn` pattern is left to the rules that can say more: the
 * topic of a `kafka://` value to `kafka-topic-name`, the service of an ARN to `destination-service`
 * and its other parts to `destination-arn-structure`. The length limit is the schema's.
 *
 * @example "orders-dlq" → "kafka://orders-dlq"
 */
import type { JsonPath } from '../../../../shared/jsonPath';
import type { DestinationClass } from '../util/destination';
import { classifyDestination, KAFKA_SCHEME, onFailureDestination } from '../util/destination';
import { quoteText } from '../../../../shared/printable';
import type { Rule, RuleContext, RuleReport } from './types';

const EXPECTED = 'expected an SQS queue ARN, SNS topic ARN, S3 bucket ARN, kafka://topic or ""';

export const destinationFormat: Rule = {
	id: 'destination-format',
	kinds: ['destination-config', 'esm-request'],
	description:
		'The on-failure destination is not an ARN, a kafka:// topic or "" (with fixes for a missing kafka:// prefix, a miscased scheme and queue URLs), or is empty.',
	check(context) {
		const site = onFailureDestination(context.kind, context.value);
		if (!site) {
			return;
		}
		const { path, value } = site;
		const destination = classifyDestination(value);
		if (destination.type === 'empty') {
			reportEmpty(context, path);
			return;
		}
		// FINDINGS pairs each form with its describer; TypeScript cannot follow that pairing through the index.
		const describe = FINDINGS[destination.type] as Describe<typeof destination>;
		const finding = describe(destination, value, quoteText(value, 80));
		if (finding) {
			context.report({ severity: 'error', ...finding, path });
		}
	},
};

/** What is wrong with a destination of one form, if anything (the report without its path and severity, which are always an error's). */
type Describe<D> = (destination: D, value: string, shown: string) => Omit<RuleReport, 'path' | 'severity'> | undefined;

type NonEmpty = Exclude<DestinationClass, { type: 'empty' }>;

/** Each form a non-empty destination can take, and the error it is (undefined: none). */
const FINDINGS: { [T in NonEmpty['type']]: Describe<Extract<NonEmpty, { type: T }>> } = {
	whitespace: (destination, _value, shown) => ({
		message: `The destination ${shown} has white space around it, which is no part of an ARN or topic name.`,
		fixes: [{ kind: 'replaceValue', title: 'Remove the white space', newText: JSON.stringify(destination.trimmed) }],
	}),
	kafka: (destination, value) =>
		destination.prefixMiscased
			? {
					message: `The scheme ${quoteText(value.slice(0, KAFKA_SCHEME.length), 80)} must be written in lower case as kafka://; the Lambda API's destination pattern is case-sensitive.`,
					span: { start: 0, end: KAFKA_SCHEME.length },
					fixes: [{ kind: 'replaceInString', title: 'Change to kafka://', start: 0, end: KAFKA_SCHEME.length, text: KAFKA_SCHEME }],
				}
			: undefined,
	'kafka-arn': (destination, _value, shown) => ({
		message: `The destination ${shown} is an ARN under a kafka:// prefix; an SQS queue, SNS topic or S3 bucket destination is written as the ARN alone, ${quoteText(destination.arn, 80)}.`,
		span: { start: 0, end: KAFKA_SCHEME.length },
		fixes: [{ kind: 'replaceInString', title: 'Remove the kafka:// prefix', start: 0, end: KAFKA_SCHEME.length, text: '' }],
	}),
	'kafka-malformed': (destination, _value, shown) => ({
		message: `The destination ${shown} lacks the two slashes of kafka://; a Kafka topic is written kafka://<topic>.`,
		fixes:
			destination.topic === ''
				? []
				: [{ kind: 'replaceValue', title: `Change to ${KAFKA_SCHEME}${destination.topic}`, newText: JSON.stringify(KAFKA_SCHEME + destination.topic) }],
	}),
	arn: (destination, value) =>
		destination.prefixMiscased
			? {
					message: `The prefix ${quoteText(value.slice(0, 4), 80)} must be written in lower case as arn:; the Lambda API's destination pattern is case-sensitive.`,
					span: { start: 0, end: 4 },
					fixes: [{ kind: 'replaceInString', title: 'Change to arn:', start: 0, end: 4, text: 'arn:' }],
				}
			: undefined,
	'incomplete-arn': (_destination, _value, shown) => ({
		message: `The destination ${shown} is not a complete ARN: expected arn:<partition>:<service>:<region>:<account>:<resource>.`,
	}),
	'sqs-url': (destination, _value, shown) => ({
		message: `The destination ${shown} is an SQS queue URL; the destination must be the queue ARN, ${destination.arn}.`,
		fixes: [{ kind: 'replaceValue', title: 'Use the queue ARN', newText: JSON.stringify(destination.arn) }],
	}),
	's3-uri': (destination, _value, shown) => ({
		message: `The destination ${shown} is an S3 URI; the destination must be the bucket ARN, ${destination.arn}.`,
		fixes: [{ kind: 'replaceValue', title: 'Use the bucket ARN', newText: JSON.stringify(destination.arn) }],
	}),
	'bare-topic': (_destination, value, shown) => ({
		message: `The destination ${shown} has no kafka:// prefix; a Kafka topic is written kafka://${value}, and an SQS queue, SNS topic or S3 bucket needs its full ARN.`,
		fixes: [{ kind: 'replaceValue', title: 'Add kafka:// prefix', newText: JSON.stringify(KAFKA_SCHEME + value) }],
	}),
	other: (_destination, _value, shown) => ({ message: `Unsupported destination ${shown} for an event source mapping: ${EXPECTED}.` }),
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
				? "An empty destination removes the mapping's current on-failure destination."
				: 'An empty destination removes the on-failure destination (UpdateEventSourceMapping only).',
		path,
	});
}
