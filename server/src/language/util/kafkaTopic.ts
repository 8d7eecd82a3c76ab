/**
 * Kafka's own topic-name rules (Apache Kafka `Topic.java`): 1 to 249 characters, only ASCII
 * letters, digits, `.`, `_` and `-`, and never exactly `.` or `..`. The one place these rules
 * live: every check of a topic name (destinations, request `Topics`, record keys, the preview)
 * reads {@link topicNameIssues} and words the result for its own context.
 */
import * as l10n from '@vscode/l10n';

export const MAX_TOPIC_LENGTH = 249;

/** One way a name breaks Kafka's topic-name rules. */
export type TopicNameIssue =
	| { reason: 'empty' }
	/** Exactly `.` or `..`, which Kafka reserves. */
	| { reason: 'reserved' }
	/** The first character Kafka rejects: its UTF-16 index and the whole code point. */
	| { reason: 'character'; index: number; character: string }
	/** Longer than {@link MAX_TOPIC_LENGTH} (UTF-16 units, as Kafka's Java counts). */
	| { reason: 'length'; length: number };

const NO_ISSUES: readonly TopicNameIssue[] = Object.freeze([]);

/**
 * Every rule `name` breaks, at most one issue per reason, in the order empty, reserved,
 * character, length. Callers pick the one they report first. Allocates nothing for a valid name.
 */
export function topicNameIssues(name: string): readonly TopicNameIssue[] {
	if (name.length === 0) {
		return [{ reason: 'empty' }];
	}
	if (name === '.' || name === '..') {
		return [{ reason: 'reserved' }];
	}
	const bad = invalidTopicCharacterIndex(name);
	const tooLong = name.length > MAX_TOPIC_LENGTH;
	if (bad < 0 && !tooLong) {
		return NO_ISSUES;
	}
	const issues: TopicNameIssue[] = [];
	if (bad >= 0) {
		issues.push({ reason: 'character', index: bad, character: String.fromCodePoint(name.codePointAt(bad) ?? 0) });
	}
	if (tooLong) {
		issues.push({ reason: 'length', length: name.length });
	}
	return issues;
}

/** The issue of `reason` among `issues`, if any. */
export function topicIssueOf<R extends TopicNameIssue['reason']>(
	issues: readonly TopicNameIssue[],
	reason: R,
): Extract<TopicNameIssue, { reason: R }> | undefined {
	return issues.find((issue): issue is Extract<TopicNameIssue, { reason: R }> => issue.reason === reason);
}

/** Why a topic name is invalid, or undefined when Kafka accepts it. */
export function topicNameProblem(name: string): string | undefined {
	const issues = topicNameIssues(name);
	if (issues.length === 0) {
		return undefined;
	}
	if (topicIssueOf(issues, 'empty')) {
		return l10n.t('A Kafka topic name cannot be empty.');
	}
	if (topicIssueOf(issues, 'reserved')) {
		return l10n.t('A Kafka topic cannot be named "{0}".', name);
	}
	if (topicIssueOf(issues, 'length')) {
		return l10n.t('A Kafka topic name has at most {0} characters; this one has {1}.', MAX_TOPIC_LENGTH, name.length);
	}
	const bad = topicIssueOf(issues, 'character');
	return (
		bad &&
		l10n.t(
			'A Kafka topic name may contain only ASCII letters, digits, ".", "_" and "-"; {0} at position {1} is not allowed.',
			JSON.stringify(bad.character),
			bad.index + 1,
		)
	);
}

/** Kafka warns that topics differing only by "." versus "_" collide in metric names. */
export function metricCollisionKey(name: string): string {
	return name.replace(/\./g, '_');
}

/**
 * Splits a `recordsInfo` / `records` key `<topic>-<partition>` on its LAST hyphen: topic names
 * may contain hyphens, partition numbers never do.
 */
export function splitTopicPartition(key: string): { topic: string; partition: string } | undefined {
	const hyphen = key.lastIndexOf('-');
	if (hyphen <= 0 || hyphen === key.length - 1) {
		return undefined;
	}
	return { topic: key.slice(0, hyphen), partition: key.slice(hyphen + 1) };
}

/** The index of the first character Kafka rejects in a topic name (anything but `A-Za-z0-9._-`), or -1. */
export function invalidTopicCharacterIndex(name: string): number {
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x5f || c === 0x2d;
		if (!ok) {
			return i;
		}
	}
	return -1;
}
