/**
 * `eventSourceArn` names the Amazon MSK cluster: `arn:<partition>:kafka:<region>:<account>:
 * cluster/<name>/<uuid>-<n>` (facts sheet §4). In Kafka events it is present for `aws:kafka` and
 * absent for `SelfManagedKafka`. What `KafkaBatchInfo.eventSourceArn` holds for self-managed
 * Kafka is unconfirmed (§8 item 5), so format problems are warnings, and a failure record whose
 * payload says SelfManagedKafka is not checked.
 */
import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../../../../shared/jsonPath';
import { hasOwn, isObject, member } from '../../../../shared/jsonPath';
import { isAccountId, isKnownPartition, isRegionOfPartition, parseArn } from '../../../../shared/arn';
import { AcceptedValues } from '../util/kafkaRecord';
import { quoteText } from '../../../../shared/printable';
import type { Rule, RuleContext } from './types';

const EXAMPLE = 'arn:aws:kafka:us-east-1:123456789012:cluster/<name>/<uuid>-<n>';
/** Values already found valid (one file repeats the same few). */
const KNOWN_GOOD = new AcceptedValues();

const CLUSTER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[a-z0-9]{1,8}$/i;

function checkArn(ctx: RuleContext, path: JsonPath, value: unknown): void {
	if (typeof value !== 'string' || value.length > 2048 || KNOWN_GOOD.has(value)) {
		return;
	}
	const warn = (message: string, span?: { start: number; end: number }): void =>
		ctx.report({ severity: 'warning', message, path, span: span ? { start: span.start, end: span.end } : undefined });
	const arn = parseArn(value);
	if (!arn) {
		warn(l10n.t('"eventSourceArn" {0} is not an ARN; an Amazon MSK event source is a cluster ARN such as {1}.', quoteText(value), EXAMPLE));
		return;
	}
	if (arn.service.value !== 'kafka') {
		warn(
			l10n.t('"eventSourceArn" names the service {0}; an Amazon MSK event source is a cluster ARN of the service "kafka".', quoteText(arn.service.value)),
			arn.service,
		);
		return;
	}
	if (!isKnownPartition(arn.partition.value)) {
		warn(
			l10n.t(
				'"eventSourceArn" has the partition {0}, which is not an AWS partition (such as "aws", "aws-cn" or "aws-us-gov").',
				quoteText(arn.partition.value),
			),
			arn.partition,
		);
		return;
	}
	if (!isRegionOfPartition(arn.region.value, arn.partition.value)) {
		warn(
			l10n.t('"eventSourceArn" has the region {0}, which is not a region of the partition "{1}".', quoteText(arn.region.value), arn.partition.value),
			arn.region,
		);
		return;
	}
	if (!isAccountId(arn.account.value)) {
		warn(l10n.t('"eventSourceArn" has the account {0}; an AWS account ID has 12 digits.', quoteText(arn.account.value)), arn.account);
		return;
	}
	const resource = arn.resource.value;
	if (resource.startsWith('vpc-connection/')) {
		// Cross-account MSK event sources use the VPC connection's ARN.
		KNOWN_GOOD.add(value);
		return;
	}
	const parts = resource.split('/');
	if (parts.length !== 3 || parts[0] !== 'cluster' || parts[1] === '') {
		warn(l10n.t('"eventSourceArn" has the resource {0}; an MSK cluster ARN\'s resource is cluster/<name>/<uuid>-<n>.', quoteText(resource)), arn.resource);
		return;
	}
	const id = parts[2];
	if (!CLUSTER_ID.test(id)) {
		const start = arn.resource.end - id.length;
		warn(
			l10n.t(
				'"eventSourceArn" ends in {0}, but an MSK cluster ARN ends with the cluster\'s UUID and a number, such as 7c9e6679-7425-40de-944b-e07fc1f90ae7-3.',
				quoteText(id),
			),
			{ start, end: arn.resource.end },
		);
		return;
	}
	KNOWN_GOOD.add(value);
}

// Shared, not built per record: report() copies the path it is given.
const RECORD_ARN_PATH: JsonPath = ['KafkaBatchInfo', 'eventSourceArn'];
const EVENT_ARN_PATH: JsonPath = ['eventSourceArn'];

function checkRecord(ctx: RuleContext): void {
	const info = member(ctx.value, 'KafkaBatchInfo');
	if (!isObject(info) || !hasOwn(info, 'eventSourceArn')) {
		return;
	}
	if (member(ctx.payload, 'eventSource') === 'SelfManagedKafka') {
		return;
	}
	checkArn(ctx, RECORD_ARN_PATH, info['eventSourceArn']);
}

function checkEvent(ctx: RuleContext): void {
	const source = member(ctx.value, 'eventSource');
	const hasArn = hasOwn(ctx.value, 'eventSourceArn');
	if (source === 'aws:kafka' && !hasArn) {
		ctx.report({
			severity: 'warning',
			message: l10n.t('This "aws:kafka" event has no "eventSourceArn"; Amazon MSK events carry the cluster\'s ARN.'),
			path: ['eventSource'],
		});
		return;
	}
	if (source === 'SelfManagedKafka' && hasArn) {
		ctx.report({
			severity: 'warning',
			message: l10n.t('"eventSourceArn" is not expected in a "SelfManagedKafka" event; only Amazon MSK ("aws:kafka") events carry a cluster ARN.'),
			path: ['eventSourceArn'],
			target: 'key',
		});
		return;
	}
	if (hasArn) {
		checkArn(ctx, EVENT_ARN_PATH, ctx.value['eventSourceArn']);
	}
}

/** Checks eventSourceArn: an MSK cluster ARN, present exactly for aws:kafka events. */
export const eventSourceArn: Rule = {
	id: 'event-source-arn',
	kinds: ['failure-record', 'kafka-event'],
	description:
		'Warns when eventSourceArn does not look like an Amazon MSK cluster ARN, when an aws:kafka event has none, or when a SelfManagedKafka event has one.',
	check(ctx) {
		if (ctx.kind === 'failure-record') {
			checkRecord(ctx);
		} else {
			checkEvent(ctx);
		}
	},
};
