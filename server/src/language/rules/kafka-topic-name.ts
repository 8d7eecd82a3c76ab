/**
 * `kafka-topic-name`: the topic of a `kafka://` destination, checked with Kafka's own rules (1 to
 * 249 ASCII letters, digits, `.`, `_`, `-`; not `.` or `..`) and with the model's pattern, which
 * differs on the first character: it rejects a leading `.` (Kafka allows one) but accepts any
 * other character, so `kafka://#bad` passes the Lambda API and names a topic Kafka cannot have.
 * Both kinds of problem are errors: either AWS rejects the request or the destination can never
 * be written to. The offending character is marked.
 *
 * Also notes (information) a destination topic whose Kafka metric names collide with the source
 * topic's: names that differ only by `.` versus `_`.
 *
 * @example "kafka://#bad" → error on "#"
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import { classifyDestination, DESTINATION_ARN_PATTERN, KAFKA_SCHEME, onFailureDestination } from '../util/destination';
import { quoteText } from '../../../../shared/printable';
import { sourceTopics } from '../../../../shared/esmRequest';
import { MAX_TOPIC_LENGTH, metricCollisionKey, topicIssueOf, topicNameIssues } from '../util/kafkaTopic';
import type { TopicNameIssue } from '../util/kafkaTopic';
import type { Rule, RuleContext } from './types';

const allowed = (): string => l10n.t('only ASCII letters, digits, ".", "_" and "-"');

export const kafkaTopicName: Rule = {
	id: 'kafka-topic-name',
	kinds: ['destination-config', 'esm-request'],
	description:
		"The topic of a kafka:// destination breaks Kafka's topic-name rules or the Lambda API's pattern (which accepts some names Kafka rejects), or collides with the source topic in metric names.",
	check(context) {
		const site = onFailureDestination(context.kind, context.value);
		const kind = site && classifyDestination(site.value);
		if (!site || kind?.type !== 'kafka') {
			return;
		}
		const { topic, topicStart } = kind;
		const topicSpan = { start: topicStart, end: topicStart + topic.length };
		const error = (message: string, span: { start: number; end: number }): void => context.report({ severity: 'error', message, path: site.path, span });
		const shown = quoteText(topic, 80);
		if (topic === '') {
			error(l10n.t('The destination {0} names no topic; write the topic after kafka://, as in kafka://failed-records.', quoteText(site.value, 80)), {
				start: 0,
				end: topicStart,
			});
			return;
		}
		const issues = topicNameIssues(topic);
		if (issues.length > 0) {
			reportKafkaProblem(topic, issues, topicStart, site.value, error);
			return;
		}
		if (topic.startsWith('.')) {
			error(l10n.t('The destination topic {0} starts with ".", which the Lambda API\'s destination pattern rejects (Kafka itself allows it).', shown), {
				start: topicStart,
				end: topicStart + 1,
			});
			return;
		}
		reportMetricCollisions(context, site.path, topic, topicSpan);
	},
};

function reportKafkaProblem(
	topic: string,
	issues: readonly TopicNameIssue[],
	topicStart: number,
	value: string,
	error: (message: string, span: { start: number; end: number }) => void,
): void {
	const shown = quoteText(topic, 80);
	const topicSpan = { start: topicStart, end: topicStart + topic.length };
	if (topicIssueOf(issues, 'reserved')) {
		error(l10n.t('Kafka does not allow a topic named {0}.', shown), topicSpan);
		return;
	}
	if (/[:/]/.test(topic)) {
		error(
			l10n.t('The destination {0} must name only a topic, with no broker address or path: the topic is on the source cluster.', quoteText(value, 80)),
			topicSpan,
		);
		return;
	}
	const bad = topicIssueOf(issues, 'character');
	if (bad) {
		const character = JSON.stringify(bad.character);
		const span = { start: topicStart + bad.index, end: topicStart + bad.index + bad.character.length };
		const apiAccepts = DESTINATION_ARN_PATTERN.test(KAFKA_SCHEME + topic);
		error(
			apiAccepts
				? l10n.t('The destination topic {0} contains {1}: the Lambda API accepts it, but Kafka allows {2} in topic names.', shown, character, allowed())
				: l10n.t('The destination topic {0} contains {1}, which Kafka and the Lambda API do not allow in topic names ({2}).', shown, character, allowed()),
			span,
		);
		return;
	}
	if (topicIssueOf(issues, 'length')) {
		error(l10n.t('The destination topic is {0} characters long; Kafka and the Lambda API allow at most {1}.', topic.length, MAX_TOPIC_LENGTH), topicSpan);
	}
}

function reportMetricCollisions(context: RuleContext, path: JsonPath, topic: string, span: { start: number; end: number }): void {
	if (context.kind !== 'esm-request') {
		return;
	}
	const key = metricCollisionKey(topic);
	for (const { topic: source } of sourceTopics(context.value)) {
		if (source !== topic && metricCollisionKey(source) === key) {
			context.report({
				severity: 'info',
				message: l10n.t(
					'The destination topic {0} and the source topic {1} differ only by "." versus "_", so their Kafka metric names collide.',
					quoteText(topic, 80),
					quoteText(source, 80),
				),
				path,
				span,
			});
			return;
		}
	}
}
