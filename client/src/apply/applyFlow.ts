/**
 * The apply flow, free of VS Code: every question to the user goes through {@link ApplyUi}, every
 * question to the language server through {@link ServerChecks}, every AWS call through
 * {@link LambdaApi}. The commands give it VS Code's quick picks, diff editor and modal dialog; the
 * tests give it scripted answers and the real SDK talking to a loopback server.
 *
 * The guarantees, in order: a document with errors is refused; the document is checked against
 * the mapping it will change; the user sees the diff and must confirm; a document edited after
 * the confirmation is not sent; a mapping changed by someone else while the user was reviewing is
 * not overwritten; a busy mapping is retried only when the user says so; the state is followed
 * until it settles (or the user stops following); and the previous values are kept for Undo.
 */
import * as l10n from '@vscode/l10n';
import { counted } from '../../../shared/printable';
import type { DocumentInfoResult, CheckAgainstMappingResult, MappingProblem } from '../../../shared/protocol';
import type { UserFacingError } from '../aws/errors';
import { toUserFacingError, UserFacingException } from '../aws/errors';
import type { CancellationLike, FunctionSummary, LambdaApi, MappingConfiguration, WaitOptions } from '../aws/lambdaApi';
import { isKafkaMapping, TRANSITIONAL_STATES } from '../aws/mappingKinds';
import type { Logger } from '../aws/logger';
import type { BuiltRequest, JsonObject } from './buildRequest';
import { buildRequest, fixedFieldChanges } from './buildRequest';
import { createSummary } from './confirmation';
import type { ConfigDiff } from './diff';
import { diffConfigs, projectCurrent } from './diff';
import type { FlowLock } from './flowLock';
import type { ApplySnapshot, SnapshotStore } from './snapshot';
import type { PreflightSources } from '../../../shared/preflight/types';
import { preflightForReview, preflightOf } from '../preflight/applyPreflight';
import { captureSnapshot, changedSinceApply, restoreRequest } from './snapshot';

export interface FunctionPickItem {
	label: string;
	description?: string;
	detail?: string;
	functionName: string;
}

export interface MappingPickItem {
	/** The topic(s) the mapping reads. */
	label: string;
	/** State, source, mode and last processing result. */
	description: string;
	/** Current destination and UUID. */
	detail: string;
	uuid: string;
	mapping: MappingConfiguration;
}

/** Everything the user sees before confirming. */
export interface ApplyReview extends ConfigDiff {
	/** e.g. `Current ↔ To be applied (orders-consumer / 1a2b3c4d)`. */
	title: string;
	operation: 'update' | 'create';
	functionName: string | undefined;
	uuid: string | undefined;
	/** Warnings the user should read first (checks against the mapping, later changes by others). */
	warnings: string[];
	/** Information notes from the checks against the mapping. */
	notes: string[];
	/** The question the confirmation asks, e.g. `Apply 1 change to event source mapping 1a2b… of orders-consumer?`. */
	question: string;
}

export interface ProgressUpdate {
	/** `preparing`: reading from AWS before the confirmation; `sending` and `following`: after it. */
	stage: 'preparing' | 'sending' | 'following';
	message: string;
	/** The mapping's state, when known. */
	state?: string;
	/** Set while listing functions or mappings for a picker (the check keeps that in the status bar). */
	listing?: boolean;
}

export interface ApplyUi {
	pickFunction(items: FunctionPickItem[]): Promise<FunctionPickItem | undefined>;
	pickMapping(items: MappingPickItem[]): Promise<MappingPickItem | undefined>;
	/** Shows the diff and asks; nothing is sent unless this resolves to true. */
	confirm(review: ApplyReview): Promise<boolean>;
	progress(update: ProgressUpdate): void;
	/** Whether the document is exactly as it was when the flow read it. */
	isDocumentUnchanged(): boolean;
	/** The mapping is busy (or throttled): ask whether to try again. */
	offerRetry(error: UserFacingError): Promise<boolean>;
}

