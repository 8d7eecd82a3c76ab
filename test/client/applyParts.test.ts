/** The pure parts of the apply: building requests, diffs, snapshots, error descriptions, log redaction. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mappingItem } from '../../client/src/apply/applyFlow';
import { buildRequest, fixedFieldChanges } from '../../client/src/apply/buildRequest';
import { confirmationText, createSummary } from '../../client/src/apply/confirmation';
import { diffConfigs, formatValue } from '../../client/src/apply/diff';
import { locateField } from '../../client/src/apply/fieldLocation';
import { mappingAsUpdateDocument, mappingFacts } from '../../client/src/apply/mappingDocument';
import { captureSnapshot, changedSinceApply, MemoryStorage, restoreRequest, SnapshotStore } from '../../client/src/apply/snapshot';
import { fieldOf, fieldToJsonPath, formatUserFacing, toUserFacingError } from '../../client/src/aws/errors';
import { redactSecrets } from '../../client/src/aws/logger';
import { analyzeDocument } from '../../server/src/language/validation/analyzeDocument';

const UUID = '14e0db71-5d35-4eb5-b481-8945cf9d10c2';
const OLD = 'arn:aws:sqs:us-east-1:123456789012:old-queue';

describe('buildRequest', () => {
	it('turns a destination config into an update of DestinationConfig for a mapping still to pick', () => {
		assert.deepEqual(buildRequest('destination-config', { OnFailure: { Destination: 'kafka://dlq' } }), {
			ok: true,
			built: { operation: 'update', uuid: undefined, fields: { DestinationConfig: { OnFailure: { Destination: 'kafka://dlq' } } } },
		});
	});

	it('sends an update request whole, less its UUID', () => {
		assert.deepEqual(buildRequest('esm-request', { UUID, BatchSize: 10, Enabled: false }), {
			ok: true,
			built: { operation: 'update', uuid: UUID, fields: { BatchSize: 10, Enabled: false } },
		});
	});

	it('makes a request without UUID a create request, and notes a missing FunctionName', () => {
		const request = { EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/u', Topics: ['t'], StartingPosition: 'LATEST' };
		assert.deepEqual(buildRequest('esm-request', request), { ok: true, built: { operation: 'create', request, needsFunction: true } });
		assert.equal((buildRequest('esm-request', { ...request, FunctionName: 'f' }) as { built: { needsFunction: boolean } }).built.needsFunction, false);
	});

	it('refuses every create-only field of an update, naming them', () => {
		const result = buildRequest('esm-request', { UUID, EventSourceArn: 'arn:aws:kafka:x', StartingPosition: 'LATEST', Tags: { a: 'b' }, BatchSize: 1 });
		assert.deepEqual(result, {
			ok: false,
			fields: ['EventSourceArn', 'StartingPosition', 'Tags'],
			message:
				'EventSourceArn, StartingPosition, Tags can only be set when a mapping is created; UpdateEventSourceMapping does not accept them. Remove them from this update request (a mapping that should read another source or topic must be created anew).',
		});
	});

	it('refuses empty and non-object documents', () => {
		assert.equal(buildRequest('esm-request', { UUID }).ok, false);
		assert.equal(buildRequest('destination-config', {}).ok, false);
		assert.equal(buildRequest('destination-config', []).ok, false);
		assert.equal(buildRequest('failure-record', {}).ok, false);
	});

	it('refuses a new consumer group id for an existing mapping', () => {
		assert.deepEqual(
			fixedFieldChanges(
				{ AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'new' } },
				{ AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'old' } },
			),
			['AmazonManagedKafkaEventSourceConfig.ConsumerGroupId is fixed when a mapping is created: this mapping uses "old", the document says "new".'],
		);
		assert.deepEqual(
			fixedFieldChanges(
				{ AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'same' } },
				{ AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'same' } },
			),
			[],
		);
	});
});

describe('mapping picker items', () => {
	it('give the detail line to the destination and the UUID, so a long ARN is not cut off by what came before it', () => {
		const mapping = {
			UUID: 'a3f5c2d1-7b8e-4f6a-9c0d-1e2f3a4b5c6d',
			State: 'Enabled',
			EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
			Topics: ['order-events'],
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
			DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:orders-consumer-failures' } },
			LastProcessingResult: 'OK',
		};
		assert.deepEqual(mappingItem(mapping), {
			label: 'order-events',
			description: 'Enabled · MSK orders-prod · provisioned · last result: OK',
			detail: 'On failure → arn:aws:sqs:us-east-1:123456789012:orders-consumer-failures · a3f5c2d1-7b8e-4f6a-9c0d-1e2f3a4b5c6d',
			uuid: 'a3f5c2d1-7b8e-4f6a-9c0d-1e2f3a4b5c6d',
			mapping,
		});
	});

	it('say when there is no destination or result yet', () => {
		const mapping = { UUID: 'b7e1d4c2-3a5f-4e8b-8d9c-0f1e2d3c4b5a', SelfManagedEventSource: { Endpoints: {} }, Topics: ['a', 'b'] };
		const item = mappingItem(mapping);
		assert.equal(item.description, 'unknown state · self-managed Kafka · on-demand · last result: none');
		assert.equal(item.detail, 'On failure → no destination · b7e1d4c2-3a5f-4e8b-8d9c-0f1e2d3c4b5a');
	});
});

describe('the confirmation', () => {
	it('summarises a create as the mapping to be created, leading fields first, then the others set', () => {
		const summary = createSummary({
			BatchSize: 50,
			SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['kafka-1.payments.internal:9096', 'kafka-2.payments.internal:9096'] } },
			FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:payments-consumer',
			Topics: ['payment-events', 'refunds'],
			StartingPosition: 'AT_TIMESTAMP',
			StartingPositionTimestamp: 1736500000,
			DestinationConfig: { OnFailure: { Destination: 'kafka://payments-dlq' } },
			Enabled: false,
		});
		assert.equal(
			summary,
			[
				'Function: arn:…:function:payments-consumer',
				'Source: self-managed Kafka kafka-1.payments.internal:9096, kafka-2.payments.internal:9096',
				'Topics: payment-events, refunds',
				'Starting position: AT_TIMESTAMP (1736500000)',
				'On failure → kafka://payments-dlq',
				'BatchSize: 50',
				'Enabled: false',
			].join('\n'),
		);
	});

	it('says what a create leaves unset, and lists a DestinationConfig with more than a failure destination whole', () => {
		assert.equal(
			createSummary({ FunctionName: 'f', DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:123456789012:ok' } } }),
			[
				'Function: f',
				'Source: (not set)',
				'Topics: (not set)',
				'Starting position: (not set)',
				'On failure → (none)',
				// Long values are cut as in an update's summary; the document shows them whole.
				'DestinationConfig: {"OnSuccess":{"Destination":"arn:aws:sqs:us-east-1:123456...',
			].join('\n'),
		);
	});

	it('asks to Create a create and to Apply an update', () => {
		const review = { summary: 'Function: f', warnings: ['w'], notes: ['n'] };
		assert.deepEqual(confirmationText({ ...review, operation: 'create' }), {
			detail: 'Function: f\n\n⚠ w\n\nℹ n\n\nNothing is sent unless you choose Create.',
			button: 'Create',
		});
		assert.deepEqual(confirmationText({ ...review, operation: 'update' }), {
			detail: 'Function: f\n\n⚠ w\n\nℹ n\n\nNothing is sent unless you choose Apply.',
			button: 'Apply',
		});
	});
});

describe('diffConfigs', () => {
	const current = {
		UUID,
		State: 'Enabled',
		BatchSize: 100,
		DestinationConfig: { OnFailure: { Destination: OLD } },
		ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3, PollerGroupName: 'shared' },
		LastModified: '2025-01-10T09:30:00.000Z',
	};

	it('projects the current configuration onto the fields sent, in the request order', () => {
		const diff = diffConfigs(current, { UUID, DestinationConfig: { OnFailure: { Destination: 'kafka://new' } }, BatchSize: 100 });
		assert.equal(
			diff.left,
			[
				'{',
				`  "UUID": "${UUID}",`,
				'  "DestinationConfig": {',
				'    "OnFailure": {',
				`      "Destination": "${OLD}"`,
				'    }',
				'  },',
				'  "BatchSize": 100',
				'}',
				'',
			].join('\n'),
		);
		assert.equal(
			diff.right,
			[
				'{',
				`  "UUID": "${UUID}",`,
				'  "DestinationConfig": {',
				'    "OnFailure": {',
				'      "Destination": "kafka://new"',
				'    }',
				'  },',
				'  "BatchSize": 100',
				'}',
				'',
			].join('\n'),
		);
		assert.equal(diff.summary, 'OnFailure.Destination: arn:…:old-queue → kafka://new');
		assert.equal(diff.unchanged, false);
	});

	it('shows members a replaced structure loses, and fields not set before', () => {
		const diff = diffConfigs(current, { UUID, ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 3 }, MaximumRetryAttempts: 5 });
		assert.equal(
			diff.summary,
			'ProvisionedPollerConfig.MinimumPollers: 1 → 2; ProvisionedPollerConfig.PollerGroupName: shared → (not set); MaximumRetryAttempts: (not set) → 5',
		);
		assert.equal(
			diff.left,
			`{\n  "UUID": "${UUID}",\n  "ProvisionedPollerConfig": {\n    "MinimumPollers": 1,\n    "MaximumPollers": 3,\n    "PollerGroupName": "shared"\n  }\n}\n`,
		);
	});

	it('knows that removing a destination from a mapping without one changes nothing', () => {
		const diff = diffConfigs({ UUID, DestinationConfig: { OnFailure: {} } }, { UUID, DestinationConfig: { OnFailure: { Destination: '' } } });
		assert.equal(diff.unchanged, true);
		assert.equal(diff.summary, 'No changes: the mapping already has this configuration.');
	});

	it('describes a removal as (none)', () => {
		assert.equal(
			diffConfigs(current, { UUID, DestinationConfig: { OnFailure: { Destination: '' } } }).summary,
			'OnFailure.Destination: arn:…:old-queue → (none)',
		);
	});

	it('shows a create against nothing', () => {
		const diff = diffConfigs(undefined, { FunctionName: 'f', Topics: ['t'] });
		assert.equal(diff.left, '{}\n');
		assert.equal(diff.summary, 'FunctionName: (not set) → f; Topics: (not set) → ["t"]');
	});

	it('shortens values for the summary', () => {
		assert.equal(formatValue('arn:aws:s3:::bucket'), 'arn:…:bucket');
		assert.equal(formatValue(''), '""');
		assert.equal(formatValue('', true), '(none)');
		assert.equal(formatValue({ Filters: [{ Pattern: 'x'.repeat(80) }] }).length, 60);
	});
});

describe('snapshots for Undo', () => {
	const meta = { functionName: 'f', region: 'us-east-1', profile: 'dev', endpoint: undefined, summary: 's', now: new Date('2025-02-01T10:00:00Z') };

	it('keeps the previous value of every field sent', () => {
		const snapshot = captureSnapshot(
			{ UUID, BatchSize: 100, DestinationConfig: { OnFailure: { Destination: OLD } } },
			{ UUID, BatchSize: 10, DestinationConfig: { OnFailure: { Destination: 'kafka://x' } } },
			meta,
		);
		assert.deepEqual(snapshot.previous, { BatchSize: 100, DestinationConfig: { OnFailure: { Destination: OLD } } });
		assert.deepEqual(restoreRequest(snapshot), { UUID, BatchSize: 100, DestinationConfig: { OnFailure: { Destination: OLD } } });
		assert.equal(snapshot.takenAt, '2025-02-01T10:00:00.000Z');
	});

	it('restores "no destination" as an empty destination, and unset settings as their off value', () => {
		const snapshot = captureSnapshot(
			{ UUID, DestinationConfig: { OnFailure: {} } },
			{
				UUID,
				DestinationConfig: { OnFailure: { Destination: 'kafka://x' } },
				MaximumRetryAttempts: 2,
				ProvisionedPollerConfig: { MinimumPollers: 1 },
				KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
			},
			meta,
		);
		assert.deepEqual(snapshot.previous, { DestinationConfig: { OnFailure: { Destination: '' } }, MaximumRetryAttempts: -1, ProvisionedPollerConfig: {} });
		assert.deepEqual(snapshot.unrestorable, ['KMSKeyArn']);
	});

	it('notices changes made after the apply', () => {
		const snapshot = captureSnapshot(
			{ UUID, BatchSize: 100 },
			{ UUID, BatchSize: 10, ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2 } },
			meta,
		);
		assert.deepEqual(changedSinceApply(snapshot, { BatchSize: 10, ProvisionedPollerConfig: { MaximumPollers: 2, MinimumPollers: 1 } }), []);
		assert.deepEqual(changedSinceApply(snapshot, { BatchSize: 20, ProvisionedPollerConfig: { MaximumPollers: 2, MinimumPollers: 1 } }), ['BatchSize']);
	});

	it('stores one snapshot and clears it', async () => {
		const store = new SnapshotStore(new MemoryStorage());
		assert.equal(store.last(), undefined);
		const snapshot = captureSnapshot({ UUID }, { UUID, BatchSize: 1 }, meta);
		await store.save(snapshot);
		assert.deepEqual(store.last(), JSON.parse(JSON.stringify(snapshot)));
		await store.clear();
		assert.equal(store.last(), undefined);
	});
});

describe('AWS errors as plain messages', () => {
	const service = (name: string, message: string, status: number, extra: Record<string, unknown> = {}): Error =>
		Object.assign(new Error(message), {
			name,
			$fault: status >= 500 ? 'server' : 'client',
			$metadata: { httpStatusCode: status, requestId: 'req-1', attempts: 1 },
			...extra,
		});

	it('names the missing permission', () => {
		const error = toUserFacingError(
			service(
				'AccessDeniedException',
				'User: arn:aws:sts::123456789012:assumed-role/dev/me is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows the lambda:ListFunctions action',
				403,
			),
			{ profile: 'dev', operation: 'ListFunctions' },
		);
		assert.equal(
			formatUserFacing(error),
			'Access denied: the identity of profile "dev" is not allowed lambda:ListFunctions on *. Ask for lambda:ListFunctions to be granted to that identity, or choose another profile.',
		);
	});

	it('falls back to the operation for an access-denied message without an action', () => {
		assert.match(
			toUserFacingError(service('AccessDeniedException', 'Forbidden', 403), { operation: 'GetEventSourceMapping' }).message,
			/lambda:GetEventSourceMapping/,
		);
	});

	it('names the service and the IAM action of SQS and S3 calls, not Lambda', () => {
		assert.match(
			toUserFacingError(service('AccessDenied', 'Access Denied', 403), { service: 's3', operation: 'ListObjectsV2', profile: 'dev' }).message,
			/not allowed s3:ListBucket\./,
		);
		assert.match(toUserFacingError(service('AccessDenied', 'Access Denied', 403), { service: 's3', operation: 'GetObject' }).message, /s3:GetObject/);
		assert.match(
			toUserFacingError(service('AccessDenied', 'Access Denied', 403), { service: 'sqs', operation: 'DeleteMessageBatch' }).message,
			/sqs:DeleteMessage\b/,
		);
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
		assert.match(toUserFacingError(refused, { service: 'sqs', region: 'eu-west-1' }).message, /^Could not reach Amazon SQS in eu-west-1:/);
		assert.match(toUserFacingError(refused, { region: 'eu-west-1' }).message, /^Could not reach AWS Lambda in eu-west-1:/);
	});

	it('recognises expired and invalid keys', () => {
		assert.equal(toUserFacingError(service('ExpiredTokenException', 'The security token included in the request is expired', 403)).kind, 'expired-credentials');
		assert.equal(
			toUserFacingError(service('UnrecognizedClientException', 'The security token included in the request is invalid.', 403)).kind,
			'invalid-credentials',
		);
		assert.match(
			toUserFacingError(service('InvalidSignatureException', 'Signature expired: 20250101T000000Z is now earlier than ...', 403)).nextStep ?? '',
			/clock/,
		);
	});

	it('gives the SSO login command for expired SSO sessions', () => {
		const legacy = Object.assign(
			new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'),
			{ name: 'CredentialsProviderError' },
		);
		assert.equal(toUserFacingError(legacy, { profile: 'corp' }).nextStep, 'Run: aws sso login --profile corp');
		const missing = Object.assign(
			new Error(
				"The SSO session token associated with profile=corp was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
			),
			{ name: 'TokenProviderError' },
		);
		assert.equal(toUserFacingError(missing, { profile: 'corp' }).kind, 'sso-expired');
	});

	it('says when no credentials were found at all', () => {
		const error = toUserFacingError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
		assert.equal(error.kind, 'no-credentials');
		assert.match(error.nextStep ?? '', /Select AWS Profile/);
	});

	it('extracts the field from validation messages', () => {
		assert.equal(
			fieldOf(
				"1 validation error detected: Value 'x' at 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy regular expression pattern",
			),
			'destinationConfig.onFailure.destination',
		);
		assert.equal(fieldOf('MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)'), 'MaximumRecordAgeInSeconds');
		assert.equal(fieldOf('Unsupported DestinationConfig parameter for given event source mapping type.'), 'DestinationConfig');
		assert.equal(fieldOf('Function does not exist'), undefined);
		assert.deepEqual(fieldToJsonPath('destinationConfig.onFailure.destination'), ['DestinationConfig', 'OnFailure', 'Destination']);
		assert.deepEqual(fieldToJsonPath('kMSKeyArn'), ['KMSKeyArn']);
		assert.deepEqual(fieldToJsonPath('topics[0]'), ['Topics', 0]);
		assert.deepEqual(fieldToJsonPath('provisionedPollerConfig.maximumPollers'), ['ProvisionedPollerConfig', 'MaximumPollers']);
	});

	it('locates the field in the document, for destination configs without the DestinationConfig level', () => {
		const config = '{\n  "OnFailure": {\n    "Destination": "kafka://.bad"\n  }\n}';
		const range = locateField(config, 'destination-config', 'destinationConfig.onFailure.destination')!;
		assert.equal(config.slice(range.start, range.end), '"Destination": "kafka://.bad"');
		const request = `{"UUID":"${UUID}","MaximumRecordAgeInSeconds":30}`;
		const age = locateField(request, 'esm-request', 'MaximumRecordAgeInSeconds')!;
		assert.equal(request.slice(age.start, age.end), '"MaximumRecordAgeInSeconds":30');
		assert.equal(locateField(request, 'esm-request', 'topics[0]'), undefined);
	});

	it('treats socket errors as network problems and server faults as retryable', () => {
		const refused = toUserFacingError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), {
			endpoint: 'http://127.0.0.1:1',
		});
		assert.equal(
			formatUserFacing(refused),
			'Could not reach http://127.0.0.1:1: the connection was refused. Check that the endpoint (setting lambdaKafka.aws.endpointUrl) is running and reachable.',
		);
		assert.equal(
			toUserFacingError(Object.assign(new Error('getaddrinfo ENOTFOUND lambda.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' }), { region: 'us-east-1' })
				.message,
			'Could not reach AWS Lambda in us-east-1: the host name could not be resolved.',
		);
		assert.equal(toUserFacingError(service('ServiceException', 'internal', 500)).retryable, true);
	});
});

describe('log redaction', () => {
	it('removes signed headers, tokens and known secrets', () => {
		const line = redactSecrets(
			'headers {"authorization":"AWS4-HMAC-SHA256 Credential=AKIAABCDEFGHIJKLMNOP/20250101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=abcdef","x-amz-security-token":"FwoGZXIvYXdzEJr"} key wJalrXUtnFEMI/K7MDENG',
			['wJalrXUtnFEMI/K7MDENG'],
		);
		assert.doesNotMatch(line, /AWS4-HMAC|Signature=abcdef|FwoGZXIvYXdzEJr|wJalrXUtnFEMI|AKIAABCDEFGHIJKLMNOP/);
		assert.equal(redactSecrets('aws_secret_access_key = abc/def'), 'aws_secret_access_key = [redacted]');
	});
});

describe('the current configuration as a document', () => {
	const mapping = {
		UUID,
		FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-consumer',
		EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders-prod/7c9e6679-7425-40de-944b-e07fc1f90ae7-3',
		Topics: ['orders'],
		StartingPosition: 'LATEST',
		BatchSize: 100,
		ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
		AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: UUID },
		DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } },
		MaximumRetryAttempts: 3,
		State: 'Enabled',
		StateTransitionReason: 'User action',
		LastModified: '2025-01-10T09:30:00.000Z',
		LastProcessingResult: 'OK',
		EventSourceMappingArn: `arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${UUID}`,
	};

	it('is an update request with only the members Update accepts', () => {
		assert.deepEqual(JSON.parse(mappingAsUpdateDocument(mapping)), {
			UUID,
			Enabled: true,
			BatchSize: 100,
			ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
			DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } },
			MaximumRetryAttempts: 3,
		});
	});

	it('validates cleanly as an update request', () => {
		const analysis = analyzeDocument(mappingAsUpdateDocument(mapping), { fileName: 'orders-consumer.json', languageId: 'json' });
		assert.equal(analysis.kind, 'esm-request');
		assert.equal(analysis.requestMode, 'update');
		assert.deepEqual(
			analysis.problems.filter((p) => p.severity === 'error' || p.severity === 'warning'),
			[],
		);
	});

	it('leaves out an empty destination, and lists the response-only facts', () => {
		assert.equal('DestinationConfig' in JSON.parse(mappingAsUpdateDocument({ ...mapping, DestinationConfig: { OnFailure: {} } })), false);
		assert.deepEqual(mappingFacts(mapping).slice(0, 4), [
			['State', 'Enabled'],
			['State transition reason', 'User action'],
			['Last processing result', 'OK'],
			['Last modified', '2025-01-10T09:30:00.000Z'],
		]);
	});
});
