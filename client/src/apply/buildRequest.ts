/**
 * From a validated document to the request the Lambda API takes: a destination config becomes
 * `UpdateEventSourceMapping {UUID, DestinationConfig}`, an ESM request with a `UUID` is the whole
 * update request, and one without is a `CreateEventSourceMapping` request. Fields that only Create
 * accepts are refused for an update here, before anything is sent, with a message that says why.
 */
import * as l10n from '@vscode/l10n';
import type { DocumentKind } from '../../../shared/documentKinds';
import { CREATE_ONLY_FIELDS } from '../../../shared/esmRequest';
import { member } from '../../../shared/jsonPath';

export type JsonObject = Record<string, unknown>;

export type BuiltRequest =
	| {
			operation: 'update';
			/** The mapping the document names (`UUID`), or undefined when the user picks one (a destination config). */
			uuid: string | undefined;
			/** The members to send besides `UUID`. */
			fields: JsonObject;
	  }
	| {
			operation: 'create';
			request: JsonObject;
			/** The document names no `FunctionName`: the user picks the function. */
			needsFunction: boolean;
	  };

export type BuildResult = { ok: true; built: BuiltRequest } | { ok: false; message: string; fields?: string[] };

export function buildRequest(kind: DocumentKind, value: unknown): BuildResult {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, message: l10n.t('The document is not a JSON object.') };
	}
	const document = value as JsonObject;
	switch (kind) {
		case 'destination-config':
			if (Object.keys(document).length === 0) {
				return { ok: false, message: l10n.t('The destination config is empty: write {"OnFailure":{"Destination":"..."}}.') };
			}
			return { ok: true, built: { operation: 'update', uuid: undefined, fields: { DestinationConfig: document } } };
		case 'esm-request': {
			if (!Object.prototype.hasOwnProperty.call(document, 'UUID')) {
				const functionName = document['FunctionName'];
				return { ok: true, built: { operation: 'create', request: { ...document }, needsFunction: typeof functionName !== 'string' || functionName === '' } };
			}
			const uuid = document['UUID'];
			if (typeof uuid !== 'string' || uuid === '') {
				return { ok: false, message: l10n.t('UUID must be the 36-character ID of the mapping to update.') };
			}
			const createOnly = CREATE_ONLY_FIELDS.filter((field) => Object.prototype.hasOwnProperty.call(document, field));
			if (createOnly.length > 0) {
				const names = createOnly.join(', ');
				return {
					ok: false,
					fields: createOnly,
					message:
						createOnly.length === 1
							? l10n.t(
									'{0} can only be set when a mapping is created; UpdateEventSourceMapping does not accept it. Remove it from this update request (a mapping that should read another source or topic must be created anew).',
									names,
								)
							: l10n.t(
									'{0} can only be set when a mapping is created; UpdateEventSourceMapping does not accept them. Remove them from this update request (a mapping that should read another source or topic must be created anew).',
									names,
								),
				};
			}
			// fromEntries defines own members: assigning a "__proto__" member would set the object's prototype instead.
			const fields: JsonObject = Object.fromEntries(Object.entries(document).filter(([key]) => key !== 'UUID'));
			if (Object.keys(fields).length === 0) {
				return { ok: false, message: l10n.t('The update request changes nothing: add the fields to change next to UUID.') };
			}
			return { ok: true, built: { operation: 'update', uuid, fields } };
		}
		default:
			return { ok: false, message: l10n.t('Only destination configs and event source mapping requests can be applied.') };
	}
}

/**
 * Fields of an update that would change something fixed at creation, compared with the mapping:
 * a different `ConsumerGroupId` in the Kafka source config.
 */
export function fixedFieldChanges(fields: JsonObject, current: JsonObject): string[] {
	const problems: string[] = [];
	for (const key of ['AmazonManagedKafkaEventSourceConfig', 'SelfManagedKafkaEventSourceConfig']) {
		const wanted = member(fields[key], 'ConsumerGroupId');
		const existing = member(current[key], 'ConsumerGroupId');
		if (typeof wanted === 'string' && typeof existing === 'string' && wanted !== existing) {
			problems.push(l10n.t('{0}.ConsumerGroupId is fixed when a mapping is created: this mapping uses "{1}", the document says "{2}".', key, existing, wanted));
		}
	}
	return problems;
}