/** The language server's answers about the document being applied. */
export interface ServerChecks {
	documentInfo(): Promise<DocumentInfoResult | null>;
	checkAgainstMapping(mapping: MappingConfiguration): Promise<CheckAgainstMappingResult>;
}

export interface ApplyTarget {
	region: string;
	profile: string | undefined;
	endpoint: string | undefined;
}

export interface ApplyDeps {
	api: LambdaApi;
	ui: ApplyUi;
	snapshots: SnapshotStore;
	logger: Logger;
	target: ApplyTarget;
	/** One flow at a time per activation. */
	lock: FlowLock;
	token?: CancellationLike;
	/** Timing of the state polling (tests shorten it). */
	wait?: Pick<WaitOptions, 'initialDelayMs' | 'maxDelayMs' | 'timeoutMs'>;
	/** When given, the failure path is checked before the confirmation, which shows the answers (issue 15). */
	preflight?: PreflightSources;
}

export interface ApplyDocument {
	text: string;
	server: ServerChecks;
}

export type ApplyOutcome =
	| {
			status: 'applied';
			operation: 'update' | 'create';
			uuid: string;
			mapping: MappingConfiguration;
			/** The final report, e.g. `Event source mapping … is Enabled. Last processing result: …`. */
			message: string;
			/** Whether the state settled (false when the user stopped following or it took too long). */
			followed: boolean;
			undoAvailable: boolean;
	  }
	| { status: 'refused'; message: string; problems?: MappingProblem[] }
	| { status: 'unchanged'; message: string }
	| { status: 'cancelled'; message: string }
	/** `sent`: the request reached AWS, or may have (the connection failed while it was being sent). */
	| { status: 'failed'; error: UserFacingError; sent: boolean };

const nothingSent = (): string => l10n.t('Nothing was sent.');

/** Apply (or, with `mode: 'create'`, create from) the document open in the editor. */
export async function applyDocument(deps: ApplyDeps, document: ApplyDocument, mode: 'apply' | 'create'): Promise<ApplyOutcome> {
	return guard(deps, async () => {
		const info = await document.server.documentInfo();
		if (!info) {
			return refused(l10n.t('The language server does not know this document; open it in an editor and try again.'));
		}
		if (info.kind !== 'destination-config' && info.kind !== 'esm-request') {
			return refused(
				info.kind === 'unknown'
					? l10n.t('This document is not a destination config or an event source mapping request.')
					: l10n.t('This document is a {0}; only destination configs and event source mapping requests can be applied.', info.kind.replace('-', ' ')),
			);
		}
		if (info.layout !== 'single') {
			return refused(l10n.t('The file holds several documents; apply works on a file with one destination config or request.'));
		}
		if (info.counts.error > 0) {
			return refused(
				info.counts.error === 1
					? l10n.t('The document has 1 error; fix it first (see the Problems panel). {0}', nothingSent())
					: l10n.t('The document has {0} errors; fix them first (see the Problems panel). {1}', info.counts.error, nothingSent()),
			);
		}
		let value: unknown;
		try {
			value = JSON.parse(document.text);
		} catch {
			return refused(l10n.t('The document is not plain JSON (comments or trailing commas?). {0}', nothingSent()));
		}
		const built = buildRequest(info.kind, value);
		if (!built.ok) {
			return refused(`${built.message} ${nothingSent()}`);
		}
		if (mode === 'create' && built.built.operation === 'update') {
			return refused(
				l10n.t('This document updates an existing mapping (it has a UUID or is a destination config); use "Apply Destination Config to Event Source Mapping".'),
			);
		}
		if (mode === 'apply' && built.built.operation === 'create') {
			return refused(
				l10n.t('This request has no UUID, so it would create a new mapping; use "Create Event Source Mapping", or add the UUID of the mapping to update.'),
			);
		}
		return built.built.operation === 'create' ? createFromDocument(deps, document, built.built) : updateFromDocument(deps, document, built.built);
	});
}

