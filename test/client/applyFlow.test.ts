/**
 * The apply flow end to end: scripted UI, the real language engine for the server's answers, the
 * real AWS SDK, and the loopback Lambda server in place of AWS.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyDocument, removeOnFailureDestination, undoLastApply } from '../../client/src/apply/applyFlow';
import type { ApplyOutcome } from '../../client/src/apply/applyFlow';
import { MemoryStorage, SnapshotStore } from '../../client/src/apply/snapshot';
import { createLambdaApi } from '../../client/src/aws/lambdaApi';
import { MemoryLogger } from '../../client/src/aws/logger';
import type { LoopbackLambda } from '../loopback/lambdaServer';
import { FUNCTION, harness, kafkaSeed, OLD_QUEUE, QUEUE, serverChecksFor, startLoopback, TEST_KEY, updateBodies } from './harness';

const destinationDoc = (destination: string): string => `${JSON.stringify({ OnFailure: { Destination: destination } }, null, 2)}\n`;

function assertApplied(outcome: ApplyOutcome): Extract<ApplyOutcome, { status: 'applied' }> {
	assert.equal(outcome.status, 'applied', JSON.stringify(outcome));
	return outcome;
}

describe('apply flow against the loopback Lambda', () => {
	let server: LoopbackLambda;

	before(async () => {
		server = await startLoopback();
	});
	after(async () => {
		await server.close();
	});
	beforeEach(() => {
		server.clearFaults();
	});

	it('applies a destination config: pick, check, diff, confirm, send, follow the state, keep a snapshot', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-happy' }));
		server.addMapping(
			kafkaSeed({
				FunctionName: 'apply-happy',
				EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:not-kafka',
				Topics: undefined,
				ProvisionedPollerConfig: undefined,
				DestinationConfig: undefined,
			}),
		);
		const { deps, ui, snapshots } = harness(server, { functionName: 'apply-happy' });
		const text = destinationDoc('kafka://orders-dlq');

		const outcome = assertApplied(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

		assert.equal(outcome.uuid, mapping.UUID);
		assert.equal(outcome.mapping.State, 'Enabled');
		assert.equal(outcome.followed, true);
		assert.equal(outcome.undoAvailable, true);
		assert.equal(
			outcome.message,
			`Event source mapping ${mapping.UUID} is Enabled. Last processing result: No records processed. State transition reason: User action.`,
		);
		// The picker listed only the Kafka mapping, with its topic, state, destination and last result.
		assert.equal(ui.mappingItems.length, 1);
		assert.equal(ui.mappingItems[0].length, 1);
		assert.equal(ui.mappingItems[0][0].label, 'orders');
		assert.equal(ui.mappingItems[0][0].description, 'Enabled · MSK orders-prod · provisioned · last result: No records processed');
		assert.equal(ui.mappingItems[0][0].detail, `On failure → ${OLD_QUEUE} · ${mapping.UUID}`);
		// The user saw exactly what would change, with the note about the cluster.
		const review = ui.reviews[0];
		assert.equal(review.title, `Current ↔ To be applied (apply-happy / ${mapping.UUID.slice(0, 8)})`);
		assert.equal(review.summary, 'OnFailure.Destination: arn:…:old-failures → kafka://orders-dlq');
		assert.equal(
			review.left,
			`{\n  "UUID": "${mapping.UUID}",\n  "DestinationConfig": {\n    "OnFailure": {\n      "Destination": "${OLD_QUEUE}"\n    }\n  }\n}\n`,
		);
		assert.equal(
			review.right,
			`{\n  "UUID": "${mapping.UUID}",\n  "DestinationConfig": {\n    "OnFailure": {\n      "Destination": "kafka://orders-dlq"\n    }\n  }\n}\n`,
		);
		assert.deepEqual(review.warnings, []);
		assert.deepEqual(review.notes, ['The destination topic must be on the same cluster as the source.']);
		assert.equal(review.question, `Apply 1 change to event source mapping ${mapping.UUID.slice(0, 8)} of apply-happy in us-east-1?`);
		// One update, with exactly the document's config; the state went Updating → Enabled.
		assert.deepEqual(updateBodies(server).slice(-1), [{ DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } } }]);
		assert.equal(server.getMapping(mapping.UUID)!.DestinationConfig!.OnFailure!.Destination, 'kafka://orders-dlq');
		assert.deepEqual(ui.states(), ['Updating', 'Enabled']);
		const snapshot = snapshots.last()!;
		assert.equal(snapshot.uuid, mapping.UUID);
		assert.deepEqual(snapshot.previous, { DestinationConfig: { OnFailure: { Destination: OLD_QUEUE } } });
	});

	it('applies a whole update request named by its UUID, without picking', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-request' }));
		const { deps, ui } = harness(server);
		const text = JSON.stringify(
			{ UUID: mapping.UUID, BatchSize: 50, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: QUEUE } } },
			null,
			2,
		);

		const outcome = assertApplied(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

		assert.equal(ui.functionItems.length, 0);
		assert.equal(ui.reviews[0].summary, 'BatchSize: 100 → 50; MaximumRetryAttempts: 3 → 2; OnFailure.Destination: arn:…:old-failures → arn:…:orders-failures');
		assert.deepEqual(updateBodies(server).slice(-1), [{ BatchSize: 50, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: QUEUE } } }]);
		assert.equal(outcome.mapping.BatchSize, 50);
	});

	it('creates a mapping from a create request and follows Creating → Enabled', async () => {
		server.addFunction('apply-create');
		const { deps, ui } = harness(server);
		const request = {
			FunctionName: 'apply-create',
			EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/other/11111111-2222-3333-4444-555555555555-1',
			Topics: ['payments'],
			StartingPosition: 'TRIM_HORIZON',
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2 },
			MaximumRetryAttempts: 2,
			DestinationConfig: { OnFailure: { Destination: QUEUE } },
		};
		const text = JSON.stringify(request, null, 2);

		const outcome = assertApplied(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'create'));

		assert.equal(outcome.operation, 'create');
		assert.equal(outcome.undoAvailable, false);
		assert.deepEqual(ui.states(), ['Creating', 'Enabled']);
		assert.equal(ui.reviews[0].operation, 'create');
		assert.equal(ui.reviews[0].title, 'New event source mapping (apply-create)');
		// The mapping to be created, not a diff against nothing.
		assert.equal(
			ui.reviews[0].summary,
			[
				'Function: apply-create',
				'Source: arn:…:cluster/other/11111111-2222-3333-4444-555555555555-1',
				'Topics: payments',
				'Starting position: TRIM_HORIZON',
				'On failure → arn:…:orders-failures',
				'ProvisionedPollerConfig: {"MinimumPollers":1,"MaximumPollers":2}',
				'MaximumRetryAttempts: 2',
			].join('\n'),
		);
		const created = server.getMapping(outcome.uuid)!;
		assert.deepEqual(created.Topics, ['payments']);
		assert.deepEqual(server.requestsFor('CreateEventSourceMapping').slice(-1)[0].body, request);
	});

	it('says which mapping already exists when a create duplicates one, without offering a retry', async () => {
		const existing = server.addMapping(kafkaSeed({ FunctionName: 'apply-duplicate' }));
		const { deps, ui } = harness(server, { retries: [true] });
		const text = JSON.stringify({ FunctionName: 'apply-duplicate', EventSourceArn: existing.EventSourceArn, Topics: ['orders'], StartingPosition: 'LATEST' });

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'create');

		assert.equal(outcome.status, 'failed');
		assert.equal(outcome.error.kind, 'already-exists');
		assert.equal(outcome.error.message, `A mapping for this function and source already exists (${existing.UUID}).`);
		assert.equal(outcome.error.nextStep, `Add "UUID": "${existing.UUID}" to the document to update that mapping instead.`);
		assert.equal(ui.retryOffers.length, 0);
	});

	it('removes the on-failure destination, then Undo puts it back exactly', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-remove' }));
		const snapshots = new SnapshotStore(new MemoryStorage());
		const first = harness(server, { functionName: 'apply-remove' }, { snapshots });

		const removed = assertApplied(await removeOnFailureDestination(first.deps));
		assert.equal(first.ui.reviews[0].summary, 'OnFailure.Destination: arn:…:old-failures → (none)');
		assert.deepEqual(updateBodies(server).slice(-1), [{ DestinationConfig: { OnFailure: { Destination: '' } } }]);
		assert.equal(server.getMapping(mapping.UUID)!.DestinationConfig!.OnFailure!.Destination, undefined);
		assert.equal(removed.undoAvailable, true);

		const second = harness(server, {}, { snapshots });
		const undone = assertApplied(await undoLastApply(second.deps));
		assert.equal(second.ui.reviews[0].summary, 'OnFailure.Destination: (none) → arn:…:old-failures');
		assert.match(second.ui.reviews[0].question, /^Undo the last apply: send 1 change/);
		assert.deepEqual(updateBodies(server).slice(-1), [{ DestinationConfig: { OnFailure: { Destination: OLD_QUEUE } } }]);
		assert.equal(server.getMapping(mapping.UUID)!.DestinationConfig!.OnFailure!.Destination, OLD_QUEUE);
		assert.equal(undone.undoAvailable, false);
		assert.equal(snapshots.last(), undefined);
		assert.equal((await undoLastApply(second.deps)).status, 'refused');
	});

	it('Undo of an apply that added the first destination removes it with ""', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-first-destination', DestinationConfig: undefined }));
		const snapshots = new SnapshotStore(new MemoryStorage());
		const text = destinationDoc(QUEUE);
		assertApplied(
			await applyDocument(harness(server, { functionName: 'apply-first-destination' }, { snapshots }).deps, { text, server: serverChecksFor(text) }, 'apply'),
		);
		assert.deepEqual(snapshots.last()!.previous, { DestinationConfig: { OnFailure: { Destination: '' } } });

		assertApplied(await undoLastApply(harness(server, {}, { snapshots }).deps));
		assert.deepEqual(updateBodies(server).slice(-1), [{ DestinationConfig: { OnFailure: { Destination: '' } } }]);
		assert.equal(server.getMapping(mapping.UUID)!.DestinationConfig?.OnFailure?.Destination, undefined);
	});

	it('refuses a document with errors and sends nothing', async () => {
		const before = server.requests.length;
		const { deps, ui } = harness(server);
		const text = destinationDoc('orders-dlq');

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		assert.equal(outcome.status, 'refused');
		assert.match((outcome as { message: string }).message, /^The document has 1 error; fix it first \(see the Problems panel\)\. Nothing was sent\.$/);
		assert.equal(server.requests.length, before, 'no request at all reached the server');
		assert.equal(ui.reviews.length, 0);
	});

	it('refuses a kafka:// destination that does not fit the mapping, after checking it', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-loop' }));
		const { deps, ui } = harness(server, { functionName: 'apply-loop' });
		const updatesBefore = updateBodies(server).length;
		const text = destinationDoc('kafka://orders');

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		assert.equal(outcome.status, 'refused');
		const refused = outcome;
		assert.match(refused.message, /is also the source topic: Lambda blocks this to prevent a loop\. Nothing was sent\.$/);
		assert.deepEqual(
			refused.problems?.filter((p) => p.severity === 'error').map((p) => p.code),
			['kafka-destination-requirements'],
		);
		assert.equal(ui.reviews.length, 0);
		assert.equal(updateBodies(server).length, updatesBefore);
	});

	it('refuses fields only Create accepts in an update request, with a clear message', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-create-only' }));
		const { deps } = harness(server);
		const text = JSON.stringify({ UUID: mapping.UUID, Topics: ['payments'], BatchSize: 10 });
		// Bypass the server's own create-only diagnostics to test the client's guard on its own.
		const checks = {
			...serverChecksFor(text),
			documentInfo: async () => ({ ...(await serverChecksFor(text).documentInfo())!, counts: { error: 0, warning: 0, info: 0, hint: 0 } }),
		};
		const updatesBefore = updateBodies(server).length;

		const outcome = await applyDocument(deps, { text, server: checks }, 'apply');

		assert.deepEqual(outcome, {
			status: 'refused',
			message:
				'Topics can only be set when a mapping is created; UpdateEventSourceMapping does not accept it. Remove it from this update request (a mapping that should read another source or topic must be created anew). Nothing was sent.',
		});
		assert.equal(updateBodies(server).length, updatesBefore);
	});

	it('does not send when the user does not confirm', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-declined' }));
		const { deps } = harness(server, { functionName: 'apply-declined', confirm: false });
		const updatesBefore = updateBodies(server).length;
		const text = destinationDoc(QUEUE);
		assert.deepEqual(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'), {
			status: 'cancelled',
			message: 'Cancelled. Nothing was sent.',
		});
		assert.equal(updateBodies(server).length, updatesBefore);
	});

	it('does not send when the document changed after the confirmation', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-edited' }));
		let edited = false;
		const { deps } = harness(server, { functionName: 'apply-edited', onConfirm: () => void (edited = true), documentUnchanged: () => !edited });
		const updatesBefore = updateBodies(server).length;
		const text = destinationDoc(QUEUE);

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		assert.deepEqual(outcome, {
			status: 'refused',
			message: 'The document changed after you confirmed. Nothing was sent. Review the new version and apply again.',
		});
		assert.equal(updateBodies(server).length, updatesBefore);
	});

	it('does not overwrite a change someone else made while the diff was on screen', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-race' }));
		const { deps } = harness(server, { functionName: 'apply-race' });
		deps.ui.confirm = async () => {
			// Another client changes the destination while the user reads the diff.
			await harness(server).deps.api.updateMapping({
				UUID: mapping.UUID,
				DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:someone-else' } },
			});
			return true;
		};
		const updatesBefore = updateBodies(server).length;
		const text = destinationDoc(QUEUE);

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		assert.equal(outcome.status, 'refused');
		assert.match((outcome as { message: string }).message, /was changed by someone else while you reviewed the diff\. Nothing was sent\./);
		assert.equal(updateBodies(server).length, updatesBefore + 1, 'only the other client updated');
		assert.equal(server.getMapping(mapping.UUID)!.DestinationConfig!.OnFailure!.Destination, 'arn:aws:sqs:us-east-1:123456789012:someone-else');
	});

	it('offers a retry while the mapping is busy, and succeeds on retry', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-busy' }));
		const { deps, ui } = harness(server, { functionName: 'apply-busy', retries: [true] });
		server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'in-use' });
		const text = destinationDoc(QUEUE);

		const outcome = assertApplied(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

		assert.equal(ui.retryOffers.length, 1);
		assert.equal(ui.retryOffers[0].kind, 'busy');
		assert.equal(ui.retryOffers[0].retryable, true);
		assert.match(ui.retryOffers[0].message, /is busy: Cannot update the event source mapping because it is in use\./);
		assert.equal(outcome.mapping.DestinationConfig?.OnFailure?.Destination, QUEUE);
	});

	it('reports a busy mapping plainly when the user declines the retry', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-busy-declined' }));
		const { deps } = harness(server, { functionName: 'apply-busy-declined', retries: [false] });
		server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'conflict' });
		const text = destinationDoc(QUEUE);

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		assert.equal(outcome.status, 'failed');
		const failed = outcome;
		assert.equal(failed.error.kind, 'busy');
		assert.equal(failed.error.code, 'ResourceConflictException');
		assert.equal(failed.error.nextStep, 'Wait until its state is Enabled or Disabled, then retry.');
		assert.equal(server.getMapping(mapping.UUID)!.DestinationConfig!.OnFailure!.Destination, OLD_QUEUE);
	});

	it('names the missing permission when access is denied', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-denied' }));
		const { deps, logger } = harness(server, { functionName: 'apply-denied' });
		server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'access-denied' });
		const text = destinationDoc(QUEUE);

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		assert.equal(outcome.status, 'failed');
		const { error } = outcome;
		assert.equal(error.kind, 'access-denied');
		assert.match(error.message, /is not allowed lambda:UpdateEventSourceMapping on arn:aws:lambda:us-east-1:123456789012:event-source-mapping:/);
		assert.equal(error.nextStep, 'Ask for lambda:UpdateEventSourceMapping to be granted to that identity, or choose another profile.');
		assert.ok(
			logger.lines.some((l) => l.includes('UpdateEventSourceMapping failed error=AccessDeniedException status=403')),
			logger.lines.join('\n'),
		);
	});

	it('reports AWS validation errors with the field they name', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'apply-invalid' }));
		const { deps } = harness(server);
		server.injectFault({
			operation: 'UpdateEventSourceMapping',
			kind: 'validation',
			message:
				"1 validation error detected: Value 'kafka://x' at 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy regular expression pattern",
		});
		const text = JSON.stringify({ UUID: mapping.UUID, DestinationConfig: { OnFailure: { Destination: QUEUE } } });

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		const { error } = outcome as Extract<ApplyOutcome, { status: 'failed' }>;
		assert.equal(error.kind, 'validation');
		assert.equal(error.field, 'destinationConfig.onFailure.destination');
		assert.match(error.message, /^AWS rejected the request: 1 validation error detected: Value 'kafka:\/\/x' at 'destinationConfig\.onFailure\.destination'/);
	});

	it('gets through throttling with the SDK retries', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-throttled' }));
		const { deps } = harness(server, { functionName: 'apply-throttled' });
		server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'throttle', times: 2, retryAfterSeconds: 0 });
		const text = destinationDoc(QUEUE);
		const updatesBefore = server.requestsFor('UpdateEventSourceMapping').length;

		assertApplied(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

		const updates = server.requestsFor('UpdateEventSourceMapping').slice(updatesBefore);
		assert.deepEqual(
			updates.map((r) => r.status),
			[429, 429, 202],
		);
	});

	it('reports persistent throttling in one sentence after the SDK gave up', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-throttled-hard' }));
		const { deps } = harness(server, { functionName: 'apply-throttled-hard' });
		server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'throttle', times: 3, retryAfterSeconds: 0 });
		const text = destinationDoc(QUEUE);

		const outcome = await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply');

		const { error } = outcome as Extract<ApplyOutcome, { status: 'failed' }>;
		assert.equal(error.kind, 'throttled');
		assert.equal(error.message, 'AWS Lambda is throttling requests (CallerRateLimitExceeded); the call still failed after 3 attempts.');
		assert.equal(error.nextStep, 'Wait a minute and try again.');
	});

	it('stops following the state on cancellation, and says the change goes on', async () => {
		const slow = await startLoopback(5000);
		try {
			slow.addMapping(kafkaSeed({ FunctionName: 'apply-cancel' }));
			let cancel: () => void = () => undefined;
			const listeners: (() => void)[] = [];
			let cancelled = false;
			const token = {
				get isCancellationRequested() {
					return cancelled;
				},
				onCancellationRequested(listener: (e: unknown) => unknown) {
					const wrapped = (): void => void listener(undefined);
					listeners.push(wrapped);
					return { dispose: () => listeners.splice(listeners.indexOf(wrapped), 1) };
				},
			};
			cancel = () => {
				cancelled = true;
				[...listeners].forEach((l) => l());
			};
			const { deps, ui } = harness(slow, { functionName: 'apply-cancel' });
			deps.token = token;
			const originalProgress = ui.progress.bind(ui);
			ui.progress = (update) => {
				originalProgress(update);
				if (update.state === 'Updating' && ui.progressUpdates.filter((u) => u.state === 'Updating').length === 2) {
					cancel();
				}
			};
			const text = destinationDoc(QUEUE);

			const outcome = assertApplied(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));

			assert.equal(outcome.followed, false);
			assert.equal(outcome.undoAvailable, true);
			assert.match(
				outcome.message,
				/^Sent the update to event source mapping .*; stopped following its state \(last seen: Updating\)\. AWS goes on with the change\.$/,
			);
		} finally {
			await slow.close();
		}
	});

	it('reports expired credentials plainly', async () => {
		const expiring = {
			accessKeyId: 'ASIAEXPIRINGKEY00001',
			secretAccessKey: 'expiring/secret/key/for/tests/0000000001',
			sessionToken: 'FwoGZXIvYXdzEXPIRINGTOKEN',
		};
		server.addCredentials(expiring.accessKeyId, expiring.secretAccessKey, expiring.sessionToken);
		server.expireCredentials(expiring.accessKeyId);
		const logger = new MemoryLogger();
		const api = createLambdaApi(
			{ region: 'us-east-1', profile: 'dev', endpoint: server.endpoint, credentials: () => Promise.resolve({ ...expiring }) },
			{ logger, maxAttempts: 1, env: {} },
		);
		const { deps } = harness(server, {}, { api, logger });
		deps.target = { ...deps.target, profile: 'dev' };

		const outcome = await removeOnFailureDestination(deps);

		const { error } = outcome as Extract<ApplyOutcome, { status: 'failed' }>;
		assert.equal(error.kind, 'expired-credentials');
		assert.equal(error.message, 'The AWS credentials of profile "dev" have expired.');
		assert.equal(error.nextStep, 'Refresh them and try again (for an SSO profile, run: aws sso login --profile dev).');
		for (const line of logger.lines) {
			assert.ok(!line.includes(expiring.secretAccessKey) && !line.includes(expiring.sessionToken), line);
		}
	});

	it('never writes the secret key, the session token or an Authorization header to the log', async () => {
		server.addMapping(kafkaSeed({ FunctionName: 'apply-logs' }));
		const { deps, logger } = harness(server, { functionName: 'apply-logs', retries: [true] });
		server.injectFault({ operation: 'UpdateEventSourceMapping', kind: 'in-use' });
		const text = destinationDoc(QUEUE);
		assertApplied(await applyDocument(deps, { text, server: serverChecksFor(text) }, 'apply'));
		// A server error whose message echoes a signed header and the secret (as a misbehaving proxy might).
		server.injectFault({
			operation: 'GetEventSourceMapping',
			kind: 'server-error',
			times: 3,
			message: `boom Authorization: AWS4-HMAC-SHA256 Credential=${TEST_KEY.accessKeyId}/x, Signature=abc secret=${TEST_KEY.secretAccessKey}`,
		});
		const failed = await removeOnFailureDestination(deps);
		assert.equal(failed.status, 'failed');
		assert.doesNotMatch(JSON.stringify(failed), new RegExp(TEST_KEY.secretAccessKey.replace(/[/+]/g, '.')));

		assert.ok(logger.lines.length > 5, 'the flow logged its steps');
		assert.ok(
			logger.lines.some((l) => l.includes('boom')),
			'the injected server message was logged',
		);
		for (const line of logger.lines) {
			assert.ok(!line.includes(TEST_KEY.secretAccessKey), `secret in: ${line}`);
			assert.ok(!/Authorization\s*[:=]\s*AWS4/i.test(line) && !line.includes('Signature=abc'), `auth header in: ${line}`);
		}
	});

	it('lists every function and the Kafka mappings of the chosen one across pages', async () => {
		const paged = await startLoopback();
		try {
			paged.addCredentials(TEST_KEY.accessKeyId, TEST_KEY.secretAccessKey);
			for (let i = 0; i < 120; i++) {
				paged.addFunction(`fn-${String(i).padStart(3, '0')}`);
			}
			for (let i = 0; i < 250; i++) {
				const kafka = i % 5 !== 0;
				paged.addMapping(
					kafka
						? kafkaSeed({ FunctionName: FUNCTION, Topics: [`topic-${i}`] })
						: { FunctionName: FUNCTION, EventSourceArn: `arn:aws:sqs:us-east-1:123456789012:queue-${i}`, BatchSize: 10 },
				);
			}
			const { deps, ui } = harness(paged, { confirm: false });
			await removeOnFailureDestination(deps);
			assert.equal(ui.functionItems[0].length, 121);
			assert.equal(ui.mappingItems[0].length, 200);
			assert.ok(ui.mappingItems[0].every((item) => item.label.startsWith('topic-')));
			const lists = paged.requestsFor('ListEventSourceMappings');
			assert.equal(lists.length, 3);
			assert.deepEqual(
				lists.map((r) => r.query['MaxItems']),
				['100', '100', '100'],
			);
			assert.equal(paged.requestsFor('ListFunctions').length, 3);
		} finally {
			await paged.close();
		}
	});
});
