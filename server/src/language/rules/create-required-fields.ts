/**
 * `create-required-fields`: what a request needs beyond the schema, which cannot tell a create
 * request from an update. A create request needs `FunctionName` and exactly one of
 * `EventSourceArn` and `SelfManagedEventSource`; a Kafka source also needs `Topics` and
 * `StartingPosition` (facts sheet §6 #8: the AWS docs' own CLI example leaves both out and would
 * fail); `StartingPositionTimestamp` goes with `AT_TIMESTAMP` and only with it. An update request
 * needs its `UUID` in UUID form (the schema checks its type and length).
 *
 * @example {"FunctionName": "f", "EventSourceArn": "arn:aws:kafka:..."} → Topics and StartingPosition missing
 */
import * as l10n from '@vscode/l10n';
import { eventSourceOf, isKafkaSource } from '../../../../shared/esmRequest';
import type { Rule, RuleContext } from './types';
import { hasOwn, member } from '../../../../shared/jsonPath';

const UUID_FORM = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const STARTING_POSITIONS = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];

export const createRequiredFields: Rule = {
	id: 'create-required-fields',
	kinds: ['esm-request'],
	description:
		'A create request without FunctionName, with no event source or two, or (for Kafka) without Topics or StartingPosition; StartingPositionTimestamp without AT_TIMESTAMP or the reverse; an update request whose UUID is not a UUID.',
	check(context) {
		if (context.requestMode === 'update') {
			checkUuid(context);
		} else if (context.requestMode === 'create') {
			checkCreate(context);
		}
	},
};

function checkUuid(context: RuleContext): void {
	const uuid = member(context.value, 'UUID');
	if (typeof uuid === 'string' && uuid.length === 36 && !UUID_FORM.test(uuid)) {
		context.report({
			severity: 'error',
			message: l10n.t(
				'"UUID" must be the mapping\'s UUID, such as 14e0db71-5d35-4eb5-b481-8945cf9d10c2 (from CreateEventSourceMapping or ListEventSourceMappings).',
			),
			path: ['UUID'],
		});
	}
}

function checkCreate(context: RuleContext): void {
	const request = context.value;
	const missing = (message: string): void => context.report({ severity: 'error', message, path: [], target: 'key' });
	if (!hasOwn(request, 'FunctionName')) {
		missing(l10n.t('Missing required field "FunctionName": CreateEventSourceMapping needs the function to invoke.'));
	}
	const hasArn = hasOwn(request, 'EventSourceArn');
	const hasSelfManaged = hasOwn(request, 'SelfManagedEventSource');
	if (!hasArn && !hasSelfManaged) {
		missing(l10n.t('Missing required field "EventSourceArn" or "SelfManagedEventSource": CreateEventSourceMapping needs an event source.'));
	} else if (hasArn && hasSelfManaged) {
		context.report({
			severity: 'error',
			message: l10n.t(
				'EventSourceArn and SelfManagedEventSource cannot both be set: use EventSourceArn for Amazon MSK and SelfManagedEventSource for self-managed Kafka.',
			),
			path: ['SelfManagedEventSource'],
			target: 'key',
			fixes: [
				{ kind: 'removeMember', title: l10n.t('Remove SelfManagedEventSource') },
				{ kind: 'removeMember', title: l10n.t('Remove EventSourceArn'), path: ['EventSourceArn'] },
			],
		});
	}
	if (isKafkaSource(eventSourceOf(request))) {
		if (!hasOwn(request, 'Topics')) {
			missing(l10n.t('Missing required field "Topics": a Kafka event source mapping must name the topic it reads.'));
		}
		if (!hasOwn(request, 'StartingPosition')) {
			missing(l10n.t('Missing required field "StartingPosition": a Kafka event source mapping needs TRIM_HORIZON, LATEST or AT_TIMESTAMP.'));
		}
	}
	const position = member(request, 'StartingPosition');
	if (typeof position !== 'string' || !STARTING_POSITIONS.includes(position)) {
		return;
	}
	const hasTimestamp = hasOwn(request, 'StartingPositionTimestamp');
	if (position === 'AT_TIMESTAMP' && !hasTimestamp) {
		context.report({
			severity: 'error',
			message: l10n.t('"StartingPosition" is AT_TIMESTAMP but "StartingPositionTimestamp" is missing; add the start time in epoch seconds.'),
			path: ['StartingPosition'],
		});
	} else if (position !== 'AT_TIMESTAMP' && hasTimestamp) {
		context.report({
			severity: 'error',
			message: l10n.t('StartingPositionTimestamp is used only with "StartingPosition": "AT_TIMESTAMP", not {0}.', JSON.stringify(position)),
			path: ['StartingPositionTimestamp'],
			target: 'key',
			fixes: [{ kind: 'removeMember', title: l10n.t('Remove StartingPositionTimestamp') }],
		});
	}
}
