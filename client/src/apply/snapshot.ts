/**
 * What Undo needs: before an update is sent, the previous value of every field being sent is kept,
 * so that sending them back restores exactly what was there. A mapping that had no on-failure
 * destination gets `{"OnFailure":{"Destination":""}}`, which is how the API removes one; other
 * members Get did not return are reset to the API's documented "off" value, or listed as not
 * restorable when there is none.
 *
 * The storage is injected: VS Code's `globalState` (a Memento) in the extension, a Map in tests.
 */
import type { JsonObject } from './buildRequest';
import { enabledOf } from './diff';

/** A Memento-like key-value store; `vscode.Memento` is one. */
export interface SnapshotStorage {
	get<T>(key: string): T | undefined;
	update(key: string, value: unknown): PromiseLike<void>;
}

export interface ApplySnapshot {
	version: 1;
	uuid: string;
	functionName: string | undefined;
	/** Where the apply went, so Undo goes to the same account and region. */
	region: string;
	profile: string | undefined;
	endpoint: string | undefined;
	/** ISO 8601. */
	takenAt: string;
	/** The values before the apply, one per field sent (UUID excluded). */
	previous: JsonObject;
	/** The values the apply sent (UUID excluded), to notice later changes by others. */
	applied: JsonObject;
	/** Fields whose previous value cannot be sent back (Get did not return them and the API has no "off" value). */
	unrestorable: string[];
	/** The apply's one-line summary. */
	summary: string;
}

/** The value that switches a feature off, for members Get leaves out when they are not set. */
const OFF_VALUES: Readonly<Record<string, unknown>> = {
	DestinationConfig: { OnFailure: { Destination: '' } },
	MaximumRetryAttempts: -1,
	MaximumRecordAgeInSeconds: -1,
	BisectBatchOnFunctionError: false,
	FunctionResponseTypes: [],
	// `{}` switches a Kafka mapping back to on-demand mode.
	ProvisionedPollerConfig: {},
	FilterCriteria: {},
};

export interface SnapshotMeta {
	functionName: string | undefined;
	region: string;
	profile: string | undefined;
	endpoint: string | undefined;
	summary: string;
	now?: Date;
}

/** Captures the previous values of the fields `request` sends (an update request with `UUID`). */
export function captureSnapshot(current: JsonObject, request: JsonObject & { UUID: string }, meta: SnapshotMeta): ApplySnapshot {
	const previous: JsonObject = {};
	const applied: JsonObject = {};
	const unrestorable: string[] = [];
	for (const [key, value] of Object.entries(request)) {
		if (key === 'UUID') {
			continue;
		}
		applied[key] = value;
		const before = key === 'Enabled' && current[key] === undefined ? enabledOf(current['State']) : current[key];
		if (key === 'DestinationConfig') {
			previous[key] = hasOnFailureDestination(before) ? clone(before) : clone(OFF_VALUES['DestinationConfig']);
		} else if (before !== undefined && before !== null) {
			previous[key] = clone(before);
		} else if (key in OFF_VALUES) {
			previous[key] = clone(OFF_VALUES[key]);
		} else {
			unrestorable.push(key);
		}
	}
	return {
		version: 1,
		uuid: request.UUID,
		functionName: meta.functionName,
		region: meta.region,
		profile: meta.profile,
		endpoint: meta.endpoint,
		takenAt: (meta.now ?? new Date()).toISOString(),
		previous,
		applied,
		unrestorable,
		summary: meta.summary,
	};
}

/** The update request that puts the snapshot's values back. */
export function restoreRequest(snapshot: ApplySnapshot): JsonObject & { UUID: string } {
	return { UUID: snapshot.uuid, ...clone(snapshot.previous) };
}

/** Fields whose value changed after the apply (by someone else), comparing the mapping now with what was applied. */
export function changedSinceApply(snapshot: ApplySnapshot, current: JsonObject): string[] {
	const changed: string[] = [];
	for (const [key, value] of Object.entries(snapshot.applied)) {
		const now = key === 'Enabled' && current[key] === undefined ? enabledOf(current['State']) : current[key];
		if (!sameConfig(key, now, value)) {
			changed.push(key);
		}
	}
	return changed;
}

const STORAGE_KEY = 'lambdaKafka.lastApply';

/** The last apply's snapshot, kept in the injected storage. */
export class SnapshotStore {
	constructor(private readonly storage: SnapshotStorage) {}

	last(): ApplySnapshot | undefined {
		const stored = this.storage.get<ApplySnapshot>(STORAGE_KEY);
		return stored && stored.version === 1 && typeof stored.uuid === 'string' ? stored : undefined;
	}

	async save(snapshot: ApplySnapshot): Promise<void> {
		await this.storage.update(STORAGE_KEY, snapshot);
	}

	async clear(): Promise<void> {
		await this.storage.update(STORAGE_KEY, undefined);
	}
}

/** A SnapshotStorage in memory, for tests and for a session without persistent state. */
export class MemoryStorage implements SnapshotStorage {
	private readonly values = new Map<string, unknown>();
	get<T>(key: string): T | undefined {
		return this.values.get(key) as T | undefined;
	}
	update(key: string, value: unknown): Promise<void> {
		if (value === undefined) {
			this.values.delete(key);
		} else {
			this.values.set(key, clone(value));
		}
		return Promise.resolve();
	}
}

function hasOnFailureDestination(config: unknown): boolean {
	if (typeof config !== 'object' || config === null) {
		return false;
	}
	const onFailure = (config as JsonObject)['OnFailure'];
	const destination = typeof onFailure === 'object' && onFailure !== null ? (onFailure as JsonObject)['Destination'] : undefined;
	return typeof destination === 'string' && destination !== '';
}

function sameConfig(key: string, a: unknown, b: unknown): boolean {
	if (key === 'DestinationConfig') {
		const destinationOf = (c: unknown): string => (hasOnFailureDestination(c) ? String(((c as JsonObject)['OnFailure'] as JsonObject)['Destination']) : '');
		return destinationOf(a) === destinationOf(b);
	}
	return canonical(a ?? null) === canonical(b ?? null);
}

/** JSON with object keys sorted, so member order does not count as a change. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, member: unknown) =>
		typeof member === 'object' && member !== null && !Array.isArray(member)
			? Object.fromEntries(Object.entries(member as JsonObject).sort(([a], [b]) => a.localeCompare(b)))
			: member,
	);
}

function clone<T>(value: T): T {
	return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