async function updateFromDocument(deps: ApplyDeps, document: ApplyDocument, built: Extract<BuiltRequest, { operation: 'update' }>): Promise<ApplyOutcome> {
	const read = await readMapping(deps, built.uuid);
	if ('status' in read) {
		return read;
	}
	const { uuid, current } = read;
	if (!isKafkaMapping(current)) {
		return refused(
			l10n.t(
				'Event source mapping {0} does not read from Kafka ({1}); this extension applies Kafka configurations only. {2}',
				uuid,
				current.EventSourceArn ?? l10n.t('unknown source'),
				nothingSent(),
			),
		);
	}
	const fixed = fixedFieldChanges(built.fields, current);
	if (fixed.length > 0) {
		return refused(`${fixed.join(' ')} ${nothingSent()}`);
	}
	const check = await document.server.checkAgainstMapping(current);
	const errors = check.problems.filter((p) => p.severity === 'error');
	if (errors.length > 0) {
		return {
			status: 'refused',
			problems: check.problems,
			message: l10n.t('The document does not fit event source mapping {0}: {1} {2}', uuid, errors.map((p) => p.message).join(' '), nothingSent()),
		};
	}
	const warnings = check.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
	const notes = check.problems.filter((p) => p.severity === 'info' || p.severity === 'hint').map((p) => p.message);
	if (check.unavailable) {
		deps.logger.warn(`Check against the mapping was not possible: ${check.unavailable}`);
		warnings.push(l10n.t('The document could not be checked against the mapping: {0}', check.unavailable));
	}
	await addPreflight(deps, current, built.fields, warnings, notes);
	return sendUpdate(deps, { uuid, current, request: { UUID: uuid, ...built.fields }, warnings, notes, fromDocument: true });
}

/** Runs the pre-flight check on the mapping as the document would leave it; its answers join the review. */
async function addPreflight(deps: ApplyDeps, current: MappingConfiguration, fields: JsonObject, warnings: string[], notes: string[]): Promise<void> {
	if (!deps.preflight) {
		return;
	}
	deps.ui.progress({ stage: 'preparing', message: l10n.t('Checking the failure path…') });
	try {
		const report = await preflightOf(deps.preflight, current, deps.target.region, fields, new Date());
		const lines = preflightForReview(report);
		warnings.push(...lines.warnings);
		notes.push(...lines.notes);
	} catch (error) {
		const userFacing = toUserFacingError(error);
		if (userFacing.kind === 'cancelled') {
			throw error;
		}
		deps.logger.warn(`Pre-flight check could not run: ${userFacing.message}`);
		notes.push(l10n.t('The pre-flight check could not run: {0}', userFacing.message));
	}
}

async function createFromDocument(deps: ApplyDeps, _document: ApplyDocument, built: Extract<BuiltRequest, { operation: 'create' }>): Promise<ApplyOutcome> {
	const request = { ...built.request };
	if (built.needsFunction) {
		const fn = await pickFunction(deps);
		if ('status' in fn) {
			return fn;
		}
		request['FunctionName'] = fn.functionName;
	}
	const functionName = String(request['FunctionName']);
	// Nothing to diff against: the confirmation lists the mapping to be created instead.
	const review: ApplyReview = {
		...diffConfigs(undefined, request),
		summary: createSummary(request),
		title: l10n.t('New event source mapping ({0})', shortFunctionName(functionName)),
		operation: 'create',
		functionName,
		uuid: undefined,
		warnings: [],
		notes: [],
		question: l10n.t('Create a new event source mapping for {0} in {1}?', shortFunctionName(functionName), deps.target.region),
	};
	if (!(await deps.ui.confirm(review))) {
		return cancelled(l10n.t('Cancelled. {0}', nothingSent()));
	}
	if (!deps.ui.isDocumentUnchanged()) {
		return refused(l10n.t('The document changed after you confirmed. {0} Review the new version and create again.', nothingSent()));
	}
	deps.ui.progress({ stage: 'sending', message: l10n.t('Sending CreateEventSourceMapping…') });
	const result = await sendWithRetry(deps, () => deps.api.createMapping({ ...request, FunctionName: functionName }, deps.token));
	if ('outcome' in result) {
		const outcome = result.outcome;
		return outcome.status === 'failed' && outcome.error.kind === 'network' ? rereadAfterLostCreate(deps, functionName, request, outcome.error) : outcome;
	}
	const created = result.mapping;
	const uuid = created.UUID;
	if (!uuid) {
		return { status: 'failed', sent: true, error: { kind: 'service', message: l10n.t('CreateEventSourceMapping returned no UUID.') } };
	}
	return follow(deps, 'create', uuid, created, false);
}

