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
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import type { DestinationClass } from '../util/destination';
import { classifyDestination, KAFKA_SCHEME, onFailureDestination } from '../util/destination';
import { quoteText } from '../../../../shared/printable';
import type { Rule, RuleContext, RuleReport } from './types';

const expected = (): string => l10n.t('expected an SQS queue ARN, SNS topic ARN, S3 bucket ARN, kafka://topic or ""');

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
		message: l10n.t('The destination {0} has white space around it, which is no part of an ARN or topic name.', shown),
		fixes: [{ kind: 'replaceValue', title: l10n.t('Remove the white space'), newText: JSON.stringify(destination.trimmed) }],
	}),
	kafka: (destination, value) =>
		destination.prefixMiscased
			? {
					message: l10n.t(
						"The scheme {0} must be written in lower case as kafka://; the Lambda API's destination pattern is case-sensitive.",
						quoteText(value.slice(0, KAFKA_SCHEME.length), 80),
					),
					span: { start: 0, end: KAFKA_SCHEME.length },
					fixes: [{ kind: 'replaceInString', title: l10n.t('Change to kafka://'), start: 0, end: KAFKA_SCHEME.length, text: KAFKA_SCHEME }],
				}
			: undefined,
	'kafka-arn': (destination, _value, shown) => ({
		message: l10n.t(
			'The destination {0} is an ARN under a kafka:// prefix; an SQS queue, SNS topic or S3 bucket destination is written as the ARN alone, {1}.',
			shown,
			quoteText(destination.arn, 80),
		),
		span: { start: 0, end: KAFKA_SCHEME.length },
		fixes: [{ kind: 'replaceInString', title: l10n.t('Remove the kafka:// prefix'), start: 0, end: KAFKA_SCHEME.length, text: '' }],
	}),
	'kafka-malformed': (destination, _value, shown) => ({
		message: l10n.t('The destination {0} lacks the two slashes of kafka://; a Kafka topic is written kafka://<topic>.', shown),
		fixes:
			destination.topic === ''
				? []
				: [
						{
							kind: 'replaceValue',
							title: l10n.t('Change to {0}{1}', KAFKA_SCHEME, destination.topic),
							newText: JSON.stringify(KAFKA_SCHEME + destination.topic),
						},
					],
	}),
	arn: (destination, value) =>
		destination.prefixMiscased
			? {
					message: l10n.t(
						"The prefix {0} must be written in lower case as arn:; the Lambda API's destination pattern is case-sensitive.",
						quoteText(value.slice(0, 4), 80),
					),
					span: { start: 0, end: 4 },
					fixes: [{ kind: 'replaceInString', title: l10n.t('Change to arn:'), start: 0, end: 4, text: 'arn:' }],
				}
			: undefined,
	'incomplete-arn': (_destination, _value, shown) => ({
		message: l10n.t('The destination {0} is not a complete ARN: expected arn:<partition>:<service>:<region>:<account>:<resource>.', shown),
	}),
	'sqs-url': (destination, _value, shown) => ({
		message: l10n.t('The destination {0} is an SQS queue URL; the destination must be the queue ARN, {1}.', shown, destination.arn),
		fixes: [{ kind: 'replaceValue', title: l10n.t('Use the queue ARN'), newText: JSON.stringify(destination.arn) }],
	}),
	's3-uri': (destination, _value, shown) => ({
		message: l10n.t('The destination {0} is an S3 URI; the destination must be the bucket ARN, {1}.', shown, destination.arn),
		fixes: [{ kind: 'replaceValue', title: l10n.t('Use the bucket ARN'), newText: JSON.stringify(destination.arn) }],
	}),
	'bare-topic': (_destination, value, shown) => ({
		message: l10n.t(
			'The destination {0} has no kafka:// prefix; a Kafka topic is written kafka://{1}, and an SQS queue, SNS topic or S3 bucket needs its full ARN.',
			shown,
			value,
		),
		fixes: [{ kind: 'replaceValue', title: l10n.t('Add kafka:// prefix'), newText: JSON.stringify(KAFKA_SCHEME + value) }],
	}),
	other: (_destination, _value, shown) => ({ message: l10n.t('Unsupported destination {0} for an event source mapping: {1}.', shown, expected()) }),
};

function reportEmpty(context: RuleContext, path: JsonPath): void {
	if (context.kind === 'esm-request' && context.requestMode === 'create') {
		context.report({
			severity: 'warning',
			message: l10n.t('An empty destination in a create request sets no destination; remove DestinationConfig or name a destination.'),
			path,
			tags: ['unnecessary'],
		});
		return;
	}
	context.report({
		severity: 'info',
		message:
			context.kind === 'esm-request'
				? l10n.t("An empty destination removes the mapping's current on-failure destination.")
				: l10n.t('An empty destination removes the on-failure destination (UpdateEventSourceMapping only).'),
		path,
	});
}
