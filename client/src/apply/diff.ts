/**
 * What an apply changes, shown before anything is sent: the mapping's current configuration
 * projected onto the fields being sent, against the request itself, as two pretty JSON texts for a
 * diff editor, plus a one-line summary for the confirmation.
 *
 * Projection is by top-level member, because UpdateEventSourceMapping replaces a structure such as
 * `DestinationConfig` or `ProvisionedPollerConfig` whole: a member missing from the request's
 * structure is shown as going away.
 */
import * as l10n from '@vscode/l10n';
import type { JsonObject } from './buildRequest';
import { shortLine } from '../aws/logger';
import { isObject } from '../../../shared/jsonPath';

export interface Change {
	/** Dotted path of the leaf, e.g. `OnFailure.Destination` or `ProvisionedPollerConfig.MaximumPollers`. */
	path: string;
	before: unknown;
	after: unknown;
}

export interface ConfigDiff {
	/** The current values of the fields being sent (pretty JSON, ending in a newline). */
	left: string;
	/** The request (pretty JSON, ending in a newline). */
	right: string;
	changes: Change[];
	/** e.g. `OnFailure.Destination: arn:…:old-queue → kafka://new`; several changes are joined with `; `. */
	summary: string;
	/** The mapping already has every value sent. */
	unchanged: boolean;
}

/** The members of `current` named by the keys of `request`, in the request's order; absent members are left out. */
export function projectCurrent(current: JsonObject, request: JsonObject): JsonObject {
	const projected: JsonObject = {};
	for (const key of Object.keys(request)) {
		if (Object.prototype.hasOwnProperty.call(current, key) && current[key] !== undefined && current[key] !== null) {
			projected[key] = current[key];
		} else if (key === 'Enabled') {
			// Get has no `Enabled`; the state tells it.
			const enabled = enabledOf(current['State']);
			if (enabled !== undefined) {
				projected[key] = enabled;
			}
		}
	}
	return projected;
}

/** Whether a mapping in this state is enabled, where the state says it for certain. */
export function enabledOf(state: unknown): boolean | undefined {
	if (state === 'Enabled' || state === 'Enabling') {
		return true;
	}
	if (state === 'Disabled' || state === 'Disabling') {
		return false;
	}
	return undefined;
}

/**
 * Compares the mapping (undefined for a create) with the request.
 * @param current GetEventSourceMapping's response as plain JSON
 * @param request the Update or Create request (an update request starts with `UUID`)
 */
export function diffConfigs(current: JsonObject | undefined, request: JsonObject): ConfigDiff {
	const left = current ? projectCurrent(current, request) : {};
	const changes: Change[] = [];
	for (const key of Object.keys(request)) {
		if (key === 'UUID') {
			continue;
		}
		collectChanges(displayPath(key), normalise(key, left[key]), normalise(key, request[key]), changes);
	}
	const summary = changes.length === 0 ? l10n.t('No changes: the mapping already has this configuration.') : changes.map(formatChange).join('; ');
	return { left: pretty(left), right: pretty(request), changes, summary, unchanged: changes.length === 0 };
}

export function pretty(value: unknown): string {
	return `${JSON.stringify(value, null, 2)}\n`;
}

/** A destination config without a destination means the same as none at all. */
function normalise(key: string, value: unknown): unknown {
	if (key !== 'DestinationConfig' || !isObject(value)) {
		return value;
	}
	const onFailure = value['OnFailure'];
	const destination = isObject(onFailure) ? onFailure['Destination'] : undefined;
	const others = Object.keys(value).filter((k) => k !== 'OnFailure');
	if ((destination === undefined || destination === '' || destination === null) && others.length === 0) {
		return undefined;
	}
	return value;
}

function collectChanges(path: string, before: unknown, after: unknown, out: Change[]): void {
	if (isObject(before) && isObject(after)) {
		const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
		for (const key of keys) {
			collectChanges(path === '' ? key : `${path}.${key}`, before[key], after[key], out);
		}
		return;
	}
	if (isObject(after) && before === undefined) {
		// A whole structure is added: list its leaves, so the summary names the values.
		for (const key of Object.keys(after)) {
			collectChanges(path === '' ? key : `${path}.${key}`, undefined, after[key], out);
		}
		if (Object.keys(after).length === 0) {
			out.push({ path, before, after });
		}
		return;
	}
	if (isObject(before) && after === undefined) {
		for (const key of Object.keys(before)) {
			collectChanges(path === '' ? key : `${path}.${key}`, before[key], undefined, out);
		}
		return;
	}
	if (!sameValue(before, after)) {
		out.push({ path, before, after });
	}
}

/** Paths inside `DestinationConfig` read as the destination config itself does (`OnFailure.Destination`). */
function displayPath(key: string): string {
	return key === 'DestinationConfig' ? '' : key;
}

function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function formatChange(change: Change): string {
	const isDestination = /(^|\.)Destination$/.test(change.path);
	return `${change.path || 'DestinationConfig'}: ${formatValue(change.before, isDestination)} → ${formatValue(change.after, isDestination)}`;
}

/** A short rendering: ARNs keep their resource part (`arn:…:dest-queue`), long JSON is cut. */
export function formatValue(value: unknown, isDestination = false): string {
	if (value === undefined || value === null || (isDestination && value === '')) {
		return isDestination ? '(none)' : l10n.t('(not set)');
	}
	if (typeof value === 'string') {
		if (value === '') {
			return '""';
		}
		// Values may come from the document or from AWS: one line, cut like JSON values below.
		const arn = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/s.exec(value);
		if (arn) {
			return `arn:…:${shortLine(arn[1], 100)}`;
		}
		return shortLine(value, 100);
	}
	const text = JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