/** Sets the on-failure destination of a picked mapping to `""`. */
export async function removeOnFailureDestination(deps: ApplyDeps): Promise<ApplyOutcome> {
	return guard(deps, async () => {
		const picked = await pickMapping(deps);
		if ('status' in picked) {
			return picked;
		}
		const current = await deps.api.getMapping(picked.uuid, deps.token);
		const destination = current.DestinationConfig?.OnFailure?.Destination;
		if (!destination) {
			return { status: 'unchanged', message: l10n.t('Event source mapping {0} has no on-failure destination. {1}', picked.uuid, nothingSent()) };
		}
		return sendUpdate(deps, {
			uuid: picked.uuid,
			current,
			request: { UUID: picked.uuid, DestinationConfig: { OnFailure: { Destination: '' } } },
			warnings: [],
			notes: [],
			fromDocument: false,
		});
	});
}

/** Sends back the values the last apply replaced. */
export async function undoLastApply(deps: ApplyDeps): Promise<ApplyOutcome> {
	return guard(deps, async () => {
		const snapshot = deps.snapshots.last();
		if (!snapshot) {
			return refused(l10n.t('There is no apply to undo in this VS Code profile.'));
		}
		const current = await deps.api.getMapping(snapshot.uuid, deps.token);
		const warnings: string[] = [];
		const changed = changedSinceApply(snapshot, current);
		if (changed.length > 0) {
			warnings.push(
				changed.length === 1
					? l10n.t('{0} changed after your apply ({1}); Undo overwrites that change.', changed.join(', '), snapshot.takenAt)
					: l10n.t('{0} changed after your apply ({1}); Undo overwrites those changes.', changed.join(', '), snapshot.takenAt),
			);
		}
		if (snapshot.unrestorable.length > 0) {
			warnings.push(
				snapshot.unrestorable.length === 1
					? l10n.t('{0} had no value before the apply and cannot be reset; it keeps its current value.', snapshot.unrestorable.join(', '))
					: l10n.t('{0} had no value before the apply and cannot be reset; they keep their current value.', snapshot.unrestorable.join(', ')),
			);
		}
		const request = restoreRequest(snapshot);
		const outcome = await sendUpdate(deps, { uuid: snapshot.uuid, current, request, warnings, notes: [], fromDocument: false, undo: snapshot });
		if (outcome.status === 'applied') {
			await deps.snapshots.clear();
			return { ...outcome, undoAvailable: false };
		}
		return outcome;
	});
}

/** What picking a mapping needs. */
export type PickDeps = Pick<ApplyDeps, 'api' | 'token' | 'target'> & { ui: Pick<ApplyUi, 'pickFunction' | 'pickMapping' | 'progress'> };

/** Reads the mapping `uuid` names, asking for one with the pickers when there is no UUID; or says why there is none. */
export async function readMapping(
	deps: PickDeps,
	uuid: string | undefined,
): Promise<{ uuid: string; current: MappingConfiguration } | Extract<ApplyOutcome, { status: 'refused' | 'cancelled' }>> {
	if (uuid === undefined) {
		const picked = await pickMapping(deps);
		if ('status' in picked) {
			return picked;
		}
		uuid = picked.uuid;
	}
	deps.ui.progress({ stage: 'preparing', message: l10n.t('Reading event source mapping {0}…', uuid) });
	return { uuid, current: await deps.api.getMapping(uuid, deps.token) };
}

