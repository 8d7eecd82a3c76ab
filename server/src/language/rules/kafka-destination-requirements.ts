/**
 * `kafka-destination-requirements`: what a `kafka://` destination needs from its mapping (facts
 * sheet §1.4): a Kafka source (an MSK `EventSourceArn` or a `SelfManagedEventSource`), provisioned
 * mode (`ProvisionedPollerConfig`; `{}` selects on-demand mode), and a topic other than the source
 * topic, which Lambda blocks to prevent a loop. Adds one information note per document: the
 * destination topic must be on the source's cluster, which no document can show.
 *
 * An update request does not show the source, so an unknown source is no error there, and a
 * missing `ProvisionedPollerConfig` is only a warning (the mapping may already be provisioned).
 * Whether AWS rejects a non-Kafka source or on-demand mode, and with what message, is not
 * documented (facts sheet §8); both are errors because such a destination cannot work.
 *
 * @example {"EventSourceArn": "arn:aws:kafka:...", "Topics": ["orders"], "DestinationConfig": {"OnFailure": {"Destination": "kafka://orders"}}}
 */
import * as l10n from '@vscode/l10n';
import { classifyDestination, onFailureDestination } from '../util/destination';
import { eventSourceOf, pollerModeOf, sourceTopics } from '../../../../shared/esmRequest';
import type { Rule } from './types';

const POLLER_EXAMPLE = '{"MinimumPollers": 1, "MaximumPollers": 3}';

/** The errors that tell a create request to set pollers, which the check against a mapping rewords for a destination config (apply/mappingCheck.ts). */
export const onDemandMessage = (): string =>
	l10n.t(
		'An empty ProvisionedPollerConfig selects on-demand mode, but a kafka:// destination requires provisioned mode; set pollers, for example {0}.',
		POLLER_EXAMPLE,
	);
export const noPollersMessage = (): string =>
	l10n.t('A kafka:// destination requires provisioned mode: add ProvisionedPollerConfig, for example {0}.', POLLER_EXAMPLE);

export const kafkaDestinationRequirements: Rule = {
	id: 'kafka-destination-requirements',
	kinds: ['destination-config', 'esm-request'],
	description:
		'A kafka:// destination on a mapping that does not read Kafka, is not in provisioned mode, or writes to its own source topic; with a note that the topic must be on the source cluster.',
	check(context) {
		const site = onFailureDestination(context.kind, context.value);
		const kind = site && classifyDestination(site.value);
		if (!site || kind?.type !== 'kafka') {
			return;
		}
		const { path } = site;
		if (context.kind === 'destination-config') {
			context.report({
				severity: 'info',
				message: l10n.t(
					'The destination topic must be on the same cluster as the source, and the mapping must run in provisioned mode (ProvisionedPollerConfig).',
				),
				path,
			});
			return;
		}
		const source = eventSourceOf(context.value);
		if (source.kind === 'other') {
			context.report({
				severity: 'error',
				message: l10n.t(
					'A kafka:// destination needs a Kafka event source (Amazon MSK or self-managed Kafka), but EventSourceArn is from the {0} service.',
					JSON.stringify(source.arn?.service.value ?? ''),
				),
				path,
			});
			return;
		}
		const mode = pollerModeOf(context.value);
		if (mode === 'on-demand') {
			context.report({
				severity: 'error',
				message: onDemandMessage(),
				path: ['ProvisionedPollerConfig'],
			});
		} else if (mode === 'absent' && context.requestMode === 'update') {
			context.report({
				severity: 'warning',
				message: l10n.t('A kafka:// destination requires provisioned mode: make sure the mapping is in provisioned mode (ProvisionedPollerConfig).'),
				path,
			});
		} else if (mode === 'absent') {
			context.report({
				severity: 'error',
				message: noPollersMessage(),
				path,
			});
		}
		const loop = sourceTopics(context.value).find((entry) => entry.topic === kind.topic);
		if (loop) {
			context.report({
				severity: 'error',
				message: l10n.t('The destination topic {0} is also the source topic: Lambda blocks this to prevent a loop.', JSON.stringify(kind.topic)),
				path,
				span: { start: kind.topicStart, end: kind.topicStart + kind.topic.length },
			});
		}
		context.report({ severity: 'info', message: l10n.t('The destination topic must be on the same cluster as the source.'), path });
	},
};
