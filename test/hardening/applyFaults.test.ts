/**
 * Apply under faults, with the real AWS SDK against the loopback Lambda: a document edited after
 * the confirmation is not sent; a connection lost while the update is on its way leaves the user
 * told what state the mapping is in (the flow re-reads it); a second apply while one runs is
 * refused; Undo restores exactly what was captured; and after failed runs no secret key, session
 * token or signed header is in the log or in any message shown.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ApplyOutcome, ApplyReview } from '../../client/src/apply/applyFlow';
import { applyDocument, removeOnFailureDestination, undoLastApply } from '../../client/src/apply/applyFlow';
import { MemoryStorage, SnapshotStore } from '../../client/src/apply/snapshot';
import { formatUserFacing } from '../../client/src/aws/errors';
import type { LambdaApi } from '../../client/src/aws/lambdaApi';
import { createLambdaApi } from '../../client/src/aws/lambdaApi';
import { MemoryLogger } from '../../client/src/aws/logger';
import type { EventSourceMappingWire, LoopbackLambda } from '../loopback/lambdaServer';
import { contextFor, harness, kafkaSeed, OLD_QUEUE, QUEUE, serverChecksFor, startLoopback, updateBodies } from '../client/harness';

const destinationDoc = (destination: string): string => `${JSON.stringify({ OnFailure: { Destination: destination } }, null, 2)}\n`;

/** Members that change by themselves (state, timestamps), left out of field-by-field comparisons. */
const VOLATILE = new Set(['State', 'StateTransitionReason', 'LastModified', 'LastProcessingResult']);

/**
 * The configuration as Get returns it, without the volatile members. "No on-failure destination"
 * has two spellings (member absent, or `{"OnFailure":{}}` after a removal with ""): they are one.
 */
function configuration(mapping: EventSourceMappingWire | undefined): Record<string, unknown> {
	assert.ok(mapping);
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(mapping)) {
		if (!VOLATILE.has(key)) {
			result[key] = value;
		}
	}
	const destination = result['DestinationConfig'] as { OnFailure?: { Destination?: string } } | undefined;
	if (destination && Object.keys(destination).length === 1 && destination.OnFailure && !destination.OnFailure.Destination) {
		delete result['DestinationConfig'];
	}
	return result;
}

function operationsSince(server: LoopbackLambda, index: number): string[] {
	return server.requests.slice(index).map((r) => `${r.operation ?? '?'}:${r.status}`);
}

function failed(outcome: ApplyOutcome): Extract<ApplyOutcome, { status: 'failed' }> {
	assert.equal(outcome.status, 'failed', JSON.stringify(outcome));
	return outcome;
}

function applied(outcome: ApplyOutcome): Extract<ApplyOutcome, { status: 'applied' }> {
	assert.equal(outcome.status, 'applied', JSON.stringify(outcome));
	return outcome;
}