/** Asks for the function, then for one of its Kafka mappings. */
export async function pickMapping(deps: PickDeps): Promise<MappingPickItem | Extract<ApplyOutcome, { status: 'refused' | 'cancelled' }>> {
	const fn = await pickFunction(deps);
	if ('status' in fn) {
		return fn;
	}
	deps.ui.progress({ stage: 'preparing', message: l10n.t('Listing the event source mappings of {0}…', fn.functionName), listing: true });
	const mappings = await deps.api.listKafkaMappings(fn.functionName, deps.token);
	if (mappings.length === 0) {
		return refused(l10n.t('{0} has no Kafka event source mappings in {1}.', fn.functionName, deps.target.region));
	}
	const picked = await deps.ui.pickMapping(mappings.map(mappingItem));
	return picked ?? cancelled(l10n.t('Cancelled. {0}', nothingSent()));
}

async function pickFunction(deps: PickDeps): Promise<FunctionPickItem | Extract<ApplyOutcome, { status: 'refused' | 'cancelled' }>> {
	deps.ui.progress({ stage: 'preparing', message: l10n.t('Listing Lambda functions in {0}…', deps.target.region), listing: true });
	const functions = await deps.api.listFunctions(deps.token);
	if (functions.length === 0) {
		return refused(
			l10n.t(
				'There are no Lambda functions in {0}{1}. Check the region and profile in the status bar.',
				deps.target.region,
				deps.target.profile ? ` for profile "${deps.target.profile}"` : '',
			),
		);
	}
	const picked = await deps.ui.pickFunction(functions.map(functionItem));
	return picked ?? cancelled(l10n.t('Cancelled. {0}', nothingSent()));
}

export function functionItem(fn: FunctionSummary): FunctionPickItem {
	return { label: fn.name, description: fn.runtime, detail: fn.description, functionName: fn.name };
}

export function mappingItem(mapping: MappingConfiguration): MappingPickItem {
	const uuid = mapping.UUID ?? '?';
	const topics = Array.isArray(mapping.Topics) && mapping.Topics.length > 0 ? mapping.Topics.join(', ') : l10n.t('(no topic)');
	const source = mapping.SelfManagedEventSource ? l10n.t('self-managed Kafka') : mskClusterName(mapping.EventSourceArn);
	const mode = mapping.ProvisionedPollerConfig && Object.keys(mapping.ProvisionedPollerConfig).length > 0 ? 'provisioned' : 'on-demand';
	const destination = mapping.DestinationConfig?.OnFailure?.Destination;
	return {
		label: topics,
		description: l10n.t('{0} · {1} · {2} · last result: {3}', mapping.State ?? l10n.t('unknown state'), source, mode, mapping.LastProcessingResult ?? 'none'),
		// The detail line holds only the destination and the UUID: a destination ARN is long, and
		// anything before it or between them pushed it past the picker's width.
		detail: l10n.t('On failure → {0} · {1}', destination ? destination : l10n.t('no destination'), uuid),
		uuid,
		mapping,
	};
}

interface UpdatePlan {
	uuid: string;
	current: MappingConfiguration;
	request: JsonObject & { UUID: string };
	warnings: string[];
	notes: string[];
	/** The request comes from the open document, which must not change after the confirmation. */
	fromDocument: boolean;
	/** Set when the update is an Undo of this snapshot. */
	undo?: ApplySnapshot;
}

