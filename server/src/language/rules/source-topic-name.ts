/**
 * `source-topic-name`: each `Topics` entry of an event source mapping request (create, or the
 * update that wrongly repeats it), checked with Kafka's own topic-name rules (Apache Kafka
 * `Topic.java`, facts sheet §1.4: only ASCII letters, digits, `.`, `_` and `-`; not `.` or `..`).
 * The Lambda API model checks only the length (1 to 249, which the schema reports) and a loose
 * pattern (facts sheet §5.2), so a name such as `orders#1` can reach AWS although no Kafka
 * cluster can hold that topic: the mapping could never read anything. Errors, like the same
 * mistakes in a `kafka://` destination (kafka-topic-name); the offending character is marked.
 *
 * @example {"Topics": ["orders#1"]} → error on "#"
 */
import * as l10n from '@vscode/l10n';
import { sourceTopics } from '../../../../shared/esmRequest';
import { topicIssueOf, topicNameIssues } from '../util/kafkaTopic';
import { quoteText } from '../../../../shared/printable';
import type { Rule } from './types';

export const sourceTopicName: Rule = {
	id: 'source-topic-name',
	kinds: ['esm-request'],
	description:
		'A topic in Topics that breaks Kafka\'s topic-name rules (only ASCII letters, digits, ".", "_" and "-"; not "." or ".."), which the Lambda API\'s length check lets through.',
	check(context) {
		for (const { index, topic } of sourceTopics(context.value)) {
			// Empty and over-long names are the schema's (minLength, maxLength).
			const issues = topicNameIssues(topic);
			if (issues.length === 0) {
				continue;
			}
			const path = ['Topics', index];
			const shown = quoteText(topic, 80);
			if (topicIssueOf(issues, 'reserved')) {
				context.report({ severity: 'error', message: l10n.t('Kafka does not allow a topic named {0}.', shown), path });
				continue;
			}
			const bad = topicIssueOf(issues, 'character');
			if (bad) {
				context.report({
					severity: 'error',
					message: l10n.t(
						'The source topic {0} contains {1}, which Kafka does not allow in topic names (only ASCII letters, digits, ".", "_" and "-"), so no cluster has this topic.',
						shown,
						JSON.stringify(bad.character),
					),
					path,
					span: { start: bad.index, end: bad.index + bad.character.length },
				});
			}
		}
	},
};
