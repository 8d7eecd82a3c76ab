/**
 * `create-only-field`: members of CreateEventSourceMapping that UpdateEventSourceMapping does not
 * take (facts sheet §5.2): the source (`EventSourceArn`, `SelfManagedEventSource`), `Topics`, `Queues`,
 * the starting position and `Tags`. An update request (one with a `UUID`) that sets them is an
 * error. A Kafka `ConsumerGroupId` is accepted in an update but cannot be changed after creation,
 * so it gets a warning.
 *
 * @example {"UUID": "...", "Topics": ["orders"]} → error on "Topics", fix: remove it
 */
import * as l10n from '@vscode/l10n';
import { CREATE_ONLY_FIELDS } from '../../../../shared/esmRequest';
import type { Rule } from './types';
import { hasOwn, member } from '../../../../shared/jsonPath';

const KAFKA_CONFIGS = ['AmazonManagedKafkaEventSourceConfig', 'SelfManagedKafkaEventSourceConfig'];

export const createOnlyField: Rule = {
	id: 'create-only-field',
	kinds: ['esm-request'],
	description:
		'An update request (with UUID) that sets a field only CreateEventSourceMapping accepts, or changes the consumer group ID, which is fixed at creation.',
	check(context) {
		if (context.requestMode !== 'update') {
			return;
		}
		for (const field of CREATE_ONLY_FIELDS) {
			if (hasOwn(context.value, field)) {
				context.report({
					severity: 'error',
					message: l10n.t('{0} can only be set when the mapping is created (CreateEventSourceMapping); UpdateEventSourceMapping rejects it.', field),
					path: [field],
					target: 'key',
					fixes: [{ kind: 'removeMember', title: l10n.t('Remove {0}', field) }],
				});
			}
		}
		for (const config of KAFKA_CONFIGS) {
			if (hasOwn(member(context.value, config), 'ConsumerGroupId')) {
				context.report({
					severity: 'warning',
					message: l10n.t('{0}.ConsumerGroupId cannot be changed after creation; leave it out of an update request.', config),
					path: [config, 'ConsumerGroupId'],
					target: 'key',
					fixes: [{ kind: 'removeMember', title: l10n.t('Remove ConsumerGroupId') }],
				});
			}
		}
	},
};