async function sendUpdate(deps: ApplyDeps, plan: UpdatePlan): Promise<ApplyOutcome> {
	const { uuid, current, request } = plan;
	const functionName = functionNameOf(current);
	const diff = diffConfigs(current, request);
	if (diff.unchanged) {
		return { status: 'unchanged', message: l10n.t('Event source mapping {0} already has this configuration. {1}', uuid, nothingSent()) };
	}
	const changes = counted(diff.changes.length, l10n.t('{0} change'), l10n.t('{0} changes'));
	const ofFunction = functionName ?? l10n.t('its function');
	const review: ApplyReview = {
		...diff,
		title: l10n.t('Current ↔ To be applied ({0} / {1})', functionName ?? l10n.t('unknown function'), uuid.slice(0, 8)),
		operation: 'update',
		functionName,
		uuid,
		warnings: plan.warnings,
		notes: plan.notes,
		question: plan.undo
			? l10n.t('Undo the last apply: send {0} to event source mapping {1} of {2} in {3}?', changes, uuid.slice(0, 8), ofFunction, deps.target.region)
			: l10n.t('Apply {0} to event source mapping {1} of {2} in {3}?', changes, uuid.slice(0, 8), ofFunction, deps.target.region),
	};
	if (!(await deps.ui.confirm(review))) {
		return cancelled(l10n.t('Cancelled. {0}', nothingSent()));
	}
	if (plan.fromDocument && !deps.ui.isDocumentUnchanged()) {
		return refused(l10n.t('The document changed after you confirmed. {0} Review the new version and apply again.', nothingSent()));
	}
	// Someone may have changed the mapping while the diff was on screen: never overwrite what the user did not see.
	const latest = await deps.api.getMapping(uuid, deps.token);
	if (JSON.stringify(projectCurrent(latest, request)) !== JSON.stringify(projectCurrent(current, request))) {
		return refused(
			l10n.t(
				'Event source mapping {0} was changed by someone else while you reviewed the diff. {1} Run the command again to see the new diff.',
				uuid,
				nothingSent(),
			),
		);
	}
	deps.ui.progress({ stage: 'sending', message: l10n.t('Sending UpdateEventSourceMapping to {0}…', uuid.slice(0, 8)) });
	const result = await sendWithRetry(deps, () => deps.api.updateMapping(request, deps.token));
	if ('outcome' in result) {
		const outcome = result.outcome;
		return outcome.status === 'failed' && outcome.error.kind === 'network' ? rereadAfterLostConnection(deps, uuid, latest, request, outcome.error) : outcome;
	}
	const sent = result.mapping;
	let undoAvailable = false;
	if (!plan.undo) {
		try {
			await deps.snapshots.save(
				captureSnapshot(latest, request, {
					functionName,
					region: deps.target.region,
					profile: deps.target.profile,
					endpoint: deps.target.endpoint,
					summary: diff.summary,
				}),
			);
			undoAvailable = true;
		} catch (error) {
			deps.logger.warn(`Could not keep the previous configuration for Undo: ${String(error)}`);
		}
	}
	deps.logger.info(`${plan.undo ? 'Undo sent' : 'Applied'} to ${uuid}: ${diff.summary}`);
	return follow(deps, 'update', uuid, sent, undoAvailable);
}

/**
 * The connection failed while the update was on its way: AWS may or may not have made the change.
 * Read the mapping again and say which, or that it is still unknown.
 */
async function rereadAfterLostConnection(
	deps: ApplyDeps,
	uuid: string,
	before: MappingConfiguration,
	request: JsonObject & { UUID: string },
	error: UserFacingError,
): Promise<ApplyOutcome> {
	const lost = l10n.t(
		'{0} The connection failed while UpdateEventSourceMapping was being sent, so whether event source mapping {1} was changed was unknown',
		error.message,
		uuid,
	);
	deps.ui.progress({ stage: 'sending', message: l10n.t('Re-reading event source mapping {0}…', uuid.slice(0, 8)) });
	let now: MappingConfiguration;
	try {
		now = await deps.api.getMapping(uuid, deps.token);
	} catch {
		return {
			status: 'failed',
			sent: true,
			error: {
				...error,
				message: l10n.t('{0}, and re-reading it failed too: its state is unknown.', lost),
				nextStep: l10n.t('Re-read it with "Lambda Kafka: Open Current Configuration of Event Source Mapping" before applying again.'),
			},
		};
	}
	const shown = (mapping: MappingConfiguration): string => JSON.stringify(projectCurrent(mapping, request));
	if (shown(now) === shown(before)) {
		return {
			status: 'failed',
			sent: false,
			error: {
				...error,
				message: l10n.t('{0}; re-read, it still has its previous configuration: the change was not made.', lost),
				nextStep: l10n.t('Apply again once AWS can be reached.'),
			},
		};
	}
	if (diffConfigs(now, request).unchanged) {
		return {
			status: 'failed',
			sent: true,
			error: {
				...error,
				message: l10n.t('{0}; re-read, it has the new configuration: the change was made (state {1}).', lost, now.State ?? 'unknown'),
				nextStep: l10n.t('Nothing needs applying again; Undo is not available for this change.'),
			},
		};
	}
	return {
		status: 'failed',
		sent: true,
		error: {
			...error,
			message: l10n.t('{0}; re-read, it has neither its previous nor the new configuration.', lost),
			nextStep: l10n.t(
				'Open its current configuration ("Lambda Kafka: Open Current Configuration of Event Source Mapping") and review it before applying again.',
			),
		},
	};
}

