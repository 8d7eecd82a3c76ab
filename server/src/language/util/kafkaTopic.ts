/**
 * Kafka's own topic-name rules (Apache Kafka `Topic.java`): 1 to 249 characters, only ASCII
 * letters, digits, `.`, `_` and `-`, and never exactly `.` or `..`.
 */

export const MAX_TOPIC_LENGTH = 249;

/** Why a topic name is invalid, or undefined when Kafka accepts it. */
export function topicNameProblem(name: string): string | undefined {
	if (name.length === 0) {
		return 'A Kafka topic name cannot be empty.';
	}
	if (name === '.' || name === '..') {
		return `A Kafka topic cannot be named "${name}".`;
	}
	if (name.length > MAX_TOPIC_LENGTH) {
		return `A Kafka topic name has at most ${MAX_TOPIC_LENGTH} characters; this one has ${name.length}.`;
	}
	const bad = /[^A-Za-z0-9._-]/.exec(name);
	if (bad) {
		const shown = JSON.stringify(bad[0]);
		return `A Kafka topic name may contain only ASCII letters, digits, ".", "_" and "-"; ${shown} at position ${bad.index + 1} is not allowed.`;
	}
	return undefined;
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
