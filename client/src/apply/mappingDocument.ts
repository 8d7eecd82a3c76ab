/**
 * The "Open Current Configuration" document: a GetEventSourceMapping response projected onto the
 * members UpdateEventSourceMapping accepts, so the language server validates it as an update
 * request and it can be saved, edited and applied as one. Response-only facts (state, last
 * processing result, source, topics...) cannot live in JSON without breaking that; they are listed
 * by {@link mappingFacts} for the editor title and a hover.
 */
import * as l10n from '@vscode/l10n';
import type { MappingConfiguration } from '../aws/lambdaApi';
import type { JsonObject } from './buildRequest';
import { enabledOf, pretty } from './diff';
import { UPDATE_FIELDS } from '../../../shared/esmRequest';

/** The mapping as an update request document (pretty JSON). */
export function mappingAsUpdateDocument(mapping: MappingConfiguration): string {
	const document: JsonObject = { UUID: mapping.UUID };
	for (const field of UPDATE_FIELDS) {
		let value: unknown = field === 'Enabled' ? enabledOf(mapping.State) : mapping[field];
		if (field === 'DestinationConfig' && !hasDestination(value)) {
			// `{"OnFailure":{}}` means no destination; it is no valid request member.
			value = undefined;
		}
		if ((field === 'AmazonManagedKafkaEventSourceConfig' || field === 'SelfManagedKafkaEventSourceConfig') && typeof value === 'object' && value !== null) {
			// The consumer group is fixed at creation; an update request must leave it out.
			const { ConsumerGroupId: _fixed, ...rest } = value as JsonObject;
			value = Object.keys(rest).length > 0 ? rest : undefined;
		}
		if (value !== undefined && value !== null) {
			document[field] = value;
		}
	}
	return pretty(document);
}

/** What the response says beyond the request members, as label/value pairs for a hover or a title. */
export function mappingFacts(mapping: MappingConfiguration): [string, string][] {
	const facts: [string, string | undefined][] = [
		['State', mapping.State],
		[l10n.t('State transition reason'), mapping.StateTransitionReason],
		[l10n.t('Last processing result'), mapping.LastProcessingResult],
		[l10n.t('Last modified'), mapping.LastModified],
		['Function', mapping.FunctionArn],
		[l10n.t('Event source'), mapping.EventSourceArn ?? (mapping.SelfManagedEventSource ? bootstrapServers(mapping.SelfManagedEventSource) : undefined)],
		['Topics', Array.isArray(mapping.Topics) ? mapping.Topics.join(', ') : undefined],
		[l10n.t('Starting position'), typeof mapping['StartingPosition'] === 'string' ? mapping['StartingPosition'] : undefined],
		[l10n.t('Mapping ARN'), typeof mapping['EventSourceMappingArn'] === 'string' ? mapping['EventSourceMappingArn'] : undefined],
	];
	return facts.filter((fact): fact is [string, string] => typeof fact[1] === 'string' && fact[1] !== '');
}

function hasDestination(config: unknown): boolean {
	if (typeof config !== 'object' || config === null) {
		return false;
	}
	const onFailure = (config as JsonObject)['OnFailure'];
	const onSuccess = (config as JsonObject)['OnSuccess'];
	const destination = (member: unknown): unknown => (typeof member === 'object' && member !== null ? (member as JsonObject)['Destination'] : undefined);
	return (
		(typeof destination(onFailure) === 'string' && destination(onFailure) !== '') ||
		(typeof destination(onSuccess) === 'string' && destination(onSuccess) !== '')
	);
}

function bootstrapServers(source: JsonObject): string | undefined {
	const endpoints = source['Endpoints'];
	const servers = typeof endpoints === 'object' && endpoints !== null ? (endpoints as JsonObject)['KAFKA_BOOTSTRAP_SERVERS'] : undefined;
	return Array.isArray(servers) ? l10n.t('self-managed Kafka ({0})', servers.join(', ')) : l10n.t('self-managed Kafka');
}