/** The connection failed while a create was on its way: list the function's mappings and say whether one for this source and these topics exists now. */
async function rereadAfterLostCreate(deps: ApplyDeps, functionName: string, request: JsonObject, error: UserFacingError): Promise<ApplyOutcome> {
	const lost = l10n.t('{0} The connection failed while CreateEventSourceMapping was being sent, so whether the mapping was created was unknown', error.message);
	deps.ui.progress({ stage: 'sending', message: l10n.t('Re-reading the event source mappings of {0}…', shortFunctionName(functionName)) });
	let mappings: MappingConfiguration[];
	try {
		mappings = await deps.api.listKafkaMappings(functionName, deps.token);
	} catch {
		return {
			status: 'failed',
			sent: true,
			error: {
				...error,
				message: l10n.t("{0}, and listing the function's mappings failed too: whether it exists is unknown.", lost),
				nextStep: l10n.t('List the mappings of the function before creating again: a second create of the same mapping is refused.'),
			},
		};
	}
	const endpoints = (value: unknown): unknown => (typeof value === 'object' && value !== null ? ((value as JsonObject)['Endpoints'] ?? null) : null);
	const source = (m: JsonObject): string => JSON.stringify([m['EventSourceArn'] ?? null, m['Topics'] ?? null, endpoints(m['SelfManagedEventSource'])]);
	const existing = mappings.find((m) => source(m) === source(request));
	if (!existing) {
		return {
			status: 'failed',
			sent: false,
			error: {
				...error,
				message: l10n.t('{0}; re-read, the function has no mapping for this source and these topics: it was not created.', lost),
				nextStep: l10n.t('Create again once AWS can be reached.'),
			},
		};
	}
	return {
		status: 'failed',
		sent: true,
		error: {
			...error,
			message: l10n.t(
				'{0}; re-read, the function has a mapping for this source and these topics: {1} (state {2}).',
				lost,
				existing.UUID ?? '?',
				existing.State ?? 'unknown',
			),
			nextStep: existing.UUID
				? l10n.t('Add "UUID": "{0}" to the document to update it instead of creating it again.', existing.UUID)
				: l10n.t('Update that mapping instead of creating it again.'),
		},
	};
}

/** Sends, offering a retry while the mapping is busy or AWS throttles. */
async function sendWithRetry(
	deps: ApplyDeps,
	send: () => Promise<MappingConfiguration>,
): Promise<{ mapping: MappingConfiguration } | { outcome: ApplyOutcome }> {
	for (;;) {
		try {
			return { mapping: await send() };
		} catch (error) {
			const userFacing = toUserFacingError(error);
			if (userFacing.kind === 'cancelled') {
				return {
					outcome: cancelled(l10n.t('Cancelled before AWS answered; the change may or may not have been made. Open the current configuration to check.')),
				};
			}
			if ((userFacing.kind === 'busy' || userFacing.kind === 'throttled') && (await deps.ui.offerRetry(userFacing))) {
				deps.logger.info("Retrying at the user's request.");
				continue;
			}
			return { outcome: { status: 'failed', error: userFacing, sent: false } };
		}
	}
}

