/**
 * What the apply tests share: a loopback Lambda, an AwsContext pointing at it, the real Lambda API
 * with a memory log, the language server's answers computed by the real engine, and a scripted UI
 * that records what it was shown.
 */
import type { DocumentInfoResult } from '../../shared/protocol';
import type { ApplyDeps, ApplyReview, ApplyUi, FunctionPickItem, MappingPickItem, ProgressUpdate, ServerChecks } from '../../client/src/apply/applyFlow';
import { FlowLock } from '../../client/src/apply/flowLock';
import { MemoryStorage, SnapshotStore } from '../../client/src/apply/snapshot';
import type { AwsContext } from '../../client/src/aws/awsContext';
import type { UserFacingError } from '../../client/src/aws/errors';
import type { LambdaApi, LambdaApiOptions, MappingConfiguration } from '../../client/src/aws/lambdaApi';
import { createLambdaApi } from '../../client/src/aws/lambdaApi';
import { MemoryLogger } from '../../client/src/aws/logger';
import { checkAgainstMapping } from '../../server/src/language/apply/checkAgainstMapping';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';
import type { MappingSeed } from '../loopback/lambdaServer';
import { LoopbackLambda } from '../loopback/lambdaServer';

export const REGION = 'us-east-1';
export const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3';
export const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:orders-failures';
export const OLD_QUEUE = 'arn:aws:sqs:us-east-1:123456789012:old-failures';
export const FUNCTION = 'orders-consumer';

/** A key pair registered with the loopback server; the secret is long enough to be recognisable in logs. */
export const TEST_KEY = { accessKeyId: 'AKIDAPPLYTESTS000001', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYAPPLYTESTKEY' };

/** An MSK mapping in provisioned mode reading `orders`, with an SQS destination unless told otherwise. */
export function kafkaSeed(overrides: Partial<MappingSeed> = {}): MappingSeed {
	return {
		FunctionName: FUNCTION,
		EventSourceArn: CLUSTER,
		Topics: ['orders'],
		StartingPosition: 'LATEST',
		BatchSize: 100,
		ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
		DestinationConfig: { OnFailure: { Destination: OLD_QUEUE } },
		MaximumRetryAttempts: 3,
		...overrides,
	};
}

export async function startLoopback(transitionDelayMs = 60): Promise<LoopbackLambda> {
	const server = await LoopbackLambda.start({ region: REGION, transitionDelayMs });
	server.addCredentials(TEST_KEY.accessKeyId, TEST_KEY.secretAccessKey);
	return server;
}

export function contextFor(server: LoopbackLambda, key: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = TEST_KEY): AwsContext {
	return { region: REGION, profile: undefined, endpoint: server.endpoint, credentials: () => Promise.resolve({ ...key }) };
}

export function apiFor(server: LoopbackLambda, logger: MemoryLogger, options: LambdaApiOptions = {}): LambdaApi {
	return createLambdaApi(contextFor(server), { logger, maxAttempts: 3, env: {}, ...options });
}

/** The server's answers for a document text, computed as startServer computes them. */
export function serverChecksFor(text: string, fileName = 'apply.json'): ServerChecks {
	return {
		documentInfo(): Promise<DocumentInfoResult | null> {
			const analysis = analyzeDocument(text, { fileName, languageId: 'json' });
			const counts = { error: 0, warning: 0, info: 0, hint: 0 };
			for (const problem of [...analysis.problems, ...analysis.hostProblems]) {
				counts[problem.severity]++;
			}
			return Promise.resolve({ kind: analysis.kind, layout: analysis.layout, requestMode: analysis.requestMode, counts, version: 1 });
		},
		checkAgainstMapping(mapping: MappingConfiguration) {
			return Promise.resolve(checkAgainstMapping(text, mapping, { fileName, languageId: 'json' }));
		},
	};
}

export interface ScriptOptions {
	functionName?: string;
	/** Which mapping to pick (default: the first). */
	uuid?: string;
	confirm?: boolean;
	documentUnchanged?: () => boolean;
	/** Answers to successive retry offers (default: no). */
	retries?: boolean[];
	/** Called when confirm is asked, before answering (e.g. to edit the document). */
	onConfirm?: (review: ApplyReview) => void | Promise<void>;
}

/** A UI that answers from a script and records everything it was shown. */
export class ScriptedUi implements ApplyUi {
	readonly functionItems: FunctionPickItem[][] = [];
	readonly mappingItems: MappingPickItem[][] = [];
	readonly reviews: ApplyReview[] = [];
	readonly progressUpdates: ProgressUpdate[] = [];
	readonly retryOffers: UserFacingError[] = [];

	constructor(private readonly script: ScriptOptions = {}) {}

	pickFunction(items: FunctionPickItem[]): Promise<FunctionPickItem | undefined> {
		this.functionItems.push(items);
		return Promise.resolve(items.find((i) => i.functionName === (this.script.functionName ?? FUNCTION)));
	}

	pickMapping(items: MappingPickItem[]): Promise<MappingPickItem | undefined> {
		this.mappingItems.push(items);
		return Promise.resolve(this.script.uuid ? items.find((i) => i.uuid === this.script.uuid) : items[0]);
	}

	async confirm(review: ApplyReview): Promise<boolean> {
		this.reviews.push(review);
		await this.script.onConfirm?.(review);
		return this.script.confirm ?? true;
	}

	progress(update: ProgressUpdate): void {
		this.progressUpdates.push(update);
	}

	isDocumentUnchanged(): boolean {
		return this.script.documentUnchanged ? this.script.documentUnchanged() : true;
	}

	offerRetry(error: UserFacingError): Promise<boolean> {
		this.retryOffers.push(error);
		return Promise.resolve(this.script.retries?.[this.retryOffers.length - 1] ?? false);
	}

	/** The states the progress reported, without repeats. */
	states(): string[] {
		const states: string[] = [];
		for (const update of this.progressUpdates) {
			if (update.state && states[states.length - 1] !== update.state) {
				states.push(update.state);
			}
		}
		return states;
	}
}

export interface Harness {
	deps: ApplyDeps;
	ui: ScriptedUi;
	logger: MemoryLogger;
	snapshots: SnapshotStore;
}

/** The lock of one activation, shared by every harness as the extension's flows share theirs. */
const ACTIVATION_LOCK = new FlowLock();

/** Apply dependencies against the loopback server; a fresh snapshot store unless one is given. */
export function harness(
	server: LoopbackLambda,
	script: ScriptOptions = {},
	options: { snapshots?: SnapshotStore; api?: LambdaApi; logger?: MemoryLogger; lock?: FlowLock } = {},
): Harness {
	const logger = options.logger ?? new MemoryLogger();
	const ui = new ScriptedUi(script);
	const snapshots = options.snapshots ?? new SnapshotStore(new MemoryStorage());
	const deps: ApplyDeps = {
		api: options.api ?? apiFor(server, logger),
		ui,
		snapshots,
		logger,
		target: { region: REGION, profile: undefined, endpoint: server.endpoint },
		lock: options.lock ?? ACTIVATION_LOCK,
		wait: { initialDelayMs: 20, maxDelayMs: 50, timeoutMs: 5000 },
	};
	return { deps, ui, logger, snapshots };
}

/** The bodies of the Update requests the server received. */
export function updateBodies(server: LoopbackLambda): unknown[] {
	return server.requestsFor('UpdateEventSourceMapping').map((r) => r.body);
}
