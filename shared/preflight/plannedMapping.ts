/**
 * The mapping a document would leave behind: a destination config replaces `DestinationConfig`;
 * an update request replaces each member it sets. The check then answers for what is about to
 * be applied, not for what AWS has now.
 */
import { isObject } from '../jsonPath';
import type { PlannedMapping } from './types';

export function plannedMapping(current: PlannedMapping, document: unknown): PlannedMapping {
	if (!isObject(document)) {
		return current;
	}
	if ('OnFailure' in document || 'OnSuccess' in document) {
		return { ...current, DestinationConfig: document };
	}
	const planned: Record<string, unknown> = { ...current };
	for (const key of ['DestinationConfig', 'ProvisionedPollerConfig', 'Topics'] as const) {
		if (key in document) {
			planned[key] = document[key];
		}
	}
	return planned;
}