/** Follows the state after a successful send and builds the final report. */
async function follow(
	deps: ApplyDeps,
	operation: 'update' | 'create',
	uuid: string,
	sent: MappingConfiguration,
	undoAvailable: boolean,
): Promise<ApplyOutcome> {
	deps.ui.progress({ stage: 'following', message: stateMessage(uuid, sent.State), state: sent.State });
	let final = sent;
	let followed = true;
	try {
		final = await deps.api.waitForStableState(uuid, {
			...deps.wait,
			token: deps.token,
			onState: (mapping) => deps.ui.progress({ stage: 'following', message: stateMessage(uuid, mapping.State), state: mapping.State }),
		});
	} catch (error) {
		const userFacing = toUserFacingError(error);
		followed = false;
		const reason = userFacing.kind === 'cancelled' ? l10n.t('stopped following its state') : userFacing.message;
		const lastSeen = final.State ?? 'unknown';
		return {
			status: 'applied',
			operation,
			uuid,
			mapping: final,
			followed,
			undoAvailable,
			message:
				operation === 'create'
					? l10n.t('Created event source mapping {0}; {1} (last seen: {2}). AWS goes on with the change.', uuid, reason, lastSeen)
					: l10n.t('Sent the update to event source mapping {0}; {1} (last seen: {2}). AWS goes on with the change.', uuid, reason, lastSeen),
		};
	}
	return { status: 'applied', operation, uuid, mapping: final, followed, undoAvailable, message: finalReport(uuid, final) };
}

/** `Event source mapping <uuid> is Enabled. Last processing result: …` plus the state transition reason. */
export function finalReport(uuid: string, mapping: MappingConfiguration): string {
	const parts = [
		l10n.t('Event source mapping {0} is {1}.', uuid, mapping.State ?? l10n.t('in an unknown state')),
		l10n.t('Last processing result: {0}.', mapping.LastProcessingResult ?? l10n.t('none yet')),
	];
	if (mapping.StateTransitionReason) {
		parts.push(l10n.t('State transition reason: {0}.', mapping.StateTransitionReason));
	}
	return parts.join(' ');
}

function stateMessage(uuid: string, state: string | undefined): string {
	return l10n.t('Event source mapping {0}: {1}{2}', uuid.slice(0, 8), state ?? 'waiting', state !== undefined && !TRANSITIONAL_STATES.has(state) ? '.' : '…');
}

/** Runs a flow, unless another one holds the lock; an error anywhere before sending becomes a `failed` outcome with nothing sent. */
async function guard(deps: ApplyDeps, run: () => Promise<ApplyOutcome>): Promise<ApplyOutcome> {
	if (!deps.lock.tryAcquire()) {
		return refused(
			l10n.t(
				'Another apply, undo or removal is still running; wait until it has finished (or cancel it in its notification), then try again. {0}',
				nothingSent(),
			),
		);
	}
	try {
		return await run();
	} catch (error) {
		const userFacing = toUserFacingError(error);
		if (userFacing.kind === 'cancelled') {
			return cancelled(l10n.t('Cancelled. {0}', nothingSent()));
		}
		if (!(error instanceof UserFacingException)) {
			deps.logger.error(`Apply flow failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
		return { status: 'failed', error: userFacing, sent: false };
	} finally {
		deps.lock.release();
	}
}

function refused(message: string): Extract<ApplyOutcome, { status: 'refused' }> {
	return { status: 'refused', message };
}

function cancelled(message: string): Extract<ApplyOutcome, { status: 'cancelled' }> {
	return { status: 'cancelled', message };
}

/** `orders-consumer` from `arn:aws:lambda:us-east-1:123456789012:function:orders-consumer`. */
export function functionNameOf(mapping: MappingConfiguration): string | undefined {
	const arn = mapping.FunctionArn;
	if (typeof arn !== 'string') {
		return undefined;
	}
	const match = /:function:([^:]+)/.exec(arn);
	return match ? match[1] : arn;
}

function shortFunctionName(name: string): string {
	return /:function:([^:]+)/.exec(name)?.[1] ?? name;
}

function mskClusterName(arn: string | undefined): string {
	const match = arn ? /:cluster\/([^/]+)/.exec(arn) : null;
	return match ? `MSK ${match[1]}` : 'MSK';
}

/** A short rendering of a value for messages (re-exported for the commands). */