describe('apply under faults', () => {
	let server: LoopbackLambda;
	before(async () => {
		server = await startLoopback(30);
	});
	after(async () => {
		await server.close();
	});
	beforeEach(() => {
		server.clearFaults();
	});

	describe('a document edited after the confirmation', () => {
		it('is not sent, for an update and for a create; the mapping is untouched', async () => {
			const mapping = server.addMapping(kafkaSeed({ FunctionName: 'faults-edited' }));
			const before = configuration(server.getMapping(mapping.UUID));
			// The editor's document: the UI compares its version and text with those the flow read.
			const editor = { version: 1, text: destinationDoc(QUEUE) };
			const read = { ...editor };
			const { deps } = harness(server, {
				functionName: 'faults-edited',
				onConfirm: () => {
					editor.version++;
					editor.text = destinationDoc('kafka://typed-while-the-dialog-was-open');
				},
				documentUnchanged: () => editor.version === read.version && editor.text === read.text,
			});
			const start = server.requests.length;

			const outcome = await applyDocument(deps, { text: read.text, server: serverChecksFor(read.text) }, 'apply');

			assert.deepEqual(outcome, {
				status: 'refused',
				message: 'The document changed after you confirmed. Nothing was sent. Review the new version and apply again.',
			});
			assert.ok(!operationsSince(server, start).some((op) => op.startsWith('UpdateEventSourceMapping')), operationsSince(server, start).join(', '));
			assert.deepEqual(configuration(server.getMapping(mapping.UUID)), before);

			server.addFunction('faults-edited-create');
			const create = JSON.stringify({
				FunctionName: 'faults-edited-create',
				EventSourceArn: mapping.EventSourceArn,
				Topics: ['payments'],
				StartingPosition: 'LATEST',
			});
			let edited = false;
			const second = harness(server, { onConfirm: () => void (edited = true), documentUnchanged: () => !edited });
			const mappings = server.mappings().length;
			const createStart = server.requests.length;
			const created = await applyDocument(second.deps, { text: create, server: serverChecksFor(create) }, 'create');
			assert.equal(created.status, 'refused');
			assert.match((created as { message: string }).message, /^The document changed after you confirmed\. Nothing was sent\./);
			assert.deepEqual(operationsSince(server, createStart), [], 'a create asks AWS nothing before the confirmation');
			assert.equal(server.mappings().length, mappings);
		});
	});

	describe('a connection lost while the update is sent', () => {
		it('re-reads the mapping and says the change was not made', async () => {
			const mapping = server.addMapping(kafkaSeed({ FunctionName: 'faults-dropped' }));
			const before = configuration(server.getMapping(mapping.UUID));
			const { deps, ui } = harness(server, { functionName: 'faults-dropped' });
			// Every attempt of the SDK (three) loses its connection.
			server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'drop-connection', times: 3 });
			const text = destinationDoc(QUEUE);
			let start = 0;
			deps.ui.confirm = async (review: ApplyReview) => {
				ui.reviews.push(review);
				start = server.requests.length;
				return Promise.resolve(true);
			};

			const { error, sent } = failed(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

			assert.equal(error.kind, 'network');
			assert.equal(sent, false);
			assert.match(
				error.message,
				new RegExp(
					`The connection failed while UpdateEventSourceMapping was being sent, so whether event source mapping ${mapping.UUID} was changed was unknown; re-read, it still has its previous configuration: the change was not made\\.$`,
				),
			);
			assert.equal(error.nextStep, 'Apply again once AWS can be reached.');
			// Checked for changes by others, sent three times (each dropped), then re-read.
			assert.deepEqual(operationsSince(server, start), [
				'GetEventSourceMapping:200',
				'UpdateEventSourceMapping:0',
				'UpdateEventSourceMapping:0',
				'UpdateEventSourceMapping:0',
				'GetEventSourceMapping:200',
			]);
			assert.ok(ui.progressUpdates.some((u) => u.message === `Re-reading event source mapping ${mapping.UUID.slice(0, 8)}…`));
			assert.deepEqual(configuration(server.getMapping(mapping.UUID)), before);
		});

		it('says the change was made when the re-read shows it (AWS got the request, the answer was lost)', async () => {
			const mapping = server.addMapping(kafkaSeed({ FunctionName: 'faults-dropped-applied' }));
			const { deps, logger } = harness(server, { functionName: 'faults-dropped-applied' });
			server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'drop-connection', times: 3 });
			const other = harness(server).deps.api;
			const real = deps.api;
			const updatesBefore = server.requestsFor('UpdateEventSourceMapping').length;
			// Between the lost update and the re-read, the change lands (as when only the response was lost).
			const api: LambdaApi = {
				...real,
				getMapping: async (uuid, token) => {
					const updates = server.requestsFor('UpdateEventSourceMapping');
					if (
						updates.length > updatesBefore &&
						updates[updates.length - 1].status === 0 &&
						server.getMapping(uuid)?.DestinationConfig?.OnFailure?.Destination !== QUEUE
					) {
						await other.updateMapping({ UUID: uuid, DestinationConfig: { OnFailure: { Destination: QUEUE } } });
					}
					return real.getMapping(uuid, token);
				},
			};
			deps.api = api;
			const text = destinationDoc(QUEUE);

			const { error, sent } = failed(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

			assert.equal(sent, true);
			assert.match(
				error.message,
				new RegExp(
					`whether event source mapping ${mapping.UUID} was changed was unknown; re-read, it has the new configuration: the change was made \\(state (Updating|Enabled)\\)\\.$`,
				),
			);
			assert.equal(server.getMapping(mapping.UUID)!.DestinationConfig!.OnFailure!.Destination, QUEUE);
			assert.ok(
				logger.lines.some((l) => l.includes('UpdateEventSourceMapping failed error=')),
				logger.lines.join('\n'),
			);
		});

		it('says the state is unknown and how to re-read it when the re-read fails too', async () => {
			const mapping = server.addMapping(kafkaSeed({ FunctionName: 'faults-dropped-twice' }));
			const { deps } = harness(server, { functionName: 'faults-dropped-twice' });
			const text = destinationDoc(QUEUE);
			let start = 0;
			deps.ui.confirm = () => {
				start = server.requests.length;
				// The network goes away after the confirmation: the check for changes by others passes, everything after is dropped.
				server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'drop-connection', times: 3 });
				return Promise.resolve(true);
			};
			const realGet = deps.api.getMapping.bind(deps.api);
			let gets = 0;
			deps.api = {
				...deps.api,
				getMapping: (uuid, token) => {
					if (++gets === 3) {
						server.injectFault({ operation: 'GetEventSourceMapping', kind: 'drop-connection', times: 3 });
					}
					return realGet(uuid, token);
				},
			};

			const { error, sent } = failed(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

			assert.equal(sent, true, 'the request may have reached AWS');
			assert.match(
				error.message,
				new RegExp(`whether event source mapping ${mapping.UUID} was changed was unknown, and re-reading it failed too: its state is unknown\\.$`),
			);
			assert.equal(error.nextStep, 'Re-read it with "Lambda Kafka: Open Current Configuration of Event Source Mapping" before applying again.');
			assert.deepEqual(operationsSince(server, start), [
				'GetEventSourceMapping:200',
				'UpdateEventSourceMapping:0',
				'UpdateEventSourceMapping:0',
				'UpdateEventSourceMapping:0',
				'GetEventSourceMapping:0',
				'GetEventSourceMapping:0',
				'GetEventSourceMapping:0',
			]);
		});
	});

	describe('a connection lost while a create is sent', () => {
		it("lists the function's mappings and says whether it was created", async () => {
			server.addFunction('faults-create-dropped');
			const request = {
				FunctionName: 'faults-create-dropped',
				EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
				Topics: ['payments'],
				StartingPosition: 'LATEST',
			};
			const text = JSON.stringify(request);
			server.injectFault({ operation: 'CreateEventSourceMapping', kind: 'drop-connection', times: 3 });
			const start = server.requests.length;
			const lost = failed(await applyDocument(harness(server).deps, { text, server: serverChecksFor(text) }, 'create'));
			assert.equal(lost.sent, false);
			assert.match(
				lost.error.message,
				/The connection failed while CreateEventSourceMapping was being sent, so whether the mapping was created was unknown; re-read, the function has no mapping for this source and these topics: it was not created\.$/,
			);
			assert.deepEqual(operationsSince(server, start), [
				'CreateEventSourceMapping:0',
				'CreateEventSourceMapping:0',
				'CreateEventSourceMapping:0',
				'ListEventSourceMappings:200',
			]);

			// The same, when the mapping exists afterwards (AWS created it; only the answer was lost).
			const existing = server.addMapping({ ...request, FunctionName: 'faults-create-dropped' });
			server.injectFault({ operation: 'CreateEventSourceMapping', kind: 'drop-connection', times: 3 });
			const found = failed(await applyDocument(harness(server).deps, { text, server: serverChecksFor(text) }, 'create'));
			assert.equal(found.sent, true);
			assert.match(
				found.error.message,
				new RegExp(`re-read, the function has a mapping for this source and these topics: ${existing.UUID} \\(state Enabled\\)\\.$`),
			);
			assert.equal(found.error.nextStep, `Add "UUID": "${existing.UUID}" to the document to update it instead of creating it again.`);
		});
	});

	describe('a second apply while one is running', () => {
		it('is refused before it asks AWS anything, whichever flow it is; the first one finishes', async () => {
			const first = server.addMapping(kafkaSeed({ FunctionName: 'faults-first' }));
			server.addMapping(kafkaSeed({ FunctionName: 'faults-second' }));
			let release: (answer: boolean) => void = () => undefined;
			const { deps } = harness(server, { functionName: 'faults-first' });
			let atConfirm: () => void = () => undefined;
			const confirmed = new Promise<void>((resolve) => (atConfirm = resolve));
			deps.ui.confirm = () => {
				atConfirm();
				return new Promise<boolean>((resolve) => (release = resolve));
			};
			const text = destinationDoc(QUEUE);
			const running = applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');
			await confirmed;

			const start = server.requests.length;
			const secondText = destinationDoc('kafka://second');
			const refusal = {
				status: 'refused',
				message:
					'Another apply, undo or removal is still running; wait until it has finished (or cancel it in its notification), then try again. Nothing was sent.',
			};
			assert.deepEqual(
				await applyDocument(harness(server, { functionName: 'faults-second' }).deps, { text: secondText, server: serverChecksFor(secondText) }, 'apply'),
				refusal,
			);
			assert.deepEqual(await removeOnFailureDestination(harness(server, { functionName: 'faults-second' }).deps), refusal);
			assert.deepEqual(await undoLastApply(harness(server).deps), refusal);
			assert.deepEqual(operationsSince(server, start), []);

			release(true);
			applied(await running);
			assert.equal(server.getMapping(first.UUID)!.DestinationConfig!.OnFailure!.Destination, QUEUE);
			// Once it has finished, the next one runs.
			applied(await applyDocument(harness(server, { functionName: 'faults-second' }).deps, { text: secondText, server: serverChecksFor(secondText) }, 'apply'));
		});

		it('runs again after a flow that failed or threw', async () => {
			server.addMapping(kafkaSeed({ FunctionName: 'faults-throws' }));
			const { deps } = harness(server, { functionName: 'faults-throws' });
			deps.ui.confirm = () => Promise.reject(new Error('the dialog crashed'));
			const text = destinationDoc(QUEUE);
			assert.equal((await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply')).status, 'failed');
			applied(await applyDocument(harness(server, { functionName: 'faults-throws' }).deps, { text, server: serverChecksFor(text) }, 'apply'));
		});
	});

	describe('Undo', () => {
		const cases: { name: string; seed: Parameters<typeof kafkaSeed>[0]; document: Record<string, unknown> }[] = [
			{
				name: 'a mapping with an SQS destination, several fields changed',
				seed: { FunctionName: 'undo-sqs', MaximumRecordAgeInSeconds: 3600, BisectBatchOnFunctionError: true },
				document: {
					BatchSize: 50,
					MaximumRetryAttempts: 7,
					MaximumRecordAgeInSeconds: 120,
					BisectBatchOnFunctionError: false,
					ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 5 },
					DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } },
				},
			},
			{
				name: 'a mapping that had no destination',
				seed: { FunctionName: 'undo-none', DestinationConfig: undefined },
				document: { DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } }, MaximumRetryAttempts: 1 },
			},
			{
				name: 'a mapping with a kafka:// destination',
				seed: { FunctionName: 'undo-kafka', DestinationConfig: { OnFailure: { Destination: 'kafka://previous-dlq' } } },
				document: { DestinationConfig: { OnFailure: { Destination: QUEUE } }, BatchSize: 10 },
			},
		];
		for (const c of cases) {
			it(`restores exactly what was captured: ${c.name}`, async () => {
				const mapping = server.addMapping(kafkaSeed(c.seed));
				const before = configuration(server.getMapping(mapping.UUID));
				const snapshots = new SnapshotStore(new MemoryStorage());
				const text = JSON.stringify({ UUID: mapping.UUID, ...c.document }, null, 2);
				applied(await applyDocument(harness(server, {}, { snapshots }).deps, { text, server: serverChecksFor(text) }, 'apply'));
				const changed = configuration(server.getMapping(mapping.UUID));
				assert.notDeepEqual(changed, before);
				for (const key of Object.keys(c.document)) {
					assert.deepEqual(changed[key], c.document[key], `${key} was applied`);
				}
				assert.deepEqual(snapshots.last()!.unrestorable, []);

				const undone = applied(await undoLastApply(harness(server, {}, { snapshots }).deps));
				assert.equal(undone.undoAvailable, false);
				const after = configuration(server.getMapping(mapping.UUID));
				for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
					assert.deepEqual(after[key], before[key], `${key} after Undo`);
				}
				assert.equal(snapshots.last(), undefined);
			});
		}
	});

	describe('secrets after failed runs', () => {
		const KEY = {
			accessKeyId: 'ASIAFAULTSTESTS00001',
			secretAccessKey: 'faults/Secret+Key/0123456789abcdefghijklm',
			sessionToken: 'FwoGZXIvYXdzEFAULTSTESTSESSIONTOKEN0123456789abcdefghijklmnopqrstuvwxyz==',
		};
		const EXPIRING = {
			accessKeyId: 'ASIAFAULTSEXPIRING01',
			secretAccessKey: 'faults/Expiring+Secret/0123456789abcdefgh',
			sessionToken: 'FwoGZXIvYXdzEXPIRINGSESSIONTOKEN0123456789abcdefghijklmnopqrstuvwxyz==',
		};
		const FORBIDDEN = [KEY.secretAccessKey, KEY.sessionToken, EXPIRING.secretAccessKey, EXPIRING.sessionToken, 'Authorization', 'AWS4-HMAC-SHA256 Credential'];
		/** What a misbehaving proxy or endpoint might echo back: the signed headers and the secret. */
		const echo = (key: typeof KEY): string =>
			`Signed with secret ${key.secretAccessKey} and session ${key.sessionToken}. Authorization: AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/20250115/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=0123abcd X-Amz-Security-Token: ${key.sessionToken}`;

		before(() => {
			server.addCredentials(KEY.accessKeyId, KEY.secretAccessKey, KEY.sessionToken);
			server.addCredentials(EXPIRING.accessKeyId, EXPIRING.secretAccessKey, EXPIRING.sessionToken);
		});

		const runs: { name: string; key: typeof KEY; prepare: () => void; kind: string }[] = [
			{
				name: 'access denied, with the headers echoed',
				key: KEY,
				kind: 'access-denied',
				prepare: () => server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'access-denied', message: `User is not authorized; ${echo(KEY)}` }),
			},
			{
				name: 'a validation error echoing the headers',
				key: KEY,
				kind: 'validation',
				prepare: () => server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'validation', message: echo(KEY) }),
			},
			{
				name: 'a server error echoing the headers',
				key: KEY,
				kind: 'service',
				prepare: () => server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'server-error', times: 3, message: echo(KEY) }),
			},
			{
				name: 'throttled until the SDK gives up',
				key: KEY,
				kind: 'throttled',
				prepare: () => server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'throttle', times: 3, retryAfterSeconds: 0, message: echo(KEY) }),
			},
			{ name: 'an expired session token', key: EXPIRING, kind: 'expired-credentials', prepare: () => server.expireCredentials(EXPIRING.accessKeyId) },
		];
		for (const run of runs) {
			it(`keeps them out of the log and the messages: ${run.name}`, async () => {
				const name = `faults-secrets-${run.kind}`;
				server.addMapping(kafkaSeed({ FunctionName: name }));
				const logger = new MemoryLogger();
				const api = createLambdaApi(contextFor(server, run.key), { logger, maxAttempts: 3, env: {} });
				const { deps, ui } = harness(server, { functionName: name }, { api, logger });
				const authorizationsBefore = server.authorizationHeaders.length;
				const text = destinationDoc(QUEUE);
				if (run.kind !== 'expired-credentials') {
					// Fail the update itself, after the reads have succeeded with these credentials.
					const confirm = deps.ui.confirm.bind(deps.ui);
					deps.ui.confirm = async (review) => {
						run.prepare();
						return confirm(review);
					};
				} else {
					run.prepare();
				}

				const outcome = failed(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));
				api.dispose();

				assert.equal(outcome.error.kind, run.kind);
				// The SDK did sign with these credentials: there was something to leak.
				const sent = server.authorizationHeaders.slice(authorizationsBefore);
				assert.ok(sent.length > 0 && sent.every((h) => h.startsWith(`AWS4-HMAC-SHA256 Credential=${run.key.accessKeyId}/`)));
				const everything = [
					...logger.lines,
					JSON.stringify(outcome),
					formatUserFacing(outcome.error),
					...ui.retryOffers.map(formatUserFacing),
					...ui.progressUpdates.map((u) => u.message),
					...ui.reviews.flatMap((r) => [r.question, r.summary, ...r.warnings, ...r.notes]),
				];
				assert.ok(
					logger.lines.some((l) => l.startsWith('[error]')),
					'the failure was logged',
				);
				for (const text of everything) {
					for (const secret of FORBIDDEN) {
						assert.ok(!text.includes(secret), `${JSON.stringify(secret)} in: ${text}`);
					}
				}
				assert.deepEqual(
					updateBodies(server).filter((b) => JSON.stringify(b).includes(run.key.secretAccessKey)),
					[],
				);
			});
		}
	});

	it('leaves the old queue in place on every failed run above', () => {
		for (const mapping of server.mappings().filter((m) => /faults-(dropped|dropped-twice|secrets)/.test(m.FunctionArn) && !/applied/.test(m.FunctionArn))) {
			assert.equal(mapping.DestinationConfig?.OnFailure?.Destination, OLD_QUEUE, mapping.FunctionArn);
		}
	});
});
