/** The refresh of open "current configuration" documents after this window changes a mapping, against the loopback Lambda. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { removeOnFailureDestination, undoLastApply } from '../../client/src/apply/applyFlow';
import { mappingAsUpdateDocument } from '../../client/src/apply/mappingDocument';
import type { OpenMappingDocuments } from '../../client/src/apply/mappingRefresh';
import { refreshMappingDocuments } from '../../client/src/apply/mappingRefresh';
import { MemoryStorage, SnapshotStore } from '../../client/src/apply/snapshot';
import type { MappingConfiguration } from '../../client/src/aws/lambdaApi';
import { MemoryLogger } from '../../client/src/aws/logger';
import type { LoopbackLambda } from '../loopback/lambdaServer';
import { apiFor, harness, kafkaSeed, OLD_QUEUE, REGION, startLoopback } from './harness';

/** The extension's open mapping documents, kept as their text. */
class FakeMappingDocuments implements OpenMappingDocuments {
	readonly texts = new Map<string, string>();
	readonly readAt = new Map<string, string>();
	private key = (uuid: string, region: string): string => `${region}/${uuid}`;

	open(mapping: MappingConfiguration, region: string): void {
		this.update(mapping, region, new Date('2026-01-01T00:00:00.000Z'));
	}
	isOpen(uuid: string, region: string): boolean {
		return this.texts.has(this.key(uuid, region));
	}
	update(mapping: MappingConfiguration, region: string, readAt: Date): void {
		this.texts.set(this.key(mapping.UUID!, region), mappingAsUpdateDocument(mapping));
		this.readAt.set(this.key(mapping.UUID!, region), readAt.toISOString());
	}
	destinationOf(uuid: string, region: string): unknown {
		return (JSON.parse(this.texts.get(this.key(uuid, region))!) as { DestinationConfig?: unknown }).DestinationConfig;
	}
}

describe('refreshing the open current configuration', () => {
	let server: LoopbackLambda;
	const logger = new MemoryLogger();

	before(async () => {
		server = await startLoopback(20);
	});
	after(async () => {
		await server.close();
	});

	it('re-reads the mapping after a removal and after its Undo', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'refresh-undo' }));
		const api = apiFor(server, logger);
		const documents = new FakeMappingDocuments();
		documents.open(await api.getMapping(mapping.UUID), REGION);
		const snapshots = new SnapshotStore(new MemoryStorage());
		const target = { uuid: mapping.UUID, region: REGION };
		const now = (): Date => new Date('2026-01-02T10:00:00.000Z');

		await removeOnFailureDestination(harness(server, { functionName: 'refresh-undo' }, { snapshots }).deps);
		const gets = server.requestsFor('GetEventSourceMapping').length;
		const removed = await refreshMappingDocuments(documents, api, target, { logger, now });
		assert.equal(server.requestsFor('GetEventSourceMapping').length, gets + 1);
		assert.equal(removed?.DestinationConfig?.OnFailure?.Destination, undefined);
		assert.equal(documents.destinationOf(mapping.UUID, REGION), undefined);
		assert.equal(documents.readAt.get(`${REGION}/${mapping.UUID}`), '2026-01-02T10:00:00.000Z');

		await undoLastApply(harness(server, {}, { snapshots }).deps);
		await refreshMappingDocuments(documents, api, target, { logger, now });
		assert.deepEqual(documents.destinationOf(mapping.UUID, REGION), { OnFailure: { Destination: OLD_QUEUE } });
		api.dispose();
	});

	it('sends nothing when no document shows the mapping (or shows it in another region)', async () => {
		const mapping = server.addMapping(kafkaSeed({ FunctionName: 'refresh-closed' }));
		const api = apiFor(server, logger);
		const documents = new FakeMappingDocuments();
		documents.open(await api.getMapping(mapping.UUID), 'eu-west-1');
		const gets = server.requestsFor('GetEventSourceMapping').length;
		assert.equal(await refreshMappingDocuments(documents, api, { uuid: mapping.UUID, region: REGION }, { logger }), undefined);
		assert.equal(server.requestsFor('GetEventSourceMapping').length, gets);
		api.dispose();
	});

	it('logs a failed read and leaves the document as it was', async () => {
		const api = apiFor(server, logger);
		const documents = new FakeMappingDocuments();
		const gone = { UUID: '00000000-0000-4000-8000-00000000dead', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:gone' };
		documents.open(gone, REGION);
		const before = documents.texts.get(`${REGION}/${gone.UUID}`);
		assert.equal(await refreshMappingDocuments(documents, api, { uuid: gone.UUID, region: REGION }, { logger }), undefined);
		assert.equal(documents.texts.get(`${REGION}/${gone.UUID}`), before);
		assert.match(
			logger.lines.at(-1) ?? '',
			/^\[warn\] Could not re-read event source mapping 00000000-0000-4000-8000-00000000dead for its open configuration: /,
		);
		api.dispose();
	});
});
